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
    """Article files under `directory`, sorted; hidden files and folders are skipped.

    Anything with an article's name that is not a folder is listed, FIFOs and device nodes
    included: reading refuses those with a warning naming them, rather than leaving them
    out unsaid.
    """
    return sorted(
        p
        for p in directory.rglob("*")
        if p.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(directory).parts)
        and not p.is_dir()
    )
