"""Debates built by hand for the export tests, and helpers to read exported Markdown back.

The export must not depend on the NLP extraction, so these debates are assembled directly:
`real_debate()` from exact slices of the bundled articles (offsets found with str.find), and
`hostile_debate()` from SYNTHETIC texts invented to attack the Markdown. The few tests here
check that the builders themselves tell the truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from debate_tui.config import load_config
from debate_tui.corpus import load_corpus
from debate_tui.model import Article, ArticleMeta, Debate, Kind, Report, Statement

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"

# Renderers the tests parse with: plain CommonMark plus GFM tables and strikethrough, and the
# "gfm-like" preset, which also turns bare URLs and domains into links (linkify).
PARSERS = {
    "commonmark+gfm-tables": MarkdownIt("commonmark").enable(["table", "strikethrough"]),
    "gfm-like": MarkdownIt("gfm-like"),
}
HTML_TOKENS = {"html_inline", "html_block"}
LINK_TOKENS = {"link_open", "link_close", "image"}


def corpus_articles() -> dict[str, Article]:
    return {article.source: article for article in load_corpus(CORPUS, lambda _m: None)}


def real_statement(
    article: Article,
    needle: str,
    speaker: str,
    kind: Kind,
    topics: tuple[str, ...],
    *,
    reports: tuple[Report, ...] = (),
    occasion: str | None = None,
) -> Statement:
    """A statement whose text is exactly `needle` as it stands in the article."""
    start = article.text.find(needle)
    assert start >= 0, f"{needle!r} not in {article.source}"
    end = start + len(needle)
    quotes: tuple[tuple[int, int], ...] = ()
    for open_mark, close_mark in (("“", "”"), ('"', '"')):
        q_start = needle.find(open_mark)
        q_end = needle.find(close_mark, q_start + 1)
        if q_start >= 0 and q_end > q_start:
            quotes = ((start + q_start, start + q_end + 1),)
            break
    return Statement(
        speaker=speaker,
        text=needle,
        kind=kind,
        topics=topics,
        source=article.source,
        start=start,
        end=end,
        paragraph=article.paragraph_of(start),
        cue="said",
        via="name",
        confidence=0.9,
        reason="test: built by hand",
        quotes=quotes,
        occasion=occasion,
        reports=reports,
    )


def report_of(article: Article, needle: str) -> Report:
    start = article.text.find(needle)
    assert start >= 0, f"{needle!r} not in {article.source}"
    return Report(article.source, start, start + len(needle), needle)


OSCE = "blinken-vs-lavrov-osce-meeting.txt"
MALTA = "osce-malta-ministerial-accusations.txt"
DELHI = "g20-new-delhi-high-level-talks.txt"
COUNTERPART = "blinken-meets-russian-counterpart.txt"
FLEETING = "g20-first-fleeting-meeting.txt"


def real_debate() -> Debate:
    """Real statements from the bundled corpus, chosen to cover the shapes a pairing takes.

    crimea: two groups, one with Blinken alone (a "no statement" cell); escalation: both
    sides on one occasion; peace-talks: a remark printed by two articles (a report);
    new-start: Blinken only; other: one Lavrov statement no topic claimed; minsk: empty.
    """
    articles = corpus_articles()
    config = load_config(None, CORPUS)
    osce, malta, delhi = articles[OSCE], articles[MALTA], articles[DELHI]
    counterpart = articles[COUNTERPART]
    statements = [
        real_statement(
            osce,
            "He directly accused Russia of fueling the conflict in Ukraine, "
            "pointing fingers at Moscow's support for separatist movements and its "
            "annexation of Crimea.",
            "blinken",
            "reported",
            ("crimea",),
        ),
        real_statement(
            osce,
            "Lavrov defended Russia's annexation of Crimea, arguing that it was "
            "a result of a legitimate referendum in which the people of Crimea "
            "freely expressed their desire to join Russia.",
            "lavrov",
            "reported",
            ("crimea",),
        ),
        real_statement(
            osce,
            "Furthermore, Blinken addressed the issue of human rights violations"
            " in Crimea, accusing Russia of suppressing dissent and persecuting "
            "ethnic minorities.",
            "blinken",
            "reported",
            ("crimea", "human-rights"),
        ),
        real_statement(
            malta, "He said, “Let’s talk about escalation.", "blinken", "mixed", ("escalation",)
        ),
        real_statement(
            malta,
            "Russian Foreign Minister Sergey Lavrov used his speech at the "
            "meeting to accuse the West of provoking tensions and escalating the war "
            "in Ukraine.",
            "lavrov",
            "reported",
            ("escalation",),
        ),
        real_statement(
            delhi,
            "“End this war of aggression, and engage in meaningful diplomacy that can "
            "produce a just and lasting peace,” Blinken told Lavrov.",
            "blinken",
            "mixed",
            ("peace-talks", "war-sovereignty"),
            reports=(
                report_of(
                    counterpart,
                    "Blinken later spoke of the discussion at a press "
                    "conference, saying that he had asked Lavrov to “End this war of "
                    "aggression, engage in meaningful diplomacy that can produce a "
                    "just and durable peace,” per AP News.",
                ),
            ),
        ),
        real_statement(
            delhi,
            "Blinken also urged Russia to reverse its “irresponsible decision "
            "and return to” participation in the New START nuclear treaty.",
            "blinken",
            "mixed",
            ("new-start", "nuclear"),
        ),
        real_statement(
            osce,
            "He painted a different picture, arguing that the crisis in Ukraine "
            "is a result of internal political divisions and the actions of the "
            "Ukrainian government itself.",
            "lavrov",
            "reported",
            ("other",),
        ),
    ]
    return Debate(
        name=config.name,
        corpus=str(CORPUS),
        speakers=config.speakers,
        topics=config.topics,
        articles=[a.meta for a in articles.values()],
        statements=statements,
    )


# SYNTHETIC: invented texts that attack the Markdown. None of them comes from an article.
HOSTILE_TEXTS = (
    "<script>alert('x')</script> said | nothing | at all",
    "He wrote <b>bold</b> and <img src=x onerror=alert(1)> and <!-- hidden --> too.",
    "Pipes || everywhere | \\| escaped \\\\| and `code | span` with ``double`` ticks ```fence",
    "**Not bold**, __not bold__, *not em*, _not em_, ~~not struck~~ and [not a link](http://x.y)",
    "# Not a heading\n\n> not a quote\n- not a list\n1. not ordered\n    not code\n---",
    "Entities stay literal: &amp; &lt;b&gt; &#60;script&#62; &#x3C;/p&#x3E; &copy; AT&T",
    "Links stay text: https://example.com/a_b, www.example.org, mail bob@example.com, "
    "//localhost, <https://auto.link>, ![image](http://x/y.png) and [ref]: /url",
    "Trailing backslash \\",
    "1) starts like a list | and ends like a table |",
    "- dash first, then <div>\n<div>block html</div>\n</div>",
    "Lavrov said the talks were " + "very, " * 400 + "long.",  # a very long statement
    "NUL\x00 and BEL\x07 and\u00a0no-break\u2028line separator\ttab\r\ncrlf",
)


def hostile_debate() -> Debate:
    """A debate whose every article-derived string is SYNTHETIC and hostile."""
    config = load_config(None, CORPUS)
    metas = [
        ArticleMeta(
            source="weird | <b>name</b> `x`.txt",
            title="<h1>Title</h1> | *bold* [x](y)",
            occasion="Summit <i>|</i> & more",
            date="2023-03-02",
        ),
        ArticleMeta(source="plain.html", title="", occasion=None),
    ]
    statements: list[Statement] = []
    position = 0
    for index, text in enumerate(HOSTILE_TEXTS):
        meta = metas[index % 2]
        statements.append(
            Statement(
                speaker=("blinken", "lavrov")[index % 3 % 2],
                text=text,
                kind="quote",
                topics=("crimea",) if index % 4 else ("crimea", "other"),
                source=meta.source,
                start=position,
                end=position + len(text),
                paragraph=index,
                cue="said <x>",
                via="name",
                confidence=0.5 if index == 3 else 0.9,
                reason="<b>why</b> | `ok`",
                occasion="Oc|ca<sion>" if index == 5 else None,
                reports=(Report("plain.html", 5, 9, "<variant> | text"),) if index == 2 else (),
            )
        )
        position += len(text) + 1
    return Debate(
        name="<b>Hostile</b> | debate",
        corpus="/tmp/x/cor`pus",
        speakers=config.speakers,
        topics=config.topics,
        articles=metas,
        statements=statements,
    )


# --- reading exported Markdown back ----------------------------------------------------------


def visible(inline: Token) -> str:
    """The text a reader sees in an inline token (code shown as its content)."""
    out = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline", "text_special"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass
class Quoted:
    """One statement block: its label, its text, its citation line."""

    label: str
    text: str
    citation: str
    files: list[str] = field(default_factory=list)


@dataclass
class Parsed:
    tokens: list[Token]
    headings: list[tuple[int, str]]
    tables: list[Table]
    quoted: list[Quoted]


def parse(markdown: str, parser: str = "commonmark+gfm-tables") -> Parsed:
    tokens = PARSERS[parser].parse(markdown)
    headings: list[tuple[int, str]] = []
    tables: list[Table] = []
    quoted: list[Quoted] = []
    row: list[str] | None = None
    in_head = False
    last_paragraph = ""
    depth = 0
    quote_parts: list[Token] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            headings.append((int(token.tag[1]), visible(tokens[index + 1])))
        elif token.type == "table_open":
            tables.append(Table([], []))
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open") and row is not None:
            row.append(visible(tokens[index + 1]))
        elif token.type == "tr_close" and row is not None:
            if in_head:
                tables[-1].header = row
            else:
                tables[-1].rows.append(row)
            row = None
        elif token.type == "blockquote_open":
            depth += 1
            quote_parts = []
        elif token.type == "blockquote_close":
            depth -= 1
            if len(quote_parts) == 2:
                files = [
                    c.content for c in quote_parts[1].children or [] if c.type == "code_inline"
                ]
                quoted.append(
                    Quoted(last_paragraph, visible(quote_parts[0]), visible(quote_parts[1]), files)
                )
        elif token.type == "inline" and depth:
            quote_parts.append(token)
        elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            last_paragraph = visible(token)
    return Parsed(tokens, headings, tables, quoted)


def all_token_types(tokens: list[Token]) -> set[str]:
    types = set()
    for token in tokens:
        types.add(token.type)
        types.update(child.type for child in token.children or [])
    return types


# --- the builders tell the truth ---------------------------------------------------------------


def test_real_statements_are_exact_slices_of_the_articles() -> None:
    articles = corpus_articles()
    for st in real_debate().statements:
        assert articles[st.source].text[st.start : st.end] == st.text
        for report in st.reports:
            assert articles[report.source].text[report.start : report.end] == report.text


def test_hostile_debate_holds_every_synthetic_text() -> None:
    texts = [st.text for st in hostile_debate().statements]
    assert texts == list(HOSTILE_TEXTS)
