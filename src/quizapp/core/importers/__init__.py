"""Importers: other quiz formats (Markdown, Aiken, GIFT, CSV) turned into quizapp banks."""
