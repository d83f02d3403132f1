"""Article text that attacks the Markdown must come out as the same visible text, and only that.

Everything fed in here is SYNTHETIC: invented texts and names, none from a real article.
"""

from __future__ import annotations

import datetime
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_export_support import (
    HOSTILE_TEXTS,
    HTML_TOKENS,
    LINK_TOKENS,
    PARSERS,
    all_token_types,
    hostile_debate,
    parse,
)

from debate_tui.config import load_config
from debate_tui.export import (
    code_span,
    debate_markdown,
    escape_markdown,
    normalise_text,
    pairing_markdown,
)
from debate_tui.model import ArticleMeta, Debate, Statement

DAY = datetime.date(2026, 11, 20)
UNSAFE = HTML_TOKENS | LINK_TOKENS

# SYNTHETIC fragments that start Markdown or HTML syntax, mixed with arbitrary text below.
FRAGMENTS = [
    "<script>",
    "</div>",
    "<!-- x -->",
    "<?php ?>",
    "<![CDATA[x]]>",
    "<a href='x'>",
    "<br/>",
    "&amp;",
    "&#60;",
    "&#x3c;",
    "&nbsp;",
    "&copy",
    "http://example.com",
    "https://a.b/c_d",
    "www.example.com",
    "example.com",
    "bob@example.com",
    "mailto:x@y.org",
    "//localhost",
    "xn--p1ai",
    "пример.рф",
    "co.uk",
    "<http://x.y>",
    "<a@b.c>",
    "[a](b)",
    "![i](x.png)",
    "[ref]: /url",
    "[^1]",
    "**b**",
    "__u__",
    "*i*",
    "_i_",
    "~~s~~",
    "~",
    "`c`",
    "```",
    "~~~",
    "| a | b |",
    "|---|",
    "# h",
    "> q",
    "- item",
    "1. one",
    "2) two",
    "+ x",
    "***",
    "---",
    "===",
    "\\",
    "\\|",
    "  \n",
    "\n\n",
    "\t",
    "    ",
    "\x00",
    "\r",
    ".",
    ":",
    "/",
    "@",
    "www",
    "a",
    "1",
]
texts = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(max_size=6),
        st.text(alphabet=string.punctuation + " ab1", max_size=6),
    ),
    max_size=14,
).map("".join)


def _contexts(text: str) -> list[tuple[str, str]]:
    """The places the exporter puts article text: (Markdown, where to find it)."""
    block = escape_markdown(text)
    inline = escape_markdown(text, line_start=False)
    return [
        (block, "paragraph"),
        (f"> {block}\n>\n> Source: x", "paragraph"),
        (f"| h | i |\n| --- | --- |\n| {inline} | y |\n| z | {inline} |", "cells"),
        (f"## {inline}", "heading"),
        (f"**Label**, {inline}: {inline}", "label"),
    ]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_escaped_text_renders_as_the_same_visible_text_and_nothing_else(text: str) -> None:
    want = normalise_text(text)
    if not want:
        return
    for parser in PARSERS:
        for markdown, where in _contexts(text):
            parsed = parse(markdown, parser)
            types = all_token_types(parsed.tokens)
            assert not types & UNSAFE, (parser, markdown)
            assert not types & {"em_open", "strong_open", "s_open", "code_inline"} or (
                where == "label" and "em_open" not in types and "code_inline" not in types
            ), (parser, markdown)
            inlines = [t for t in parsed.tokens if t.type == "inline"]
            if where == "cells":
                table = parsed.tables[0]
                assert table.header == ["h", "i"] and len(table.rows) == 2, markdown
                assert table.rows == [[want, "y"], ["z", want]], markdown
            elif where == "label":
                children = [c for c in inlines[0].children or [] if c.type != "text" or c.content]
                assert [c.type for c in children[:3]] == ["strong_open", "text", "strong_close"]
                rest = "".join(c.content for c in children[3:])
                assert rest == f", {want}: {want}", markdown
            else:
                shown = "".join(c.content for c in inlines[0].children or [])
                assert shown == want, (parser, markdown)
                assert {c.type for c in inlines[0].children or []} <= {"text"}


