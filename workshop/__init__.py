"""The workshop companion: run collaboration sessions live, keep every answer, compare over time."""

__version__ = "0.1.0"
