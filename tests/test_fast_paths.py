"""The fast paths give exactly what the slow ones give: several processes against one, and a
warm cache (per article and per corpus) against a fresh parse."""

from __future__ import annotations

import shutil
from pathlib import Path

from debate_tui.build import build_debate
from debate_tui.cache import StatementCache
from debate_tui.config import default_config
from debate_tui.corpus import load_corpus
from debate_tui.extract import extract_statements
from tests.conftest import CORPUS


def test_two_processes_yield_the_same_statements_in_corpus_order() -> None:
    articles = load_corpus(CORPUS, lambda _message: None)
    config = default_config()
    one_warnings: list[str] = []
    two_warnings: list[str] = []
    one = list(extract_statements(articles, config, warn=one_warnings.append))
    two = list(extract_statements(articles, config, processes=2, warn=two_warnings.append))
    assert [a.source for a, _ in two] == [a.source for a in articles]
    assert [s for _, s in two] == [s for _, s in one]
    assert sum(len(s) for _, s in one) > 0
    assert two_warnings == one_warnings


def test_a_warm_cache_builds_the_same_debate_as_a_fresh_parse(
    tmp_path: Path, own_cache: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    config = default_config()
    fresh = build_debate(corpus, config, use_cache=False, warn=lambda _m: None)
    first = build_debate(corpus, config, warn=lambda _m: None)  # fills both cache levels
    warm = build_debate(corpus, config, warn=lambda _m: None)  # reads the corpus entry
    assert first.statements == fresh.statements
    assert warm.statements == fresh.statements
    assert warm.articles == fresh.articles
    entries = sorted(p.name for p in own_cache.glob("*.sqlite"))
    assert any(name.startswith("corpus-") for name in entries)
    # A changed title is an input of occasions and merging: the corpus entry must miss.
    sidecar = corpus / "sources.toml"
    sidecar.write_text(sidecar.read_text("utf-8").replace("OSCE meeting", "OSCE talks"), "utf-8")
    renamed = build_debate(corpus, config, warn=lambda _m: None)
    assert (
        renamed.statements
        == build_debate(corpus, config, use_cache=False, warn=lambda _m: None).statements
    )
    assert StatementCache(own_cache).get_corpus("corpus-absent") is None
