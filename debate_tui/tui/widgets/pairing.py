"""The pairing: both speakers' statements on one topic, row by row, in one scroll.

Each row is a horizontal group of two cells, so a remark and its answer from the same
occasion sit side by side and the two columns can never drift apart while scrolling.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from rich.style import Style as RichStyle
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widget import Widget
from textual.widgets import Static

from debate_tui.model import Debate, Pairing, Row, Speaker, Statement, filled_rows
from debate_tui.safe_text import visible
from debate_tui.tui import keys
from debate_tui.tui.startup import column_spans
from debate_tui.tui.widgets.statement_card import StatementCard


class HeadingsVisual(Visual):
    """Both speakers' name, count and role, each over its column of statements."""

    PAD_LEFT = 2  # the cards' left border and padding: names start where statements do
    PAD_RIGHT = 1

    def __init__(self, left: Content, right: Content) -> None:
        self.sides = (left, right)

    def _inner(self, width: int) -> int:
        return max(width - self.PAD_LEFT - self.PAD_RIGHT, 1)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return max(
            side.get_height(rules, self._inner(span))
            for side, (_, span) in zip(self.sides, column_spans(width), strict=True)
        )

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        rich = RichStyle(bgcolor=style.rich_style.bgcolor)  # blanks, as Textual pads
        columns: list[list[Strip]] = []
        for side, (_, span) in zip(self.sides, column_spans(width), strict=True):
            inner = self._inner(span)
            lines = side.render_strips(inner, None, style, options)
            columns.append(
                [
                    Strip.join(
                        [Strip.blank(self.PAD_LEFT, rich), line.crop_extend(0, inner, rich)]
                    ).crop_extend(0, span, rich)
                    for line in lines
                ]
            )
        rows = height if height is not None else max(len(lines) for lines in columns)
        blank = [Strip.blank(span, rich) for _, span in column_spans(width)]
        gutter = Strip.blank(1, rich)
        return [
            Strip.join(
                [
                    columns[0][y] if y < len(columns[0]) else blank[0],
                    gutter,
                    columns[1][y] if y < len(columns[1]) else blank[1],
                ]
            )
            for y in range(rows)
        ]


