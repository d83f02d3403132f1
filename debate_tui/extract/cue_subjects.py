"""Which token speaks for a cue: the subject of a speech verb, found by the shape it takes.

The finders run in order and the first that applies decides (attribution.py, rule 2):
a stance or a remark's owner ("in his view", "his remarks"), the object of "according
to", the agent of a passive ("noted by X"), the cue's own subject, the noun after an
inverted cue ('"...," added the Secretary'), a speaker's name right before a cue the
parser left without a subject, a noun phrase set off right before a trailing cue ('...,
the ministry announced'), else the subject of the verb the cue hangs from. Who that
token stands for is `referents.py`'s question.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from debate_tui.extract.cues import is_according, remark_owner, stance_source
from debate_tui.extract.quotes import OPENING_MARKS, QuoteSpan
from debate_tui.extract.rules import Rules
from debate_tui.extract.speakers import Mention
from debate_tui.extract.tokens import (
    SUBJECT_DEPS,
    Token,
    offset_of,
    perfect_read_as_passive,
    subjects_of,
)

__all__ = ["CueSubjects"]

_CLIMB_DEPS = frozenset({"xcomp", "advcl", "conj", "acl", "relcl", "pcomp", "prep", "pobj", "dobj"})
_INVERTED_DEPS = frozenset({"dobj", "attr", "dep", "npadvmod", "nsubj", "oprd", "appos"})

_NSUBJ = frozenset({"nsubj"})


class _NoAnswer:
    """A finder's shape is not there: the next finder is asked."""


NO_ANSWER = _NoAnswer()
Found = Token | None | _NoAnswer  # a token, None (the shape is there: nobody), or ask on
Finder = Callable[[Token, Sequence[QuoteSpan], int], Found]


