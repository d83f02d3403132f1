"""The Markdown a user drops into a brief: read back with markdown-it-py, as a renderer would."""

from __future__ import annotations

import datetime
import re

import pytest
from test_export_support import (
    CORPUS,
    DELHI,
    HTML_TOKENS,
    LINK_TOKENS,
    OSCE,
    PARSERS,
    all_token_types,
    parse,
    real_debate,
)

from debate_tui.export import (
    debate_markdown,
    normalise_text,
    pairing_markdown,
)

DAY = datetime.date(2026, 11, 20)


@pytest.fixture(scope="module")
def debate():
    return real_debate()


def test_title_and_summary_line(debate) -> None:
    md = pairing_markdown(debate, "crimea", today=DAY)
    lines = md.splitlines()
    assert lines[0] == "# Crimea: Antony Blinken vs Sergei Lavrov"
    summary = lines[2]
    assert "`corpus`" in summary
    assert "5 articles" in summary
    assert "3 statements" in summary
    assert "2 Antony Blinken, 1 Sergei Lavrov" in summary
    assert "exported 2026-11-20" in summary
    assert str(CORPUS.parent) not in md  # no path from the exporter's disk


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_table_has_one_row_per_pair_and_names_silence(debate, parser: str) -> None:
    pairing = debate.pairing("crimea")
    parsed = parse(pairing_markdown(debate, "crimea", today=DAY), parser)
    assert len(parsed.tables) == 1
    table = parsed.tables[0]
    assert table.header == ["Antony Blinken", "Sergei Lavrov"]
    assert len(table.rows) == len(pairing.rows) == 2
    assert all(len(row) == 2 for row in table.rows)
    first, second = table.rows
    assert first[0].startswith("Blinken 1, OSCE meeting: He directly accused Russia")
    assert first[1].startswith("Lavrov 1, OSCE meeting: Lavrov defended")
    # The occasion is named once per group, on its first row.
    assert second[0].startswith("Blinken 2: Furthermore")
    assert second[1] == "no statement"


@pytest.mark.parametrize("topic", ["crimea", "escalation", "peace-talks", "new-start", "other"])
@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_every_statement_in_full_exactly_once_under_its_speaker(
    debate, topic: str, parser: str
) -> None:
    parsed = parse(pairing_markdown(debate, topic, today=DAY), parser)
    expected = debate.statements_for(topic)
    texts = [q.text for q in parsed.quoted]
    assert sorted(texts) == sorted(normalise_text(st.text) for st in expected)
    # Under the right heading: Blinken's blocks come before Lavrov's section heading.
    speaker_of = {normalise_text(st.text): st.speaker for st in expected}
    order = [speaker_of[t] for t in texts]
    assert order == sorted(order, key=["blinken", "lavrov"].index)
    assert [h for h in parsed.headings if h[0] == 2] == [
        (2, "Antony Blinken, U.S. Secretary of State"),
        (2, "Sergei Lavrov, Russian Foreign Minister"),
    ]
    # Every table cell points at one statement block by its label, each label once.
    labels = [q.label for q in parsed.quoted]
    assert len(set(labels)) == len(labels)
    cells = [cell for row in parsed.tables[0].rows for cell in row if cell != "no statement"]
    assert sorted(re.split("[,:]", cell)[0] for cell in cells) == sorted(labels)


@pytest.mark.parametrize("topic", ["crimea", "escalation", "peace-talks", "new-start", "other"])
def test_citations_name_real_corpus_files_with_true_offsets(debate, topic: str) -> None:
    parsed = parse(pairing_markdown(debate, topic, today=DAY))
    assert parsed.quoted
    for block in parsed.quoted:
        assert block.files, block.citation
        for name in block.files:
            assert (CORPUS / name).is_file(), name
        own = block.files[0]
        text = (CORPUS / own).read_text("utf-8")
        start, end = (
            int(n) for n in block.citation.split("characters ")[1].split(")")[0].split("–")
        )
        assert normalise_text(text[start:end]) == block.text


