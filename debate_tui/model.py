"""The data every part of debate-tui agrees on.

Plain dataclasses and, for the smallest value records, named tuples (cheaper to define on
every start): this module imports neither Textual nor spaCy, so the reader, the exporter
and the cache can all use it without paying for the NLP stack.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from pathlib import PurePosixPath
from typing import Any, Literal, NamedTuple, Protocol

from debate_tui.dates import When, find_date

Kind = Literal["quote", "reported", "mixed"]
Via = Literal["name", "pronoun", "title"]

OTHER_TOPIC = "other"


class Speaker(NamedTuple):
    """One side of the debate, as configured."""

    id: str
    name: str
    role: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()

    @property
    def short_name(self) -> str:
        """The surname, for tight places (column cells, counts); the id if no name."""
        return self.name.split()[-1] if self.name.strip() else self.id


class TopicSpec(NamedTuple):
    """A topic and the words that signal it (matched on lemmas and phrases)."""

    id: str
    label: str
    terms: tuple[str, ...] = ()


class ArticleMeta(NamedTuple):
    """What the corpus knows about one article, beyond its text."""

    source: str
    title: str
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    occasion: str | None = None


class Layout(NamedTuple):
    """What spaCy found in an article's text that occasions read: the (start, end) spans of
    its sentences and of its DATE entities, in the paragraphs that may name an occasion.

    Found at extraction and kept in the cache with the article's statements, so placing
    statements on occasions never splits sentences or finds dates again.
    """

    sentences: tuple[tuple[int, int], ...] = ()
    dates: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class Article:
    """One article as loaded: the text offsets refer to, and its paragraphs.

    `text` is the decoded file for `.txt`/`.md` and the extracted main text for HTML.
    `paragraphs` are (start, end) spans into `text`; `boilerplate` holds the indexes of
    paragraphs that are site furniture and must never yield a statement.
    """

    meta: ArticleMeta
    text: str
    paragraphs: list[tuple[int, int]]
    boilerplate: frozenset[int] = frozenset()
    warnings: list[str] = field(default_factory=list)
    # Filled by extraction, or from the cache: None until the article was analysed.
    layout: Layout | None = None

    @property
    def source(self) -> str:
        return self.meta.source

    @property
    def sha256(self) -> str:
        import hashlib  # parsing only: a warm start never loads it (see digest.py)

        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph holding `offset` (the last one when past the end)."""
        for index, (start, end) in enumerate(self.paragraphs):
            if start <= offset < end:
                return index
        return max(len(self.paragraphs) - 1, 0)


