"""A one-line prompt for a topic's number or name: every topic is a few keys away,
however long the list (number keys reach the first ten)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from debate_tui.tui import keys


class GotoScreen(ModalScreen[str | None]):
    """Asks for a topic; answers with what was typed, or None when escaped."""

    BINDINGS = keys.bindings(keys.GOTO_KEYS)

    DEFAULT_CSS = """
    GotoScreen {
        align: center top;
    }
    GotoScreen > Vertical {
        width: 60;
        max-width: 100%;
        height: auto;
        margin-top: 3;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    GotoScreen Input, GotoScreen Input:focus {
        border: none;
        height: 1;
        padding: 0;
    }
    """

    def __init__(self, topics: int) -> None:
        super().__init__()
        self.topics = topics

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Go to topic: its number (1-{self.topics}) or name; escape cancels")
            yield Input(placeholder="e.g. 12 or sanctions")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)
