"""Reading and parsing the corpus in a thread while the screen shows how far it got.

A warm cache builds the debate in a blink, so the progress panel only appears when the
work takes long enough to notice; a cold parse shows a bar that moves per article.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Center, Middle, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label, ProgressBar, Static
from textual.worker import get_current_worker

from debate_tui.config import Config
from debate_tui.model import Debate
from debate_tui.safe_text import visible
from debate_tui.tui.widgets.key_bar import KeyBar

REVEAL_AFTER = 0.3  # seconds: below this, a progress panel is only a flicker


class LoadCancelled(Exception):
    """The user quit while the corpus was still being parsed."""


class LoadingScreen(Screen[None]):
    """Builds the debate in a thread worker and hands it to the app when done."""

    DEFAULT_CSS = """
    LoadingScreen #loading-panel {
        width: 64;
        max-width: 100%;
        height: auto;
        border: round $primary;
        padding: 1 2;
    }
    LoadingScreen #loading-panel, LoadingScreen KeyBar {
        visibility: hidden;
    }
    LoadingScreen.-revealed #loading-panel, LoadingScreen.-revealed KeyBar {
        visibility: visible;
    }
    LoadingScreen #loading-panel > * {
        width: 1fr;
    }
    LoadingScreen ProgressBar Bar {
        width: 1fr;
    }
    LoadingScreen #loading-status {
        color: $text-muted;
    }
    LoadingScreen #loading-error {
        color: $text-error;
        display: none;
    }
    LoadingScreen.-failed #loading-error {
        display: block;
    }
    LoadingScreen.-failed ProgressBar {
        display: none;
    }
    """

    class Progress(Message):
        """Another article is done (or found in the cache)."""

        def __init__(self, done: int, total: int, label: str) -> None:
            super().__init__()
            self.done = done
            self.total = total
            self.label = label

    class Assembling(Message):
        """Parsing is over; the statements are being placed on occasions or merged."""

        def __init__(self, stage: str, done: int, total: int) -> None:
            super().__init__()
            self.stage = stage
            self.done = done
            self.total = total

    class Warned(Message):
        """A file could not be used as it is; the user should hear about it."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Loaded(Message):
        """The debate is ready to read."""

        def __init__(self, debate: Debate) -> None:
            super().__init__()
            self.debate = debate

    class Failed(Message):
        """The corpus could not be loaded at all."""

        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    def __init__(self, corpus: Path, config: Config, *, use_cache: bool = True) -> None:
        super().__init__()
        self.corpus = corpus
        self.config = config
        self.use_cache = use_cache
        self.error: str | None = None
        self._warned = 0  # warnings heard while loading

    def compose(self) -> ComposeResult:
        with Middle(), Center(), Vertical(id="loading-panel") as panel:
            panel.border_title = "debate-tui"
            where = f"Reading {self.config.name} from {self.corpus.name or self.corpus}/"
            yield Label(Content(visible(where, one_line=True)))  # names are text, not markup
            yield ProgressBar(total=None, show_eta=False, id="loading-bar")
            yield Static("Loading the language model…", id="loading-status")
            yield Static(id="loading-error")
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_timer(REVEAL_AFTER, lambda: self.add_class("-revealed"))
        self._build()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _build(self) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int, label: str) -> None:
            if worker.is_cancelled:
                raise LoadCancelled()
            self.post_message(self.Progress(done, total, label))

        def warn(text: str) -> None:
            self.post_message(self.Warned(text))

        def stage(name: str, done: int, total: int) -> None:
            if worker.is_cancelled:
                raise LoadCancelled()
            self.post_message(self.Assembling(name, done, total))

        try:
            from debate_tui.build import build_debate  # spaCy is imported only on a cache miss

            debate = build_debate(
                self.corpus,
                self.config,
                use_cache=self.use_cache,
                progress=progress,
                warn=warn,
                stage=stage,
                cancelled=lambda: worker.is_cancelled,  # asked per file and per article
            )
        except LoadCancelled:
            return
        except Exception as exc:  # any failure must reach the screen, never a traceback
            if worker.is_cancelled:  # BuildCancelled: the user quit, nothing to report
                return
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
            self.post_message(self.Failed(message))
            return
        if not worker.is_cancelled:
            self.post_message(self.Loaded(debate))

    def on_loading_screen_progress(self, message: LoadingScreen.Progress) -> None:
        message.stop()
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        what = "from the cache" if message.label == "cache" else message.label
        status = f"{message.done} of {message.total} articles ready (last: {what})"
        self.query_one("#loading-status", Static).update(Content(visible(status, one_line=True)))

    def on_loading_screen_assembling(self, message: LoadingScreen.Assembling) -> None:
        message.stop()
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        unit = "statements" if message.stage.startswith("merging") else "articles"
        status = f"{message.stage.capitalize()}: {message.done:,} of {message.total:,} {unit}"
        self.query_one("#loading-status", Static).update(Content(status))

    def on_loading_screen_warned(self, message: LoadingScreen.Warned) -> None:
        message.stop()
        # Few toasts, shown briefly: the reader lists every warning (w).
        self._warned += 1
        if self._warned <= 2:
            text = visible(message.text)
            self.notify(text, title="Warning", severity="warning", timeout=5, markup=False)
        elif self._warned == 3:
            self.notify("More warnings: press w in the reader to read them all.", timeout=5)

    def on_loading_screen_failed(self, message: LoadingScreen.Failed) -> None:
        # Not stopped: the app hears of it too, to exit with a failure code.
        self.error = message.error
        self.add_class("-failed", "-revealed")
        self.query_one("#loading-status", Static).update("The corpus could not be loaded.")
        error = Content(visible(message.error)) + "\n\nPress q to quit."
        self.query_one("#loading-error", Static).update(error)