class ColumnHeadings(Static):
    """The two speakers' headings, each over its column: one widget drawing both (it is on
    the first screen, where every widget costs start-up time)."""

    DEFAULT_CSS = """
    ColumnHeadings {
        width: 1fr;
        height: auto;
        padding: 0 1 0 0;
        border-bottom: solid $surface-lighten-2;
    }
    """

    @staticmethod
    def heading(speaker: Speaker, count: int) -> Content:
        return Content.assemble(
            (visible(speaker.name, one_line=True), "bold"),
            (f" ({count})", "$foreground-muted"),
            "\n",
            (visible(speaker.role, one_line=True) or " ", "italic $foreground-muted"),
        )

    def show(self, pairing: Pairing) -> None:
        self.update(
            HeadingsVisual(
                self.heading(pairing.left, pairing.count(pairing.left.id)),
                self.heading(pairing.right, pairing.count(pairing.right.id)),
            )
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


class PairReason(Static):
    """Above a pair of statements: in a few muted words, why the two sit together."""

    DEFAULT_CSS = """
    PairReason {
        width: 1fr;
        height: 1;
        padding: 0 1 0 3;
        color: $text-muted;
        text-style: italic;
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
    Notice.-silent {
        padding: 0 2 1 2;
        text-style: italic;
    }
    """


class MoreRows(Static):
    """Stands below the mounted rows while more are waiting; scrolling near it mounts them."""

    DEFAULT_CSS = """
    MoreRows {
        width: 1fr;
        height: auto;
        padding: 0 2 1 2;
        color: $text-muted;
        text-style: italic;
    }
    """


class PairingView(VerticalScroll, can_focus=True):
    """The rows of one topic with a cursor on one statement (row, column).

    Rows are mounted a page at a time, as the cursor or the scroll gets near the end of
    what is mounted: a topic of hundreds of rows opens as fast as a short one, and every
    key stays quick because the screen only lays out what the reader has reached.
    """

    BINDINGS = keys.bindings(keys.STATEMENT_KEYS)
    PAGE_ROWS = 6  # about a screen of cards: a topic switch costs the same at any size

    DEFAULT_CSS = """
    PairingView {
        height: 1fr;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.debate: Debate | None = None
        self.pairing: Pairing | None = None
        self.query_text = ""
        self.rows: Sequence[Row] = ()
        # The cards mounted so far, by row: a topic of 100,000 rows gets no list per row.
        self.cells: dict[int, list[StatementCard | None]] = {}
        self.group_labels: dict[int, GroupLabel] = {}
        self.mounted_rows = 0
        self.more: MoreRows | None = None
        self.row = -1
        self.column = 0
        self.silent: int | None = None
        self._opening: list[Widget] = []

    @property
    def selected(self) -> StatementCard | None:
        return self.cells.get(self.row, (None, None))[self.column]

    @property
    def selected_statement(self) -> Statement | None:
        card = self.selected
        return card.statement if card else None

    @property
    def visible_rows(self) -> int:
        """Rows of the topic that pass the filter (mounted or still waiting)."""
        return len(self.rows)

    def prepare(self, debate: Debate, pairing: Pairing, query: str, empty_message: str) -> None:
        """Set the first topic before the view is mounted: its first rows are composed with
        the screen, so they are on the very first frame instead of a few frames later."""
        self._load(debate, pairing, query)
        self._opening = self._first_page(empty_message)

    def compose(self) -> ComposeResult:
        yield from self._opening
        self._opening = []

    def on_mount(self) -> None:
        self.call_after_refresh(self._fill_screen)

    def show(self, debate: Debate, pairing: Pairing, query: str, empty_message: str) -> None:
        """Replace the rows with those of `pairing` that match `query` (all when empty)."""
        self._load(debate, pairing, query)
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(self._first_page(empty_message))
        self.scroll_home(animate=False)
        self.call_after_refresh(self._fill_screen)

    def _load(self, debate: Debate, pairing: Pairing, query: str) -> None:
        self.debate = debate
        self.pairing = pairing
        self.query_text = query
        if query:
            from debate_tui.text_match import matching_rows  # only once a filter is typed

            self.rows = matching_rows(pairing, query, debate)
        else:
            self.rows = pairing.rows  # a stored topic reads its rows as they are shown
        self.cells = {}
        self.group_labels = {}
        self.mounted_rows = 0
        self.more = None
        self.row = -1
        self.silent = self._silent_side(pairing)

    def _first_page(self, empty_message: str) -> list[Widget]:
        """The widgets a topic opens with: a page of rows (and a marker if more wait), or
        a notice saying why there is nothing to show."""
        pairing = self.pairing
        if not self.rows:
            if self.query_text and pairing is not None and pairing.rows:
                empty_message = (
                    f"No statement on {pairing.topic.label} contains “{self.query_text}”. "
                    "Press escape to clear the filter, or / to change it."
                )
            return [Notice(Content(visible(empty_message)))]
        widgets: list[Widget] = []
        silent = self.silent
        if silent is not None and pairing is not None:
            speaker = (pairing.left, pairing.right)[silent]
            said = f"{speaker.name} said nothing on {pairing.topic.label} in these articles."
            widgets.append(Notice(Content(visible(said)), classes="-silent"))
        widgets += self._next_page(self.PAGE_ROWS)
        # The cursor starts on the top row's first statement, never a row far down (that
        # would mount every row above it). Its card gets the class now, not once mounted,
        # which would style it a second time.
        column = 0 if self.rows[0].left is not None else 1
        card = self.cells.get(0, (None, None))[column]
        if card is not None:
            card.add_class("-selected", update=False)
            self.row, self.column = 0, column
        if self.mounted_rows < len(self.rows):
            self.more = MoreRows(self._waiting_text())
            widgets.append(self.more)
        return widgets

    @staticmethod
    def _silent_side(pairing: Pairing) -> int | None:
        """The column (0 or 1) of a speaker with no statement on the whole topic."""
        if not pairing.rows:
            return None
        for column, speaker in enumerate((pairing.left, pairing.right)):
            if pairing.count(speaker.id) == 0:
                return column
        return None

    def _next_page(self, count: int) -> list[Widget]:
        """The widgets of up to `count` rows after those mounted, counted as mounted."""
        start, end = self.mounted_rows, min(len(self.rows), self.mounted_rows + count)
        self.mounted_rows = end
        return [widget for index in range(start, end) for widget in self._row_widgets(index)]

    def _waiting_text(self) -> str:
        waiting = len(self.rows) - self.mounted_rows
        plural = "" if waiting == 1 else "s"
        return f"… {waiting} more row{plural}: keep scrolling, or press end"

    def _fill_screen(self) -> None:
        """On a tall terminal one page may not fill the view, and a view that cannot
        scroll would never ask for more: mount until it overflows or rows run out."""
        if self.more is not None and self.virtual_size.height <= self.size.height:
            self._mount_rows(self.PAGE_ROWS)
            self.call_after_refresh(self._fill_screen)

    def _row_widgets(self, index: int) -> list[Widget]:
        assert self.debate is not None and self.pairing is not None
        row = self.rows[index]
        widgets: list[Widget] = []
        if index == 0 or self.rows[index - 1].group != row.group:
            label = GroupLabel(Content(visible(f"◆ {row.group}", one_line=True)))
            self.group_labels[index] = label
            widgets.append(label)
        if row.pair_reason:
            widgets.append(PairReason(Content(visible(f"↔ {row.pair_reason}", one_line=True))))
        names = (self.pairing.left.short_name, self.pairing.right.short_name)
        silent = self.silent
        cells: list[Widget] = []
        for column, cell in enumerate((row.left, row.right)):
            if cell is None:
                # A side silent on the whole topic is said once, above the rows.
                said = "" if silent == column else f"No answer from {names[column]} here."
                cells.append(EmptyCell(Content(visible(said, one_line=True))))
                continue
            card = StatementCard(
                cell,
                self.debate.article(cell.source),
                row=index,
                column=column,
                query=self.query_text,
                group=row.group,
            )
            self.cells.setdefault(index, [None, None])[column] = card
            cells.append(card)
        widgets.append(PairRow(*cells))
        return widgets

    def _mount_rows(self, count: int) -> bool:
        """Mount up to `count` more rows; False when every row is already mounted."""
        # Rows wait below the first page only behind its marker (see _first_page).
        if self.more is None:
            return False
        self.mount_all(self._next_page(count), before=self.more)
        if self.mounted_rows < len(self.rows):
            self.more.update(self._waiting_text())
        else:
            self.more.remove()
            self.more = None
        return True

    def _mount_through(self, row: int) -> bool:
        """Make sure `row` and a margin after it are mounted; True if anything was added."""
        added = False
        while row >= self.mounted_rows - 5 and self._mount_rows(self.PAGE_ROWS):
            added = True
        return added

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.more is not None and new_value >= self.max_scroll_y - self.size.height:
            self._mount_rows(self.PAGE_ROWS)

    def _rows_with(self, column: int) -> list[int]:
        return filled_rows(self.rows, column)

    def select(self, row: int, column: int, *, scroll: bool = True) -> None:
        """Put the cursor on a statement and bring it into view."""
        if not (0 <= row < len(self.rows)):
            return
        fresh = self._mount_through(row)
        card = self.cells.get(row, (None, None))[column]
        if card is None:
            return
        old = self.selected
        if old is not None and old is not card:
            old.remove_class("-selected")
        moving_up = row < self.row
        self.row, self.column = row, column
        card.add_class("-selected")  # nothing to do if it has it already
        if scroll:
            if fresh:  # just mounted: it has no place on screen until the next layout
                self.call_after_refresh(self._bring_into_view, card, moving_up)
            else:
                self._bring_into_view(card, moving_up)

    def _bring_into_view(self, card: StatementCard, moving_up: bool) -> None:
        if not card.is_attached:
            return
        self.scroll_to_widget(card, animate=False, immediate=True)
        label = self.group_labels.get(card.row)
        if label is not None and (moving_up or card.row == 0):
            self.scroll_to_widget(label, animate=False, immediate=True)

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
