"""Pure domain logic: bank formats, exams, scoring and study rules (no UI, no database)."""
