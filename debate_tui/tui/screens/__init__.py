"""Screens of the reader: loading, reading, source, help, confirmation."""
