"""The reader's `a` and `R` without Textual: add a URL to the corpus, then build it again.

Runs in a thread worker of the app. Building again goes through the cache, which keys each
article by its content, so only new or changed files are parsed; when nothing changed the
whole corpus comes from one cache entry.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from debate_tui.config import Config
from debate_tui.model import Debate

if TYPE_CHECKING:
    from debate_tui.ingest import Summary

Status = Callable[[str], None]


class RefreshCancelled(Exception):
    """The user quit (or a newer refresh took over) while this one was under way."""


class Refreshed(NamedTuple):
    """What a refresh did: the new debate (None when nothing needs showing) and a note."""

    debate: Debate | None
    corpus: Path
    note: str
    failed: bool = False


URL_SHOWN = 120


def shorten_url(url: str) -> str:
    """A URL short enough for a note or the header: its start and end around an ellipsis.

    A pasted address can be thousands of characters long; in full it filled the screen and
    pushed the reason it failed out of the note.
    """
    if len(url) <= URL_SHOWN:
        return url
    return f"{url[: URL_SHOWN - 41]}…{url[-40:]}"


def add_target(corpus: Path) -> Path:
    """Where `a` puts a page: the corpus being read, unless that is the bundled corpus."""
    from debate_tui.places import bundled_corpus, user_corpus

    try:
        bundled = corpus.resolve() == bundled_corpus().resolve()
    except OSError:
        bundled = False
    return user_corpus() if bundled else corpus


def refresh(
    corpus: Path,
    config: Config | Callable[[Path], Config],
    *,
    url: str | None = None,
    use_cache: bool = True,
    status: Status = lambda _text: None,
    warn: Callable[[str], None] = lambda _text: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Refreshed:
    """Add `url` (when given) to the corpus, then read the corpus from disk again.

    `config` may be a function of the corpus folder that reads it: it is then read for the
    corpus built, which after adding from the bundled corpus is the user's own (with its
    own debate.toml), not the one being read when `a` was pressed.

    RefreshCancelled as soon as `cancelled()` says so: within a fraction of a second
    during a download, at the next file or article while building.
    """
    note = ""
    if url is not None:
        from debate_tui.ingest import Added, IngestError, Present

        target = add_target(corpus)
        status(f"fetching {shorten_url(url)}")
        try:
            summary = _add_unless_cancelled(target, url, cancelled)
        except IngestError as exc:
            return Refreshed(None, corpus, str(exc), failed=True)
        [result] = summary.results
        if isinstance(result, Present):
            shown = shorten_url(url)
            return Refreshed(None, corpus, f"Already present: {shown} (as {result.where})")
        if not isinstance(result, Added):
            return Refreshed(None, corpus, f"{shorten_url(url)}: {result.reason}", failed=True)
        note = f"Added {result.name}: {result.title}"
        if target != corpus:
            note += f" (into {target}, now the corpus shown)"
        corpus = target
    status("reading the corpus")

    def progress(done: int, total: int, label: str) -> None:
        status(f"parsing {done} of {total}" if label != "cache" else f"{done} of {total} cached")

    from debate_tui.build import BuildCancelled, build_debate

    if callable(config):
        config = config(corpus)
    try:
        debate = build_debate(
            corpus,
            config,
            use_cache=use_cache,
            progress=progress,
            warn=warn,
            cancelled=cancelled,
        )
    except BuildCancelled:
        raise RefreshCancelled() from None
    if not note:
        count = len(debate.articles)
        note = f"Reloaded {count} article{'' if count == 1 else 's'} from disk"
    return Refreshed(debate, corpus, note)


def _add_unless_cancelled(target: Path, url: str, cancelled: Callable[[], bool]) -> Summary:
    """add_urls in a daemon thread, watched: a quit never waits for a slow server.

    A download blocks in a socket read for up to the read timeout (20 s) and nothing can
    interrupt it; the app's worker thread is joined when the reader closes. So the download
    runs in a thread of its own that the process need not wait for (one URL is fetched in
    that thread, no pool), and the worker returns as soon as the user quits. Pages and
    sources.toml are written atomically, so an abandoned download leaves nothing half done.
    """
    from debate_tui.ingest import add_urls

    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["summary"] = add_urls(target, [url])
        except BaseException as exc:  # handed to the worker, which reports it
            outcome["error"] = exc

    thread = threading.Thread(target=run, name="add-url", daemon=True)
    thread.start()
    while thread.is_alive():
        if cancelled():
            raise RefreshCancelled()
        thread.join(0.1)
    if "error" in outcome:
        raise outcome["error"]
    summary: Summary = outcome["summary"]
    return summary
