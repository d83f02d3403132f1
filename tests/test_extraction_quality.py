"""Extraction against the hand-labelled statements and traps of the bundled corpus.

tests/expected/statements.toml lists every sentence in which Blinken or Lavrov speaks
(speaker, topics) and traps: sentences by other people, narration, headlines. A label is
found when a statement of the same speaker covers its anchor; a statement is correct when
it covers at least one label of its speaker and no trap.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from debate_tui.build import statements_for_articles
from debate_tui.config import default_config
from debate_tui.corpus import load_corpus
from debate_tui.model import Article, Statement

EXPECTED = Path(__file__).parent / "expected" / "statements.toml"
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
KEY_TOPICS = ("crimea", "minsk", "escalation", "new-start")


@dataclass(frozen=True)
class Label:
    source: str
    start: int
    end: int
    speaker: str | None  # None for a trap
    topics: frozenset[str]
    text: str


def _load_labels(articles: dict[str, Article]) -> tuple[list[Label], list[Label]]:
    data = tomllib.loads(EXPECTED.read_text("utf-8"))
    out: dict[str, list[Label]] = {"statement": [], "trap": []}
    for kind in out:
        for row in data.get(kind, []):
            text = articles[row["source"]].text
            start = text.find(row["anchor"])
            assert start >= 0, f"anchor not in {row['source']}: {row['anchor']!r}"
            out[kind].append(
                Label(
                    row["source"],
                    start,
                    start + len(row["anchor"]),
                    row.get("speaker"),
                    frozenset(row.get("topics", [])),
                    row["anchor"],
                )
            )
    return out["statement"], out["trap"]


def _covers(statement: Statement, label: Label) -> bool:
    return (
        statement.source == label.source
        and statement.start <= label.start
        and label.end <= statement.end
    )


@pytest.fixture(scope="module")
def result() -> tuple[list[Statement], list[Label], list[Label]]:
    articles = load_corpus(CORPUS, lambda _m: None)
    statements = statements_for_articles(articles, default_config(), use_cache=False)
    labels, traps = _load_labels({a.source: a for a in articles})
    return statements, labels, traps


def test_label_file_is_substantial(
    result: tuple[list[Statement], list[Label], list[Label]],
) -> None:
    _statements, labels, traps = result
    assert {label.speaker for label in labels} == {"blinken", "lavrov"}
    assert len(labels) >= 50
    assert len(traps) >= 30


def test_every_labelled_statement_is_found_and_credited_right(
    result: tuple[list[Statement], list[Label], list[Label]],
) -> None:
    statements, labels, _traps = result
    missed = []
    wrong = []
    for label in labels:
        covering = [s for s in statements if _covers(s, label)]
        if not covering:
            missed.append(label.text)
        elif any(s.speaker != label.speaker for s in covering):
            wrong.append(label.text)
    recall = 1 - len(missed) / len(labels)
    assert not wrong, f"credited to the wrong speaker: {wrong}"
    assert not missed, f"recall {recall:.3f}; missed: {missed}"


def test_no_trap_is_credited(result: tuple[list[Statement], list[Label], list[Label]]) -> None:
    statements, _labels, traps = result
    credited = [(trap.text, s.speaker) for trap in traps for s in statements if _covers(s, trap)]
    assert not credited, f"traps shown as a speaker's statement: {credited}"


def test_every_statement_is_a_labelled_one(
    result: tuple[list[Statement], list[Label], list[Label]],
) -> None:
    statements, labels, _traps = result
    unlabelled = [
        s.text
        for s in statements
        if not any(_covers(s, label) and label.speaker == s.speaker for label in labels)
    ]
    precision = 1 - len(unlabelled) / max(len(statements), 1)
    assert not unlabelled, f"precision {precision:.3f}; not in the labels: {unlabelled}"


def test_key_topics_match_the_labels(
    result: tuple[list[Statement], list[Label], list[Label]],
) -> None:
    statements, labels, _traps = result
    mismatches = []
    for statement in statements:
        inside = [label for label in labels if _covers(statement, label)]
        if not inside:
            continue
        expected = set().union(*(label.topics for label in inside)) & set(KEY_TOPICS)
        got = set(statement.topics) & set(KEY_TOPICS)
        if expected != got:
            mismatches.append((statement.text[:80], sorted(expected), sorted(got)))
    assert not mismatches, f"key topics differ from the labels: {mismatches}"


def test_each_key_topic_has_statements_from_the_corpus(
    result: tuple[list[Statement], list[Label], list[Label]],
) -> None:
    statements, _labels, _traps = result
    for topic in KEY_TOPICS:
        assert any(topic in s.topics for s in statements), topic


def test_offsets_point_at_the_exact_text(
    result: tuple[list[Statement], list[Label], list[Label]],
) -> None:
    statements, _labels, _traps = result
    texts = {a.source: a.text for a in load_corpus(CORPUS, lambda _m: None)}
    for statement in statements:
        assert texts[statement.source][statement.start : statement.end] == statement.text
        assert statement.reason and statement.cue
        assert 0 < statement.confidence <= 1
