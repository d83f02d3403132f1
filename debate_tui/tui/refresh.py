"""The reader's `a` and `R` without Textual: add a URL to the corpus, then build it again.

Runs in a thread worker of the app. Building again goes through the cache, which keys each
article by its content, so only new or changed files are parsed; when nothing changed the
whole corpus comes from one cache entry.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from debate_tui.config import Config
from debate_tui.model import Debate

Status = Callable[[str], None]


class Refreshed(NamedTuple):
    """What a refresh did: the new debate (None when nothing needs showing) and a note."""

    debate: Debate | None
    corpus: Path
    note: str
    failed: bool = False


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
    config: Config,
    *,
    url: str | None = None,
    use_cache: bool = True,
    status: Status = lambda _text: None,
    warn: Callable[[str], None] = lambda _text: None,
) -> Refreshed:
    """Add `url` (when given) to the corpus, then read the corpus from disk again."""
    note = ""
    if url is not None:
        from debate_tui.ingest import Added, IngestError, Present, add_urls

        target = add_target(corpus)
        status(f"fetching {url}")
        try:
            summary = add_urls(target, [url])
        except IngestError as exc:
            return Refreshed(None, corpus, str(exc), failed=True)
        [result] = summary.results
        if isinstance(result, Present):
            return Refreshed(None, corpus, f"Already present: {url} (as {result.where})")
        if not isinstance(result, Added):
            return Refreshed(None, corpus, f"{url}: {result.reason}", failed=True)
        note = f"Added {result.name}: {result.title}"
        if target != corpus:
            note += f" (into {target}, now the corpus shown)"
        corpus = target
    status("reading the corpus")

    def progress(done: int, total: int, label: str) -> None:
        status(f"parsing {done} of {total}" if label != "cache" else f"{done} of {total} cached")

    from debate_tui.build import build_debate

    debate = build_debate(corpus, config, use_cache=use_cache, progress=progress, warn=warn)
    if not note:
        count = len(debate.articles)
        note = f"Reloaded {count} article{'' if count == 1 else 's'} from disk"
    return Refreshed(debate, corpus, note)
