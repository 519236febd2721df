"""quizapp: a terminal practice-exam trainer for AWS certifications."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("quizapp")
except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0.0.0"
