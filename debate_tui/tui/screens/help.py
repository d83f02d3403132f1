"""Every key of the reader on one screen, built from the same table as the bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from debate_tui.tui import keys

KEY_WIDTH = 12


def help_content(table: tuple[keys.KeyHelp, ...] = keys.ALL_KEYS) -> Content:
    """The key table as text: a bold heading per section, then key and meaning per line."""
    lines: list[Content] = []
    for section, entries in keys.sections(table):
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(section, "bold $text-accent"))
        for entry in entries:
            lines.append(
                Content.assemble((f"  {entry.keys:<{KEY_WIDTH}}", "bold"), entry.description)
            )
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Lists every key; escape, ? or f1 closes it."""

    BINDINGS = keys.bindings(keys.HELP_KEYS)

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > #help-panel {
        width: auto;
        max-width: 90%;
        height: auto;
        max-height: 1fr;
        border: round $accent;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    HelpScreen #help-text {
        width: auto;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-panel") as panel:
            panel.border_title = "debate-tui keys"
            panel.border_subtitle = "escape to close"
            yield Static(help_content(), id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-panel").focus()

    def action_close(self) -> None:
        self.dismiss()
