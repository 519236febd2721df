"""The application layer: attempts and study, owned once for the TUI and plain mode."""
