"""One statement as a card: kind badge, the words (quotes set apart), and where it was printed."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from debate_tui.dates import find_date
from debate_tui.model import ArticleMeta, Statement
from debate_tui.safe_text import visible

# Quoted words are bold and coloured so they stand out from reported speech in any theme,
# and still by weight alone where a 16-colour terminal flattens the colours.
QUOTE_STYLE = "bold $text-accent"
MATCH_STYLE = "reverse"
KIND_STYLES = {
    "quote": "bold reverse $text-accent",
    "mixed": "bold reverse $text-success",
    "reported": "bold reverse $text-secondary",
}
LOW_CONFIDENCE_STYLE = "bold $text-warning"
SOURCE_STYLE = "italic $foreground-muted"
TITLE_LIMIT = 60


def matches(text: str, query: str) -> list[tuple[int, int]]:
    """Where `query` occurs in `text`, whatever the case, quotes, dashes and accents;
    plain text, never a pattern."""
    if not query:
        return []
    from debate_tui.text_match import find_all  # only once a filter is typed

    return find_all(text, query)


def shorten(text: str, limit: int) -> str:
    """Cut long titles at a word boundary so a card keeps to a few lines."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;: ")
    return f"{cut}…"


def source_label(
    meta: ArticleMeta | None, source: str, *, group: str | None = None, limit: int = TITLE_LIMIT
) -> str:
    """Outlet (else title), then the occasion with its date: what places a remark.

    `group` is the row's group label, which already carries the occasion's date (else the
    article's); the publication date is given only when no date is there, so no date is
    printed twice.
    """
    if meta is None:
        return f"{source} · {group}" if group and group != source else source
    where = meta.outlet or shorten(meta.title, limit)
    occasion = group or meta.occasion
    if occasion and occasion.startswith(meta.title):  # grouped by the article itself
        occasion = occasion[len(meta.title) :].lstrip(", ") or None
    parts = [where]
    if occasion:
        parts.append(occasion)
    if meta.date and not find_date(occasion).known:
        parts.append(find_date(meta.date).label() or meta.date)
    return " · ".join(parts)


def statement_text(statement: Statement, query: str = "") -> Content:
    """The statement's words: direct quotes styled apart, filter matches reversed."""
    text = Content.assemble(
        *(
            (visible(piece), QUOTE_STYLE) if is_quote else visible(piece)
            for piece, is_quote in statement.quote_segments()
        )
    )
    for start, end in matches(statement.text, query):
        text = text.stylize(MATCH_STYLE, start, end)
    return text


def badge_line(statement: Statement) -> Content:
    """Kind badge, then a warning mark when the attribution is uncertain."""
    parts: list[Content | tuple[str, str] | str] = [
        (f" {statement.kind} ", KIND_STYLES.get(statement.kind, "bold reverse"))
    ]
    if statement.low_confidence:
        parts.append(("  ⚠ low confidence", LOW_CONFIDENCE_STYLE))
        parts.append((f" {statement.confidence:.2f}", "$foreground-muted"))
    return Content.assemble(*parts)


def card_content(
    statement: Statement, meta: ArticleMeta | None, query: str = "", group: str | None = None
) -> Content:
    """Everything a card shows, as one block of styled text."""
    source = source_label(meta, statement.source, group=group)
    more = statement.printed_in - 1  # a stored remark's reports are not read for this
    if more:
        source += f" · +{more} more report{'s' if more > 1 else ''}"
    return Content("\n").join(
        [
            badge_line(statement),
            statement_text(statement, query),
            Content.styled(visible(source, one_line=True), SOURCE_STYLE),
        ]
    )


class StatementCard(Static):
    """A statement in one column of the pairing; clicking it selects it."""

    DEFAULT_CSS = """
    StatementCard {
        width: 1fr;
        height: 100%;
        padding: 0 1;
        border-left: outer $surface-lighten-1;
        background: $surface;
    }
    StatementCard:hover {
        background: $surface-lighten-1;
    }
    StatementCard.-selected {
        border-left: outer $accent;
        background: $boost;
    }
    StatementCard.-unmatched {
        text-opacity: 45%;
    }
    """

    class Clicked(Message):
        """The user clicked this card."""

        def __init__(self, card: StatementCard) -> None:
            super().__init__()
            self.card = card

    def __init__(
        self,
        statement: Statement,
        meta: ArticleMeta | None,
        *,
        row: int,
        column: int,
        query: str = "",
        group: str | None = None,
    ) -> None:
        matched = True
        if query:
            from debate_tui.text_match import card_matches

            matched = card_matches(statement, query, meta, group)
        super().__init__(
            card_content(statement, meta, query, group), classes="" if matched else "-unmatched"
        )
        self.statement = statement
        self.row = row
        self.column = column

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self))
