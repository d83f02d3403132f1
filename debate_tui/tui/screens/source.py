"""The article a statement came from, with the statement highlighted where it was printed.

The article is read only when asked for, in a thread (HTML needs trafilatura), and the
highlight is placed by the statement's offsets into the very text they were taken from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from debate_tui.corpus import is_heading, read_article
from debate_tui.model import Article, Debate, Statement
from debate_tui.safe_text import visible
from debate_tui.tui import keys
from debate_tui.tui.widgets.key_bar import KeyBar
from debate_tui.tui.widgets.statement_card import (
    KIND_STYLES,
    LOW_CONFIDENCE_STYLE,
    QUOTE_STYLE,
    shorten,
)

HIGHLIGHT_STYLE = "reverse"


@dataclass(frozen=True, slots=True)
class Printing:
    """One place the statement was printed: which file, which characters, and how that
    wording was attributed (None when the cache that held it did not say)."""

    source: str
    start: int
    end: int
    text: str
    kind: str | None = None
    cue: str = ""
    via: str | None = None
    confidence: float | None = None
    reason: str = ""


def printings(statement: Statement) -> list[Printing]:
    """The statement's own report first, then the other articles that printed it."""
    st = statement
    own = Printing(
        st.source, st.start, st.end, st.text, st.kind, st.cue, st.via, st.confidence, st.reason
    )
    return [own, *(Printing(*report) for report in statement.reports)]


def describe(printing: Printing) -> Content:
    """This wording's kind badge, confidence, cue and how the speaker was found."""
    if printing.kind is None or printing.confidence is None:
        return Content.styled(
            "  how this wording was attributed is not recorded (parse again with --no-cache)",
            "$foreground-muted",
        )
    low = printing.confidence < 0.6
    parts: list[Content | tuple[str, str] | str] = [
        (f" {printing.kind} ", KIND_STYLES.get(printing.kind, "bold reverse"))
    ]
    score = f"confidence {printing.confidence:.2f}"
    if low:
        parts.append((f"  ⚠ low {score}", LOW_CONFIDENCE_STYLE))
    why = visible(printing.reason, one_line=True)
    parts.append((f" · {why}" if low else f"  {score} · {why}", "$foreground-muted"))
    return Content.assemble(*parts)


def article_path(corpus: Path, source: str) -> Path:
    """Where a source lives: inside the corpus folder, or the corpus itself when it is a file."""
    return corpus if corpus.is_file() else corpus / source


def locate(text: str, printing: Printing) -> tuple[int, int] | None:
    """The printing's span in `text`; searched for when the file changed since parsing."""
    if text[printing.start : printing.end] == printing.text:
        return printing.start, printing.end
    found = text.find(printing.text)
    return (found, found + len(printing.text)) if found >= 0 else None


class Paragraph(Static):
    """One paragraph of the article."""

    DEFAULT_CSS = """
    Paragraph {
        width: 1fr;
        height: auto;
        margin: 0 0 1 0;
    }
    Paragraph.-heading {
        text-style: bold;
    }
    Paragraph.-boilerplate {
        color: $text-muted;
        text-style: italic;
    }
    """


