"""quizapp: a terminal practice-exam trainer for AWS certifications."""

# Kept here rather than read from package metadata: importlib.metadata costs ~50 ms at start-up.
__version__ = "0.1.0"
