"""What a worker sends back for a chunk of articles, and how the caller takes it in.

Shared by the local process pool and the Dask path, so a field added to a worker's result
is added in one place; imports neither spaCy nor Dask (the caller of a cluster needs no model).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from debate_tui.model import Article, Layout, Statement

# per article, in order: its statements, the warnings its parse gave, its layout
Found = list[tuple[list[Statement], list[str], Layout | None]]


def deliver(
    chunk: list[Article], found: Found, warn: Callable[[str], None] | None
) -> Iterator[tuple[Article, list[Statement]]]:
    """Each article of `chunk` with its statements; its warnings said, its layout kept on
    the caller's copy (the worker analysed a copy of its own)."""
    for article, (statements, warnings, layout) in zip(chunk, found, strict=True):
        if warn:
            for message in warnings:
                warn(message)
        article.layout = layout
        yield article, statements
