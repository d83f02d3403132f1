"""The attribution as spaCy components: added by name, as any spaCy user would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from debate_tui.build import statements_for_articles
from debate_tui.config import default_config
from debate_tui.corpus import load_corpus
from debate_tui.extract.pipeline import MODEL_PACKAGES

CONFIG = default_config()
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SPEAKERS = [
    {"id": "rubio", "name": "Marco Rubio", "aliases": ["Marco Rubio", "Rubio"],
     "titles": ["Secretary of State"]},
    {"id": "wang", "name": "Wang Yi", "aliases": ["Wang Yi", "Wang"],
     "titles": ["Chinese Foreign Minister"]},
]  # fmt: skip


def fresh_nlp() -> Language:
    """A pipeline of our own: load_nlp() is shared by the project and must stay bare."""
    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no trained English pipeline installed")


def with_components(speakers: list[dict[str, Any]], topics: list[dict[str, Any]]) -> Language:
    nlp = fresh_nlp()
    nlp.add_pipe("debate_paragraphs", before="parser")
    nlp.add_pipe("debate_speakers", config={"speakers": speakers})
    nlp.add_pipe("debate_quotes")
    nlp.add_pipe("debate_attribution", config={"speakers": speakers, "topics": topics})
    return nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return with_components(SPEAKERS, [])


def test_components_are_found_by_name_and_give_statements_with_evidence(nlp: Language) -> None:
    text = (
        "Talks in Kuala Lumpur\n"
        "Rubio told reporters the meeting had been candid. He added that more talks were "
        "planned.\n"
        "The Chinese Foreign Minister said Beijing wanted stability.\n"
    )
    doc = nlp(text)
    found = [(s.speaker, s.text, dict(s.evidence)["how"]) for s in doc._.statements]
    assert found == [
        ("rubio", "Rubio told reporters the meeting had been candid.", "name"),
        ("rubio", "He added that more talks were planned.", "pronoun"),
        ("wang", "The Chinese Foreign Minister said Beijing wanted stability.", "title"),
    ]
    for statement in doc._.statements:
        assert doc.text[statement.start : statement.end] == statement.text


def test_speaker_spans_keep_the_title_rule(nlp: Language) -> None:
    doc = nlp(
        "Headline\nJapanese Foreign Minister Takeshi Iwaya met the Chinese Foreign Minister. "
        "Rubio, then Wang, spoke. Glued copy: Rubioand Wang.\n"
    )
    spans = [(s.text, s.label_, s.id_) for s in doc.spans["debate_speakers"]]
    assert ("the Chinese Foreign Minister", "wang", "title") in spans
    assert ("Rubioand", "rubio", "name") in spans
    doc = nlp(
        "Headline\nChinese Foreign Minister Li Ming spoke. "
        "Later the Chinese Foreign Minister left.\n"
    )
    assert [s.id_ for s in doc.spans["debate_speakers"]] == []


@pytest.mark.parametrize("text", ["“" * 30, "a ” b “ c « d", "", "\r\r\n\n", "’tis ‘odd’ «»"])
def test_quotes_component_never_raises(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert all(span.label_ in ("quote", "unbalanced") for span in doc.spans["debate_quotes"])
    assert doc._.statements == []


def test_the_bundled_corpus_gets_the_same_statements_through_the_components() -> None:
    speakers = [s._asdict() for s in CONFIG.speakers]
    topics = [t._asdict() for t in CONFIG.topics]
    nlp = with_components(speakers, topics)
    articles = load_corpus(CORPUS, lambda _m: None)
    project = statements_for_articles(articles, CONFIG, use_cache=False)
    for article in articles:
        got = [(s.speaker, s.start, s.end, s.topics) for s in nlp(article.text)._.statements]
        want = [
            (s.speaker, s.start, s.end, s.topics) for s in project if s.source == article.source
        ]
        assert got == want, article.source
