"""The list of topics with how often each speaker spoke on it; the current one highlighted.

One widget draws every topic (an option list), not a widget per topic: the list is on the
first screen, and every widget there is mounted, styled and laid out before the reader
sees anything.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from debate_tui.model import Debate, Speaker, TopicSpec

TITLE_ID = "-title"


class Hanging(Visual):
    """A topic's gutter (a bar when current, then its number) with text wrapping beside it,
    never under it."""

    BAR_WIDTH = 2  # the bar and a space
    NUMBER_WIDTH = 2

    def __init__(self, number: Content, body: Content, *, current: bool = False) -> None:
        self.number = number
        self.body = body
        self.current = current
        self.width = self.BAR_WIDTH + self.NUMBER_WIDTH

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.width + self.body.get_optimal_width(rules, container_width - self.width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, max(width - self.width, 1))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        base = style.rich_style
        body = self.body.render_strips(max(width - self.width, 1), height, style, options)
        if self.current:
            bar = Content.styled("▌", "$accent").render_strips(1, 1, style, options)[0]
            bar = Strip.join([bar.crop_extend(0, 1, base), Strip.blank(1, base)])
        else:
            bar = Strip.blank(self.BAR_WIDTH, base)
        number = self.number.render_strips(self.NUMBER_WIDTH, 1, style, options)[0]
        first = Strip.join([bar, number.crop_extend(0, self.NUMBER_WIDTH, base)])
        rest = Strip.join([bar, Strip.blank(self.NUMBER_WIDTH, base)])
        return [Strip.join([first if i == 0 else rest, line]) for i, line in enumerate(body)]


def topic_prompt(
    topic: TopicSpec,
    number: int,
    speakers: tuple[Speaker, Speaker],
    counts: tuple[int, int],
    *,
    current: bool = False,
) -> Hanging:
    """Number (for the 1-9 keys), label, and each side's count; muted when nobody spoke."""
    left, right = speakers
    label_style = "" if any(counts) else "$foreground-muted"
    counts_line = f"{left.short_name} {counts[0]} · {right.short_name} {counts[1]}"
    return Hanging(
        Content.styled(f"{number}" if number <= 9 else "", "$foreground-muted"),
        Content.assemble((topic.label, label_style), "\n", (counts_line, "$foreground-muted")),
        current=current,
    )


class TopicList(OptionList, can_focus=False):
    """All topics of the debate, "Other" last. Keys change the topic; so does a click."""

    DEFAULT_CSS = """
    TopicList {
        width: 32;
        height: 1fr;
        max-height: 100%;
        border: none;
        padding: 0;
        background: $panel;
        scrollbar-size-vertical: 1;
    }
    TopicList > .option-list--option {
        padding: 0 1 0 0;
    }
    TopicList > .option-list--option-disabled {
        color: $text-muted;
        text-style: bold;
    }
    TopicList > .option-list--option-hover {
        background: $panel-lighten-1;
    }
    TopicList > .option-list--option-highlighted {
        color: $foreground;
        background: $boost;
        text-style: bold;
    }
    """

    class Chosen(Message):
        """The user clicked a topic."""

        def __init__(self, topic_id: str) -> None:
            super().__init__()
            self.topic_id = topic_id

    def __init__(self, debate: Debate, *, id: str | None = None) -> None:
        self.debate = debate
        self.numbers = {topic.id: n for n, topic in enumerate(debate.all_topics(), start=1)}
        title = Hanging(Content(""), Content("Topics"))
        options = [Option(title, id=TITLE_ID, disabled=True)]
        options += [Option(self._prompt(topic), id=topic.id) for topic in debate.all_topics()]
        super().__init__(*options, id=id)

    def _prompt(self, topic: TopicSpec, *, current: bool = False) -> Hanging:
        number = self.numbers[topic.id]
        counts = self.debate.counts(topic.id)
        return topic_prompt(topic, number, self.debate.speakers, counts, current=current)

    @property
    def current(self) -> str | None:
        """The id of the highlighted topic."""
        option = self.highlighted_option
        return option.id if option is not None else None

    def mark_current(self, topic_id: str) -> None:
        """Highlight the topic, mark it with a bar, and scroll it into view."""
        previous = self.current
        topics = {topic.id: topic for topic in self.debate.all_topics()}
        if previous is not None and previous != topic_id and previous in topics:
            self.replace_option_prompt(previous, self._prompt(topics[previous]))
        self.replace_option_prompt(topic_id, self._prompt(topics[topic_id], current=True))
        self.highlighted = self.get_option_index(topic_id)

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        if message.option.id is not None:
            self.post_message(self.Chosen(message.option.id))
