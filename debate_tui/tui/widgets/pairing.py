"""The pairing: both speakers' statements on one topic, row by row, in one scroll.

Each row is a horizontal group of two cells, so a remark and its answer from the same
occasion sit side by side and the two columns can never drift apart while scrolling.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from debate_tui.model import Debate, Pairing, Row, Speaker, Statement
from debate_tui.tui import keys
from debate_tui.tui.widgets.statement_card import StatementCard, matches


def surname(speaker: Speaker) -> str:
    """How the reader refers to a speaker in tight places."""
    return speaker.name.split()[-1] if speaker.name.strip() else speaker.id


def row_matches(row: Row, query: str) -> bool:
    return any(cell is not None and matches(cell.text, query) for cell in (row.left, row.right))


class SpeakerHeading(Static):
    """Name, role and statement count above one column."""

    DEFAULT_CSS = """
    SpeakerHeading {
        width: 1fr;
        height: auto;
        padding: 0 1 0 2;
    }
    """

    def show(self, speaker: Speaker, count: int) -> None:
        self.update(
            Content.assemble(
                (speaker.name, "bold"),
                (f" ({count})", "$foreground-muted"),
                "\n",
                (speaker.role or " ", "italic $foreground-muted"),
            )
        )


class ColumnHeadings(Widget):
    """The two speakers' headings, on the same grid as the columns below them."""

    DEFAULT_CSS = """
    ColumnHeadings {
        layout: grid;
        grid-size: 2;
        grid-columns: 1fr 1fr;
        grid-gutter: 0 1;
        height: auto;
        padding: 0 1 0 0;
        border-bottom: solid $surface-lighten-2;
    }
    """

    def compose(self) -> ComposeResult:
        yield SpeakerHeading(id="heading-left")
        yield SpeakerHeading(id="heading-right")

    def show(self, pairing: Pairing) -> None:
        self.query_one("#heading-left", SpeakerHeading).show(
            pairing.left, pairing.count(pairing.left.id)
        )
        self.query_one("#heading-right", SpeakerHeading).show(
            pairing.right, pairing.count(pairing.right.id)
        )


class GroupLabel(Static):
    """The occasion (or article) the rows below come from."""

    DEFAULT_CSS = """
    GroupLabel {
        width: 1fr;
        height: auto;
        padding: 0 1;
        color: $text-muted;
        text-style: bold;
    }
    """


class EmptyCell(Static):
    """The cell of a speaker who said nothing in this row: says so, keeps the columns aligned."""

    DEFAULT_CSS = """
    EmptyCell {
        width: 1fr;
        height: 100%;
        padding: 0 1;
        border-left: blank;
        color: $text-muted;
        text-style: italic;
    }
    """


class PairRow(Widget):
    """One row of the pairing: a cell per speaker, both as tall as the taller one."""

    DEFAULT_CSS = """
    PairRow {
        layout: grid;
        grid-size: 2;
        grid-columns: 1fr 1fr;
        grid-gutter: 0 1;
        height: auto;
        margin: 0 0 1 0;
    }
    """


class Notice(Static):
    """A sentence in place of the rows: why there is nothing here and what to do."""

    DEFAULT_CSS = """
    Notice {
        width: 1fr;
        height: auto;
        padding: 1 2;
        color: $text-muted;
    }
    """


