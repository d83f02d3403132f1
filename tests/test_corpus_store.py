"""A built corpus read from its store: the same pairings, a page of statements at a time."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from debate_tui import corpus_store
from debate_tui.build import build_debate, cached_debate
from debate_tui.cache import CorpusEntry, StatementCache
from debate_tui.config import default_config
from debate_tui.corpus_store import KEEP_PAGES, PAGE_ROWS, TopicTable
from debate_tui.model import ArticleMeta, Debate, Report, Statement, filled_rows

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TEXT = "Ann Able said the grain deal holds. Bob Baker said the grain deal failed."


def _statement(speaker: str, source: str) -> Statement:
    start, end = (0, 35) if speaker == "a" else (36, len(TEXT))
    return Statement(
        speaker, TEXT[start:end], "reported", ("grain",), source, start, end, 0, "say", "name",
        0.9, "",
    )  # fmt: skip


def test_every_topic_reads_back_the_rows_it_was_built_with(
    tmp_path: Path, own_cache: Path, bundled_debate: Debate
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    build_debate(corpus, default_config(), warn=lambda _m: None)
    warm = cached_debate(corpus, default_config())
    assert warm is not None and warm.store is not None
    for topic in bundled_debate.all_topics():
        built, stored = bundled_debate.pairing(topic.id), warm.pairing(topic.id)
        assert list(stored.rows) == list(built.rows), topic.id
        for speaker in warm.speakers:
            assert stored.count(speaker.id) == built.count(speaker.id)
        for column in (0, 1):
            assert filled_rows(stored.rows, column) == filled_rows(built.rows, column)
    assert warm.speaker_totals() == bundled_debate.speaker_totals()


@pytest.fixture
def big_topic(tmp_path: Path) -> StatementCache:
    """A stored corpus of 1,000 articles, each with one pair on the topic "grain"."""
    cache = StatementCache(tmp_path / "cache")
    articles = [ArticleMeta(f"{n}.txt", f"Article {n}") for n in range(1000)]
    statements = [_statement(side, f"{n}.txt") for n in range(1000) for side in "ab"]
    rows = [("Grain talks", 2 * n, 2 * n + 1, "both on: grain") for n in range(1000)]
    table = TopicTable(list(range(2000)), rows, (1000, 1000))
    cache.put_corpus("k", CorpusEntry(articles, statements, []), {"grain": table}, ("a", "b"))
    return cache


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every statement the store decodes, as it decodes it."""
    read: list[object] = []
    real = corpus_store._statement
    monkeypatch.setattr(
        corpus_store, "_statement", lambda data, reports: read.append(data) or real(data, reports)
    )
    return read


def test_a_big_topic_opens_reading_one_page_of_its_statements(
    big_topic: StatementCache, decoded: list[object]
) -> None:
    read = decoded
    store = big_topic.open_corpus("k")
    assert store is not None
    rows = store.topic_rows("grain", ("a", "b"))
    assert len(rows) == 1000 and len(filled_rows(rows, 1)) == 1000
    assert read == []  # which statements sit side by side is known without reading them
    assert rows[0].left is not None and rows[0].left.source == "0.txt"
    assert len(read) == 2 * PAGE_ROWS < 2000
    assert rows[-1].right is not None and rows[-1].right.source == "999.txt"


def test_a_big_topic_read_through_holds_only_its_last_pages(big_topic: StatementCache) -> None:
    store = big_topic.open_corpus("k")
    assert store is not None
    rows = store.topic_rows("grain", ("a", "b"))
    assert [row.left.source for row in rows if row.left] == [f"{n}.txt" for n in range(1000)]
    assert 0 < len(rows._pages) <= KEEP_PAGES  # type: ignore[attr-defined]


def test_the_files_that_printed_a_remark_are_listed_once_each_in_order() -> None:
    # A merged remark of a big corpus can carry thousands of reports; its card lists them.
    names = ("c.txt", "a.txt", "b.txt", "c.txt")
    reports = tuple(Report(name, 0, 35, TEXT[:35]) for name in names)
    st = replace(_statement("a", "a.txt"), reports=reports)
    assert st.sources == ("a.txt", "c.txt", "b.txt")


def _printed_by(count: int) -> Statement:
    """A remark of "0.txt" that `count` other copies printed too (as merging keeps it)."""
    st = _statement("a", "0.txt")
    copies = tuple(Report(f"copy-{n}.txt", 0, 35, TEXT[:35]) for n in range(count))
    return replace(st, reports=copies)


@pytest.fixture
def printed_widely(tmp_path: Path) -> StatementCache:
    """A stored corpus of one pair whose left remark 5,000 copies printed too."""
    cache = StatementCache(tmp_path / "cache")
    articles = [ArticleMeta("0.txt", "Article 0")]
    statements = [_printed_by(5000), _statement("b", "0.txt")]
    table = TopicTable([0, 1], [("Grain talks", 0, 1, "both on: grain")], (1, 1))
    cache.put_corpus("k", CorpusEntry(articles, statements, []), {"grain": table}, ("a", "b"))
    return cache


def test_a_remark_printed_by_thousands_is_shown_without_reading_its_reports(
    printed_widely: StatementCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[object] = []
    real = corpus_store._reports
    monkeypatch.setattr(corpus_store, "_reports", lambda *args: read.append(1) or real(*args))
    store = printed_widely.open_corpus("k")
    assert store is not None
    (row,) = store.topic_rows("grain", ("a", "b"))
    assert row.left is not None
    assert row.left.printed_in == 5001  # what its card says: "+5000 more reports"
    assert len(row.left.reports) == 5000 and read == []
    assert row.left.reports == _printed_by(5000).reports  # listed: read now, as written
    assert row.left.sources == _printed_by(5000).sources and len(read) == 2
    assert not store.broken


def test_a_big_topic_reads_which_statements_sit_side_by_side_a_page_at_a_time(
    big_topic: StatementCache,
) -> None:
    store = big_topic.open_corpus("k")
    assert store is not None
    read: list[tuple[int, int]] = []
    real = store.layout

    def layout(topic: str, start: int, end: int) -> corpus_store.Layout:
        read.append((start, end))
        return real(topic, start, end)

    store.layout = layout  # type: ignore[method-assign]
    rows = store.topic_rows("grain", ("a", "b"))
    assert len(rows) == 1000 and read == []  # opening a topic reads its count only
    assert rows[0].left is not None and read == [(0, PAGE_ROWS)]
    assert rows[-1].right is not None and read == [(0, PAGE_ROWS), (1000 - PAGE_ROWS, 1000)]


def test_checking_a_store_decodes_each_statement_once(
    big_topic: StatementCache, decoded: list[object]
) -> None:
    read = decoded
    store = big_topic.open_corpus("k")
    assert store is not None
    assert store.verify()
    assert len(read) == 2000  # not again for each topic whose rows show it
