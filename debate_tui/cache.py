"""Parsed statements per article, on disk, so a second start skips spaCy entirely.

An entry is keyed by the article's content hash plus the extractor and configuration
versions: change any of them and the entry is simply not found. A corrupt entry is
reported and rebuilt, never trusted.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from debate_tui.model import Statement

# Bump whenever extraction rules change what they produce.
EXTRACTOR_VERSION = "2"


def cache_dir() -> Path:
    """The user cache folder; DEBATE_TUI_CACHE overrides it (tests, benchmarks)."""
    override = os.environ.get("DEBATE_TUI_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("debate-tui"))


def entry_key(text_sha256: str, config_version: str) -> str:
    return f"{text_sha256[:32]}-{EXTRACTOR_VERSION}-{config_version}"


class StatementCache:
    def __init__(self, directory: Path | None = None, warn: Callable[[str], None] | None = None):
        self.directory = directory or cache_dir()
        self._warn = warn or (lambda _message: None)

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    def get(self, key: str, source: str) -> list[Statement] | None:
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except OSError:  # absent or unreadable: a miss
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
            statements = [
                Statement.from_dict({**item, "source": source}) for item in data["statements"]
            ]
        except (ValueError, KeyError, TypeError) as exc:  # UnicodeDecodeError is a ValueError
            reason = exc.__class__.__name__
            self._warn(f"{source}: cache entry {path.name} is corrupt ({reason}); rebuilding it")
            return None
        return statements

    def put(self, key: str, statements: list[Statement]) -> None:
        """Write atomically; a cache that cannot be written only costs speed."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            payload = json.dumps(
                {"statements": [st.to_dict() for st in statements]}, ensure_ascii=False
            )
            fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            os.replace(tmp, self._path(key))
        except OSError:
            pass