class PairingView(VerticalScroll, can_focus=True):
    """The rows of one topic with a cursor on one statement (row, column)."""

    BINDINGS = keys.bindings(keys.STATEMENT_KEYS)

    DEFAULT_CSS = """
    PairingView {
        height: 1fr;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pairing: Pairing | None = None
        self.query_text = ""
        self.cells: list[tuple[StatementCard | None, StatementCard | None]] = []
        self.group_labels: dict[int, GroupLabel] = {}
        self.row = -1
        self.column = 0

    @property
    def selected(self) -> StatementCard | None:
        if 0 <= self.row < len(self.cells):
            return self.cells[self.row][self.column]
        return None

    @property
    def selected_statement(self) -> Statement | None:
        card = self.selected
        return card.statement if card else None

    @property
    def visible_rows(self) -> int:
        return len(self.cells)

    def show(self, debate: Debate, pairing: Pairing, query: str, empty_message: str) -> None:
        """Replace the rows with those of `pairing` that match `query` (all when empty)."""
        self.pairing = pairing
        self.query_text = query
        rows = [row for row in pairing.rows if not query or row_matches(row, query)]
        self.cells = []
        self.group_labels = {}
        self.row = -1
        widgets: list[Widget] = []
        group: str | None = None
        left_name, right_name = surname(pairing.left), surname(pairing.right)
        for index, row in enumerate(rows):
            if row.group != group:
                group = row.group
                label = GroupLabel(Content.styled(f"◆ {group}"))
                self.group_labels[index] = label
                widgets.append(label)
            pair: list[StatementCard | None] = []
            cells: list[Widget] = []
            for column, (cell, name) in enumerate(((row.left, left_name), (row.right, right_name))):
                if cell is None:
                    pair.append(None)
                    cells.append(EmptyCell(f"No statement from {name} here."))
                else:
                    card = StatementCard(
                        cell,
                        debate.article(cell.source),
                        row=index,
                        column=column,
                        query=query,
                        group=row.group,
                    )
                    pair.append(card)
                    cells.append(card)
            self.cells.append((pair[0], pair[1]))
            widgets.append(PairRow(*cells))
        if not rows:
            if query and pairing.rows:
                empty_message = (
                    f"No statement on {pairing.topic.label} contains “{query}”. "
                    "Press escape to clear the filter, or / to change it."
                )
            widgets.append(Notice(empty_message))
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(widgets)
        self.scroll_home(animate=False)
        first = self._first_in(0) if self._first_in(0) is not None else self._first_in(1)
        if first is not None:
            self.call_after_refresh(self.select, *first)

    def _rows_with(self, column: int) -> list[int]:
        return [index for index, pair in enumerate(self.cells) if pair[column] is not None]

    def _first_in(self, column: int) -> tuple[int, int] | None:
        rows = self._rows_with(column)
        return (rows[0], column) if rows else None

    def select(self, row: int, column: int, *, scroll: bool = True) -> None:
        """Put the cursor on a statement and bring it into view."""
        if not (0 <= row < len(self.cells)) or self.cells[row][column] is None:
            return
        old = self.selected
        if old is not None:
            old.remove_class("-selected")
        moving_up = row < self.row
        self.row, self.column = row, column
        card = self.cells[row][column]
        assert card is not None
        card.add_class("-selected")
        if scroll:
            self.scroll_to_widget(card, animate=False)
            label = self.group_labels.get(row)
            if label is not None and (moving_up or row == 0):
                self.scroll_to_widget(label, animate=False)

    def action_cursor_down(self) -> None:
        rows = self._rows_with(self.column)
        at = bisect_right(rows, self.row)
        if at < len(rows):
            self.select(rows[at], self.column)

    def action_cursor_up(self) -> None:
        rows = self._rows_with(self.column)
        at = bisect_left(rows, self.row) - 1
        if at >= 0:
            self.select(rows[at], self.column)

    def action_cursor_first(self) -> None:
        rows = self._rows_with(self.column)
        if rows:
            self.select(rows[0], self.column)

    def action_cursor_last(self) -> None:
        rows = self._rows_with(self.column)
        if rows:
            self.select(rows[-1], self.column)

    def _switch(self, column: int) -> None:
        rows = self._rows_with(column)
        if not rows or (column == self.column and self.selected is not None):
            return
        here = max(self.row, 0)
        nearest = min(rows, key=lambda index: (abs(index - here), index))
        self.select(nearest, column)

    def action_column_left(self) -> None:
        self._switch(0)

    def action_column_right(self) -> None:
        self._switch(1)

    def on_statement_card_clicked(self, message: StatementCard.Clicked) -> None:
        message.stop()
        self.focus()
        self.select(message.card.row, message.card.column, scroll=False)