class Report(NamedTuple):
    """One place a statement was printed: its file, its exact span, its wording there, and
    how that wording was attributed (None where an older cache did not keep it)."""

    source: str
    start: int
    end: int
    text: str
    kind: Kind | None = None
    cue: str = ""
    via: Via | None = None
    confidence: float | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Statement:
    """Something one speaker said, traced to the exact characters that report it.

    `text == article.text[start:end]`. `quotes` are absolute (start, end) spans of the
    directly quoted words inside it, so a reader can set them apart from reported speech.
    `reports` lists other articles that printed the same remark (after merging); the
    statement's own report is not repeated there.
    """

    speaker: str
    text: str
    kind: Kind
    topics: tuple[str, ...]
    source: str
    start: int
    end: int
    paragraph: int
    cue: str
    via: Via
    confidence: float
    reason: str
    quotes: tuple[tuple[int, int], ...] = ()
    occasion: str | None = None
    # A tuple, or for a statement read from a corpus store a sequence that reads them when
    # iterated (a remark printed by 10,000 copies carries megabytes of them).
    reports: Sequence[Report] = ()
    # What credited it, as (field, value) pairs: how the speaker was found, the cue, the
    # words, rivals of a pronoun, ... (see extract/evidence.py); `reason` is written from it.
    evidence: tuple[tuple[str, Any], ...] = ()
    # Its content words as spaCy lemmatised them at extraction (extract/content.py), which
    # merging compares: of the whole sentence even where the text shown is cut of a clause
    # someone else said about it.
    lemmas: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.source}:{self.start}-{self.end}"

    @property
    def low_confidence(self) -> bool:
        return self.confidence < 0.6

    @property
    def sources(self) -> tuple[str, ...]:
        """Every file that printed this remark, its own first (once each, in a dict: a
        remark printed by 10,000 copies took half a second as a list)."""
        return tuple(dict.fromkeys([self.source, *(report.source for report in self.reports)]))

    @property
    def printed_in(self) -> int:
        """How many files printed this remark (`len(sources)`), which a card shows: a
        stored statement knows it without reading its reports."""
        known = getattr(self.reports, "files", None)
        return known if type(known) is int else len(self.sources)

    def quote_segments(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, is_direct_quote) runs, in order."""
        pieces: list[tuple[str, bool]] = []
        cursor = self.start
        for q_start, q_end in sorted(self.quotes):
            q_start, q_end = max(q_start, cursor), min(q_end, self.end)
            if q_start >= q_end:
                continue
            if q_start > cursor:
                pieces.append((self.text[cursor - self.start : q_start - self.start], False))
            pieces.append((self.text[q_start - self.start : q_end - self.start], True))
            cursor = q_end
        if cursor < self.end:
            pieces.append((self.text[cursor - self.start :], False))
        return pieces

    def to_dict(self) -> dict[str, Any]:
        # Field by field, not `asdict`: that deep-copies every field first, a stored
        # statement's reports (and the store they are read from) included.
        data = {name: getattr(self, name) for name in _STATEMENT_FIELDS}
        data["topics"] = list(self.topics)
        data["quotes"] = [list(span) for span in self.quotes]
        data["reports"] = [report._asdict() for report in self.reports]
        data["evidence"] = {key: _plain(value) for key, value in self.evidence}
        data["lemmas"] = list(self.lemmas)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], reports: Sequence[Report] | None = None) -> Statement:
        """`reports`: the statement's reports when they are kept apart from `data` (a
        corpus store reads them on demand)."""
        values = dict(data)
        values["topics"] = tuple(values.get("topics", ()))
        values["quotes"] = tuple(tuple(span) for span in values.get("quotes", ()))
        if reports is None:
            reports = tuple(Report(**report) for report in values.get("reports", ()))
        values["reports"] = reports
        values["lemmas"] = tuple(values.get("lemmas", ()))
        values["evidence"] = tuple(
            (key, tuple(value) if isinstance(value, list) else value)
            for key, value in dict(values.get("evidence") or {}).items()
        )
        return cls(**values)


_STATEMENT_FIELDS = tuple(f.name for f in fields(Statement))


def _plain(value: Any) -> Any:
    """A JSON value: tuples become lists."""
    return list(value) if isinstance(value, tuple) else value


class Row(NamedTuple):
    """One line of a pairing: what each side said on one occasion, side by side.

    Either cell may be None: that side has no counterpart in this group. When both are
    there, `why` says in a few words what makes them answer each other.
    """

    group: str
    left: Statement | None
    right: Statement | None
    why: str = ""

    @property
    def pair_reason(self) -> str:
        """What the reader and the export print with a pair; nothing for a lone statement."""
        return self.why if self.left is not None and self.right is not None else ""


@dataclass(frozen=True, slots=True)
class Pairing:
    """One topic with both speakers' statements aligned row by row.

    `rows` is a tuple, or for a corpus read from its store a sequence that reads its rows'
    statements a page at a time (`counts` then holds how many each side made, so counting
    reads none of them)."""

    topic: TopicSpec
    left: Speaker
    right: Speaker
    rows: Sequence[Row]
    counts: tuple[int, int] | None = None

    def statements(self) -> list[Statement]:
        out: list[Statement] = []
        for row in self.rows:
            out.extend(cell for cell in (row.left, row.right) if cell is not None)
        return out

    def count(self, speaker_id: str) -> int:
        if self.counts is not None:
            if speaker_id in (self.left.id, self.right.id):
                return self.counts[0 if speaker_id == self.left.id else 1]
            return 0
        return sum(1 for st in self.statements() if st.speaker == speaker_id)


def filled_rows(rows: Sequence[Row], column: int) -> list[int]:
    """The indexes of the rows with a statement in `column` (0 left, 1 right); a stored
    topic's rows know this without reading their statements."""
    filled = getattr(rows, "filled", None)
    if filled is not None:
        found: list[int] = filled(column)
        return found
    return [i for i, row in enumerate(rows) if (row.left if column == 0 else row.right) is not None]


