"""Attribution: deciding, sentence by sentence, who speaks, and building statements.

The rules, in the order they apply:
1. A cue is a speech verb (or "according to") outside any quotation, not negated.
   Cues nested under another cue belong to the outer one ("Zakharova said Blinken had
   asked ..." is Zakharova's).
2. The speaker is the cue's subject; without one, the subject of the verb it hangs from
   ("..., arguing that"; "took the opportunity to urge"), or the noun after the cue in an
   inverted attribution ('"...," added the Secretary of State').
3. A subject is a configured speaker only when a name or an unambiguous title of theirs
   covers the subject's head (or its apposition): "Lavrov's spokeswoman" is someone else.
   "He"/"she" resolve to the last person who was a subject in this or the previous
   paragraph; another person in between wins.
4. Sentences inside a quotation take the speaker of the sentence that frames it, even
   across paragraphs; a lead-in ending in ":" frames the next sentence.
5. Consecutive sentences of one statement merge; a statement without topic terms carries
   the topics of the same speaker's statement right before it.
Everyone else (spokespeople, ministries, officials, narration) is OTHER and never shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from debate_tui.extract.cues import (
    CUE_LEMMAS,
    NEEDS_COMPLEMENT,
    PARTICLE_CUES,
    PERSON_ROLE_NOUNS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
)
from debate_tui.extract.quotes import QuoteSpan, find_quotes, top_level
from debate_tui.extract.speakers import Gazetteer, Mention
from debate_tui.extract.topics import TopicMatcher
from debate_tui.model import OTHER_TOPIC, Article, Kind, Statement, Via

OTHER = "\x00other"  # a person or body that is not a configured speaker

_CLIMB_DEPS = frozenset({"xcomp", "advcl", "conj", "acl", "pcomp", "prep", "pobj", "dobj"})
_CORE_CUT_DEPS = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "parataxis", "prep", "punct", "cc", "conj"}
)
_INVERTED_DEPS = frozenset({"dobj", "attr", "dep", "npadvmod", "nsubj", "oprd", "appos"})
_TURN_LABEL = re.compile(
    r"((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w.'’-]*)\s*(?:\([^)]{0,40}\))?\s*:\s+\S"
)
_CHANNEL_CUES = frozenset({"report"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_NON_PERSON_PRONOUNS = frozenset(
    {"it", "they", "we", "i", "you", "this", "these", "those", "there"}
)

Token = Any  # a spaCy Token; typed loosely so this module never imports spaCy


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    words: list[tuple[str, str]]
    speaker: str | None = None
    via: Via = "name"
    cue: str = ""
    confidence: float = 0.0
    reason: str = ""
    own_cue: bool = False
    person: str | None = None  # who was the subject here, for pronoun resolution
    excluded_quotes: list[tuple[int, int]] = field(default_factory=list)
    lead_in: bool = False
    framed_by: Sentence | None = None  # the sentence whose cue this one inherited
    anaphoric: bool = False  # "such an agreement", "this decision": refers back


def _abs(token: Token, base: int) -> int:
    return base + int(token.idx)


def _inside(quotes: Sequence[QuoteSpan], offset: int) -> bool:
    return any(q.start < offset < q.end for q in quotes)


def _is_cue(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if (
        token.lower_ == "according"
        and token.i + 1 < len(token.doc)
        and token.nbor(1).lower_ == "to"
    ):
        return True
    if not (
        token.pos_ == "VERB"
        or (token.tag_.startswith("VB") and token.pos_ == "AUX" and lemma == "say")
    ):
        return False
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children):
        return False
    if lemma in PARTICLE_CUES:
        wanted = PARTICLE_CUES[lemma]
        return any(
            c.dep_ in ("prt", "prep", "dobj") and c.lower_ in wanted | {"finger", "fingers"}
            for c in children
        )
    if lemma not in CUE_LEMMAS:
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
        return False  # "was asked", "was urged": the subject is the addressee, not the speaker
    if lemma in NEEDS_COMPLEMENT:
        deps = {c.dep_ for c in children}
        preps = {c.lower_ for c in children if c.dep_ == "prep"}
        if lemma == "call":
            # "called on/for", "called the talks constructive", "called it a 'candid
            # exchange'"; a bare "called Lavrov" is a phone call.
            return (
                bool(preps & {"on", "for"})
                or bool(deps & {"oprd", "xcomp", "ccomp", "attr", "acomp"})
                or ("dobj" in deps and _has_predicate_after_object(token))
            )
        if lemma == "describe":
            return "dobj" in deps or any(t.lower_ == "as" for t in token.subtree)
        if lemma == "charge":
            return "ccomp" in deps or bool(preps & {"that", "with", "as"})
        if lemma == "write":
            return bool(deps & {"ccomp", "dobj"} or preps & {"to", "in", "on"}) and not (
                token.dep_ in ("pobj", "pcomp") and not deps & {"ccomp", "dobj"}
            )
        return bool(deps & {"ccomp", "xcomp", "dobj", "oprd"} or preps & {"for", "about", "on"})
    return True


def _has_predicate_after_object(verb: Token) -> bool:
    """'called the talks (with Blinken) constructive': an adjective or quotation follows
    the object inside the verb's phrase, which a phone call never has."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    after = [t for t in verb.subtree if t.i > objects[0].i]
    return any(
        (t.pos_ == "ADJ" and t.head.i < t.i) or t.tag_ == "``" or t.text in '“"«' for t in after
    )


