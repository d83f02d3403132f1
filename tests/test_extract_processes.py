"""Parsing in several processes must give exactly what one process gives, in corpus order."""

from __future__ import annotations

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
