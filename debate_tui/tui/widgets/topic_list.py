"""The list of topics with how often each speaker spoke on it; the current one highlighted.

The whole list is one widget drawing one picture (TopicsVisual) and scrolling it itself, not
a widget per topic, nor a scrolling container around a drawing: it is on the first screen,
and every widget there is mounted, styled, laid out and drawn before the reader sees anything.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from debate_tui.model import Debate
from debate_tui.safe_text import visible

GUTTER = 4  # the current bar, a space, and the topic's number (1-9) with a space
MARGIN = 1  # a blank column on the right, inside the current topic's background


class TopicLine(NamedTuple):
    """What the list shows of one topic (a named tuple: cheap to define at start-up)."""

    id: str
    number: str  # "1".."9", "0" for the tenth, blank past it (the number keys stop there)
    label: str
    counts: str
    silent: bool  # nobody spoke on it
    short_counts: str = ""  # the counts for a narrow list: initials instead of names


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

    def _body(self, topic: TopicLine, width: int | None = None) -> Content:
        """Label (wrapping), then the counts on one line: the short form where the full one
        would wrap, cut short as a last resort."""
        muted = self.styles["muted"]
        label = Content.styled(topic.label, muted) if topic.silent else Content(topic.label)
        counts = topic.counts
        if width is not None and len(counts) > width:
            counts = topic.short_counts if 0 < len(topic.short_counts) <= width else counts
            if len(counts) > width:
                counts = counts[: max(width - 1, 0)] + "…"
        return Content.assemble(label, "\n", Content.styled(counts, muted))

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        inner = max(width - GUTTER - MARGIN, 1)
        return 1 + sum(self._body(topic, inner).get_height(rules, inner) for topic in self.topics)

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
        # Each line is assembled from segments in one go (not strips joined, padded and then
        # given their meta): this list is drawn on the first frame and at every topic switch.
        line_width = GUTTER + inner + MARGIN
        for topic in self.topics:
            base = style
            if topic.id == self.current:
                base = style + self.styles["current"]
            elif topic.id == self.hover:
                base = style + self.styles["hover"]
            meta = RichStyle.from_meta({"topic": topic.id})
            plain = meta + base.rich_style
            if topic.id == self.current:
                lead = [Segment("▌", meta + (base + self.styles["bar"]).rich_style)]
                lead.append(Segment(" ", plain))
            else:
                lead = [Segment("  ", plain)]
            number = [Segment("  ", plain)]
            if topic.number:
                muted = meta + (base + self.styles["muted"]).rich_style
                number = [
                    Segment(topic.number, muted),
                    Segment(" " * (2 - len(topic.number)), plain),
                ]
            body = self._body(topic, inner).render_strips(inner, None, base, options)
            self.offsets[topic.id] = (len(strips), len(body))
            for index, line in enumerate(body):
                segments = [*lead, *(number if index == 0 else (Segment("  ", plain),))]
                segments.extend(
                    Segment(text, meta + seg_style if seg_style else meta)
                    for text, seg_style, _ in line.crop(0, inner)
                )
                used = GUTTER + min(line.cell_length, inner)
                segments.append(Segment(" " * (line_width - used), plain))
                strips.append(Strip(segments, line_width))
        return strips


class TopicList(ScrollView, can_focus=False):
    """All topics of the debate, "Other" last. Keys change the topic; so does a click, and
    hovering marks one. It draws the whole list as one TopicsVisual and scrolls it itself."""

    COMPONENT_CLASSES = {  # noqa: RUF012 (Textual declares it without ClassVar)
        "topic-list--current",
        "topic-list--hover",
        "topic-list--muted",
        "topic-list--title",
        "topic-list--bar",
    }

    DEFAULT_CSS = """
    TopicList {
        width: 32;
        height: 1fr;
        background: $panel;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    TopicList > .topic-list--current {
        background: $boost;
        text-style: bold;
    }
    TopicList > .topic-list--hover {
        background: $panel-lighten-1;
    }
    TopicList > .topic-list--muted {
        color: $foreground-muted;
    }
    TopicList > .topic-list--title {
        color: $text-muted;
        text-style: bold;
    }
    TopicList > .topic-list--bar {
        color: $accent;
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
                    number=str(number % 10) if number <= 10 else "",
                    label=visible(topic.label, one_line=True),
                    counts=visible(
                        f"{left.short_name} {a} · {right.short_name} {b}", one_line=True
                    ),
                    silent=not (a or b),
                    short_counts=visible(
                        f"{left.short_name[:1]} {a} · {right.short_name[:1]} {b}", one_line=True
                    ),
                )
            )
        self.counts = [line.counts for line in self.topic_lines]  # shown when not filtering
        self.short_counts = [line.short_counts for line in self.topic_lines]
        self.current: str | None = None  # the highlighted topic's id
        self.hover: str | None = None
        self.offsets: dict[str, tuple[int, int]] = {}  # topic id -> (first line, line count)
        self._strips: list[Strip] = []
        self._drawn_for: tuple[int, int, str | None, str | None] | None = None
        self._blank = Strip.blank(0)

    def _draw(self) -> list[Strip]:
        """Every line of the list at this size, drawn again only when something changed.

        A list taller than the widget is drawn a column narrower, leaving the column the
        scrollbar takes once the virtual size says the list overflows (see on_resize).
        """
        width, height = self.size
        key = (width, height, self.current, self.hover)
        if key != self._drawn_for:
            self._strips = self._render_width(width)
            if len(self._strips) > height and width > 1:
                self._strips = self._render_width(width - self.styles.scrollbar_size_vertical)
            # Below the last topic: the background only, as Textual pads under content.
            background = RichStyle(bgcolor=self.rich_style.bgcolor)
            self._blank = Strip.blank(
                self._strips[0].cell_length if self._strips else width, background
            )
            self._drawn_for = key
        return self._strips

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn_for = None  # colours may have changed (a theme, a class): draw again

    def _render_width(self, width: int) -> list[Strip]:
        styles = {
            name: self.get_visual_style(f"topic-list--{name}")
            for name in ("current", "hover", "muted", "title", "bar")
        }
        visual = TopicsVisual(self.topic_lines, self.current, self.hover, styles, self.offsets)
        return Visual.to_strips(self, visual, width, None, self.visual_style)

    def render_line(self, y: int) -> Strip:
        strips = self._draw()
        index = y + round(self.scroll_y)
        if 0 <= index < len(strips):
            return strips[index]
        return self._blank

    def on_resize(self) -> None:
        strips = self._draw()
        self.virtual_size = Size(strips[0].cell_length if strips else 0, len(strips))
        self._scroll_to_current()

    def show_matches(self, matches: dict[str, int] | None) -> None:
        """While a filter is on, each topic's number of matching rows in place of its
        counts; `None` puts the counts back."""
        for index, (line, counts) in enumerate(zip(self.topic_lines, self.counts, strict=True)):
            if matches is None:
                shown = counts
            else:
                found = matches.get(line.id, 0)
                shown = f"{found} matching row{'' if found == 1 else 's'}"
            short = "" if matches is None else f"{matches.get(line.id, 0)} rows"
            self.topic_lines[index] = line._replace(
                counts=shown, short_counts=short or self.short_counts[index]
            )
        self._drawn_for = None
        self.refresh()

    def mark_current(self, topic_id: str) -> None:
        """Highlight the topic and scroll it into view."""
        if self.current != topic_id:
            self.current = topic_id
            self.refresh()
        self.call_after_refresh(self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        self._draw()
        place = self.offsets.get(self.current or "")
        if place is not None:
            first, count = place
            self.scroll_to_region(
                Region(0, first, self.size.width, count), animate=False, immediate=True
            )

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
