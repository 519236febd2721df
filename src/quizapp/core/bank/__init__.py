"""Question banks and exam blueprints: file formats, loading and the library."""