def _subject_of(cue: Token, quotes: Sequence[QuoteSpan], base: int) -> Token | None:
    if cue.lower_ == "according":
        for child in cue.children:
            if child.lower_ == "to":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                return objects[0] if objects else None
        nxt = cue.nbor(1)
        objects = [c for c in nxt.children if c.dep_ == "pobj"]
        return objects[0] if objects else None
    for child in cue.children:
        if child.dep_ == "agent":
            # "his departure noted by James Cleverly": the by-phrase names the speaker
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    for child in cue.children:
        if child.dep_ == "nsubj":
            if child.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
                return cue.head
            return child
    # Inverted attribution after a quote: '"...," added the Secretary of State'.
    sentence_start = base + cue.sent.start_char
    if any(sentence_start < q.end <= _abs(cue, base) for q in quotes):
        for child in cue.rights:
            if child.dep_ in _INVERTED_DEPS and child.pos_ in ("PROPN", "NOUN", "PRON"):
                return child
    current = cue
    for _ in range(6):
        if current.dep_ not in _CLIMB_DEPS or current.head is current:
            return None
        via_conj = current.dep_ == "conj"
        current = current.head
        for child in current.children:
            # "was asked ... and replied", "was quoted as saying": the passive subject of
            # the governing verb is the one who speaks.
            passive_ok = via_conj or current.lemma_ in ("quote", "cite")
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and passive_ok):
                if child.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                    return current.head
                return child
    return None


def _core_range(head: Token, base: int) -> tuple[int, int]:
    """Characters of the subject's own words: the head with its compounds, modifiers,
    possessives and appositions, without clauses or prepositional tails (bar "of")."""
    tokens = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in _CORE_CUT_DEPS and not (child.dep_ == "prep" and child.lower_ == "of"):
                continue
            tokens.append(child)
            stack.append(child)
    start = min(_abs(t, base) for t in tokens)
    end = max(_abs(t, base) + len(t.text) for t in tokens)
    return start, end


def _heads(subject: Token) -> list[Token]:
    """The subject head and its appositions (which name the same person)."""
    heads = [subject]
    for child in subject.children:
        if child.dep_ == "appos":
            heads.append(child)
            heads.extend(c for c in child.children if c.dep_ == "appos")
    return heads


