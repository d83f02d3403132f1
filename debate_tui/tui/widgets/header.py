"""The lines above the pairing: the corpus at a glance, and where the reader is in it."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from debate_tui.model import Debate
from debate_tui.safe_text import visible


class DebateHeader(Static):
    """Debate name, corpus, article and statement counts, and warnings if loading had any."""

    DEFAULT_CSS = """
    DebateHeader {
        dock: top;
        width: 1fr;
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    """

    class WarningsClicked(Message):
        """The user clicked the warning count: show every warning."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.debate: Debate | None = None
        self.status = ""  # work under way (fetching a URL, reloading), shown after the counts

    def on_click(self, event: events.Click) -> None:
        """A click on the warning count opens the list of warnings."""
        if self.debate is None or not self.debate.warnings:
            return
        from rich.cells import cell_len

        wanted = self.warning_text(self.debate)
        content = self.visual
        region = self.content_region
        if not isinstance(content, Content) or region.width <= 0:
            return
        for y, line in enumerate(content.wrap(region.width)):
            at = line.plain.find(wanted)
            if at < 0 or event.screen_y != region.y + y:
                continue
            start = cell_len(line.plain[:at])
            if start <= event.screen_x - region.x < start + cell_len(wanted):
                event.stop()
                self.post_message(self.WarningsClicked())
            return

    def show(self, debate: Debate) -> None:
        self.debate = debate
        self._fit()

    def set_status(self, status: str) -> None:
        """Show what the reader is doing in the background; "" when it is done."""
        self.status = status
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """The full line when it fits; without the per-speaker counts when it does not."""
        if self.debate is None:
            return
        full = self.summary(self.debate, per_speaker=True)
        width = self.content_region.width
        if not width and self.is_attached:
            # Before the first layout: the terminal's width less the padding, so the first
            # frame already has the line that fits (not two lines, one of them then blank).
            width = max(self.app.size.width - 2, 0)
        extra = len(self.status) + 4 if self.status else 0  # "  ⟳ " and the status
        if width and full.cell_length + extra > width:
            line = self.summary(self.debate, per_speaker=False)
        else:
            line = full
        if self.status:  # a URL typed by the user, or a file name: shown, never obeyed
            status = Content.styled(f"  ⟳ {visible(self.status, one_line=True)}", "$text-accent")
            line = line + status
        self.update(line)

    @staticmethod
    def summary(debate: Debate, *, per_speaker: bool) -> Content:
        left, right = debate.speakers
        articles = len(debate.articles)
        parts: list[Content | tuple[str, str] | str] = [
            (visible(debate.name, one_line=True), "bold"),
            (visible(f" · {debate.corpus_name}/ · ", one_line=True), "$foreground-muted"),
            f"{articles} article{'' if articles == 1 else 's'}, ",
            f"{len(debate.statements)} statements",
        ]
        if per_speaker:
            by_left, by_right = debate.speaker_totals()
            parts.append(
                (
                    visible(
                        f" ({left.short_name} {by_left}, {right.short_name} {by_right})",
                        one_line=True,
                    ),
                    "$foreground-muted",
                )
            )
        if debate.warnings:
            parts.append(("  ", ""))
            parts.append((DebateHeader.warning_text(debate), "bold $text-warning"))
        return Content.assemble(*parts)

    @staticmethod
    def warning_text(debate: Debate) -> str:
        count = len(debate.warnings)
        return f"⚠ {count} warning{'' if count == 1 else 's'}" if count else ""


class TopicBar(Static):
    """The current topic's name, its place in the list, and the filter when one is set."""

    DEFAULT_CSS = """
    TopicBar {
        width: 1fr;
        height: auto;
        padding: 0 1;
        background: $boost;
    }
    """

    def show(self, label: str, number: int, total: int, query: str, shown: int, rows: int) -> None:
        parts: list[Content | tuple[str, str] | str] = [
            (visible(label, one_line=True), "bold"),
            (f"  topic {number} of {total}", "$foreground-muted"),
        ]
        if query:
            parts.append(("  filter ", "$foreground-muted"))
            parts.append((visible(f"“{query}”", one_line=True), "bold $text-accent"))
            parts.append((f" {shown} of {rows} row{'' if rows == 1 else 's'}", "$foreground-muted"))
        self.update(Content.assemble(*parts))
