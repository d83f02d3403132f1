"""Errors the command line turns into one-line messages (never tracebacks)."""


class ModelMissingError(RuntimeError):
    """No trained English spaCy pipeline is installed."""