class CueSubjects:
    """The subject token of a cue in one article (its mentions mark names before cues)."""

    def __init__(self, rules: Rules, mentions: Sequence[Mention], speaker_ids: set[str]):
        self.rules = rules
        self.mentions = mentions
        self.speaker_ids = speaker_ids
        self._finders: tuple[Finder, ...] = (
            self._stance,
            self._according,
            self._agent,
            self._own_subject,
            self._asked_aside,
            self._inverted,
            self._adjacent_name,
            self._set_off_subject,
            self._governing,
        )

    def of(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> Token | None:
        """The token that speaks for the cue, or None."""
        for find in self._finders:
            found = find(cue, quotes, base)
            if not isinstance(found, _NoAnswer):
                return found
        return None

    def _stance(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> Found:
        stance = stance_source(cue, self.rules)
        if stance is None:
            stance = remark_owner(cue, self.rules)
        return NO_ANSWER if stance is None else stance

    def _according(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> Found:
        if not is_according(cue, self.rules):
            return NO_ANSWER
        if cue.lower_ in self.rules.according_preps:
            to = cue  # "per Musk": the name hangs on the preposition itself
        else:
            to = next((c for c in cue.children if c.lower_ == "to"), cue.nbor(1))
        objects = [c for c in to.children if c.dep_ == "pobj"]
        return self._words_owner(objects[0]) if objects else None

    def _agent(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> Found:
        for child in cue.children:
            if child.dep_ == "agent":
                # "his departure noted by James Cleverly": the by-phrase names the speaker
                objects = [c for c in child.children if c.dep_ == "pobj"]
                return objects[0] if objects else None
        return NO_ANSWER

    def _own_subject(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> Found:
        rules = self.rules
        # "The president and his general, he pointed out, have remarked ...": the parser
        # may give the cue two subjects; the one nearest before it is the aside's own.
        subjects = subjects_of(cue, SUBJECT_DEPS if perfect_read_as_passive(cue) else _NSUBJ)
        if len(subjects) > 1:
            # "Lavrov during a call with Secretary of State Antony Blinken accused ...": a
            # name right after a preposition is its object, whatever the parser made of it
            subjects = [c for c in subjects if not _after_preposition(c)] or subjects
        before = [c for c in subjects if c.i < cue.i]
        if len(subjects) > 1 and before:
            subjects = [before[-1]]
        if not subjects:
            return NO_ANSWER
        child = subjects[0]
        trailing = _set_off_phrase(cue)
        if trailing is not None and child.i < trailing.left_edge.i and not _reports_after(cue):
            # '..., Moscow's Foreign Ministry reported Monday.': the parser took a subject
            # from before the comma and hung the phrase right before the cue elsewhere
            return trailing
        if child.lower_ in rules.relative_pronouns and cue.dep_ == "relcl":
            return cue.head
        if child.lemma_.lower() in rules.document_nouns:
            return self._words_owner(child)  # "his lawsuit accused ...": his
        # "He straightaway demanded", parsed with "straightaway" as the subject and
        # "He" as its subject: a subject with a subject of its own yields to it.
        inner = [g for g in child.children if g.dep_ == "nsubj" and g.pos_ in ("PRON", "PROPN")]
        return inner[0] if child.pos_ == "NOUN" and inner else child

    def _inverted(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> Found:
        """Inverted attribution after a quote: '"...," added the Secretary of State'."""
        if self._quote_just_before(cue, quotes, base):
            for child in cue.rights:
                if child.dep_ in _INVERTED_DEPS and child.pos_ in ("PROPN", "NOUN", "PRON"):
                    return child
        return NO_ANSWER

    def _adjacent_name(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> Found:
        adjacent = self.name_before(cue, base)
        return NO_ANSWER if adjacent is None else adjacent

    def _asked_aside(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> Found:
        """'Mr Blinken, asked about the remarks, said: ...': the parser may read "Mr Blinken
        asked about the remarks" as a clause of its own before the cue, which is then left
        without a subject; the subject of that asking (data `asked_asides`), set off by
        commas right before the cue, is the cue's."""
        if any(c.dep_ in SUBJECT_DEPS for c in cue.children):
            return NO_ANSWER
        for child in cue.children:
            if (
                child.i < cue.i
                and child.dep_ in ("ccomp", "advcl")
                and child.lemma_.lower() in self.rules.asked_asides
                and cue.nbor(-1).text == ","
                and child.right_edge.i in (cue.i - 1, cue.i - 2)  # the comma its own or not
            ):
                subjects = [c for c in child.children if c.dep_ == "nsubj"]
                if subjects and subjects[0].i < child.i and child.nbor(-1).text == ",":
                    return subjects[0]
        return NO_ANSWER

    def _set_off_subject(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> Found:
        """'X held talks with Y, the Russian Ministry of Foreign Affairs announced.': a
        trailing cue the parser left without a subject speaks for the phrase set off right
        before it (`_set_off_phrase`), not for the subject of the verb it hangs from."""
        if any(c.dep_ in SUBJECT_DEPS for c in cue.children):
            return NO_ANSWER
        phrase = _set_off_phrase(cue)
        return NO_ANSWER if phrase is None else phrase

    def _governing(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> Found:
        """The subject of the verb the cue hangs from ("..., arguing that"), a few
        clauses up at most."""
        rules = self.rules
        current = cue
        clauses = 0
        for _ in range(6):
            if current.dep_ not in _CLIMB_DEPS or current.head is current:
                return None
            clauses += current.dep_ == "advcl"
            if clauses > 1:
                return None  # "..., only issuing a statement urging ...": too far to tell
            via_conj = current.dep_ == "conj"
            via_as = current.dep_ == "prep" and current.lower_ == "as"
            current = current.head
            if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in current.children):
                return None  # "whether X had made headway": a question, not X's act
            if via_as and self.quoted_by_outlet(current, base):
                quoted = [c for c in current.children if c.dep_ == "dobj"]
                if quoted:
                    return quoted[0]  # "TASS quoted Lavrov as saying ...": he speaks
            for child in current.children:
                # "was asked ... and replied", "was quoted as saying": the passive subject of
                # the governing verb is the one who speaks.
                passive_ok = via_conj or current.lemma_ in rules.quoting_verbs
                if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and passive_ok):
                    if child.lower_ in rules.relative_pronouns and current.dep_ == "relcl":
                        return current.head
                    if child.lemma_.lower() in rules.document_nouns:
                        return self._words_owner(child)  # "his lawsuit, filed ..., accused"
                    return child
        return None

    def quoted_by_outlet(self, verb: Token, base: int) -> bool:
        """'Lavrov was cited by RIA Novosti as saying ...', 'TASS quoted Lavrov as saying
        ...': a verb of quoting (rules data `quoting_verbs`) with the one quoted as its
        passive subject, or as its object with an outlet as subject: the outlet only
        carries what he said. A person who quotes him ('Lavrov quoted Blinken as saying',
        'his aide quoted ...') gives an account of his own."""
        if verb.lemma_.lower() not in self.rules.quoting_verbs:
            return False
        children = list(verb.children)
        if any(c.dep_ == "nsubjpass" for c in children):
            return True
        for subject in (c for c in children if c.dep_ == "nsubj"):
            start = offset_of(subject, base)
            if (
                any(m.start <= start < m.end for m in self.mentions)
                or subject.ent_type_ == "PERSON"
                or subject.lower_ in self.rules.pronouns
                or subject.lemma_.lower() in self.rules.person_roles
            ):
                return False
        return any(c.dep_ == "dobj" for c in children)

    def _quote_just_before(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> bool:
        """A quotation of the sentence closes right before the cue, with only punctuation
        or an adverb between ('"...," said Y', '"...", added later the minister'): the cue
        may be inverted. A quotation earlier in the sentence ('wanted to "send a message"
        and urged Russia to ...') leaves the cue's object its object."""
        sentence_start = base + cue.sent.start_char
        ends = [q.end for q in quotes if sentence_start < q.end <= offset_of(cue, base)]
        if not ends:
            return False
        between = [t for t in cue.sent if max(ends) <= offset_of(t, base) < offset_of(cue, base)]
        return all(t.is_punct or t.is_space or t.dep_ == "advmod" for t in between)

    def _words_owner(self, noun: Token) -> Token:
        """Whose words or papers a noun names ("his version", "Musk's lawsuit"): the
        possessive of a speech or document noun of the rules data; else the noun itself."""
        if noun.lemma_.lower() in self.rules.speech_nouns | self.rules.document_nouns:
            owners = [c for c in noun.children if c.dep_ == "poss"]
            if owners:
                return owners[0]
        return noun

    def name_before(self, cue: Token, base: int) -> Token | None:
        """A speaker's name or title right before a cue the parser left without a subject
        ("... and Russian Foreign Minister Sergei Lavrov said Moscow ..." in a long
        sentence), past the cue's auxiliaries ("Musk and some critics have argued", with
        the names parsed into the clause before): that mention is the subject."""
        if cue.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in cue.children):
            return None
        before = _word_before(cue)
        end = offset_of(before, base) + len(before.text)
        if any(m.end == end for m in self.mentions) and before.pos_ == "PROPN":
            return before
        first = before
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head  # "Musk and some critics": the first of the coordination
        first_end = offset_of(first, base) + len(first.text)
        if (
            first is not before
            and first.pos_ == "PROPN"
            and any(m.end == first_end and m.speaker in self.speaker_ids for m in self.mentions)
        ):
            return first
        if cue.dep_ == "conj" and before.dep_ == "conj" and before.pos_ in ("PROPN", "NOUN"):
            # "... dismissed it as a chat and the Foreign Ministry said ...": the parser
            # joined the ministry to the object before it; it is the second cue's subject.
            return before
        return None


def _set_off_phrase(cue: Token) -> Token | None:
    """The head of a noun phrase set off by a comma that ends right before a trailing cue,
    with nothing but the cue's own words after it ('..., the Russian Ministry of Foreign
    Affairs announced.'): the parser hangs such a phrase on the words before, as an
    apposition, but it is the cue's subject."""
    if cue.i == 0:
        return None
    before = _word_before(cue)
    if before.pos_ not in ("NOUN", "PROPN"):
        return None
    head = before
    while head.dep_ in ("pobj", "prep", "compound") and head.head.i < head.i:
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN") or head.right_edge.i != before.i:
        return None
    opening = head.left_edge.i
    if opening <= cue.sent.start or cue.doc[opening - 1].text != ",":
        return None
    if any(head.i == a.i for a in cue.ancestors):
        return None
    after = cue.doc[cue.i + 1 : cue.sent.end]
    if not all(t.is_punct or any(a.i == cue.i for a in t.ancestors) for t in after):
        return None
    return head


def _reports_after(cue: Token) -> bool:
    """The cue has what it reports after it (a clause, an object): no trailing cue."""
    return any(c.i > cue.i and c.dep_ in ("ccomp", "dobj", "xcomp", "oprd") for c in cue.children)


def _word_before(cue: Token) -> Token:
    """The word right before a cue, past its own auxiliaries and adverbs ("have argued",
    "also said"), a day ("Putin Thursday announced") and a quotation opening on it ('Rubio
    "reiterated ...')."""
    at = cue.i - 1
    while (
        at > cue.sent.start
        and cue.doc[at].head.i == cue.i
        and (
            cue.doc[at].dep_ in ("aux", "advmod")
            or (cue.doc[at].dep_ == "punct" and cue.doc[at].text in OPENING_MARKS)
            # "Putin Thursday announced ...": a day set between the name and its verb
            or (cue.doc[at].dep_ == "npadvmod" and cue.doc[at].ent_type_ == "DATE")
        )
    ):
        at -= 1
    return cue.doc[at]


def _after_preposition(subject: Token) -> bool:
    """The subject's phrase opens right after a preposition ("with ... Blinken")."""
    first = subject.left_edge
    return first.i > 0 and subject.doc[first.i - 1].pos_ == "ADP"
