"""The main screen: topic list, the pairing of the current topic, header and footer."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input

from debate_tui.model import Debate, TopicSpec
from debate_tui.safe_text import visible
from debate_tui.tui import keys, startup
from debate_tui.tui.widgets.header import DebateHeader, TopicBar
from debate_tui.tui.widgets.key_bar import KeyBar
from debate_tui.tui.widgets.pairing import ColumnHeadings, PairingView
from debate_tui.tui.widgets.topic_list import TopicList

if TYPE_CHECKING:
    from debate_tui.tui.widgets.filter_bar import FilterBar  # imported on first use


def display_path(path: Path) -> str:
    """A path as a person would type it: relative to here, or from home, when possible."""
    resolved = path.expanduser().resolve()
    if resolved.is_relative_to(Path.cwd()):
        return str(resolved.relative_to(Path.cwd())) or "."
    if resolved.is_relative_to(Path.home()):
        return "~/" + str(resolved.relative_to(Path.home()))
    return str(resolved)


class ReaderScreen(Screen[None]):
    """Reads one debate: a topic at a time, both speakers side by side."""

    BINDINGS = (
        keys.bindings(keys.TOPIC_KEYS)
        + keys.bindings(keys.READER_KEYS)
        + keys.bindings(keys.CORPUS_KEYS)
    )

    topic_index: reactive[int] = reactive(0, init=False)
    query_text: reactive[str] = reactive("", init=False)

    class Drawn(Message):
        """The reader's first frame is on the screen: work that could wait for it may start."""

    class RefreshRequested(Message):
        """Read the corpus from disk again, after adding `url` to it when one is given."""

        def __init__(self, url: str | None) -> None:
            super().__init__()
            self.url = url

    def __init__(self, debate: Debate, *, topic_id: str | None = None) -> None:
        super().__init__()
        self.debate = debate
        self.topics: tuple[TopicSpec, ...] = debate.all_topics()
        self.set_reactive(ReaderScreen.topic_index, self._first_topic_with_statements())
        if topic_id is not None:  # a reloaded corpus opens on the topic being read
            ids = [topic.id for topic in self.topics]
            if topic_id in ids:
                self.set_reactive(ReaderScreen.topic_index, ids.index(topic_id))
        self._drawn = False
        self._filter_bar: FilterBar | None = None
        self._warnings_said = len(debate.warnings)
        startup.take_size_classes(self)

    @property
    def topic(self) -> TopicSpec:
        return self.topics[self.topic_index]

    def compose(self) -> ComposeResult:
        # No containers: the header, the key line and then the topic list split the screen
        # off in this order (see app.tcss); the rest stack in what is left, on the right.
        yield DebateHeader(id="debate-header")
        yield KeyBar()
        yield TopicList(self.debate, id="topics")
        yield TopicBar(id="topic-bar")
        yield ColumnHeadings(id="headings")
        view = PairingView(id="pairing")
        view.prepare(
            self.debate,
            self.debate.pairing(self.topic.id),
            self.query_text,
            self._empty_message(),
        )
        yield view  # the filter bar goes below it when first asked for

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Handlers run subclass first, so this comes before Textual's own, which draws.
        if not self._drawn:
            self._drawn = True
            startup.skip_first_restyle(event)  # styled as mounted, size classes set
            self.call_after_refresh(self._first_drawn)

    def _first_drawn(self) -> None:
        # Once drawn, collect garbage again (run_reader pauses it while it is built).
        startup.resume_collector()
        self.post_message(self.Drawn())

    @property
    def pairing_view(self) -> PairingView:
        return self.query_one(PairingView)

    def on_mount(self) -> None:
        self.query_one(DebateHeader).show(self.debate)
        self._show_topic(rows=False)  # the pairing view composed its rows already
        self.pairing_view.focus()

    def _first_topic_with_statements(self) -> int:
        for index, topic in enumerate(self.topics):
            if any(self.debate.counts(topic.id)):
                return index
        return 0

    def _empty_message(self) -> str:
        left, right = self.debate.speakers
        folder = Path(self.debate.corpus)
        if self._damaged():
            return (
                "The cache of this corpus is damaged and could not be read (press w for "
                "details): press R to read the corpus again."
            )
        if not self.debate.articles:
            return (
                f"This corpus has no articles yet. Put news articles about {left.name} and "
                f"{right.name} (.txt, .md or .html) in {display_path(folder)} and start "
                "debate-tui again."
            )
        if not self.debate.statements:
            return (
                f"No statement by {left.name} or {right.name} was found in the "
                f"{len(self.debate.articles)} articles of {self.debate.corpus_name}/. Add "
                "articles that report what they said and start debate-tui again."
            )
        return (
            f"Neither {left.name} nor {right.name} said anything on {self.topic.label} in these "
            f"articles. Add articles that cover it to {self.debate.corpus_name}/ and start "
            "debate-tui again, or press n for the next topic."
        )

    def _damaged(self) -> bool:
        """Whether the corpus cache turned out damaged: what it holds is not to be shown
        (rows of nothing, as if nobody answered) nor exported."""
        return self.debate.store is not None and self.debate.store.broken

    def _show_topic(self, *, rows: bool = True) -> None:
        pairing = self.debate.pairing(self.topic.id)
        if self._damaged():
            pairing = replace(pairing, rows=())
        query = self.query_text
        shown = len(pairing.rows)
        if query:
            from debate_tui.text_match import matching_rows  # only once a filter is typed

            shown = len(matching_rows(pairing, query, self.debate))
        self.query_one(TopicBar).show(
            self.topic.label,
            self.topic_index + 1,
            len(self.topics),
            query,
            shown,
            len(pairing.rows),
        )
        self.query_one(ColumnHeadings).show(pairing)
        self.query_one(TopicList).mark_current(self.topic.id)
        if rows:
            self.pairing_view.show(self.debate, pairing, query, self._empty_message())
        self.call_after_refresh(self._say_new_warnings)

    def _say_new_warnings(self) -> None:
        """Damage in the corpus cache is found only as a topic is read, long after the
        start's warnings were shown: say it at once, with the way out, and count it."""
        new = self.debate.warnings[self._warnings_said :]
        if not new:
            return
        self._warnings_said = len(self.debate.warnings)
        self.query_one(DebateHeader).show(self.debate)
        if self._damaged():  # found while the rows were drawn: they show nothing true
            self._show_topic()
        first = visible(new[0])
        self.notify(
            f"{first}\nPress R to read the corpus again.",
            title="Warning",
            severity="warning",
            timeout=8,
            markup=False,
        )

    def watch_topic_index(self) -> None:
        self._show_topic()

    def watch_query_text(self) -> None:
        self._show_topic()
        query = self.query_text
        if not query:
            self.query_one(TopicList).show_matches(None)
            return
        from debate_tui.text_match import matching_rows

        self.query_one(TopicList).show_matches(
            {
                topic.id: len(matching_rows(self.debate.pairing(topic.id), query, self.debate))
                for topic in self.topics
            }
        )

    def select_topic(self, topic_id: str) -> None:
        """Show the topic with this id (no-op for an unknown id)."""
        for index, topic in enumerate(self.topics):
            if topic.id == topic_id:
                self.topic_index = index
                return

    def action_next_topic(self) -> None:
        self.topic_index = (self.topic_index + 1) % len(self.topics)

    def action_previous_topic(self) -> None:
        self.topic_index = (self.topic_index - 1) % len(self.topics)

    def action_jump_topic(self, number: int) -> None:
        if 1 <= number <= len(self.topics):
            self.topic_index = number - 1

    def action_goto_topic(self) -> None:
        from debate_tui.tui.screens.goto import GotoScreen

        self.app.push_screen(GotoScreen(len(self.topics)), callback=self._go_to)

    def _go_to(self, answer: str | None) -> None:
        """A topic by number, else the first whose name contains the words typed."""
        answer = (answer or "").strip()
        if not answer:
            return
        if answer.isdigit():
            number = int(answer)
            if 1 <= number <= len(self.topics):
                self.topic_index = number - 1
                return
        else:
            from debate_tui.text_match import fold

            wanted = fold(answer)
            for index, topic in enumerate(self.topics):
                if wanted in fold(topic.label) or wanted == fold(topic.id):
                    self.topic_index = index
                    return
        self.notify(
            visible(f"No topic “{answer}”.", one_line=True), severity="warning", markup=False
        )

    def action_show_warnings(self) -> None:
        from debate_tui.tui.screens.warnings import WarningsScreen

        self.app.push_screen(WarningsScreen(self.debate.warnings))

    def on_debate_header_warnings_clicked(self, message: DebateHeader.WarningsClicked) -> None:
        message.stop()
        self.action_show_warnings()

    def action_toggle_topics(self) -> None:
        # Wide screens show the list unless folded; narrow ones hide it unless unfolded.
        if self.has_class("-narrow"):
            self.toggle_class("-topics-shown")
        else:
            self.toggle_class("-topics-folded")

    def on_topic_list_chosen(self, message: TopicList.Chosen) -> None:
        message.stop()
        self.select_topic(message.topic_id)
        self.pairing_view.focus()

    def action_open_source(self) -> None:
        statement = self.pairing_view.selected_statement
        if statement is None:
            self.notify("Select a statement first (j/k or a click).", severity="warning")
            return
        from debate_tui.tui.screens.source import SourceScreen

        self.app.push_screen(SourceScreen(self.debate, statement))

    @property
    def filter_bar(self) -> FilterBar | None:
        """The filter bar, once the reader has asked for it (it is not on the first screen)."""
        return self._filter_bar

    async def action_filter(self) -> None:
        bar = self._filter_bar
        if bar is None:
            from debate_tui.tui.widgets.filter_bar import FilterBar

            bar = self._filter_bar = FilterBar(id="filter")
            await self.mount(bar, after=self.pairing_view)
        bar.open(self.query_text)

    def action_clear_filter(self) -> None:
        bar = self.filter_bar
        if bar is not None:
            bar.close()
        self.query_text = ""
        self.pairing_view.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            bar = self.filter_bar
            return bool(self.query_text) or (bar is not None and bar.has_class("-active"))
        return True

    @on(Input.Changed, "#filter Input")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value

    @on(Input.Submitted, "#filter Input")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        if not event.value:
            self.action_clear_filter()
            return
        self.pairing_view.focus()

    def on_filter_bar_cleared(self, message: FilterBar.Cleared) -> None:  # by name: lazy import
        message.stop()
        self.action_clear_filter()

    def action_export(self) -> None:
        """Write this topic's pairing to TOPIC.md here; ask before replacing a file."""
        try:
            from debate_tui import export
        except ImportError:
            self.notify("Export is not available in this installation.", severity="error")
            return
        topic = self.topic
        path = Path.cwd() / export.default_filename(topic.id)
        text = export.pairing_markdown(self.debate, topic.id, query=self.query_text)
        if self._damaged():  # the rows read for it came back empty
            self._say_new_warnings()
            self.notify(
                "The cache of this corpus is damaged: press R to read the corpus again, "
                "then export.",
                title="Export failed",
                severity="error",
                timeout=10,
            )
            return

        def write(force: bool) -> None:
            try:
                export.write_text_atomic(
                    path, text, force=force, elsewhere="start debate-tui in another folder"
                )
            except export.ExportExistsError:
                from debate_tui.tui.screens.confirm import ConfirmScreen

                self.app.push_screen(
                    ConfirmScreen(f"{path} already exists.\nOverwrite it?", "Overwrite", "Keep it"),
                    callback=answered,
                )
                return
            except (export.ExportError, OSError) as exc:
                self.notify(
                    visible(str(exc)),
                    title="Export failed",
                    severity="error",
                    timeout=10,
                    markup=False,
                )
                return
            title = visible(f"Exported {topic.label}", one_line=True)
            self.notify(visible(str(path)), title=title, timeout=8, markup=False)

        def answered(overwrite: bool | None) -> None:
            if overwrite:
                write(True)
            else:
                self.notify(visible(f"Kept {path}; nothing was written."), timeout=5, markup=False)

        write(False)

    def action_add_article(self) -> None:
        """Ask for a URL; the app downloads, parses and shows it (see app.refresh_corpus)."""
        from debate_tui.tui.refresh import add_target
        from debate_tui.tui.screens.add_url import AddUrlScreen

        def chosen(url: str | None) -> None:
            if url:
                self.post_message(self.RefreshRequested(url))

        target = display_path(add_target(Path(self.debate.corpus)))
        self.app.push_screen(AddUrlScreen(visible(target, one_line=True)), callback=chosen)

    def action_reload(self) -> None:
        self.post_message(self.RefreshRequested(None))

    def show_status(self, status: str) -> None:
        """Background work under way, in the header; "" clears it."""
        self.query_one(DebateHeader).set_status(status)
