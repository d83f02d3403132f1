"""debate-tui's attribution as spaCy pipeline components, loadable by name anywhere.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("debate_paragraphs", before="parser")   # each line starts a sentence
    nlp.add_pipe("debate_speakers", config={"speakers": SPEAKERS})
    nlp.add_pipe("debate_quotes")
    nlp.add_pipe("debate_attribution", config={"speakers": SPEAKERS})
    doc = nlp(text)
    doc._.statements        # Statement records: speaker, exact offsets, evidence, reason

SPEAKERS is a list of {"id", "name", "aliases", "titles"} tables, as in a debate TOML.
The components are registered with `@Language.factory` here and, through the
`spacy_factories` entry point in pyproject.toml, found by spaCy without an import. They run
the same rules (attribution.py, rules/en.toml) as the project's own extraction, which
parses paragraph by paragraph and skips paragraphs that cannot hold a statement.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from debate_tui.corpus import is_furniture, split_paragraphs
from debate_tui.extract.attribution import ArticleAttributor
from debate_tui.extract.quotes import find_quotes, top_level
from debate_tui.extract.rules import load_rules
from debate_tui.extract.speakers import Gazetteer, Mention
from debate_tui.extract.topics import TopicMatcher
from debate_tui.model import Article, ArticleMeta, Speaker, TopicSpec

SPEAKERS_KEY = "debate_speakers"
QUOTES_KEY = "debate_quotes"
# Words that bad markup glues onto a surname ("Lavrovand the ..."), as in speakers.py.
_GLUE = "and|the|in|of|to|on|at|for|from|with|who|has|had|said|told|as|is|was"

if not Doc.has_extension("statements"):
    Doc.set_extension("statements", default=None)


def _speakers(tables: list[dict[str, Any]]) -> tuple[Speaker, ...]:
    return tuple(
        Speaker(
            id=str(t["id"]),
            name=str(t.get("name", t["id"])),
            role=str(t.get("role", "")),
            aliases=tuple(t.get("aliases", ())) or (str(t.get("name", t["id"])),),
            titles=tuple(t.get("titles", ())),
        )
        for t in tables
    )


# -- paragraphs ------------------------------------------------------------------------------
@Language.component("debate_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Each line starts a sentence, so headlines never glue onto the text below them.
    Add it before the parser: the parser keeps boundaries that are already set."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if (
            (("\n" in before.text or "\r" in before.text) and before.is_space)
            or "\n" in before.whitespace_
            or "\r" in before.whitespace_
        ):
            token.is_sent_start = True
    return doc


# -- speakers --------------------------------------------------------------------------------
class SpeakerRuler:
    """A SpanRuler of the speakers' names (exact, glued words allowed) and titles (any
    case, with or without "the"), then the title rule: a title counts in a Doc only when
    nobody else in it is given that title."""

    def __init__(self, nlp: Language, name: str, speakers: list[dict[str, Any]], spans_key: str):
        self.speakers = _speakers(speakers)
        self.spans_key = spans_key
        self.ruler = SpanRuler(nlp, name=f"{name}_ruler", spans_key=spans_key, overwrite=True)
        patterns: list[dict[str, Any]] = []
        for speaker in self.speakers:
            for alias in speaker.aliases:
                words = [{"ORTH": t.text} for t in nlp.make_doc(alias)]
                patterns.append({"label": speaker.id, "id": "name", "pattern": words})
                last = re.escape(words[-1]["ORTH"])
                glued = [*words[:-1], {"TEXT": {"REGEX": f"^{last}(?:{_GLUE})$"}}]
                patterns.append({"label": speaker.id, "id": "name", "pattern": glued})
            for title in speaker.titles:
                core = re.sub(r"^(the|a|an)\s+", "", title.strip(), flags=re.IGNORECASE)
                words = [{"LOWER": t.lower_} for t in nlp.make_doc(core)]
                pattern = [{"LOWER": "the", "OP": "?"}, *words]
                patterns.append({"label": speaker.id, "id": f"title:{title}", "pattern": pattern})
        self.ruler.add_patterns(patterns)

    def __call__(self, doc: Doc) -> Doc:
        doc = self.ruler(doc)
        usable = Gazetteer(self.speakers, doc.text).usable_titles()
        kept: list[Span] = []
        taken: set[int] = set()
        spans = sorted(
            doc.spans[self.spans_key],
            key=lambda s: (s.id_ != "name", -(s.end_char - s.start_char), s.start),
        )
        for span in spans:
            if span.id_.startswith("title:") and (span.label_, span.id_[6:]) not in usable:
                continue
            if taken & set(range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            via = "name" if span.id_ == "name" else "title"
            kept.append(Span(doc, span.start, span.end, label=span.label_, span_id=via))
        doc.spans[self.spans_key] = sorted(kept, key=lambda s: s.start)
        return doc


@Language.factory("debate_speakers", default_config={"speakers": [], "spans_key": SPEAKERS_KEY})
def make_speakers(
    nlp: Language, name: str, speakers: list[dict[str, Any]], spans_key: str
) -> SpeakerRuler:
    return SpeakerRuler(nlp, name, speakers, spans_key)


# -- quotes ----------------------------------------------------------------------------------
@Language.factory("debate_quotes", default_config={"spans_key": QUOTES_KEY})
def make_quotes(nlp: Language, name: str, spans_key: str) -> Any:
    def quotes(doc: Doc) -> Doc:
        """Direct quotations as spans ("quote", or "unbalanced" when left open); never
        raises, whatever the marks."""
        spans = []
        for quote in top_level(find_quotes(doc.text, split_paragraphs(doc.text))):
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if span is not None:
                label = "quote" if quote.balanced else "unbalanced"
                spans.append(Span(doc, span.start, span.end, label=label))
        doc.spans[spans_key] = spans
        return doc

    return quotes


# -- attribution -----------------------------------------------------------------------------
class Attribution:
    """Statements of the configured speakers on `doc._.statements`, each with its exact
    offsets into `doc.text`, its evidence, confidence and reason."""

    def __init__(
        self,
        speakers: list[dict[str, Any]],
        topics: list[dict[str, Any]],
        language: str,
        speakers_key: str,
        source: str,
    ):
        self.speakers = _speakers(speakers)
        self.topics = TopicMatcher(
            [
                TopicSpec(t["id"], t.get("label", t["id"]), tuple(t.get("terms", ())))
                for t in topics
            ],
            ignore=[p for s in self.speakers for p in (s.name, *s.aliases, *s.titles)],
        )
        self.rules = load_rules(language)
        self.speakers_key = speakers_key
        self.source = source

    def _mentions(self, doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
        if self.speakers_key in doc.spans:
            return [
                Mention(s.start_char, s.end_char, s.label_, "title" if s.id_ == "title" else "name")
                for s in doc.spans[self.speakers_key]
            ]
        return gazetteer.mentions(doc.text)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        paragraphs = split_paragraphs(text)
        furniture = frozenset(
            index
            for index, (start, end) in enumerate(paragraphs)
            if is_furniture(text[start:end], captions=index > 0)
        )
        article = Article(ArticleMeta(self.source, ""), text, paragraphs, furniture)
        gazetteer = Gazetteer(self.speakers, text)
        attributor = ArticleAttributor(
            article,
            gazetteer,
            self.topics,
            {s.id for s in self.speakers},
            self.rules,
            mentions=self._mentions(doc, gazetteer),
        )
        for index, start, end in attributor.parse_spans():
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                attributor.add_paragraph(index, span, 0)
        doc._.statements = attributor.statements()
        return doc


@Language.factory(
    "debate_attribution",
    default_config={
        "speakers": [],
        "topics": [],
        "language": "en",
        "speakers_key": SPEAKERS_KEY,
        "source": "doc",
    },
)
def make_attribution(
    nlp: Language,
    name: str,
    speakers: list[dict[str, Any]],
    topics: list[dict[str, Any]],
    language: str,
    speakers_key: str,
    source: str,
) -> Attribution:
    return Attribution(speakers, topics, language, speakers_key, source)
