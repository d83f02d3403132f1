"""Asks for the address of an article to add to the corpus (the reader's `a` key)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class AddUrlScreen(ModalScreen[str | None]):
    """One line for a URL: enter adds it, escape gives up; an address that is not http(s) is
    refused here, before anything is downloaded."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    DEFAULT_CSS = """
    AddUrlScreen {
        align: center middle;
    }
    AddUrlScreen > Vertical {
        width: 84;
        max-width: 100%;
        height: auto;
        border: round $accent;
        background: $surface;
        padding: 1 2;
    }
    AddUrlScreen #add-url-hint {
        color: $text-muted;
    }
    AddUrlScreen #add-url-error {
        color: $text-error;
        display: none;
    }
    AddUrlScreen.-invalid #add-url-error {
        display: block;
    }
    """

    def __init__(self, corpus_label: str) -> None:
        super().__init__()
        self.corpus_label = corpus_label

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Add an article"
            yield Input(placeholder="https://…", id="add-url")
            yield Static(id="add-url-error", markup=False)
            yield Static(
                f"The page is downloaded into {self.corpus_label} and parsed; enter adds it, "
                "escape cancels.",
                id="add-url-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        from debate_tui.fetch import FetchError, check_url

        event.stop()
        value = event.value.strip()
        if not value:
            self.dismiss(None)
            return
        try:
            url = check_url(value)
        except FetchError as exc:
            self.query_one("#add-url-error", Static).update(f"{exc}: try again or escape")
            self.add_class("-invalid")
            return
        self.dismiss(url)

    def action_cancel(self) -> None:
        self.dismiss(None)
