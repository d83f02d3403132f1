"""Which files make up a corpus, found without reading any of them.

Kept apart from corpus.py (decoding, paragraphs, furniture rules) so that a warm start,
which only lists and hashes the files, does not compile the reading rules at all.
"""

from __future__ import annotations

import os
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SIDECAR_NAME = "sources.toml"


class CorpusError(Exception):
    """The corpus as a whole cannot be read (missing folder): a usage error."""


def article_paths(directory: Path) -> list[Path]:
    """Article files under `directory`, sorted; hidden files and folders are skipped.

    Anything with an article's name that is not a folder is listed, FIFOs and device nodes
    included: reading refuses those with a warning naming them, rather than leaving them
    out unsaid. Linked folders are not entered, unreadable ones are skipped (as
    `Path.rglob` does). One `os.scandir` walk whose entries already know their type: a
    warm start lists every file of the corpus, and at 50,000 articles `rglob` plus a
    `stat` per file took seconds.
    """
    return [Path(path) for _name, path in article_files(directory)]


def article_files(directory: Path) -> list[tuple[str, str]]:
    """(name relative to `directory` with "/" between folders, path) of each article file,
    in the order of `article_paths`: what the corpus key needs, with no `Path` per file
    (at 50,000 articles building those and their relative names took most of a second)."""
    found: list[tuple[tuple[str, ...], str]] = []
    _walk(os.fspath(directory), (), found)
    found.sort(key=lambda item: item[0])  # the order of sorting the paths themselves
    return [("/".join(parts), path) for parts, path in found]


def _walk(folder: str, parts: tuple[str, ...], found: list[tuple[tuple[str, ...], str]]) -> None:
    try:
        with os.scandir(folder) as entries:
            listed = list(entries)
    except (PermissionError, NotADirectoryError, FileNotFoundError):
        return
    for entry in listed:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink():
                _walk(entry.path, (*parts, name), found)
            continue
        if os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES:
            found.append(((*parts, name), entry.path))
