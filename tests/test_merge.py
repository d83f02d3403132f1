"""One remark, many reports: repeats across outlets are shown once, near misses never merge.

The bundled corpus has five remarks printed by two articles each (found by reading them).
The near misses are SYNTHETIC: hand-made pairs that share most of their words but are
different claims, or the same words from a different speaker.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest

from debate_tui.build import build_debate, statements_for_articles
from debate_tui.config import load_config
from debate_tui.corpus import load_corpus
from debate_tui.extract.content import statement_lemmas
from debate_tui.merge import (
    MERGE_THRESHOLD,
    Wording,
    judge,
    merge_statements,
    score,
)
from debate_tui.model import Statement
from debate_tui.occasions import assign_occasions

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
CONFIG = load_config(None, CORPUS)

# The same remark in two articles: (anchor in one report, anchor in the other).
REPEATS = [
    ("a just and durable peace", "a just and lasting peace"),
    ("Mutual compliance benefits both countries", "Mutual compliance is in the interest"),
    ("Putin has demonstrated zero interest", "Putin has shown no interest"),
    ("urge Russia to lift the suspension", "irresponsible decision and return to"),
    ("18 out of 20 nations agreed", "18 of the 20 countries have agreed"),
]


@pytest.fixture(scope="module")
def unmerged() -> list[Statement]:
    """The bundled statements with their occasions, before merging."""
    articles = load_corpus(CORPUS, lambda _m: None)
    return assign_occasions(
        statements_for_articles(articles, CONFIG, warn=lambda _m: None), articles
    )


@pytest.fixture(scope="module")
def merged(unmerged: list[Statement]) -> list[Statement]:
    return merge_statements(unmerged)


def holding(statements: list[Statement], anchor: str) -> Statement:
    (found,) = [st for st in statements if anchor in st.text]
    return found


def statement(
    text: str,
    speaker: str = "blinken",
    source: str = "a.txt",
    *,
    topics: tuple[str, ...] = ("other",),
    occasion: str | None = None,
    start: int = 0,
    lemmas: tuple[str, ...] | None = None,
) -> Statement:
    """A SYNTHETIC statement; its file is imaginary, its offsets are its own; its content
    lemmas are found as extraction finds them (unless given)."""
    if lemmas is None:
        (lemmas,) = statement_lemmas([text], CONFIG.speakers)
    return Statement(
        speaker=speaker,
        text=text,
        kind="reported",
        topics=topics,
        source=source,
        start=start,
        end=start + len(text),
        paragraph=0,
        cue="said",
        via="name",
        confidence=0.9,
        reason="test",
        occasion=occasion,
        lemmas=lemmas,
    )


def with_lemmas(statements: list[Statement]) -> list[Statement]:
    """The statements with the content lemmas of their texts, parsed in one batch (SYNTHETIC
    copies whose text was edited)."""
    found = statement_lemmas([st.text for st in statements], CONFIG.speakers)
    return [replace(st, lemmas=lemmas) for st, lemmas in zip(statements, found, strict=True)]


# --- The bundled corpus ----------------------------------------------------------------------


@pytest.mark.parametrize(("one", "other"), REPEATS)
def test_a_remark_printed_twice_is_shown_once_with_both_wordings(
    merged: list[Statement], one: str, other: str
) -> None:
    shown = [st for st in merged if one in st.text or other in st.text]
    assert len(shown) == 1, "one remark, one statement"
    (st,) = shown
    texts = [st.text, *(report.text for report in st.reports)]
    assert any(one in text for text in texts) and any(other in text for text in texts)
    assert len(st.sources) == 2


def test_only_the_repeats_merge(unmerged: list[Statement], merged: list[Statement]) -> None:
    assert len(merged) == len(unmerged) - len(REPEATS)
    assert sum(len(st.reports) for st in merged) == len(REPEATS)


def test_no_statement_is_lost(unmerged: list[Statement], merged: list[Statement]) -> None:
    spans = [(st.source, st.start, st.end) for st in merged]
    spans += [(r.source, r.start, r.end) for st in merged for r in st.reports]
    assert sorted(spans) == sorted((st.source, st.start, st.end) for st in unmerged)


def test_variants_are_the_exact_words_of_each_article(merged: list[Statement]) -> None:
    texts = {a.source: a.text for a in load_corpus(CORPUS, lambda _m: None)}
    for st in merged:
        assert texts[st.source][st.start : st.end] == st.text
        for report in st.reports:
            assert texts[report.source][report.start : report.end] == report.text
            assert report.source != st.source


def test_a_merged_remark_keeps_every_topic_and_its_occasion(
    unmerged: list[Statement], merged: list[Statement]
) -> None:
    one, other = holding(unmerged, REPEATS[3][0]), holding(unmerged, REPEATS[3][1])
    st = holding(merged, REPEATS[3][1])
    assert set(st.topics) == (set(one.topics) | set(other.topics)) - {"other"}
    assert st.occasion == one.occasion == other.occasion is not None


def test_the_kept_wording_is_the_most_directly_quoted(unmerged: list[Statement]) -> None:
    first = holding(unmerged, "Mutual compliance benefits both countries")
    second = holding(unmerged, "Mutual compliance is in the interest")
    (kept,) = merge_statements([second, first])
    quoted = max((first, second), key=lambda s: sum(e - b for b, e in s.quotes))
    assert kept.id == quoted.id


def test_the_reader_gets_the_merged_statements() -> None:
    debate = build_debate(CORPUS, CONFIG, warn=lambda _m: None)
    st = holding(debate.statements, "a just and lasting peace")
    assert [r.source for r in st.reports] == ["blinken-meets-russian-counterpart.txt"]
    assert not any("a just and durable peace" in other.text for other in debate.statements)


def test_repeats_score_clear_of_different_remarks(unmerged: list[Statement]) -> None:
    """The threshold sits in the gap between the two score distributions, with margin.

    Every same-speaker pair across articles, whatever its occasion: repeats score 73-96,
    different remarks at most 66 (60 within one occasion); MERGE_THRESHOLD is 70.
    """
    repeats = {frozenset((holding(unmerged, a).id, holding(unmerged, b).id)) for a, b in REPEATS}
    true_scores, other_scores = [], []
    for a, b in itertools.combinations(unmerged, 2):
        if a.speaker != b.speaker or a.source == b.source:
            continue
        value = score(Wording.of(a), Wording.of(b))
        (true_scores if frozenset((a.id, b.id)) in repeats else other_scores).append(value)
    assert len(true_scores) == len(REPEATS)
    assert min(true_scores) >= MERGE_THRESHOLD + 2
    assert max(other_scores) <= MERGE_THRESHOLD - 3


def test_many_outlets_printing_one_corpus_collapse_to_it(unmerged: list[Statement]) -> None:
    copies = [replace(st, source=f"outlet-{n}/{st.source}") for n in range(12) for st in unmerged]
    folded = merge_statements(copies)
    assert len(folded) == len(unmerged) - len(REPEATS)
    assert sum(1 + len(st.reports) for st in folded) == len(copies)


def test_merging_twice_changes_nothing(merged: list[Statement]) -> None:
    assert merge_statements(merged) == merged


# --- SYNTHETIC near misses and controls -------------------------------------------------------

NEAR_MISSES = [
    # Same speaker, opposite claim.
    (
        "“Russia must withdraw its forces from Ukraine,” Blinken said.",
        "“Russia must not withdraw its forces from Ukraine,” Blinken said.",
        "negation",
    ),
    (
        "“Mutual compliance is in the interest of our two countries,” Blinken told Lavrov.",
        "“Mutual compliance is not in the interest of our two countries,” Blinken told Lavrov.",
        "negation",
    ),
    (
        "Lavrov said Russia does not feel isolated.",
        "Lavrov said Russia feels isolated.",
        "negation",
    ),
    (
        "Blinken said Russia and China are the only countries that will not sign the text.",
        "Blinken said Russia and China are the only countries that will sign the text.",
        "negation",
    ),
    (
        "Lavrov said the Minsk agreements must be implemented.",
        "Lavrov said the Minsk agreements can never be implemented.",
        "negation",
    ),
    (
        "Blinken urged Russia to return to the New START treaty.",
        "Blinken urged Russia to withdraw from the New START treaty.",
        "opposite",
    ),
    (
        "Blinken said the United States would continue to support Ukraine as long as it takes.",
        "Blinken said the United States would stop supporting Ukraine as soon as it can.",
        "opposite",
    ),
    (
        "Lavrov said Russia remains open to talks on ending the conflict in Ukraine.",
        "Lavrov said Russia remains closed to talks on ending the conflict in Ukraine.",
        "opposite",
    ),
    (
        "Blinken said the meeting was productive.",
        "Blinken said the meeting was unproductive.",
        "opposite",
    ),
    (
        "Blinken said sanctions on Russia would be lifted.",
        "Blinken said sanctions on Russia would be tightened.",
        "opposite",
    ),
    (
        "Lavrov said Moscow would continue the talks.",
        "Lavrov said Moscow would end the talks.",
        "opposite",
    ),
    # Same speaker, same frame, a different figure or party.
    (
        "Blinken said 18 of the 20 countries agreed on a statement calling for an end to the war.",
        "Blinken said 12 of the 20 countries agreed on a statement calling for an end to the war.",
        "number",
    ),
    (
        "Lavrov said 10,000 NATO troops were massed on Russia's western border this spring.",
        "Lavrov said 20,000 NATO troops were massed on Russia's western border this spring.",
        "number",
    ),
    (
        "Blinken said the United States had sent 1.5 billion dollars of aid to Ukraine this year.",
        "Blinken said the United States had sent 2.5 billion dollars of aid to Ukraine this year.",
        "number",
    ),
    (
        "Blinken urged Moscow to release the detained American Paul Whelan.",
        "Blinken urged Moscow to release the detained American journalist Evan Gershkovich.",
        "name",
    ),
    (
        "Lavrov accused the West of meddling in Ukraine's affairs.",
        "Lavrov accused the West of meddling in Georgia's affairs.",
        "name",
    ),
    (
        "Lavrov defended Russia's annexation of Crimea.",
        "Lavrov defended Russia's annexation of four Ukrainian regions.",
        "name",
    ),
    (
        "“It is the West that has isolated itself,” Lavrov said.",
        "“It is Russia that has isolated itself,” Lavrov said.",
        "name",
    ),
    # Same speaker, shared words, different remarks.
    (
        "Blinken called on Russia to end its war of aggression.",
        "Blinken called on Russia to end its blockade of Ukrainian ports.",
        "score",
    ),
]


@pytest.mark.parametrize(("first", "second", "why"), NEAR_MISSES)
def test_a_near_miss_stays_two_statements(first: str, second: str, why: str) -> None:
    speaker = "lavrov" if first.startswith("Lavrov") or "Lavrov said" in first else "blinken"
    a = statement(first, speaker, "a.txt")
    b = statement(second, speaker, "b.txt")
    shown = merge_statements([a, b])
    assert shown == [a, b]
    assert judge(a, b).refused == why


def test_different_topics_are_different_remarks() -> None:
    """Close wording, one on escalation and one on sanctions (as the configured terms say)."""
    a = statement(
        "Lavrov warned that further escalation would have catastrophic consequences.",
        "lavrov",
        "a.txt",
        topics=("escalation",),
    )
    b = statement(
        "Lavrov warned that further sanctions would have catastrophic consequences.",
        "lavrov",
        "b.txt",
        topics=("sanctions",),
    )
    assert merge_statements([a, b]) == [a, b]


def test_the_same_words_from_the_other_speaker_never_merge() -> None:
    text = "“End this war of aggression,” {} said."
    a = statement(text.format("Blinken"), "blinken", "a.txt")
    b = statement(text.format("Lavrov"), "lavrov", "b.txt")
    assert merge_statements([a, b]) == [a, b]
    assert judge(a, b).refused == "speaker"


def test_the_same_words_at_two_occasions_are_two_statements() -> None:
    text = "Blinken said Russia must end its war of aggression."
    a = statement(text, source="a.txt", occasion="OSCE meeting, Vienna")
    b = statement(text, source="b.txt", occasion="NATO summit, Vilnius")
    assert merge_statements([a, b]) == [a, b]


def test_one_article_is_never_merged_with_itself() -> None:
    text = "Blinken said Russia must end its war of aggression."
    a = statement(text, start=0)
    b = statement(text, start=500)
    assert merge_statements([a, b]) == [a, b]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Mutual compliance is in the interest of our two countries, Blinken told Lavrov.",
            "“Mutual compliance benefits both countries,” added the Secretary of State.",
        ),
        (
            "Blinken told Lavrov: “End this war of aggression, and engage in meaningful "
            "diplomacy that can produce a just and lasting peace.”",
            "Blinken asked Lavrov to “end this war of aggression, engage in meaningful diplomacy "
            "that can produce a just and durable peace,” per AP News.",
        ),
        (
            "Lavrov said: “We do not feel isolated. It is the West that has isolated itself.”",
            "“We don't feel isolated; it's the West that isolated itself,” Sergey Lavrov said.",
        ),
    ],
)
def test_a_reworded_remark_from_two_outlets_merges(first: str, second: str) -> None:
    """Controls: the near misses above stay apart because they differ, not because nothing
    ever merges."""
    speaker = "lavrov" if "Lavrov said" in first else "blinken"
    a = statement(first, speaker, "a.txt")
    b = statement(second, speaker, "b.txt", start=100)
    (shown,) = merge_statements([a, b])
    assert {shown.source, *(r.source for r in shown.reports)} == {"a.txt", "b.txt"}
