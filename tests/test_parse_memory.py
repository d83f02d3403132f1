"""Bounded memory while parsing: an article's parsed Docs are let go once its statements
are out (and cached, by the build), so a corpus of any size holds at most about one batch
of Docs at a time: 64 here, whether 20 articles or 10,000 are parsed."""

from __future__ import annotations

import gc

from spacy.tokens import Doc

from debate_tui.config import default_config
from debate_tui.corpus import load_corpus
from debate_tui.extract import BATCH_SIZE, extract_statements, parse_units
from tests.conftest import CORPUS


def docs_alive() -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, Doc))


def test_parsing_many_articles_never_holds_all_their_docs() -> None:
    articles = load_corpus(CORPUS, lambda _m: None) * 4  # 20 articles, parsed one by one
    parsed_paragraphs = sum(len(parse_units(article)) for article in articles)
    before = docs_alive()
    most = 0
    done = 0
    for _article, _statements in extract_statements(articles, default_config()):
        most = max(most, docs_alive() - before)
        done += 1
    assert done == len(articles)
    assert parsed_paragraphs > 3 * BATCH_SIZE  # more Docs than could ever be held at once
    assert most <= 2 * BATCH_SIZE
    assert docs_alive() == before, "every Doc is let go once the corpus is parsed"
