"""The reader's fast path: a warm corpus opens straight from the cache, a cold one does not."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from debate_tui.build import build_debate, cached_debate
from debate_tui.config import default_config

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_cached_debate_only_answers_when_everything_is_cached(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    old = os.environ.get("DEBATE_TUI_CACHE")
    os.environ["DEBATE_TUI_CACHE"] = str(tmp_path / "cache")
    try:
        config = default_config()
        assert cached_debate(corpus, config) is None
        built = build_debate(corpus, config, warn=lambda _m: None)
        warm = cached_debate(corpus, config)
        assert warm is not None
        assert warm.statements == built.statements
        assert warm.articles == built.articles
        # One edited article: nothing stale is shown, the reader parses again.
        article = corpus / "g20-first-fleeting-meeting.txt"
        article.write_text(article.read_text("utf-8") + "\nLavrov said nothing new.\n", "utf-8")
        assert cached_debate(corpus, config) is None
    finally:
        if old is None:
            os.environ.pop("DEBATE_TUI_CACHE", None)
        else:
            os.environ["DEBATE_TUI_CACHE"] = old