def test_citation_gives_title_kind_occasion_and_other_reports(debate) -> None:
    parsed = parse(pairing_markdown(debate, "peace-talks", today=DAY))
    (block,) = parsed.quoted
    assert block.citation.startswith(
        "Source: High-Level Talks Between Blinken and Lavrov Since Ukrainian Invasion "
        f"({DELHI}, characters "
    )
    assert "direct quote and reported speech" in block.citation
    assert "G20 foreign ministers' meeting, New Delhi" in block.citation
    assert "also reported in Blinken Meets With Russian Counterpart" in block.citation
    assert block.files == [DELHI, "blinken-meets-russian-counterpart.txt"]


def test_direct_quotes_keep_their_own_quote_marks(debate) -> None:
    parsed = parse(pairing_markdown(debate, "new-start", today=DAY))
    (block,) = parsed.quoted
    assert "“irresponsible decision and return to”" in block.text


def test_token_stream_has_no_html_and_no_links(debate) -> None:
    for parser in PARSERS:
        for md in (
            debate_markdown(debate, today=DAY),
            *(pairing_markdown(debate, t.id, today=DAY) for t in debate.all_topics()),
        ):
            types = all_token_types(parse(md, parser).tokens)
            assert not types & (HTML_TOKENS | LINK_TOKENS), (parser, types)


def test_empty_topic_says_so_instead_of_an_empty_table(debate) -> None:
    md = pairing_markdown(debate, "minsk", today=DAY)
    parsed = parse(md)
    assert parsed.tables == []
    assert "No statement on Minsk agreements." in md
    assert "0 statements on this topic" in md


def test_unknown_topic_raises_key_error(debate) -> None:
    with pytest.raises(KeyError):
        pairing_markdown(debate, "no-such-topic")


def test_whole_debate_holds_every_topic_including_other(debate) -> None:
    md = debate_markdown(debate, today=DAY)
    parsed = parse(md)
    assert parsed.headings[0] == (1, "Blinken vs Lavrov: every topic")
    topic_titles = [text for level, text in parsed.headings if level == 2]
    assert topic_titles == [
        f"{t.label}: Antony Blinken vs Sergei Lavrov" for t in debate.all_topics()
    ]
    assert topic_titles[-1].startswith("Other:")
    assert "exported 2026-11-20" in md
    # One table per topic that has statements; every statement under each of its topics.
    with_statements = [t for t in debate.all_topics() if debate.statements_for(t.id)]
    assert len(parsed.tables) == len(with_statements)
    expected = sorted(
        normalise_text(st.text) for t in debate.all_topics() for st in debate.statements_for(t.id)
    )
    assert sorted(q.text for q in parsed.quoted) == expected


def test_export_date_defaults_to_today(debate) -> None:
    md = pairing_markdown(debate, "crimea")
    assert f"exported {datetime.date.today().isoformat()}" in md


def test_reads_well_as_plain_text(debate) -> None:
    """Ordinary news prose needs no escapes: no backslashes in the bundled statements."""
    md = pairing_markdown(debate, "crimea", today=DAY)
    assert "\\" not in md
    assert "U.S. Secretary of State" in md
    md = pairing_markdown(debate, "escalation", today=DAY)
    assert "> He said, “Let’s talk about escalation." in md
    assert OSCE not in md  # escalation statements come from the Malta article only


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_a_paired_row_says_why_its_two_statements_sit_together(debate, parser: str) -> None:
    # The muted words the reader shows above a pair ("both on: ..."), after the answer.
    pairing = debate.pairing("crimea")
    assert pairing.rows[0].why == "both on: crimea, annexation"
    table = parse(pairing_markdown(debate, "crimea", today=DAY), parser).tables[0]
    first, second = table.rows
    assert first[1].endswith("↔ both on: crimea, annexation")
    assert "↔" not in first[0]
    assert not any("↔" in cell for cell in second)  # a statement alone has no reason
    md = pairing_markdown(debate, "crimea", today=DAY)
    assert "*↔ both on: crimea, annexation*" in md  # set apart, as the reader mutes it
