"""The list of topics with how often each speaker spoke on it; the current one highlighted.

The whole list is one widget drawing one picture (TopicsVisual), not a widget per topic,
nor an option list that renders line by line: it is on the first screen, and every widget
there is mounted, styled, laid out and drawn before the reader sees anything.
"""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

from debate_tui.model import Debate

GUTTER = 4  # the current bar, a space, and the topic's number (1-9) with a space
MARGIN = 1  # a blank column on the right, inside the current topic's background


class TopicLine(NamedTuple):
    """What the list shows of one topic (a named tuple: cheap to define at start-up)."""

    id: str
    number: str  # "1".."9", blank past nine (the number keys stop there)
    label: str
    counts: str
    silent: bool  # nobody spoke on it


class TopicsVisual(Visual):
    """Every topic: number in a gutter, label and counts wrapping beside it, never under it;
    the current one with a bar and its own background, the hovered one with another."""

    def __init__(
        self,
        topics: list[TopicLine],
        current: str | None,
        hover: str | None,
        styles: dict[str, Style],
        offsets: dict[str, tuple[int, int]],
    ) -> None:
        self.topics = topics
        self.current = current
        self.hover = hover
        self.styles = styles
        self.offsets = offsets  # filled while drawing: topic id -> (first line, line count)

    def _body(self, topic: TopicLine) -> Content:
        muted = self.styles["muted"]
        label = Content.styled(topic.label, muted) if topic.silent else Content(topic.label)
        return Content.assemble(label, "\n", Content.styled(topic.counts, muted))

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        inner = max(width - GUTTER - MARGIN, 1)
        return 1 + sum(self._body(topic).get_height(rules, inner) for topic in self.topics)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        inner = max(width - GUTTER - MARGIN, 1)
        title = Content.styled("Topics", self.styles["title"])
        strips = [
            Strip.join(
                [
                    Strip.blank(GUTTER, style.rich_style),
                    title.render_strips(inner, 1, style, options)[0].crop_extend(
                        0, inner + MARGIN, style.rich_style
                    ),
                ]
            )
        ]
        for topic in self.topics:
            base = style
            if topic.id == self.current:
                base = style + self.styles["current"]
            elif topic.id == self.hover:
                base = style + self.styles["hover"]
            rich = base.rich_style
            body = self._body(topic).render_strips(inner, None, base, options)
            number = Content.styled(topic.number, self.styles["muted"])
            number_strip = number.render_strips(2, 1, base, options)[0].crop_extend(0, 2, rich)
            if topic.id == self.current:
                bar = Content.styled("▌", self.styles["bar"]).render_strips(1, 1, base, options)
                lead = Strip.join([bar[0].crop_extend(0, 1, rich), Strip.blank(1, rich)])
            else:
                lead = Strip.blank(2, rich)
            first = Strip.join([lead, number_strip])
            rest = Strip.join([lead, Strip.blank(2, rich)])
            meta = {"topic": topic.id}
            self.offsets[topic.id] = (len(strips), len(body))
            for index, line in enumerate(body):
                text = line.crop_extend(0, inner + MARGIN, rich)
                row = Strip.join([first if index == 0 else rest, text])
                strips.append(row.apply_meta(meta))
        return strips


class TopicLines(Static):
    """The drawn list; clicking a topic chooses it, hovering marks it."""

    COMPONENT_CLASSES = {  # noqa: RUF012 (Textual declares it without ClassVar)
        "topic-lines--current",
        "topic-lines--hover",
        "topic-lines--muted",
        "topic-lines--title",
        "topic-lines--bar",
    }

    DEFAULT_CSS = """
    TopicLines {
        width: 1fr;
        height: auto;
    }
    TopicLines > .topic-lines--current {
        background: $boost;
        text-style: bold;
    }
    TopicLines > .topic-lines--hover {
        background: $panel-lighten-1;
    }
    TopicLines > .topic-lines--muted {
        color: $foreground-muted;
    }
    TopicLines > .topic-lines--title {
        color: $text-muted;
        text-style: bold;
    }
    TopicLines > .topic-lines--bar {
        color: $accent;
    }
    """

    def __init__(self, topics: list[TopicLine]) -> None:
        super().__init__()
        self.topics = topics
        self.current: str | None = None
        self.hover: str | None = None
        self.offsets: dict[str, tuple[int, int]] = {}

    def render(self) -> TopicsVisual:
        styles = {
            name: self.get_visual_style(f"topic-lines--{name}")
            for name in ("current", "hover", "muted", "title", "bar")
        }
        return TopicsVisual(self.topics, self.current, self.hover, styles, self.offsets)

    def _topic_at(self, event: events.MouseEvent) -> str | None:
        topic = event.style.meta.get("topic")
        return topic if isinstance(topic, str) else None

    def on_click(self, event: events.Click) -> None:
        topic = self._topic_at(event)
        if topic is not None:
            event.stop()
            self.post_message(TopicList.Chosen(topic))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        topic = self._topic_at(event)
        if topic != self.hover:
            self.hover = topic
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self.hover is not None:
            self.hover = None
            self.refresh()


class TopicList(VerticalScroll, can_focus=False):
    """All topics of the debate, "Other" last. Keys change the topic; so does a click."""

    DEFAULT_CSS = """
    TopicList {
        width: 32;
        height: 1fr;
        background: $panel;
        scrollbar-size-vertical: 1;
    }
    """

    class Chosen(Message):
        """The user clicked a topic."""

        def __init__(self, topic_id: str) -> None:
            super().__init__()
            self.topic_id = topic_id

    def __init__(self, debate: Debate, *, id: str | None = None) -> None:
        super().__init__(id=id)
        left, right = debate.speakers
        self.topic_lines: list[TopicLine] = []
        for number, topic in enumerate(debate.all_topics(), start=1):
            a, b = debate.counts(topic.id)
            self.topic_lines.append(
                TopicLine(
                    id=topic.id,
                    number=str(number) if number <= 9 else "",
                    label=topic.label,
                    counts=f"{left.short_name} {a} · {right.short_name} {b}",
                    silent=not (a or b),
                )
            )
        self.lines = TopicLines(self.topic_lines)

    def compose(self) -> ComposeResult:
        yield self.lines

    @property
    def current(self) -> str | None:
        """The id of the highlighted topic."""
        return self.lines.current

    def mark_current(self, topic_id: str) -> None:
        """Highlight the topic and scroll it into view."""
        if self.lines.current != topic_id:
            self.lines.current = topic_id
            self.lines.refresh()
        self.call_after_refresh(self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        place = self.lines.offsets.get(self.lines.current or "")
        if place is not None:
            first, count = place
            self.scroll_to_region(
                Region(0, first, self.size.width, count), animate=False, immediate=True
            )
