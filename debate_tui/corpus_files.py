"""Which files make up a corpus, found without reading any of them.

Kept apart from corpus.py (decoding, paragraphs, furniture rules) so that a warm start,
which only lists and hashes the files, does not compile the reading rules at all.
"""

from __future__ import annotations

from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SIDECAR_NAME = "sources.toml"


class CorpusError(Exception):
    """The corpus as a whole cannot be read (missing folder): a usage error."""


def article_paths(directory: Path) -> list[Path]:
    """Article files under `directory`, sorted; hidden files and folders are skipped."""
    return sorted(
        p
        for p in directory.rglob("*")
        if p.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(directory).parts)
        and (p.is_file() or p.is_symlink())
    )
