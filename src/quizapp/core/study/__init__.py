"""Study rules: topic mastery, the wrong-answer notebook and scheduling."""