class TopicStore(Protocol):
    """Where a built corpus's topics are read from, one at a time (corpus_store.py): the
    reader of a corpus of 50,000 articles never holds all of it."""

    def topic_counts(self, topic: str) -> tuple[int, int]: ...

    def topic_statements(self, topic: str) -> list[Statement]: ...

    def topic_rows(self, topic: str, sides: tuple[str, str]) -> Sequence[Row]: ...

    def article(self, source: str) -> ArticleMeta | None: ...

    @property
    def counts(self) -> dict[str, int]: ...

    @property
    def broken(self) -> bool:
        """Damage was found while reading it (said once through its warn): what it could
        not read is left out, so the reader must not call a topic empty."""
        ...


@dataclass(slots=True)
class Debate:
    """All statements of a corpus, with the configuration that names the sides and topics.

    `articles` and `statements` are lists, or for a corpus read from its store (`store`)
    sequences read from it only when iterated; every method below answers from the store
    then, a topic at a time.
    """

    name: str
    corpus: str
    speakers: tuple[Speaker, Speaker]
    topics: tuple[TopicSpec, ...]
    articles: Sequence[ArticleMeta]
    statements: Sequence[Statement]
    warnings: list[str] = field(default_factory=list)
    store: TopicStore | None = field(default=None, repr=False, compare=False)
    # Indexes built on first use, so switching topics in a reader holding tens of thousands
    # of statements never rescans them all; rebuilt when the lists are replaced or grow.
    _index_key: tuple[int, int, int, int] = field(default=(0, -1, 0, -1), repr=False, compare=False)
    _by_topic: dict[str, list[Statement]] = field(default_factory=dict, repr=False, compare=False)
    _by_source: dict[str, ArticleMeta] = field(default_factory=dict, repr=False, compare=False)
    _pairings: dict[str, Pairing] = field(default_factory=dict, repr=False, compare=False)
    _lexicon: Any = field(default=None, repr=False, compare=False)

    def _indexes(self) -> None:
        key = (id(self.statements), len(self.statements), id(self.articles), len(self.articles))
        if key == self._index_key:
            return
        self._by_source = {}
        for meta in self.articles:
            self._by_source.setdefault(meta.source, meta)
        # Corpus order (article, then position), sorted once for every topic.
        order = {meta.source: index for index, meta in enumerate(self.articles)}
        self._by_topic = {}
        for st in sorted(self.statements, key=lambda s: (order.get(s.source, 1 << 30), s.start)):
            for topic_id in st.topics:
                self._by_topic.setdefault(topic_id, []).append(st)
        self._pairings = {}
        self._lexicon = None
        self._index_key = key

    @property
    def corpus_name(self) -> str:
        """The corpus folder's own name: short, the same on every machine, no local path."""
        return PurePosixPath(self.corpus.replace("\\", "/")).name or self.corpus

    def topic(self, topic_id: str) -> TopicSpec:
        for topic in self.all_topics():
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def all_topics(self) -> tuple[TopicSpec, ...]:
        """Configured topics plus "Other", which holds statements no topic claimed."""
        if any(t.id == OTHER_TOPIC for t in self.topics):
            return self.topics
        return (*self.topics, TopicSpec(OTHER_TOPIC, "Other"))

    def statements_for(self, topic_id: str) -> list[Statement]:
        if self.store is not None:
            return self.store.topic_statements(topic_id)
        self._indexes()
        return list(self._by_topic.get(topic_id, ()))

    def counts(self, topic_id: str) -> tuple[int, int]:
        if self.store is not None:
            return self.store.topic_counts(topic_id)
        found = self.statements_for(topic_id)
        left, right = self.speakers
        return (
            sum(1 for st in found if st.speaker == left.id),
            sum(1 for st in found if st.speaker == right.id),
        )

    def speaker_totals(self) -> tuple[int, int]:
        """How many statements each side made in the whole corpus."""
        if self.store is not None:
            counts = self.store.counts
            return counts["left_total"], counts["right_total"]
        left, right = self.speakers
        return (
            sum(1 for st in self.statements if st.speaker == left.id),
            sum(1 for st in self.statements if st.speaker == right.id),
        )

    def article(self, source: str) -> ArticleMeta | None:
        if self.store is not None:
            return self.store.article(source)
        self._indexes()
        return self._by_source.get(source)

    def pairing(self, topic_id: str) -> Pairing:
        """Align the topic's statements: one group per occasion (else article), and in
        each group every statement beside the other side's statement that answers it."""
        if self.store is not None:
            return self._stored_pairing(topic_id)
        self._indexes()
        cached = self._pairings.get(topic_id)
        if cached is None:
            cached = self._pairings[topic_id] = self._pair(topic_id)
        return cached

    def _stored_pairing(self, topic_id: str) -> Pairing:
        """The topic's pairing as the build laid it out: its rows read from the store, their
        statements a page at a time as they are shown (see corpus_store.StoredRows)."""
        assert self.store is not None
        cached = self._pairings.get(topic_id)
        if cached is None:
            left, right = self.speakers
            rows = self.store.topic_rows(topic_id, (left.id, right.id))
            counts = self.store.topic_counts(topic_id)
            cached = Pairing(self.topic(topic_id), left, right, rows, counts)
            self._pairings[topic_id] = cached
        return cached

    def _pair(self, topic_id: str) -> Pairing:
        from debate_tui.counterparts import Lexicon, pair_rows  # when a topic is first shown

        if self._lexicon is None:
            self._lexicon = Lexicon(self.speakers, self.topics, (st.text for st in self.statements))
        left, right = self.speakers
        groups: dict[str, tuple[list[Statement], list[Statement]]] = {}
        order: dict[int, int] = {}
        for position, st in enumerate(self._by_topic.get(topic_id, ())):
            key = group_key(st, self._by_source.get(st.source))
            sides = groups.setdefault(key, ([], []))
            if st.speaker == left.id:
                sides[0].append(st)
            elif st.speaker == right.id:
                sides[1].append(st)
            order[id(st)] = position
        dated = {key: self._dated(key, lefts + rights) for key, (lefts, rights) in groups.items()}
        rows: list[Row] = []
        # Groups by date, oldest first, undated last (a stable sort: else in corpus order).
        for key in sorted(groups, key=lambda key: dated[key][1].sort_key()):
            lefts, rights = groups[key]
            rows.extend(pair_rows(dated[key][0], lefts, rights, topic_id, self._lexicon, order))
        return Pairing(self.topic(topic_id), left, right, tuple(rows))

    def _dated(self, key: str, statements: list[Statement]) -> tuple[str, When]:
        """A group's label with its date, and the date: the one its occasion names, else
        the earliest publication date of the articles it comes from (added to the label)."""
        when = find_date(key)
        if when.known:
            return key, when
        dates = [
            find_date(meta.date)
            for meta in map(self.article, {s.source for s in statements})
            if meta
        ]
        known = sorted((d for d in dates if d.known), key=When.sort_key)
        if not known:
            return key, when
        return f"{key}, {known[0].label()}", known[0]


def group_key(statement: Statement, meta: ArticleMeta | None) -> str:
    """The label a statement is grouped under: its occasion, else its article's."""
    if statement.occasion:
        return statement.occasion
    if meta is not None:
        return meta.occasion or meta.title or meta.source
    return statement.source
