"""The reader's fast path: a warm corpus opens straight from the cache, a cold one does not."""

from __future__ import annotations

import shutil
from pathlib import Path

from debate_tui.build import build_debate, cached_debate
from debate_tui.config import default_config

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_cached_debate_only_answers_when_everything_is_cached(
    tmp_path: Path, own_cache: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
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


def _warm(tmp_path: Path) -> Path:
    """A copy of the bundled corpus, built once into the test's own cache (own_cache)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    build_debate(corpus, default_config(), warn=lambda _m: None)
    return corpus


def test_a_changed_title_renamed_or_added_article_is_never_served_stale(
    tmp_path: Path, own_cache: Path
) -> None:
    corpus = _warm(tmp_path)
    config = default_config()
    assert cached_debate(corpus, config) is not None
    sidecar = corpus / "sources.toml"
    sidecar.write_text(sidecar.read_text("utf-8").replace("OSCE meeting", "OSCE talks"), "utf-8")
    assert cached_debate(corpus, config) is None, "the sidecar's titles and occasions count"
    rebuilt = build_debate(corpus, config, warn=lambda _m: None)
    assert any(meta.occasion == "OSCE talks" for meta in rebuilt.articles)
    assert cached_debate(corpus, config) is not None
    article = corpus / "g20-first-fleeting-meeting.txt"
    article.rename(corpus / "g20-renamed.txt")
    assert cached_debate(corpus, config) is None, "statements cite file names"
    build_debate(corpus, config, warn=lambda _m: None)
    (corpus / "extra.txt").write_text("Lavrov said the talks were over.\n", "utf-8")
    assert cached_debate(corpus, config) is None


def test_a_warm_start_still_reports_a_file_that_is_not_text(
    tmp_path: Path, own_cache: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    config = default_config()
    cold: list[str] = []
    built = build_debate(corpus, config, warn=cold.append)
    assert any("scan.txt" in message for message in cold)
    warm: list[str] = []
    again = build_debate(corpus, config, warn=warm.append)
    assert again.statements == built.statements
    assert warm == cold, "the same files give the same warnings, cached or not"
    fast = cached_debate(corpus, config)
    assert fast is not None and fast.warnings == cold


def test_a_corrupt_corpus_entry_is_rebuilt_with_a_warning(tmp_path: Path, own_cache: Path) -> None:
    corpus = _warm(tmp_path)
    config = default_config()
    good = list(build_debate(corpus, config, warn=lambda _m: None).statements)
    for entry in own_cache.glob("corpus-*.sqlite"):
        entry.write_text('{"articles": [{"nonsense": 1}], "statements": [], "warnings": []}')
    assert cached_debate(corpus, config) is None
    messages: list[str] = []
    rebuilt = build_debate(corpus, config, warn=messages.append)
    assert rebuilt.statements == good
    assert any("corrupt" in message for message in messages)
