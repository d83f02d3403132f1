"""The reader's application: loading, the reader screen, help, and the command palette."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.markup import escape
from textual.screen import Screen

from debate_tui.config import Config, ConfigError, load_config
from debate_tui.model import Debate
from debate_tui.safe_text import visible
from debate_tui.tui import keys, startup
from debate_tui.tui.screens.reader import ReaderScreen

if TYPE_CHECKING:  # imported where used: a warm start shows neither screen
    from debate_tui.tui.refresh import Refreshed
    from debate_tui.tui.screens.loading import LoadingScreen


class _RefreshCancelled(Exception):
    """A newer refresh, or quitting, took over while this one was under way."""


class DebateApp(App[int]):
    """Opens a corpus (or a ready debate) and reads it topic by topic."""

    CSS_PATH = "app.tcss"
    TITLE = "debate-tui"
    BINDINGS = keys.bindings(keys.APP_KEYS)
    # Textual declares these without ClassVar; the screen gets the class of its size.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]  # noqa: RUF012

    def __init__(
        self,
        corpus: Path | None = None,
        config: Config | None = None,
        *,
        use_cache: bool = True,
        debate: Debate | None = None,
        config_file: Path | None = None,
        reread_config: bool = False,
        unchecked_key: str | None = None,
    ) -> None:
        """`reread_config`: `a` and `R` read the configuration again (`config_file`, else the
        corpus's debate.toml), so an edited topic or speaker is picked up with the articles.

        `unchecked_key`: `debate` is the corpus as it was under this key, not yet checked
        against its files (build.last_cached_debate); the key is computed again once the
        first frame is drawn, and a corpus changed since is said and read again."""
        super().__init__()
        if corpus is None and debate is not None:
            corpus = Path(debate.corpus)
        if corpus is None:
            from debate_tui.places import reading_corpus

            corpus = reading_corpus()
        self.corpus = corpus
        self.config = config
        self.config_file = config_file
        self.reread_config = reread_config
        self.use_cache = use_cache
        self.debate = debate
        self.unchecked_key = unchecked_key if debate is not None else None
        self.load_error: str | None = None

    def get_default_screen(self) -> Screen[None]:
        # Blank, under the reader (or the loading screen, which gives way to the reader):
        # Textual keeps its first screen for as long as the app runs, so a reader there
        # could never be replaced by a reload (`a`, `R`) without staying in memory.
        return Screen()

    def on_mount(self) -> None:
        if self.debate is not None:
            self.push_screen(ReaderScreen(self.debate))
            self._announce_warnings(self.debate)
            return
        startup.resume_collector()  # parsing ahead: collect as usual (see run_reader)
        try:
            config = self.config or load_config(None, self.corpus if self.corpus.is_dir() else None)
        except ConfigError as exc:  # a bad debate.toml: say which line, as the CLI does
            self.load_error = str(exc)
            self.exit(return_code=1)
            return
        from debate_tui.tui.screens.loading import LoadingScreen

        self.push_screen(LoadingScreen(self.corpus, config, use_cache=self.use_cache))

    def _announce_warnings(self, debate: Debate) -> None:
        """One short toast: the first warning, and how to read them all (w)."""
        if not debate.warnings:
            return
        first = visible(debate.warnings[0])
        if len(first) > 160:
            first = first[:159] + "…"
        more = len(debate.warnings) - 1
        hint = (
            f"\n{more} more: press w to read them all." if more else "\nPress w to read it again."
        )
        self.notify(first + hint, title="Warning", severity="warning", timeout=5, markup=False)

    # --- a corpus shown before its key was checked ------------------------------------------

    def on_reader_screen_drawn(self, message: ReaderScreen.Drawn) -> None:
        message.stop()
        key, self.unchecked_key = self.unchecked_key, None
        if key is None or self.config is None:
            return
        config = self.config
        self.run_worker(
            lambda: self._check_in_thread(self.corpus, config, key),
            name="check",
            group="check",
            thread=True,
            exit_on_error=False,
        )

    def _check_in_thread(self, corpus: Path, config: Config, shown: str) -> None:
        """The corpus key from the files as they are now, against the one shown."""
        from textual.worker import get_current_worker

        from debate_tui.build import BuildCancelled, corpus_key

        worker = get_current_worker()
        try:
            now = corpus_key(corpus, config, cancelled=lambda: worker.is_cancelled)
        except BuildCancelled:
            return
        if now != shown and not worker.is_cancelled:
            self.call_from_thread(self._corpus_changed)

    def _corpus_changed(self) -> None:
        self.notify(
            "The corpus changed on disk since it was last read: reading it again. Until "
            "then the statements shown are those from before.",
            title="Corpus changed",
            severity="warning",
            timeout=8,
        )
        self.refresh_corpus()

    def on_loading_screen_loaded(self, message: LoadingScreen.Loaded) -> None:
        self.debate = message.debate
        startup.freeze_long_lived()  # the debate lives as long as the app (see run_reader)
        self.switch_screen(ReaderScreen(message.debate))

    def on_loading_screen_failed(self, message: LoadingScreen.Failed) -> None:
        self.load_error = message.error

    # --- a and R: add a URL, reload from disk ------------------------------------------------

    def on_reader_screen_refresh_requested(self, message: ReaderScreen.RefreshRequested) -> None:
        message.stop()
        self.refresh_corpus(message.url)

    def refresh_corpus(self, url: str | None = None) -> None:
        """Add `url` (if any) and read the corpus again, in a thread; the reader stays usable.

        The header says what is under way; the new debate replaces the reader when ready.
        One refresh at a time: a thread cannot be stopped halfway through writing the
        corpus, so a request while one runs is declined with a note, not queued.
        """
        if any(w.group == "refresh" and not w.is_finished for w in self.workers):
            self.notify("Still busy with the last URL or reload; try again when it is done.")
            return
        if url:
            from debate_tui.tui.refresh import shorten_url

            self._show_status(f"fetching {shorten_url(url)}")
        else:
            self._show_status("reloading the corpus")
        corpus = self.corpus if self.debate is None else Path(self.debate.corpus)
        self.run_worker(
            lambda: self._refresh_in_thread(corpus, url),
            name="refresh",
            group="refresh",
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )

    def _refresh_in_thread(self, corpus: Path, url: str | None) -> None:
        from textual.worker import get_current_worker

        from debate_tui.tui.refresh import RefreshCancelled, Refreshed, refresh

        worker = get_current_worker()
        warnings: list[str] = []

        def status(text: str) -> None:
            if worker.is_cancelled:
                raise _RefreshCancelled()
            self.call_from_thread(self._show_status, text)

        def read_config(folder: Path) -> Config:
            """The configuration of the corpus built (after `a` from the bundled corpus,
            the user's own, where the page went), read again from disk."""
            return load_config(self.config_file, folder if folder.is_dir() else None)

        try:
            config = self.config
            result = refresh(
                corpus,
                read_config if config is None or self.reread_config else config,
                url=url,
                use_cache=self.use_cache,
                status=status,
                warn=warnings.append,
                cancelled=lambda: worker.is_cancelled,
            )
        except (_RefreshCancelled, RefreshCancelled):
            return
        except Exception as exc:  # any failure reaches the screen, never a traceback
            text = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
            result = Refreshed(None, corpus, text, failed=True)
        if not worker.is_cancelled:
            self.call_from_thread(self._refreshed, result, url)

    def _reader(self) -> ReaderScreen | None:
        return next((s for s in reversed(self.screen_stack) if isinstance(s, ReaderScreen)), None)

    def _show_status(self, text: str) -> None:
        reader = self._reader()
        if reader is not None and reader.is_mounted:
            reader.show_status(text)

    def _refreshed(self, result: Refreshed, url: str | None) -> None:
        self._show_status("")
        note = visible(result.note, one_line=True)  # holds URLs and titles from strangers
        if result.failed:
            title = "Could not add" if url else "Could not reload"
            self.notify(note, title=title, severity="error", timeout=10, markup=False)
        else:
            self.notify(note, timeout=6, markup=False)
        if result.debate is None:
            return
        reader = self._reader()
        topic_id = reader.topic.id if reader is not None else None
        self.corpus = result.corpus
        self.debate = result.debate
        while reader is not None and self.screen is not reader and len(self.screen_stack) > 1:
            self.pop_screen()
        fresh = ReaderScreen(result.debate, topic_id=topic_id)
        if reader is not None and self.screen is reader:
            self.switch_screen(fresh)  # the old reader is removed
        else:
            self.push_screen(fresh)
        self._announce_warnings(result.debate)

    def action_help(self) -> None:
        """Open the help screen, or close it when it is already open."""
        from debate_tui.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        reader = next((s for s in reversed(self.screen_stack) if isinstance(s, ReaderScreen)), None)
        if reader is None:
            return
        debate = reader.debate
        left, right = debate.speakers
        for topic in reader.topics:
            a, b = debate.counts(topic.id)
            yield SystemCommand(  # the palette reads markup: names and labels are escaped
                escape(visible(f"Go to topic: {topic.label}", one_line=True)),
                escape(visible(f"{left.name} {a}, {right.name} {b}", one_line=True)),
                lambda topic_id=topic.id: self._go_to_topic(reader, topic_id),
            )
        yield SystemCommand(
            "Export pairing to Markdown",
            "Write the current topic's pairing to a .md file in the current folder",
            reader.action_export,
        )

    def _go_to_topic(self, reader: ReaderScreen, topic_id: str) -> None:
        while self.screen is not reader and len(self.screen_stack) > 1:
            self.pop_screen()
        reader.select_topic(topic_id)


def run_reader(
    corpus: Path, config: Config, *, use_cache: bool = True, config_file: Path | None = None
) -> int:
    """Run the reader in this terminal; 0 on a normal quit, 1 when the corpus failed to load.

    `config` was read from `config_file` (--config), else from the corpus's debate.toml;
    `R` reads it again from there.
    """
    # The collector waits until the reader has drawn its first screen (see startup.py).
    startup.pause_collector()
    app = reader_app(corpus, config, use_cache=use_cache, config_file=config_file)
    startup.freeze_long_lived()
    try:
        app.run()
    finally:
        startup.resume_collector()
    if app.load_error:
        print(f"debate-tui: error: {visible(app.load_error, one_line=True)}", file=sys.stderr)
        return 1
    return app.return_code or 0


def reader_app(
    corpus: Path, config: Config, *, use_cache: bool = True, config_file: Path | None = None
) -> DebateApp:
    """The reader as `run_reader` starts it: a warm corpus is shown as it was last read and
    checked against its files right after the first frame (see build.last_cached_debate);
    else as the cache has it now (`cached_debate`), else the loading screen builds it."""
    debate = unchecked = None
    if use_cache:
        from debate_tui.build import cached_debate, last_cached_debate  # spaCy-free

        try:
            last = last_cached_debate(corpus, config)
            if last is not None:
                debate, unchecked = last
            else:
                debate = cached_debate(corpus, config)
        except Exception:  # the app's own loading path reports what went wrong
            debate = unchecked = None
    return DebateApp(
        corpus,
        config,
        use_cache=use_cache,
        debate=debate,
        config_file=config_file,
        reread_config=True,
        unchecked_key=unchecked,
    )
