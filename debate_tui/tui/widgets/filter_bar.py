"""The text filter: typed text narrows the pairing live; escape clears it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup
from textual.message import Message
from textual.widgets import Input, Label


class FilterBar(HorizontalGroup):
    """A one-line input above the footer, shown while filtering."""

    DEFAULT_CSS = """
    FilterBar {
        height: auto;
        display: none;
        background: $panel;
    }
    FilterBar.-active {
        display: block;
    }
    FilterBar > Label {
        padding: 0 1;
        text-style: bold;
    }
    FilterBar > Input, FilterBar > Input:focus {
        width: 1fr;
        border: none;
        height: 1;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "clear", "Clear filter")]

    class Cleared(Message):
        """The user asked to drop the filter."""

    def compose(self) -> ComposeResult:
        yield Label("Filter")
        yield Input(placeholder="text, occasion or title; enter keeps it, escape clears it")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def open(self, text: str) -> None:
        self.add_class("-active")
        self.input.value = text
        self.input.focus()

    def close(self) -> None:
        self.remove_class("-active")
        with self.input.prevent(Input.Changed):
            self.input.value = ""

    def action_clear(self) -> None:
        self.post_message(self.Cleared())
