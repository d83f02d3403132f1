"""Quote pairing: what a reader sees as quoted must be what the marks enclose."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from debate_tui.corpus import split_paragraphs
from debate_tui.extract.quotes import find_quotes, top_level


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in top_level(find_quotes(text, split_paragraphs(text)))]


def test_curly_quotes_pair() -> None:
    text = "“End this war,” Blinken told Lavrov. He added “no matter what”."
    assert quoted(text) == ["“End this war,”", "“no matter what”"]


def test_wrong_glyph_closing_mark_still_closes() -> None:
    text = "“Mutual compliance benefits both countries“, added the Secretary of State."
    spans = top_level(find_quotes(text, split_paragraphs(text)))
    assert [text[s.start : s.end] for s in spans] == ["“Mutual compliance benefits both countries“"]
    assert spans[0].balanced


def test_straight_quotes_and_guillemets() -> None:
    text = 'He said "we will not" and then «nous non plus».'
    assert quoted(text) == ['"we will not"', "«nous non plus»"]


def test_two_commas_typed_for_a_low_opening_mark_open_a_quotation() -> None:
    # ",,Who is he?": a low-9 mark („) typed as two commas, as some translated copy prints it
    text = "He says it is “not interesting.” ,,Who is he? To me, he is nobody.” Then, ,, and."
    assert quoted(text) == ["“not interesting.”", ",,Who is he? To me, he is nobody.”"]


def test_apostrophes_are_not_quotes() -> None:
    text = "Moscow’s invasion and the Ukrainians’ resistance don’t end."
    assert quoted(text) == []


def test_single_quotes_inside_double_quotes_are_nested() -> None:
    text = "He noted that “Putin wants, I quote, ‘the new regional reality’.”"
    spans = find_quotes(text, split_paragraphs(text))
    assert [text[s.start : s.end] for s in top_level(spans)] == [
        "“Putin wants, I quote, ‘the new regional reality’.”"
    ]
    assert any(s.nested and text[s.start : s.end] == "‘the new regional reality’" for s in spans)


def test_double_quotes_inside_double_quotes_are_nested() -> None:
    text = "“When we say “peace talks” – I don’t understand with whom,” he said. “Then what?”"
    spans = find_quotes(text, split_paragraphs(text))
    assert [text[s.start : s.end] for s in top_level(spans)] == [
        "“When we say “peace talks” – I don’t understand with whom,”",
        "“Then what?”",
    ]
    assert any(s.nested and text[s.start : s.end] == "“peace talks”" for s in spans)


def test_a_second_opening_mark_with_one_closer_left_still_ends_the_first() -> None:
    text = "He said “we will never accept this. And “that is final”."
    spans = top_level(find_quotes(text, split_paragraphs(text)))
    assert [(text[s.start : s.end], s.balanced) for s in spans] == [
        ("“we will never accept this. And ", False),
        ("“that is final”", True),
    ]


def test_unbalanced_quote_runs_to_paragraph_end_and_is_flagged() -> None:
    text = "He said “we will never accept this.\nNext paragraph."
    spans = top_level(find_quotes(text, split_paragraphs(text)))
    assert len(spans) == 1
    assert not spans[0].balanced
    assert text[spans[0].start : spans[0].end] == "“we will never accept this."


@given(st.text(alphabet=st.sampled_from(list("ab “”\"'‘’«»\n.,")), max_size=200))
def test_any_text_gives_ordered_spans_inside_the_text(text: str) -> None:
    for span in find_quotes(text, split_paragraphs(text)):
        assert 0 <= span.start < span.end <= len(text)
