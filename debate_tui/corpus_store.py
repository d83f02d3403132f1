"""A built corpus in one SQLite file, read a topic at a time.

At 50,000 articles a corpus entry holds about half a million statements: read whole (as
one JSON document) it took ten seconds and gigabytes before the reader's first frame.
Here the statements sit in a table indexed by source, with each topic's members and its
pairing rows (computed once, when the corpus is built) keyed by topic, and the counts the
header and the topic list show kept apart: a warm start reads those counts and the first
topic's statements, nothing else.

The file is input like any other cache entry. It is opened read-only after checking it is
a regular file holding exactly this layout, under this key; every statement, article and
row is validated as it is read (`cache_schema`). Anything wrong is one warning naming the
entry, and the file is removed so the next start rebuilds it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload
from urllib.parse import quote

from debate_tui.cache_schema import ARTICLE_META, CORPUS_STATEMENT, corrupt, problem
from debate_tui.model import ArticleMeta, Row, Statement

if TYPE_CHECKING:
    from debate_tui.model import Debate

FORMAT = "debate-tui corpus 1"
_TABLES = {
    "meta": "CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "articles": "CREATE TABLE articles(id INTEGER PRIMARY KEY, source TEXT NOT NULL, "
    "data TEXT NOT NULL)",
    "statements": "CREATE TABLE statements(id INTEGER PRIMARY KEY, source TEXT NOT NULL, "
    "speaker TEXT NOT NULL, data TEXT NOT NULL)",
    "members": "CREATE TABLE members(topic TEXT NOT NULL, seq INTEGER NOT NULL, "
    "statement INTEGER NOT NULL, PRIMARY KEY (topic, seq)) WITHOUT ROWID",
    "pair_rows": "CREATE TABLE pair_rows(topic TEXT NOT NULL, seq INTEGER NOT NULL, "
    "grp TEXT NOT NULL, left_id INTEGER, right_id INTEGER, why TEXT NOT NULL, "
    "PRIMARY KEY (topic, seq)) WITHOUT ROWID",
    "topic_counts": "CREATE TABLE topic_counts(topic TEXT PRIMARY KEY, left_count INTEGER "
    "NOT NULL, right_count INTEGER NOT NULL)",
    "warnings": "CREATE TABLE warnings(id INTEGER PRIMARY KEY, text TEXT NOT NULL)",
}
_INDEXES = {
    "articles_by_source": "CREATE INDEX articles_by_source ON articles(source)",
    "statements_by_source": "CREATE INDEX statements_by_source ON statements(source)",
}
# Statements read per query (SQLite allows 999 parameters in older builds).
_BATCH = 500
# Rows whose statements are read at once when one of them is shown, and how many such
# pages a topic keeps: about a screenful of cards needs one.
PAGE_ROWS = 100
KEEP_PAGES = 8
# A topic's rows as four columns: group, left statement id, right statement id, reason.
Layout = tuple[list[str], list[int | None], list[int | None], list[str]]
# Counts kept in `meta`, so a start never counts half a million rows.
_COUNTS = ("articles", "statements", "left_total", "right_total")

T = TypeVar("T")


class StoreProblem(ValueError):
    """The file is there but is not a corpus this version wrote under this key."""


class TopicTable:
    """One topic as the reader shows it: its statements in corpus order (indexes into the
    entry's statement list), its pairing rows, and the two sides' counts."""

    __slots__ = ("counts", "members", "rows")

    def __init__(
        self,
        members: list[int],
        rows: list[tuple[str, int | None, int | None, str]],
        counts: tuple[int, int],
    ) -> None:
        self.members = members
        self.rows = rows
        self.counts = counts


def topic_tables(debate: Debate) -> dict[str, TopicTable]:
    """Every topic of an in-memory debate laid out for the store: pairing each topic here,
    at build time, is what spares the reader the lexicon over every statement."""
    position = {id(st): index for index, st in enumerate(debate.statements)}
    tables: dict[str, TopicTable] = {}
    for topic in debate.all_topics():
        members = [position[id(st)] for st in debate.statements_for(topic.id)]
        rows = [
            (
                row.group,
                None if row.left is None else position[id(row.left)],
                None if row.right is None else position[id(row.right)],
                row.why,
            )
            for row in debate.pairing(topic.id).rows
        ]
        tables[topic.id] = TopicTable(members, rows, debate.counts(topic.id))
    return tables


def write_store(
    path: Path,
    key: str,
    articles: Sequence[ArticleMeta],
    statements: Sequence[Statement],
    warnings: Sequence[str],
    tables: dict[str, TopicTable],
    sides: tuple[str, str],
) -> None:
    """Write the corpus to `path` (a new file: the caller moves it into place)."""
    left, right = sides
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        for sql in (*_TABLES.values(), *_INDEXES.values()):
            connection.execute(sql)
        connection.executemany(
            "INSERT INTO articles VALUES (?, ?, ?)",
            (
                (index, meta.source, json.dumps(meta._asdict(), ensure_ascii=False))
                for index, meta in enumerate(articles)
            ),
        )
        connection.executemany(
            "INSERT INTO statements VALUES (?, ?, ?, ?)",
            (
                (index, st.source, st.speaker, json.dumps(st.to_dict(), ensure_ascii=False))
                for index, st in enumerate(statements)
            ),
        )
        for topic, table in tables.items():
            connection.executemany(
                "INSERT INTO members VALUES (?, ?, ?)",
                ((topic, seq, member) for seq, member in enumerate(table.members)),
            )
            connection.executemany(
                "INSERT INTO pair_rows VALUES (?, ?, ?, ?, ?, ?)",
                ((topic, seq, *row) for seq, row in enumerate(table.rows)),
            )
            connection.execute("INSERT INTO topic_counts VALUES (?, ?, ?)", (topic, *table.counts))
        connection.executemany("INSERT INTO warnings VALUES (?, ?)", enumerate(warnings))
        counts = {
            "articles": len(articles),
            "statements": len(statements),
            "left_total": sum(1 for st in statements if st.speaker == left),
            "right_total": sum(1 for st in statements if st.speaker == right),
        }
        connection.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("format", FORMAT),
                ("key", key),
                ("left", left),
                ("right", right),
                *((name, str(n)) for name, n in counts.items()),
            ],
        )
        connection.commit()
    finally:
        connection.close()


class CorpusStore:
    """A corpus file opened read-only. Reads never raise: a problem found in the middle of a
    session is said once through `warn`, the file is removed (the next start rebuilds it),
    and what could not be read is left out."""

    def __init__(self, path: Path, key: str, warn: Callable[[str], None]) -> None:
        self.path = path
        self._warn = warn
        self._lock = threading.Lock()  # a refresh builds in a worker thread, then hands over
        self._broken = False
        self._articles: dict[str, ArticleMeta | None] = {}
        info = os.stat(path)  # OSError: a miss
        if not stat.S_ISREG(info.st_mode):
            raise StoreProblem("not a regular file")
        try:
            self._db = sqlite3.connect(
                f"file:{quote(str(path))}?mode=ro", uri=True, check_same_thread=False
            )
        except sqlite3.Error:
            raise StoreProblem("cannot be opened as a database") from None
        try:
            self.counts = self._check(key)
        except (sqlite3.Error, StoreProblem) as exc:
            self._db.close()
            reason = str(exc) if isinstance(exc, StoreProblem) else "not a corpus database"
            raise StoreProblem(reason) from None

    def _check(self, key: str) -> dict[str, int]:
        tables = dict(self._db.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))
        if tables != {**_TABLES, **_INDEXES}:
            raise StoreProblem("not a corpus database of this version")
        meta = dict(self._db.execute("SELECT name, value FROM meta"))
        if meta.get("format") != FORMAT:
            raise StoreProblem("not a corpus database of this version")
        if meta.get("key") != key:
            raise StoreProblem("written for another corpus")
        counts: dict[str, int] = {}
        for name in _COUNTS:
            value = meta.get(name)
            if type(value) is not str or not value.isdigit():
                raise StoreProblem(f"meta.{name}: expected a whole number >= 0")
            counts[name] = int(value)
        return counts

    def close(self) -> None:
        self._db.close()

    # -- reading, each guarded ------------------------------------------------------------
    def _guarded(self, read: Callable[[], T], empty: T) -> T:
        if self._broken:
            return empty
        with self._lock:
            try:
                return read()
            except (sqlite3.Error, StoreProblem) as exc:
                reason = str(exc) if isinstance(exc, StoreProblem) else "unreadable"
                self._break(reason)
                return empty

    def _break(self, reason: str) -> None:
        self._broken = True
        self._warn(corrupt("corpus", self.path.name, reason))
        try:
            self._db.close()
            self.path.unlink()
        except OSError:
            pass

    @property
    def broken(self) -> bool:
        return self._broken

    def warnings(self) -> list[str]:
        def read() -> list[str]:
            found = [text for (text,) in self._db.execute("SELECT text FROM warnings ORDER BY id")]
            if not all(type(text) is str for text in found):
                raise StoreProblem("warnings: expected strings")
            return found

        return self._guarded(read, [])

    def topic_counts(self, topic: str) -> tuple[int, int]:
        def read() -> tuple[int, int]:
            found = self._db.execute(
                "SELECT left_count, right_count FROM topic_counts WHERE topic = ?", (topic,)
            ).fetchone()
            if found is None:
                return (0, 0)
            if not all(type(n) is int and n >= 0 for n in found):
                raise StoreProblem(f"counts of {topic!r}: expected whole numbers >= 0")
            return (found[0], found[1])

        return self._guarded(read, (0, 0))

    def article(self, source: str) -> ArticleMeta | None:
        if source in self._articles:
            return self._articles[source]

        def read() -> ArticleMeta | None:
            found = self._db.execute(
                "SELECT data FROM articles WHERE source = ? ORDER BY id LIMIT 1", (source,)
            ).fetchone()
            return None if found is None else _article(found[0])

        meta = self._articles[source] = self._guarded(read, None)
        return meta

    def articles(self) -> list[ArticleMeta]:
        def read() -> list[ArticleMeta]:
            rows = self._db.execute("SELECT data FROM articles ORDER BY id")
            return [_article(data) for (data,) in rows]

        return self._guarded(read, [])

    def statements(self) -> list[Statement]:
        def read() -> list[Statement]:
            rows = self._db.execute("SELECT data FROM statements ORDER BY id")
            return [_statement(data) for (data,) in rows]

        return self._guarded(read, [])

    def article_at(self, index: int) -> ArticleMeta | None:
        def read() -> ArticleMeta | None:
            found = self._db.execute("SELECT data FROM articles WHERE id = ?", (index,)).fetchone()
            return None if found is None else _article(found[0])

        return self._guarded(read, None)

    def statement(self, index: int) -> Statement | None:
        def read() -> Statement | None:
            found = self._db.execute(
                "SELECT data FROM statements WHERE id = ?", (index,)
            ).fetchone()
            return None if found is None else _statement(found[0])

        return self._guarded(read, None)

    def _members(self, topic: str) -> dict[int, Statement]:
        rows = self._db.execute(
            "SELECT s.id, s.data FROM members AS m JOIN statements AS s ON s.id = m.statement "
            "WHERE m.topic = ? ORDER BY m.seq",
            (topic,),
        )
        return {index: _statement(data) for index, data in rows}

    def topic_statements(self, topic: str) -> list[Statement]:
        return self._guarded(lambda: list(self._members(topic).values()), [])

    def topic_rows(self, topic: str, sides: tuple[str, str]) -> Sequence[Row]:
        """The topic's pairing rows: which statements sit side by side, read now; the
        statements themselves are read a page at a time when a row is asked for."""

        def read() -> StoredRows:
            groups: dict[str, str] = {}  # one string per group, however many rows
            # Four flat columns rather than a tuple per row: the garbage collector, which
            # scans every tuple it tracks, never sees the 100,000 rows of a big topic.
            layout: Layout = ([], [], [], [])
            found = self._db.execute(
                "SELECT grp, left_id, right_id, why FROM pair_rows WHERE topic = ? ORDER BY seq",
                (topic,),
            )
            for group, left_id, right_id, why in found:
                if type(group) is not str or type(why) is not str:
                    raise StoreProblem(f"rows of {topic!r}: expected text")
                if not (_is_id(left_id) and _is_id(right_id)) or left_id == right_id:
                    raise StoreProblem(f"rows of {topic!r}: an empty row or a wrong cell")
                layout[0].append(groups.setdefault(group, group))
                layout[1].append(left_id)
                layout[2].append(right_id)
                layout[3].append(why)
            return StoredRows(self, topic, sides, layout)

        return self._guarded(read, ())

    def _statements_by_id(self, ids: list[int]) -> dict[int, Statement]:
        found: dict[int, Statement] = {}
        for start in range(0, len(ids), _BATCH):
            batch = ids[start : start + _BATCH]
            rows = self._db.execute(
                f"SELECT id, data FROM statements WHERE id IN ({','.join('?' * len(batch))})",
                batch,
            )
            for index, data in rows:
                found[index] = _statement(data)
        return found

    def page(self, topic: str, sides: tuple[str, str], layout: Layout) -> list[Row]:
        """Rows from their layout, each cell checked to be a statement of this topic by the
        speaker of its column; empty when the store turns out to be damaged."""

        def read() -> list[Row]:
            groups, lefts, rights, whys = layout
            ids = sorted({i for i in (*lefts, *rights) if i is not None})
            statements = self._statements_by_id(ids)
            return [
                Row(
                    group,
                    _cell(statements, left_id, sides[0], topic),
                    _cell(statements, right_id, sides[1], topic),
                    why,
                )
                for group, left_id, right_id, why in zip(groups, lefts, rights, whys, strict=True)
            ]

        return self._guarded(read, [])

    def verify(self) -> bool:
        """Read and check everything once (articles, statements, every topic's rows and
        the statements they show): what a build does with an entry before trusting it for
        an export or a refresh."""
        self.articles()
        self.warnings()

        def statements() -> None:  # each checked, none kept: half a million at 50,000 articles
            for (data,) in self._db.execute("SELECT data FROM statements ORDER BY id"):
                _statement(data)

        self._guarded(statements, None)
        topics: list[str] = self._guarded(
            lambda: [t for (t,) in self._db.execute("SELECT topic FROM topic_counts")], []
        )
        sides = self._guarded(lambda: self._sides(), ("", ""))
        for topic in topics:
            if self._broken:
                break
            self.topic_counts(topic)
            for _row in self.topic_rows(topic, sides):
                pass
        return not self._broken

    def _sides(self) -> tuple[str, str]:
        found = dict(self._db.execute("SELECT name, value FROM meta"))
        return (str(found.get("left", "")), str(found.get("right", "")))


def _is_id(value: Any) -> bool:
    return value is None or (type(value) is int and value >= 0)


def _cell(found: dict[int, Statement], index: Any, speaker: str, topic: str) -> Statement | None:
    if index is None:
        return None
    st = found.get(index)
    if st is None or (speaker and st.speaker != speaker) or topic not in st.topics:
        raise StoreProblem(f"rows of {topic!r}: a cell that is not one of its statements")
    return st


def _loads(data: Any) -> Any:
    if type(data) is not str:
        raise StoreProblem("expected JSON text")
    try:
        return json.loads(data)
    except (ValueError, RecursionError):
        raise StoreProblem("not valid JSON") from None


def _statement(data: Any) -> Statement:
    item = _loads(data)
    if not CORPUS_STATEMENT.ok(item):
        raise StoreProblem(problem(CORPUS_STATEMENT, item) or "a statement")
    return Statement.from_dict(item)


def _article(data: Any) -> ArticleMeta:
    item = _loads(data)
    if not ARTICLE_META.ok(item):
        raise StoreProblem(problem(ARTICLE_META, item) or "an article")
    return ArticleMeta(**item)


class _ReadOnDemand(Sequence[T]):
    """A sequence read from the store: equal to any sequence of the same items, as the
    list it stands for would be (tests and callers compare it with lists)."""

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class Stored(_ReadOnDemand[T]):
    """A list read from the store when it is used, never kept: the reader only counts these
    (the count is in the store), while an export or a filter over everything reads them."""

    def __init__(self, count: int, read: Callable[[], list[T]], one: Callable[[int], T | None]):
        self._count = count
        self._read = read
        self._one = one

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[T]:
        return iter(self._read())

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return self._read()[index]
        if index < 0:
            index += self._count
        found = self._one(index) if 0 <= index < self._count else None
        if found is None:
            raise IndexError(index)
        return found

    def __repr__(self) -> str:
        return f"<{self._count} stored>"


class StoredRows(_ReadOnDemand[Row]):
    """A topic's pairing rows read from the store: which statements sit side by side is
    held for every row, the statements only for the last few pages shown. So a topic of
    50,000 rows opens as fast as one of five, and holds a few hundred statements."""

    def __init__(
        self, store: CorpusStore, topic: str, sides: tuple[str, str], layout: Layout
    ) -> None:
        self._store = store
        self._topic = topic
        self._sides = sides
        self._layout = layout
        self._pages: dict[int, list[Row]] = {}
        self._filled: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self._layout[0])

    def filled(self, column: int) -> list[int]:
        """The indexes of the rows with a statement in `column`, without reading any."""
        found = self._filled.get(column)
        if found is None:
            ids = self._layout[1 + column]
            found = self._filled[column] = [i for i, cell in enumerate(ids) if cell is not None]
        return found

    def _page(self, number: int) -> list[Row]:
        rows = self._pages.pop(number, None)
        if rows is None:
            start, end = number * PAGE_ROWS, (number + 1) * PAGE_ROWS
            groups, lefts, rights, whys = self._layout
            part = (groups[start:end], lefts[start:end], rights[start:end], whys[start:end])
            rows = self._store.page(self._topic, self._sides, part)
            if not rows:  # the store is damaged (said once): rows with nothing in them
                rows = [Row(group, None, None, "") for group in part[0]]
        self._pages[number] = rows  # the newest last
        while len(self._pages) > KEEP_PAGES:
            del self._pages[next(iter(self._pages))]
        return rows

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._page(index // PAGE_ROWS)[index % PAGE_ROWS]

    def __iter__(self) -> Iterator[Row]:
        for number in range((len(self) + PAGE_ROWS - 1) // PAGE_ROWS):
            yield from self._page(number)

    def __repr__(self) -> str:
        return f"<{len(self)} stored rows of {self._topic!r}>"