class SourceScreen(Screen[None]):
    """Shows one article, the statement highlighted and scrolled into view."""

    BINDINGS = keys.bindings(keys.SOURCE_KEYS)

    DEFAULT_CSS = """
    SourceScreen #source-title {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    SourceScreen #source-statement {
        height: auto;
        padding: 0 1;
        background: $boost;
        border-bottom: solid $surface-lighten-2;
    }
    SourceScreen #article {
        height: 1fr;
        padding: 1 2 0 2;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(self, debate: Debate, statement: Statement) -> None:
        super().__init__()
        self.debate = debate
        self.statement = statement
        self.printings = printings(statement)
        self.printing_index = 0
        self.article: Article | None = None
        self.span: tuple[int, int] | None = None
        self.highlighted: Paragraph | None = None

    @property
    def printing(self) -> Printing:
        return self.printings[self.printing_index]

    def compose(self) -> ComposeResult:
        yield Static(id="source-title")
        yield Static(id="source-statement")
        yield VerticalScroll(Static("Opening the article…"), id="article")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_titles()
        self.query_one("#article").focus()
        self._load(self.printing)

    def _show_titles(self) -> None:
        source = self.printing.source
        meta = self.debate.article(source)
        title = meta.title if meta else source
        details = [part for part in (meta.outlet, meta.date, meta.occasion) if part] if meta else []
        details.append(source)
        self.query_one("#source-title", Static).update(
            Content.assemble(
                (visible(shorten(title, 160), one_line=True), "bold"),
                "\n",
                (visible(" · ".join(details), one_line=True), "$foreground-muted"),
            )
        )
        speaker = next((s for s in self.debate.speakers if s.id == self.statement.speaker), None)
        name = speaker.name if speaker else self.statement.speaker
        # The wording on screen, described as it was attributed in this article.
        line = Content.assemble(
            (visible(name, one_line=True), "bold"), "  ", describe(self.printing)
        )
        if len(self.printings) > 1:
            line += Content.styled(
                f"\nPrinted in {len(self.printings)} articles; this is {self.printing_index + 1}. "
                "Press r for the next.",
                "$foreground-muted",
            )
        self.query_one("#source-statement", Static).update(line)

    @work(thread=True, exclusive=True, group="article")
    def _load(self, printing: Printing) -> None:
        warnings: list[str] = []
        path = article_path(Path(self.debate.corpus), printing.source)
        article = read_article(path, printing.source, {}, warnings.append)
        self.app.call_from_thread(self._show_article, printing, article, warnings)

    def _show_article(
        self, printing: Printing, article: Article | None, warnings: list[str]
    ) -> None:
        if printing is not self.printing:
            return
        container = self.query_one("#article", VerticalScroll)
        container.remove_children()
        if article is None:
            reason = warnings[0] if warnings else f"{printing.source}: cannot be read"
            container.mount(Static(Content(visible(f"Cannot open the article. {reason}"))))
            return
        self.article = article
        self.span = locate(article.text, printing)
        if self.span is None:
            self.notify(
                visible(
                    f"{printing.source} changed since it was parsed and no longer holds this "
                    "statement; start debate-tui with --no-cache to parse it again."
                ),
                severity="warning",
                timeout=10,
                markup=False,
            )
        paragraphs: list[Paragraph] = []
        self.highlighted = None
        for index, (start, end) in enumerate(article.paragraphs):
            paragraph = Paragraph(self._paragraph_content(article.text, start, end))
            if index in article.boilerplate:
                paragraph.add_class("-boilerplate")
            elif is_heading(article.text[start:end]):
                paragraph.add_class("-heading")
            if self.span and start <= self.span[0] < end:
                self.highlighted = paragraph
                paragraph.add_class("-highlighted")
            paragraphs.append(paragraph)
        container.mount_all(paragraphs)
        self.call_after_refresh(self.action_show_statement)

    def _paragraph_content(self, text: str, start: int, end: int) -> Content:
        content = Content(visible(text[start:end]))  # same length: offsets stay exact
        if self.span is None:
            return content
        low, high = max(self.span[0], start), min(self.span[1], end)
        if low < high:
            content = content.stylize(HIGHLIGHT_STYLE, low - start, high - start)
            shift = self.span[0] - self.printing.start
            if self.printing_index == 0:
                for q_start, q_end in self.statement.quotes:
                    q_low, q_high = max(q_start + shift, start), min(q_end + shift, end)
                    if q_low < q_high:
                        content = content.stylize(QUOTE_STYLE, q_low - start, q_high - start)
        return content

    def action_show_statement(self) -> None:
        """Scroll so the highlighted words sit in the middle of the view."""
        paragraph, span, article = self.highlighted, self.span, self.article
        if paragraph is None or span is None or article is None or not paragraph.is_mounted:
            return
        container = self.query_one("#article", VerticalScroll)
        width = paragraph.content_region.width
        if width <= 0:
            return
        p_start = next(start for start, end in article.paragraphs if start <= span[0] < end)
        first_word = article.text[span[0] : span[1]].split(" ", 1)[0]
        before = Content(visible(article.text[p_start : span[0]] + first_word)).wrap(width)
        through = Content(visible(article.text[p_start : span[1]])).wrap(width)
        top = len(before) - 1
        height = max(len(through) - top, 1)
        line = paragraph.virtual_region.y + top
        view = container.scrollable_content_region.height
        # Centre the highlight; one taller than the view starts at the view's top.
        target = line - max((view - height) // 2, 0)
        container.scroll_to(y=max(target, 0), animate=False, immediate=True)

    def action_next_printing(self) -> None:
        if len(self.printings) < 2:
            return
        self.printing_index = (self.printing_index + 1) % len(self.printings)
        self._show_titles()
        self._load(self.printing)

    def action_back(self) -> None:
        self.dismiss()

    def action_scroll_down(self) -> None:
        self.query_one("#article", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one("#article", VerticalScroll).scroll_up(animate=False)