@given(st.text(max_size=30))
def test_code_spans_show_file_names_verbatim(name: str) -> None:
    want = normalise_text(name)
    if not want.strip():
        return
    parsed = parse(f"Source: {code_span(name)}")
    children = parsed.tokens[1].children or []
    assert [c.type for c in children] == ["text", "code_inline"]
    assert children[1].content == want


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_hostile_pairing_keeps_its_shape(parser: str) -> None:
    debate = hostile_debate()
    pairing = debate.pairing("crimea")
    parsed = parse(pairing_markdown(debate, "crimea", today=DAY), parser)
    assert not all_token_types(parsed.tokens) & UNSAFE
    assert parsed.headings[0] == (1, "Crimea: Antony Blinken vs Sergei Lavrov")
    (table,) = parsed.tables
    assert len(table.rows) == len(pairing.rows)
    assert all(len(row) == 2 for row in table.rows)
    # Every synthetic text exactly once, whitespace normalised, nothing lost or added.
    assert sorted(q.text for q in parsed.quoted) == sorted(normalise_text(t) for t in HOSTILE_TEXTS)
    # The hostile file name still shows verbatim in citations.
    assert any("weird | <b>name</b> `x`.txt" in q.files for q in parsed.quoted)
    assert any("<h1>Title</h1> | *bold* [x](y)" in q.citation for q in parsed.quoted)


def test_very_long_statement_is_shortened_in_the_table_only() -> None:
    debate = hostile_debate()
    long_text = normalise_text(HOSTILE_TEXTS[10])
    parsed = parse(pairing_markdown(debate, "crimea", today=DAY))
    cells = [c for row in parsed.tables[0].rows for c in row if "talks were" in c]
    assert len(cells) == 1 and cells[0].endswith("…") and len(cells[0]) < 300
    assert long_text in [q.text for q in parsed.quoted]


def test_hostile_whole_debate_has_no_html_or_links() -> None:
    debate = hostile_debate()
    md = debate_markdown(debate, today=DAY)
    for parser in PARSERS:
        parsed = parse(md, parser)
        assert not all_token_types(parsed.tokens) & UNSAFE
        assert parsed.headings[0] == (1, "<b>Hostile</b> | debate: every topic")


def _debate_of(texts: list[str], title: str, occasion: str) -> Debate:
    config = load_config(None, None)
    meta = ArticleMeta(source="synthetic.txt", title=title, occasion=occasion)
    statements = [
        Statement(
            speaker=("blinken", "lavrov")[i % 2],
            text=text,
            kind="quote",
            topics=("crimea",),
            source="synthetic.txt",
            start=i * 1000,
            end=i * 1000 + len(text),
            paragraph=i,
            cue="said",
            via="name",
            confidence=0.9,
            reason="synthetic",
        )
        for i, text in enumerate(texts)
    ]
    return Debate("synthetic", "synthetic", config.speakers, config.topics, [meta], statements)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(texts.filter(lambda t: normalise_text(t) != ""), min_size=1, max_size=5), texts, texts
)
def test_any_statements_keep_the_document_shape(
    texts_: list[str], title: str, occasion: str
) -> None:
    debate = _debate_of(texts_, title, occasion)
    pairing = debate.pairing("crimea")
    md = pairing_markdown(debate, "crimea", today=DAY)
    for parser in PARSERS:
        parsed = parse(md, parser)
        assert not all_token_types(parsed.tokens) & UNSAFE
        assert len(parsed.tables) == 1
        assert len(parsed.tables[0].rows) == len(pairing.rows)
        assert all(len(row) == 2 for row in parsed.tables[0].rows)
        assert sorted(q.text for q in parsed.quoted) == sorted(normalise_text(t) for t in texts_)
        assert [q.files for q in parsed.quoted] == [["synthetic.txt"]] * len(texts_)
