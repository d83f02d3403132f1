"""Errors the command line turns into one-line messages (never tracebacks)."""


class ModelMissingError(RuntimeError):
    """No trained English spaCy pipeline is installed."""


class ClusterError(Exception):
    """A Dask scheduler could not be reached or started; the message says which and why."""
