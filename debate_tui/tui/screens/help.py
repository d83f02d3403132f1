"""Every key of the reader on one screen, built from the same table as the bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from debate_tui.tui import keys
from debate_tui.tui.widgets.key_bar import KeyBar


class KeyRow(HorizontalGroup):
    """One key and what it does; long descriptions wrap beside the key, never under it."""

    DEFAULT_CSS = """
    KeyRow {
        height: auto;
    }
    KeyRow > .keys {
        width: 16;
        padding: 0 0 0 2;
        text-style: bold;
    }
    KeyRow > .description {
        width: 1fr;
    }
    """

    def __init__(self, entry: keys.KeyHelp) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        yield Static(self.entry.keys, classes="keys")
        yield Static(self.entry.description, classes="description")


class HelpScreen(ModalScreen[None]):
    """Lists every key; escape, ? or f1 closes it."""

    BINDINGS = keys.bindings(keys.HELP_KEYS)

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > #help-panel {
        width: 84;
        max-width: 100%;
        height: auto;
        max-height: 1fr;
        border: round $accent;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    HelpScreen .section {
        margin-top: 1;
        color: $text-accent;
        text-style: bold;
    }
    HelpScreen .section.-first {
        margin-top: 0;
    }
    HelpScreen #help-columns {
        layout: vertical;
        height: auto;
    }
    HelpScreen .help-column {
        width: 1fr;
        height: auto;
    }
    /* A wide terminal shows the sections in two columns, so every key fits on one page. */
    HelpScreen.-wide > #help-panel {
        width: 118;
        scrollbar-gutter: stable;
    }
    HelpScreen.-wide .section.-column-first {
        margin-top: 0;
    }
    HelpScreen.-wide #help-columns {
        layout: horizontal;
    }
    HelpScreen.-wide .help-column {
        padding-right: 1;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-panel") as panel:
            panel.border_title = "debate-tui keys"
            panel.border_subtitle = "escape to close"
            with HorizontalGroup(id="help-columns"):
                for number, column in enumerate(self.columns()):
                    with VerticalGroup(classes="help-column"):
                        for index, (section, entries) in enumerate(column):
                            classes = "section"
                            if index == 0:  # no blank line above it, when it tops a column
                                classes += " -first" if number == 0 else " -column-first"
                            yield Static(section, classes=classes)
                            for entry in entries:
                                yield KeyRow(entry)
        yield KeyBar()

    @staticmethod
    def columns() -> list[list[tuple[str, list[keys.KeyHelp]]]]:
        """The sections in two runs of about equal length, side by side when wide, one
        under the other when narrow; a section is never split."""
        sections = keys.sections()
        lines = [len(entries) + 2 for _, entries in sections]  # heading and a blank line
        half, seen = sum(lines) / 2, 0
        for cut, count in enumerate(lines):
            if seen + count / 2 > half:
                return [sections[:cut], sections[cut:]]
            seen += count
        return [sections, []]

    def on_mount(self) -> None:
        self.query_one("#help-panel").focus()

    def action_close(self) -> None:
        self.dismiss()
