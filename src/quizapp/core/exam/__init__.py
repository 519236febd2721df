"""Exam blueprints, question selection, sessions and scoring."""
