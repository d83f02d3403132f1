"""The list of topics with how often each speaker spoke on it; the current one highlighted."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from debate_tui.model import Debate, Speaker, TopicSpec


class TopicItem(HorizontalGroup):
    """One topic: its number (for the 1-9 keys), label, and each side's count."""

    DEFAULT_CSS = """
    TopicItem {
        width: 1fr;
        height: auto;
        padding: 0 1 0 0;
        border-left: outer $panel;
    }
    TopicItem:hover {
        background: $panel-lighten-1;
    }
    TopicItem.-current {
        border-left: outer $accent;
        background: $boost;
        text-style: bold;
    }
    TopicItem > .number {
        width: 3;
        padding: 0 1;
        color: $text-muted;
    }
    TopicItem > .label {
        width: 1fr;
    }
    TopicItem.-silent > .label {
        color: $text-muted;
    }
    """

    class Chosen(Message):
        """The user clicked this topic."""

        def __init__(self, topic_id: str) -> None:
            super().__init__()
            self.topic_id = topic_id

    def __init__(
        self,
        topic: TopicSpec,
        number: int,
        speakers: tuple[Speaker, Speaker],
        counts: tuple[int, int],
    ) -> None:
        super().__init__(classes="" if any(counts) else "-silent")
        self.topic_id = topic.id
        self.number = f"{number}" if number <= 9 else ""
        left, right = speakers
        self.text = Content.assemble(
            topic.label,
            "\n",
            (
                f"{left.short_name} {counts[0]} · {right.short_name} {counts[1]}",
                "$foreground-muted",
            ),
        )

    def compose(self) -> ComposeResult:
        yield Static(self.number, classes="number")
        yield Static(self.text, classes="label")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Chosen(self.topic_id))


class TopicList(VerticalScroll, can_focus=False):
    """All topics of the debate, "Other" last. Keys change the topic; so does a click."""

    DEFAULT_CSS = """
    TopicList {
        width: 32;
        height: 1fr;
        background: $panel;
        scrollbar-size-vertical: 1;
    }
    TopicList > .title {
        padding: 0 1;
        color: $text-muted;
        text-style: bold;
        width: 1fr;
    }
    """

    def __init__(self, debate: Debate, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.debate = debate

    def compose(self) -> ComposeResult:
        yield Static("Topics", classes="title")
        for number, topic in enumerate(self.debate.all_topics(), start=1):
            yield TopicItem(topic, number, self.debate.speakers, self.debate.counts(topic.id))

    def mark_current(self, topic_id: str) -> None:
        """Highlight the topic on screen and scroll it into view."""
        for item in self.query(TopicItem):
            current = item.topic_id == topic_id
            item.set_class(current, "-current")
            if current:
                self.call_after_refresh(self.scroll_to_widget, item, animate=False)
