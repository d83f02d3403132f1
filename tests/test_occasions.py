"""Occasions: every statement knows where and when it was made, as far as the articles say.

The bundled statements are checked against tests/expected/occasions.toml, labelled by reading
the articles. Hand-written passages (marked SYNTHETIC) check the rules one at a time.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from debate_tui.build import build_debate, statements_for_articles
from debate_tui.config import load_config
from debate_tui.corpus import load_corpus, split_paragraphs, with_meta
from debate_tui.model import Article, ArticleMeta, Debate, Statement
from debate_tui.occasions import Occasion, assign_occasions, parse_label, unify

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
LABELS = REPO / "tests" / "expected" / "occasions.toml"

CONFIG = load_config(None, CORPUS)
G20 = "G20 foreign ministers' meeting, New Delhi, 2 March"
GENEVA = "Geneva meeting, January 2022"
MALTA = "31st OSCE ministerial meeting, Malta"
OSCE = "OSCE meeting"


@cache
def labels() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = tomllib.loads(LABELS.read_text("utf-8"))["occasion"]
    return rows


def analysed(found: list[Article]) -> list[Article]:
    """The articles with the layout extraction finds in them (sentences and dates, as spaCy
    found them): what occasions read."""
    statements_for_articles(found, CONFIG, use_cache=False, warn=lambda _m: None)
    assert all(article.layout is not None for article in found)
    return found


@cache
def articles() -> dict[str, Article]:
    return {a.source: a for a in analysed(load_corpus(CORPUS, lambda _m: None))}


@pytest.fixture(scope="module")
def debate() -> Debate:
    """The bundled corpus as the reader gets it (occasions assigned, repeats merged)."""
    return build_debate(CORPUS, CONFIG, warn=lambda _m: None)


_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")
_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.){2,}$|\b[A-Z]\.$")


def sentence_statement(article: Article, anchor: str, speaker: str = "blinken") -> Statement:
    """The sentence holding `anchor`, as a statement: no extraction involved."""
    at = article.text.index(anchor)
    paragraph = article.paragraph_of(at)
    start, end = article.paragraphs[paragraph]
    cuts = [start]
    for match in _BOUNDARY.finditer(article.text, start, end):
        if not _ABBREVIATION.search(article.text[cuts[-1] : match.start() + 1]):
            cuts.append(match.end())
    cuts.append(end)
    begin = max(c for c in cuts if c <= at)
    stop = min(c for c in cuts if c >= at + len(anchor))
    text = article.text[begin:stop].rstrip()
    return Statement(
        speaker=speaker,
        text=text,
        kind="reported",
        topics=("other",),
        source=article.source,
        start=begin,
        end=begin + len(text),
        paragraph=paragraph,
        cue="said",
        via="name",
        confidence=0.9,
        reason="test",
    )


def synthetic_article(text: str, source: str = "synthetic.txt", **meta: str) -> Article:
    """A SYNTHETIC article written for one rule, analysed as extraction does."""
    article = Article(
        meta=ArticleMeta(source=source, title=meta.pop("title", source), **meta),
        text=text,
        paragraphs=split_paragraphs(text),
    )
    return analysed([article])[0]


def occasion_at(article: Article, anchor: str, *others: Article) -> str | None:
    statement = sentence_statement(article, anchor)
    (found,) = [
        st
        for st in assign_occasions([statement], [article, *others])
        if st.start == statement.start
    ]
    return found.occasion


# --- The bundled corpus against the hand labels -------------------------------------------


def test_every_labelled_sentence_gets_its_labelled_occasion() -> None:
    corpus = articles()
    statements = [sentence_statement(corpus[row["source"]], row["anchor"]) for row in labels()]
    found = assign_occasions(statements, list(corpus.values()))
    wrong = [
        (row["anchor"], st.occasion, row["occasion"])
        for row, st in zip(labels(), found, strict=True)
        if st.occasion != row["occasion"]
    ]
    assert not wrong, wrong
    assert len(found) == 72


def test_extracted_statements_carry_the_labelled_occasions(debate: Debate) -> None:
    """What the reader shows: each extracted statement (or merged report) at its occasion."""
    spans = [(st.source, st.start, st.end, st.occasion) for st in debate.statements]
    spans += [
        (report.source, report.start, report.end, st.occasion)
        for st in debate.statements
        for report in st.reports
    ]
    covered = 0
    for row in labels():
        at = articles()[row["source"]].text.index(row["anchor"])
        holding = [s for s in spans if s[0] == row["source"] and s[1] <= at < s[2]]
        if holding:
            covered += 1
            assert {s[3] for s in holding} == {row["occasion"]}, row["anchor"]
    assert covered >= 0.85 * len(labels())


def test_a_past_meeting_keeps_its_own_place_and_date(debate: Debate) -> None:
    (geneva,) = [st for st in debate.statements if "At that meeting, Blinkin" in st.text]
    assert geneva.occasion == GENEVA
    pairing = debate.pairing(geneva.topics[0])
    assert GENEVA in {row.group for row in pairing.rows}


def test_outlets_writing_g20_and_g_20_share_one_label(debate: Debate) -> None:
    g20_files = {
        "g20-new-delhi-high-level-talks.txt",
        "g20-first-fleeting-meeting.txt",
        "blinken-meets-russian-counterpart.txt",
    }
    found = {
        st.occasion
        for st in debate.statements
        if st.source in g20_files and "At that meeting" not in st.text
    }
    assert found == {G20}


def test_pairing_rows_come_from_one_occasion(debate: Debate) -> None:
    for topic in debate.all_topics():
        for row in debate.pairing(topic.id).rows:
            for cell in (row.left, row.right):
                if cell is not None:
                    assert cell.occasion == row.group


def test_the_text_alone_finds_the_same_occasions_without_metadata() -> None:
    """Without sources.toml: the same labels, less the date only the metadata gives."""
    bare = [with_meta(a, occasion=None) for a in articles().values()]
    by_source = {a.source: a for a in bare}
    statements = [sentence_statement(by_source[r["source"]], r["anchor"]) for r in labels()]
    found = assign_occasions(statements, bare)
    for row, st in zip(labels(), found, strict=True):
        assert st.occasion == row["occasion"].replace(", 2 March", ""), row["anchor"]


# --- Rules, on SYNTHETIC passages ------------------------------------------------------------


def test_anaphora_attaches_to_the_past_event_it_points_back_to() -> None:
    article = synthetic_article(
        "Blinken spoke at the NATO summit in Vilnius.\n"
        "The two last met in person in Istanbul, Turkey, in March 2022. At that meeting, "
        "Blinken warned Lavrov against escalation.\n"
        "Blinken said the alliance stood united.\n"
    )
    assert occasion_at(article, "At that meeting") == "Istanbul meeting, March 2022"
    assert occasion_at(article, "stood united") == "NATO summit, Vilnius"


def test_past_perfect_after_a_past_event_belongs_to_it() -> None:
    article = synthetic_article(
        "Lavrov addressed the BRICS summit in Kazan on Tuesday.\n"
        "The previous summit he attended was the SCO summit in Astana in July 2024. "
        "He had warned the West that sanctions would fail.\n"
    )
    assert occasion_at(article, "He had warned") == "SCO summit, Astana, July 2024"


def test_a_remark_to_the_meeting_the_article_is_about_is_not_a_new_occasion() -> None:
    article = synthetic_article(
        "Ministers gathered at the G-20 foreign ministers' meeting in New Delhi.\n"
        "Blinken had told the G20 meeting earlier that the war could not go unchallenged.\n"
        "At a press conference, Blinken said talks were possible.\n"
        "He noted that 141 countries voted at the United Nations.\n"
    )
    expected = "G20 foreign ministers' meeting, New Delhi"
    for anchor in ("had told the G20", "At a press conference", "141 countries"):
        assert occasion_at(article, anchor) == expected, anchor


def test_a_setting_named_in_the_sentence_wins_over_the_main_occasion() -> None:
    article = synthetic_article(
        "The ASEAN Regional Forum in Vientiane ended on Saturday.\n"
        "Speaking at the UN Security Council meeting in New York in September 2024, Lavrov "
        "said the West was to blame.\n"
    )
    expected = "UN Security Council meeting, New York, September 2024"
    assert occasion_at(article, "Speaking at") == expected
    assert occasion_at(article, "ASEAN Regional") == "ASEAN meeting, Vientiane"


def test_no_date_is_invented() -> None:
    article = synthetic_article("Blinken spoke on Thursday at the OSCE meeting in Vienna.\n")
    assert occasion_at(article, "Blinken spoke") == "OSCE meeting, Vienna"


def test_a_weekday_becomes_a_date_when_the_article_is_dated() -> None:
    article = synthetic_article(
        "Blinken spoke this Thursday at the OSCE meeting in Vienna.\n", date="2024-12-07"
    )
    assert occasion_at(article, "Blinken spoke") == "OSCE meeting, Vienna, 5 December 2024"


def test_an_occasion_named_only_where_no_one_speaks_is_still_found() -> None:
    """The headline alone names the event: its sentences are analysed all the same."""
    article = synthetic_article(
        "Ministers gather for the OSCE meeting in Vienna\n"
        "Blinken said Russia must withdraw its forces.\n"
    )
    assert occasion_at(article, "Blinken said") == "OSCE meeting, Vienna"


def test_a_date_given_where_no_one_speaks_dates_the_occasion() -> None:
    article = synthetic_article(
        "A headline\n"
        "The OSCE meeting in Vienna opened on March 2, 2023 under tight security.\n"
        "Blinken said Russia must withdraw its forces.\n"
    )
    assert occasion_at(article, "Blinken said") == "OSCE meeting, Vienna, 2 March 2023"


def test_an_article_naming_no_occasion_has_none() -> None:
    article = synthetic_article("Blinken said Russia must withdraw its forces.\n")
    assert occasion_at(article, "Blinken said") is None


def test_a_metadata_label_we_cannot_read_is_kept_as_written() -> None:
    article = synthetic_article("Blinken said Russia must withdraw.\n", occasion="Press tour")
    assert occasion_at(article, "Blinken said") == "Press tour"


@pytest.mark.parametrize(
    ("written", "label"),
    [
        (
            "G-20 foreign ministers’ conference in New Delhi",
            "G20 foreign ministers' meeting, New Delhi",
        ),
        ("G20 meeting of foreign ministers, New Delhi, March 2", G20),
        ("the Group of 20 foreign ministers' meeting held in New Delhi on 2 March", G20),
        (
            "The 31st Organization for Security and Cooperation in Europe (OSCE) ministerial "
            "meeting in Malta",
            MALTA,
        ),
        ("31st OSCE Ministerial Council, Malta", MALTA),
        ("OSCE (Organization for Security and Co-operation in Europe) meeting", OSCE),
        (
            "NATO summit in Vilnius, Lithuania, on July 11, 2023",
            "NATO summit, Vilnius, 11 July 2023",
        ),
        ("the Geneva talks in January 2022", GENEVA),
    ],
)
def test_labels_are_canonical(written: str, label: str) -> None:
    parsed = parse_label(written)
    assert parsed is not None and parsed.label == label


def test_a_press_conference_or_a_bare_body_is_not_an_occasion() -> None:
    assert parse_label("a news conference") is None
    assert parse_label("the UN Security Council") is None


def test_articles_about_one_event_share_the_date_one_of_them_gives() -> None:
    dated = Occasion(
        kind="foreign ministers' meeting", org="G20", place="New Delhi", month=3, day=2
    )
    undated = replace(dated, month=None, day=None)
    elsewhere = Occasion(kind="meeting", org="OSCE")
    malta = Occasion(kind="ministerial meeting", org="OSCE", place="Malta", ordinal="31st")
    events = unify([undated, dated, elsewhere, malta])
    assert events[undated].label == G20
    # A bare "OSCE meeting" could be any OSCE meeting: it is not taken for the Malta one.
    assert events[elsewhere].label == OSCE
    assert events[malta].label == MALTA


def test_two_articles_about_one_event_share_one_label() -> None:
    first = synthetic_article(
        "Blinken spoke at the G-20 conference held in New Delhi on March 2.\n", "a.txt"
    )
    second = synthetic_article(
        "At the G20 foreign ministers' meeting in New Delhi, Blinken urged restraint.\n",
        "b.txt",
    )
    assert (
        occasion_at(first, "Blinken spoke", second)
        == occasion_at(second, "Blinken urged", first)
        == "G20 foreign ministers' meeting, New Delhi, 2 March"
    )