def _speaker_of(subject: Token, mentions: Sequence[Mention], base: int) -> tuple[str, Via] | None:
    """A configured speaker when their mention covers the subject's head; OTHER otherwise.

    None means the subject is a pronoun to resolve from context.
    """
    if subject.lower_ in PRONOUNS:
        return None
    if any(c.dep_ == "conj" for c in subject.children):
        return OTHER, "name"  # "Blinken and Lavrov said": nobody alone
    core_start, core_end = _core_range(subject, base)
    for head in _heads(subject):
        h_start, h_end = _abs(head, base), _abs(head, base) + len(head.text)
        for mention in mentions:
            if mention.end <= core_start or mention.start >= core_end:
                continue
            if mention.start <= h_start and h_end <= mention.end + 1:
                if head.lower_ in PERSON_ROLE_NOUNS and mention.via == "name":
                    continue
                return mention.speaker, mention.via
            # glued names: "Lavrovand" is one token longer than the mention
            if mention.start == h_start and mention.via == "name":
                return mention.speaker, mention.via
    return OTHER, "name"


def _person_like(subject: Token) -> bool:
    if subject.lower_ in _NON_PERSON_PRONOUNS:
        return False
    if subject.lower_ in PRONOUNS or subject.lemma_.lower() in PERSON_ROLE_NOUNS:
        return True
    if subject.pos_ == "PROPN":
        if any(c.dep_ == "det" for c in subject.children):
            return False  # "the United States", "the Kremlin": places and bodies
        if subject.ent_type_ == "PERSON":
            return True  # a hint only: speakers themselves are never found by NER
        return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subject.children) or any(
            c.dep_ in ("compound", "appos") and c.lemma_.lower() in PERSON_ROLE_NOUNS
            for c in subject.children
        )
    return False


