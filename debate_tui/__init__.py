"""debate-tui: read a debate reported in the news, side by side, in the terminal."""

__version__ = "0.1.0"
