"""``python -m quizapp`` runs the command-line entry point."""

from quizapp.cli import main

raise SystemExit(main())
