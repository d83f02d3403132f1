"""Every warning of the corpus on one screen: files that could not be used, and why.

Toasts only say that there are warnings; this is where a reader reads them all.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from debate_tui.safe_text import visible
from debate_tui.tui import keys
from debate_tui.tui.widgets.key_bar import KeyBar


class WarningsScreen(ModalScreen[None]):
    """The list of warnings; escape or w closes it."""

    BINDINGS = keys.bindings(keys.WARNINGS_KEYS)

    DEFAULT_CSS = """
    WarningsScreen {
        align: center middle;
    }
    WarningsScreen > #warnings-panel {
        width: 100;
        max-width: 100%;
        height: auto;
        max-height: 1fr;
        border: round $warning;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    WarningsScreen .warning {
        padding: 0 0 0 2;
        margin-bottom: 1;
    }
    """

    def __init__(self, warnings: list[str]) -> None:
        super().__init__()
        self.warnings = list(warnings)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="warnings-panel") as panel:
            count = len(self.warnings)
            panel.border_title = f"⚠ {count} warning{'' if count == 1 else 's'}"
            panel.border_subtitle = "escape to close"
            if not self.warnings:
                yield Static("Every article of this corpus loaded without a warning.")
            for text in self.warnings:  # file names and messages come from outside
                yield Static(Content(visible(f"• {text}")), classes="warning")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#warnings-panel").focus()

    def action_close(self) -> None:
        self.dismiss()
