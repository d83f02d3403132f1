"""A built corpus in one SQLite file, read a topic at a time.

At 50,000 articles a corpus entry holds about half a million statements: read whole (as
one JSON document) it took ten seconds and gigabytes before the reader's first frame.
Here the statements sit in a table indexed by source, with each topic's members and its
pairing rows (computed once, when the corpus is built) keyed by topic, and the counts the
header and the topic list show kept apart: a warm start reads those counts and the first
topic's statements, nothing else. A topic's rows are read a page at a time as they are
shown (the biggest topic of 50,000 articles has 128,000), and a merged statement's reports
(one remark printed by 10,000 copies: megabytes of them) only when something lists them:
a card needs only how many files printed it, kept beside the statement.

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
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload
from urllib.parse import quote

from debate_tui.cache_schema import ARTICLE_META, CORPUS_STATEMENT, REPORTS, corrupt, problem
from debate_tui.model import ArticleMeta, Report, Row, Statement

if TYPE_CHECKING:
    from debate_tui.model import Debate

FORMAT = "debate-tui corpus 2"
_TABLES = {
    "meta": "CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "articles": "CREATE TABLE articles(id INTEGER PRIMARY KEY, source TEXT NOT NULL, "
    "data TEXT NOT NULL)",
    # printed: how many reports it has (kept in `reports`); files: how many files printed
    # it, its own included (what a card shows without reading them).
    "statements": "CREATE TABLE statements(id INTEGER PRIMARY KEY, source TEXT NOT NULL, "
    "speaker TEXT NOT NULL, printed INTEGER NOT NULL, files INTEGER NOT NULL, "
    "data TEXT NOT NULL)",
    "reports": "CREATE TABLE reports(statement INTEGER PRIMARY KEY, data TEXT NOT NULL)",
    "members": "CREATE TABLE members(topic TEXT NOT NULL, seq INTEGER NOT NULL, "
    "statement INTEGER NOT NULL, PRIMARY KEY (topic, seq)) WITHOUT ROWID",
    "pair_rows": "CREATE TABLE pair_rows(topic TEXT NOT NULL, seq INTEGER NOT NULL, "
    "grp TEXT NOT NULL, left_id INTEGER, right_id INTEGER, why TEXT NOT NULL, "
    "PRIMARY KEY (topic, seq)) WITHOUT ROWID",
    "topic_counts": "CREATE TABLE topic_counts(topic TEXT PRIMARY KEY, left_count INTEGER "
    "NOT NULL, right_count INTEGER NOT NULL, row_count INTEGER NOT NULL)",
    "warnings": "CREATE TABLE warnings(id INTEGER PRIMARY KEY, text TEXT NOT NULL)",
}
_INDEXES = {
    "articles_by_source": "CREATE INDEX articles_by_source ON articles(source)",
    "statements_by_source": "CREATE INDEX statements_by_source ON statements(source)",
}
# Statements read per query (SQLite allows 999 parameters in older builds).
_BATCH = 500
# Rows read at once (which statements sit side by side, then those statements) when one of
# them is shown, and how many such pages a topic keeps: a screenful of cards (6-12 rows)
# needs one. A first visit of a topic reads one page: 100 rows took 15-20 ms at 50,000
# articles, a quarter of the switch; scrolling on reads a page every 25 rows (2-4 ms).
PAGE_ROWS = 25
KEEP_PAGES = 16
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
            "INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?)",
            (
                (
                    index,
                    st.source,
                    st.speaker,
                    len(st.reports),
                    st.printed_in,
                    json.dumps(_without_reports(st), ensure_ascii=False),
                )
                for index, st in enumerate(statements)
            ),
        )
        connection.executemany(
            "INSERT INTO reports VALUES (?, ?)",
            (
                (index, json.dumps([r._asdict() for r in st.reports], ensure_ascii=False))
                for index, st in enumerate(statements)
                if st.reports
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
            connection.execute(
                "INSERT INTO topic_counts VALUES (?, ?, ?, ?)",
                (topic, *table.counts, len(table.rows)),
            )
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


def _without_reports(st: Statement) -> dict[str, Any]:
    data = st.to_dict()
    del data["reports"]
    return data


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

    def _topic_counts(self, topic: str) -> tuple[int, int, int]:
        """(left statements, right statements, rows) of a topic; raises StoreProblem."""
        found = self._db.execute(
            "SELECT left_count, right_count, row_count FROM topic_counts WHERE topic = ?",
            (topic,),
        ).fetchone()
        if found is None:
            return (0, 0, 0)
        if not all(type(n) is int and n >= 0 for n in found):
            raise StoreProblem(f"counts of {topic!r}: expected whole numbers >= 0")
        return (found[0], found[1], found[2])

    def topic_counts(self, topic: str) -> tuple[int, int]:
        return self._guarded(lambda: self._topic_counts(topic)[:2], (0, 0))

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

    def statements(self, *, reports: bool = False) -> list[Statement]:
        """Every statement; with `reports`, their reports read now too (for a caller that
        closes the store), else when listed."""

        def read() -> list[Statement]:
            rows = self._db.execute(f"SELECT {_STATEMENT_COLUMNS} FROM statements ORDER BY id")
            found = [self._statement(*row) for row in rows]
            if reports:
                found = [
                    replace(st, reports=self._reports(index, len(st.reports))) if st.reports else st
                    for index, st in enumerate(found)
                ]
            return found

        return self._guarded(read, [])

    def _statement(self, index: Any, printed: Any, files: Any, data: Any) -> Statement:
        """A statement from its row; its reports are read when something lists them."""
        if not (_is_count(printed) and _is_count(files)) or not 1 <= files <= printed + 1:
            raise StoreProblem("statements: a count of reports that cannot be")
        if not printed:
            return _statement(data, ())
        return _statement(data, StoredReports(self, index, printed, files))

    def reports(self, index: int, count: int) -> tuple[Report, ...]:
        """The reports of statement `index` (empty when the store turns out damaged)."""
        return self._guarded(partial(self._reports, index, count), ())

    def _reports(self, index: int, count: int) -> tuple[Report, ...]:
        found = self._db.execute(
            "SELECT data FROM reports WHERE statement = ?", (index,)
        ).fetchone()
        if found is None:
            raise StoreProblem(f"reports of statement {index}: missing")
        return _reports(found[0], count)

    def article_at(self, index: int) -> ArticleMeta | None:
        def read() -> ArticleMeta | None:
            found = self._db.execute("SELECT data FROM articles WHERE id = ?", (index,)).fetchone()
            return None if found is None else _article(found[0])

        return self._guarded(read, None)

    def statement(self, index: int) -> Statement | None:
        def read() -> Statement | None:
            found = self._db.execute(
                f"SELECT {_STATEMENT_COLUMNS} FROM statements WHERE id = ?", (index,)
            ).fetchone()
            return None if found is None else self._statement(*found)

        return self._guarded(read, None)

    def _members(self, topic: str) -> dict[int, Statement]:
        columns = ", ".join(f"s.{name}" for name in _STATEMENT_COLUMNS.split(", "))
        rows = self._db.execute(
            f"SELECT {columns} FROM members AS m JOIN statements AS s ON s.id = m.statement "
            "WHERE m.topic = ? ORDER BY m.seq",
            (topic,),
        )
        return {row[0]: self._statement(*row) for row in rows}

    def topic_statements(self, topic: str) -> list[Statement]:
        return self._guarded(lambda: list(self._members(topic).values()), [])

    def topic_rows(self, topic: str, sides: tuple[str, str]) -> Sequence[Row]:
        """The topic's pairing rows, read a page at a time as they are asked for (which
        statements sit side by side, then those statements): only the count is read now."""
        count: int = self._guarded(lambda: self._topic_counts(topic)[2], 0)
        return StoredRows(self, topic, sides, count) if count else ()

    def layout(self, topic: str, start: int, end: int) -> Layout:
        """Which statements sit side by side in rows `start` to `end` of a topic, checked
        (raises StoreProblem; called from `page`, which guards it)."""
        groups: dict[str, str] = {}  # one string per group, however many rows
        # Four flat columns rather than a tuple per row: fewer objects for the collector.
        layout: Layout = ([], [], [], [])
        found = self._db.execute(
            "SELECT seq, grp, left_id, right_id, why FROM pair_rows "
            "WHERE topic = ? AND seq >= ? AND seq < ? ORDER BY seq",
            (topic, start, end),
        )
        for expected, (seq, group, left_id, right_id, why) in enumerate(found, start):
            if seq != expected:
                raise StoreProblem(f"rows of {topic!r}: a row missing")
            _check_row(topic, group, left_id, right_id, why)
            layout[0].append(groups.setdefault(group, group))
            layout[1].append(left_id)
            layout[2].append(right_id)
            layout[3].append(why)
        if len(layout[0]) != end - start:
            raise StoreProblem(f"rows of {topic!r}: fewer than counted")
        return layout

    def filled(self, topic: str, column: int, count: int) -> list[int]:
        """The indexes of the topic's rows with a statement in `column` (0 left, 1 right),
        without reading any statement; empty when the store turns out damaged."""
        cell = ("left_id", "right_id")[column]

        def read() -> list[int]:
            found = [
                seq
                for (seq,) in self._db.execute(
                    f"SELECT seq FROM pair_rows WHERE topic = ? AND {cell} IS NOT NULL "
                    "ORDER BY seq",
                    (topic,),
                )
            ]
            if found and (type(found[0]) is not int or found[0] < 0 or found[-1] >= count):
                raise StoreProblem(f"rows of {topic!r}: a row past the count")
            return found

        return self._guarded(read, [])

    def _statements_by_id(self, ids: list[int]) -> dict[int, Statement]:
        found: dict[int, Statement] = {}
        for start in range(0, len(ids), _BATCH):
            batch = ids[start : start + _BATCH]
            rows = self._db.execute(
                f"SELECT {_STATEMENT_COLUMNS} FROM statements "
                f"WHERE id IN ({','.join('?' * len(batch))})",
                batch,
            )
            for row in rows:
                found[row[0]] = self._statement(*row)
        return found

    def page(self, topic: str, sides: tuple[str, str], start: int, end: int) -> list[Row]:
        """Rows `start` to `end` of a topic, each cell checked to be a statement of this
        topic by the speaker of its column; empty when the store turns out to be damaged."""

        def read() -> list[Row]:
            groups, lefts, rights, whys = self.layout(topic, start, end)
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
        """Read and check everything once (articles, statements and their reports, every
        topic's rows and that each cell is a statement of that topic by that side): what a
        build does with an entry before trusting it for an export or a refresh. Each
        statement is decoded once; the rows are checked against what that pass noted."""
        self.articles()
        self.warnings()
        sides = self._guarded(lambda: self._sides(), ("", ""))
        count = self.counts["statements"]
        # Noted per statement, compactly (half a million of them at 50,000 articles): its
        # side (1 left, 2 right, 3 anyone else; 0 no statement) and, per topic, membership.
        side = bytearray(count)
        members: dict[str, bytearray] = {}

        def statements() -> None:
            found = self._db.execute(f"SELECT {_STATEMENT_COLUMNS} FROM statements ORDER BY id")
            for row in found:
                index = row[0]
                if type(index) is not int or not 0 <= index < count:
                    raise StoreProblem("statements: more than counted")
                st = self._statement(*row)
                if st.reports:
                    self._reports(index, len(st.reports))
                side[index] = 1 if st.speaker == sides[0] else 2 if st.speaker == sides[1] else 3
                for topic in st.topics:
                    if topic not in members:
                        members[topic] = bytearray(count)
                    members[topic][index] = 1

        self._guarded(statements, None)
        topics: list[str] = self._guarded(
            lambda: [t for (t,) in self._db.execute("SELECT topic FROM topic_counts")], []
        )
        for topic in topics:
            if self._broken:
                break
            self._guarded(partial(self._check_rows, topic, side, members), None)
        return not self._broken

    def _check_rows(self, topic: str, side: bytearray, members: dict[str, bytearray]) -> None:
        """Every row of `topic` against what the statements' pass noted (see `verify`)."""
        rows = self._topic_counts(topic)[2]
        member = members.get(topic, b"")
        found = self._db.execute(
            "SELECT seq, grp, left_id, right_id, why FROM pair_rows WHERE topic = ? ORDER BY seq",
            (topic,),
        )
        seen = 0
        for expected, (seq, group, left_id, right_id, why) in enumerate(found):
            if seq != expected:
                raise StoreProblem(f"rows of {topic!r}: a row missing")
            _check_row(topic, group, left_id, right_id, why)
            for cell, speaker in ((left_id, 1), (right_id, 2)):
                if cell is not None and not (
                    cell < len(member) and member[cell] and side[cell] == speaker
                ):
                    raise StoreProblem(_NOT_ITS_STATEMENT.format(topic=topic))
            seen += 1
        if seen != rows:
            raise StoreProblem(f"rows of {topic!r}: not as many as counted")

    def _sides(self) -> tuple[str, str]:
        found = dict(self._db.execute("SELECT name, value FROM meta"))
        return (str(found.get("left", "")), str(found.get("right", "")))


_NOT_ITS_STATEMENT = "rows of {topic!r}: a cell that is not one of its statements"
# A statement's row as it is read: its id, how many reports and files, its JSON.
_STATEMENT_COLUMNS = "id, printed, files, data"


def _is_id(value: Any) -> bool:
    return value is None or (type(value) is int and value >= 0)


def _is_count(value: Any) -> bool:
    return type(value) is int and value >= 0


def _check_row(topic: str, group: Any, left_id: Any, right_id: Any, why: Any) -> None:
    if type(group) is not str or type(why) is not str:
        raise StoreProblem(f"rows of {topic!r}: expected text")
    if not (_is_id(left_id) and _is_id(right_id)) or left_id == right_id:
        raise StoreProblem(f"rows of {topic!r}: an empty row or a wrong cell")


def _cell(found: dict[int, Statement], index: Any, speaker: str, topic: str) -> Statement | None:
    if index is None:
        return None
    st = found.get(index)
    if st is None or (speaker and st.speaker != speaker) or topic not in st.topics:
        raise StoreProblem(_NOT_ITS_STATEMENT.format(topic=topic))
    return st


def _loads(data: Any) -> Any:
    if type(data) is not str:
        raise StoreProblem("expected JSON text")
    try:
        return json.loads(data)
    except (ValueError, RecursionError):
        raise StoreProblem("not valid JSON") from None


def _statement(data: Any, reports: Sequence[Report]) -> Statement:
    item = _loads(data)
    if not CORPUS_STATEMENT.ok(item):
        raise StoreProblem(problem(CORPUS_STATEMENT, item) or "a statement")
    return Statement.from_dict(item, reports)


def _reports(data: Any, count: int) -> tuple[Report, ...]:
    items = _loads(data)
    if not REPORTS.ok(items):
        raise StoreProblem(problem(REPORTS, items) or "reports")
    if len(items) != count:
        raise StoreProblem("reports: not as many as counted")
    return tuple(Report(**item) for item in items)


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


class StoredReports(_ReadOnDemand[Report]):
    """A stored statement's reports, read from the store each time they are listed (a
    source view, an export), never kept: how many there are, and how many files printed
    the remark (`files`, what a card shows), are known without reading them."""

    __slots__ = ("_count", "_index", "_store", "files")

    def __init__(self, store: CorpusStore, index: int, count: int, files: int) -> None:
        self._store = store
        self._index = index
        self._count = count
        self.files = files

    def _read(self) -> tuple[Report, ...]:
        return self._store.reports(self._index, self._count)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Report]:
        return iter(self._read())

    @overload
    def __getitem__(self, index: int) -> Report: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Report]: ...

    def __getitem__(self, index: int | slice) -> Report | Sequence[Report]:
        return self._read()[index]

    def __hash__(self) -> int:  # type: ignore[override]  # a frozen Statement hashes its fields
        return hash(self._read())

    def __repr__(self) -> str:
        return f"<{self._count} stored reports>"


class StoredRows(_ReadOnDemand[Row]):
    """A topic's pairing rows read from the store a page at a time: which statements sit
    side by side, and those statements, for the last few pages shown only. So a topic of
    100,000 rows opens as fast as one of five, and holds a few hundred statements."""

    def __init__(self, store: CorpusStore, topic: str, sides: tuple[str, str], count: int) -> None:
        self._store = store
        self._topic = topic
        self._sides = sides
        self._count = count
        self._pages: dict[int, list[Row]] = {}
        self._filled: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return self._count

    def filled(self, column: int) -> list[int]:
        """The indexes of the rows with a statement in `column`, without reading any
        statement (read once, when the cursor first moves in this topic)."""
        found = self._filled.get(column)
        if found is None:
            found = self._filled[column] = self._store.filled(self._topic, column, self._count)
        return found

    def _page(self, number: int) -> list[Row]:
        rows = self._pages.pop(number, None)
        if rows is None:
            start, end = number * PAGE_ROWS, min((number + 1) * PAGE_ROWS, self._count)
            rows = self._store.page(self._topic, self._sides, start, end)
            if not rows:  # the store is damaged (said once): rows with nothing in them
                rows = [Row("", None, None, "") for _ in range(start, end)]
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