class ArticleAttributor:
    """Runs the rules over one article's parsed paragraphs."""

    def __init__(
        self, article: Article, gazetteer: Gazetteer, topics: TopicMatcher, speaker_ids: set[str]
    ):
        self.article = article
        self.gazetteer = gazetteer
        self.topics = topics
        self.speaker_ids = speaker_ids
        self.quotes = top_level(find_quotes(article.text, article.paragraphs))
        self.mentions = gazetteer.mentions(article.text)
        self.sentences: list[Sentence] = []
        self._names = {speaker.id: speaker.name for speaker in gazetteer.speakers}
        self._labels = {
            index: found
            for index, (start, end) in enumerate(article.paragraphs)
            if (found := self._turn_label(article.text[start:end])) is not None
        }
        self._turn: tuple[str, str] | None = None  # (speaker or OTHER, label) of a transcript
        self._turn_opening: Sentence | None = None  # first sentence of the current turn paragraph
        self._persons: list[tuple[int, str]] = []  # (paragraph, speaker or OTHER)

    # -- per sentence -------------------------------------------------------------------
    def add_paragraph(self, index: int, doc: Any) -> None:
        base = self.article.paragraphs[index][0]
        if index in self._labels:
            self._turn = self._labels[index]
        elif len(self._labels) < 2:
            self._turn = None  # one "Name:" line is not a transcript: no carrying on
        turn = self._turn
        for sent in doc.sents:
            start = base + sent.start_char
            end = base + sent.end_char
            while end > start and self.article.text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            words = [(t.text, t.lemma_) for t in sent if not t.is_space]
            sentence = Sentence(start, end, index, words)
            sentence.anaphoric = any(
                t.lower_ == "such" or (t.lower_ in _DEMONSTRATIVES and t.dep_ == "det")
                for t in sent
            )
            if turn is None:
                self._attribute(sentence, sent, base)
            else:
                self._in_turn(sentence, turn, first=sent.start == 0)
            self.sentences.append(sentence)

    def _turn_label(self, paragraph: str) -> tuple[str, str] | None:
        """'FOREIGN MINISTER LAVROV:' or 'Blinken (via interpreter):' opening a transcript
        paragraph: whose turn it is (OTHER for 'QUESTION:', 'MODERATOR:', anyone else)."""
        match = _TURN_LABEL.match(paragraph)
        if not match:
            return None
        label = match.group(1)
        lowered = label.lower()
        for speaker in self.gazetteer.speakers:
            for alias in speaker.aliases:
                if re.search(rf"(?<!\w){re.escape(alias.lower())}(?!\w)", lowered):
                    return speaker.id, label
        return OTHER, label

    def _in_turn(self, sentence: Sentence, turn: tuple[str, str], *, first: bool) -> None:
        """Everything said in a transcript turn is the labelled speaker's."""
        who, label = turn
        sentence.speaker = who
        sentence.via = "name"
        sentence.cue = label
        sentence.own_cue = first
        sentence.confidence = 0.9
        sentence.reason = f"transcript turn labelled '{label}'"
        if first:
            self._turn_opening = sentence
            self._note_person(sentence.paragraph, who)
        else:
            sentence.framed_by = self._turn_opening

    def _resolve_pronoun(self, paragraph: int) -> tuple[str | None, bool]:
        for para, who in reversed(self._persons):
            if para < paragraph - 1:
                break
            return who, para < paragraph
        return None, False

    def _attribute(self, sentence: Sentence, sent: Any, base: int) -> None:
        quotes = [q for q in self.quotes if q.start < sentence.end and q.end > sentence.start]
        mentions = [m for m in self.mentions if sentence.start <= m.start < sentence.end]
        cues = [t for t in sent if _is_cue(t) and not _inside(quotes, _abs(t, base))]
        # "Lavrov said ..., TASS reported": the outlet is the channel, not the speaker, when
        # the report carries someone's own speech cue.
        channels = [t for t in cues if t.lemma_ in _CHANNEL_CUES]
        if any(any(a.i == c.i for a in t.ancestors) for c in channels for t in cues):
            cues = [t for t in cues if t.lemma_ not in _CHANNEL_CUES]
        cue_set = {t.i for t in cues}
        outer = [t for t in cues if not any(a.i in cue_set for a in t.ancestors)]
        outer.sort(key=lambda t: (sum(1 for _ in t.ancestors), t.i))
        according = [t for t in outer if t.lower_ == "according"]
        if len(according) < len(outer):
            outer = [t for t in outer if t.lower_ != "according"]  # a source, not the speaker
        sentence.lead_in = self.article.text[sentence.end - 1] == ":"
        decisions: list[tuple[Token, str, Via, str]] = []
        for cue in outer:
            subject = _subject_of(cue, quotes, base)
            if subject is None:
                continue
            found = _speaker_of(subject, mentions, base)
            if found is None:
                who, earlier = self._resolve_pronoun(sentence.paragraph)
                if who is None:
                    continue
                name = self._names.get(who, "someone else")
                where = "the previous paragraph" if earlier else "this paragraph"
                how = f"pronoun '{subject.text}' refers to {name}, the last person in {where}"
                decisions.append((cue, who, "pronoun", how))
                self._note_person(sentence.paragraph, who)
                continue
            who, via = found
            if who == OTHER and not (_person_like(subject) or cue is outer[0]):
                continue
            if subject.head is cue and subject.i > cue.i:
                detail = "speaker named after the cue"
            elif subject.head is cue:
                detail = "subject"
            else:
                detail = "subject of the governing verb"
            decisions.append((cue, who, via, f"{via} '{subject.text}' is the {detail}"))
            if who != OTHER or _person_like(subject):
                self._note_person(sentence.paragraph, who)
        if not decisions:
            self._note_subject_person(sent, mentions, base, sentence.paragraph)
            return
        cue, who, via, how = decisions[0]
        self._drop_lead_in(sentence, cue, cues, who, quotes, mentions, base)
        sentence.speaker = who
        sentence.via = via
        sentence.cue = "according to" if cue.lower_ == "according" else cue.text
        sentence.own_cue = True
        confidence = {"name": 0.95, "title": 0.85, "pronoun": 0.8}[via]
        if "previous paragraph" in how:
            confidence -= 0.1
        if sentence.cue == "according to":
            confidence -= 0.15
        rivals = [d for d in decisions[1:] if d[1] != who]
        if rivals:
            confidence -= 0.25
            for rival_cue, *_ in rivals:
                lo = base + min(t.idx for t in rival_cue.subtree)
                hi = base + max(t.idx + len(t.text) for t in rival_cue.subtree)
                sentence.excluded_quotes.append((lo, hi))
        if any(not q.balanced for q in quotes):
            confidence -= 0.2
        sentence.confidence = round(max(confidence, 0.05), 2)
        sentence.reason = f"cue '{sentence.cue}'; {how}" + (
            "; another speaker's cue in the sentence" if rivals else ""
        )

    def _drop_lead_in(
        self,
        sentence: Sentence,
        cue: Token,
        cues: list[Token],
        who: str,
        quotes: Sequence[QuoteSpan],
        mentions: Sequence[Mention],
        base: int,
    ) -> None:
        """'Here's what Lavrov said: Lavrov accused ...' starts at the second clause.

        Only when the words after the colon carry their own cue with the same speaker, so
        'Lavrov said: "..."' keeps its attribution.
        """
        text = self.article.text
        colon = text.find(": ", sentence.start, _abs(cue, base) + 200)
        if colon < 0 or _abs(cue, base) > colon or _inside(quotes, colon):
            return
        for inner in cues:
            if _abs(inner, base) <= colon:
                continue
            subject = _subject_of(inner, quotes, base)
            if subject is None or _abs(subject, base) <= colon:
                continue
            found = _speaker_of(subject, mentions, base)
            if found is not None and found[0] == who:
                start = colon + 1
                while start < sentence.end and text[start].isspace():
                    start += 1
                sentence.start = start
                return

    def _note_person(self, paragraph: int, who: str) -> None:
        self._persons.append((paragraph, who))

    def _note_subject_person(
        self, sent: Any, mentions: Sequence[Mention], base: int, paragraph: int
    ) -> None:
        """Narration sentences still change who "he" refers to next."""
        root = sent.root
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return
        subject = subjects[0]
        found = _speaker_of(subject, mentions, base)
        if found is None:
            return
        who, _via = found
        if who != OTHER or _person_like(subject):
            self._note_person(paragraph, who)

    # -- across sentences ---------------------------------------------------------------
    def _propagate_quotes(self) -> None:
        owner_of_open: Sentence | None = None
        last_paragraph = -1
        for quote in self.quotes:
            inside = [s for s in self.sentences if s.start < quote.end and s.end > quote.start]
            if not inside:
                continue
            framing = [s for s in inside if s.own_cue and s.speaker is not None]
            owner: Sentence | None = framing[0] if framing else None
            if owner is None:
                first = inside[0]
                index = self.sentences.index(first)
                previous = self.sentences[index - 1] if index else None
                at_para_start = quote.start == self.article.paragraphs[first.paragraph][0]
                same_paragraph = previous is not None and previous.paragraph == first.paragraph
                if (
                    same_paragraph
                    and previous is not None
                    and previous.speaker
                    and (previous.lead_in or quote.start == first.start)
                ):
                    # '"...," he said. "..."': an unattributed quotation opening the next
                    # sentence continues the same speaker.
                    owner = previous
                elif (
                    at_para_start
                    and owner_of_open is not None
                    and last_paragraph == first.paragraph - 1
                ):
                    owner = owner_of_open
            if owner is not None:
                for s in inside:
                    if s.speaker is None:
                        self._inherit(s, owner, "inside a quotation attributed by")
            owner_of_open = owner if not quote.balanced else None
            last_paragraph = inside[-1].paragraph
        # Lead-ins ("Here's what he said:") frame the next sentence of the paragraph.
        for previous, current in zip(self.sentences, self.sentences[1:], strict=False):
            if (
                previous.lead_in
                and previous.speaker
                and current.speaker is None
                and current.paragraph == previous.paragraph
            ):
                self._inherit(current, previous, "introduced by")

    @staticmethod
    def _inherit(sentence: Sentence, owner: Sentence, how: str) -> None:
        sentence.framed_by = owner
        sentence.speaker = owner.speaker
        sentence.via = owner.via
        sentence.cue = owner.cue
        sentence.confidence = round(max(owner.confidence - 0.05, 0.05), 2)
        sentence.reason = f"{how} '{owner.cue}' ({owner.reason})"

    def statements(self) -> list[Statement]:
        self._propagate_quotes()
        groups: list[list[Sentence]] = []
        for index, sentence in enumerate(self.sentences):
            if (
                sentence.speaker is None
                or sentence.speaker == OTHER
                or sentence.speaker not in self.speaker_ids
            ):
                continue
            previous = self.sentences[index - 1] if index else None
            joins = (
                groups
                and previous is groups[-1][-1]
                and previous.speaker == sentence.speaker
                and sentence.paragraph - previous.paragraph <= 1  # never across skipped lines
                and (
                    (not sentence.own_cue and any(s is sentence.framed_by for s in groups[-1]))
                    or previous.lead_in
                    or previous.framed_by is sentence
                )
            )
            if joins:
                groups[-1].append(sentence)
            else:
                groups.append([sentence])
        out: list[Statement] = []
        previous_group: list[Sentence] | None = None
        previous_topics: tuple[str, ...] = ()
        for group in groups:
            topics = self._topics(group)
            adjacent = (
                previous_group is not None
                and previous_group[0].speaker == group[0].speaker
                and self.sentences.index(group[0]) == self.sentences.index(previous_group[-1]) + 1
            )
            first = group[0]
            if adjacent and previous_topics != (OTHER_TOPIC,):
                if not topics and (
                    first.via == "pronoun" or first.anaphoric or self._opens_with_quote(first)
                ):
                    # "Mutual compliance ...", "such an agreement ...": the remark goes on
                    topics = previous_topics
                elif first.via == "pronoun" and set(topics) & set(previous_topics):
                    # "He called for ..." on the theme of the sentence before keeps its topics
                    topics = self.topics.ordered(set(topics) | set(previous_topics))
            statement = self._statement(group, topics or (OTHER_TOPIC,))
            out.append(statement)
            previous_group, previous_topics = group, statement.topics
        return out

    def _opens_with_quote(self, sentence: Sentence) -> bool:
        return any(q.start == sentence.start for q in self.quotes)

    def _topics(self, group: Iterable[Sentence]) -> tuple[str, ...]:
        words = [w for s in group for w in s.words]
        return tuple(self.topics.match(words))

    def _statement(self, group: list[Sentence], topics: tuple[str, ...]) -> Statement:
        head = next((s for s in group if s.own_cue), group[0])
        start, end = group[0].start, group[-1].end
        text = self.article.text[start:end]
        excluded = [span for s in group for span in s.excluded_quotes]
        quotes = tuple(
            (max(q.start, start), min(q.end, end))
            for q in self.quotes
            if q.start < end
            and q.end > start
            and not any(lo <= q.start and q.end <= hi for lo, hi in excluded)
        )
        kind = _kind(text, start, quotes)
        confidence = min(s.confidence for s in group)
        return Statement(
            speaker=str(head.speaker),
            text=text,
            kind=kind,
            topics=topics,
            source=self.article.source,
            start=start,
            end=end,
            paragraph=group[0].paragraph,
            cue=head.cue,
            via=head.via,
            confidence=confidence,
            reason=head.reason,
            quotes=quotes,
        )


def _kind(text: str, start: int, quotes: tuple[tuple[int, int], ...]) -> Kind:
    if not quotes:
        return "reported"
    inside = [False] * len(text)
    for lo, hi in quotes:
        for i in range(lo - start, hi - start):
            if 0 <= i < len(inside):
                inside[i] = True
    outside_words = "".join(
        ch if not flag else " " for ch, flag in zip(text, inside, strict=True)
    ).split()
    outside = sum(1 for w in outside_words if any(c.isalnum() for c in w))
    quoted_words = "".join(
        ch if flag else " " for ch, flag in zip(text, inside, strict=True)
    ).split()
    quoted = sum(1 for w in quoted_words if any(c.isalnum() for c in w))
    return "quote" if outside <= 8 and quoted >= outside else "mixed"
