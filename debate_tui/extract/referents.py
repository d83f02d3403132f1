"""Who a name, title, epithet or pronoun stands for.

`Referents` reads one subject on its own: a configured speaker whose name or title covers
its head, the one holder of the firms a description names, OTHER for anyone else, or None
for a pronoun or epithet that only the context resolves. `Antecedents` is that context:
the people an article's sentences have named so far, in reading order, and the pronouns
the article uses for each speaker; it says whom "he", "she" or "the top diplomat" stands
for, and who else was named since (the rivals that lower the confidence).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from debate_tui.extract.cues import stance_source
from debate_tui.extract.evidence import Evidence
from debate_tui.extract.quotes import QuoteSpan
from debate_tui.extract.rules import Rules
from debate_tui.extract.speakers import Gazetteer, Mention
from debate_tui.extract.tokens import SUBJECT_DEPS, Token, in_quotes, offset_of, subjects_of
from debate_tui.extract.turns import OTHER
from debate_tui.model import Speaker, Via

__all__ = ["Antecedents", "Person", "Referents"]

_CORE_CUT_DEPS = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "parataxis", "prep", "punct", "cc", "conj"}
)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone named in a paragraph: a subject (an antecedent) or only mentioned."""

    paragraph: int
    who: str
    words: str
    subject: bool
    spoke: bool = False  # the subject of a speech cue, not only of narration
    sentence: int = -1  # the index of the clause being read when noted
    at: int = -1  # where in the text the words stand


class Referents:
    """Who one subject names, by the configured speakers' names and titles."""

    def __init__(self, gazetteer: Gazetteer, rules: Rules):
        self.gazetteer = gazetteer
        self.rules = rules

    def speaker_of(
        self, subject: Token, mentions: Sequence[Mention], base: int
    ) -> tuple[str, Via] | None:
        """A configured speaker when their mention covers the subject's head; OTHER
        otherwise. None means the subject is a pronoun (or an epithet) to resolve from
        context."""
        holder = self._holder_of_firms(subject)
        if holder is not None:
            return holder, "title"
        if subject.lower_ in self.rules.pronouns or self.epithet_holders(subject):
            return None
        if (
            _after_according(subject)
            or self._owner_of_words(subject)
            or _stance_of(subject, self.rules)
        ) and subject.lower_ in self.rules.pronoun_forms:
            return None  # "According to him, ...", "In his view, ...": a pronoun like "he"
        conjuncts = _conjuncts(subject)
        if len(conjuncts) > 1:
            # "Musk and some critics have argued": the one speaker among them speaks;
            # "Blinken and Lavrov said" reports the two jointly, which is nobody's alone.
            # One speaker named and titled among them ("Musk, the owner of X, and ..."):
            # the name is the stronger evidence, whatever order a set would give.
            found = [self.named_in(c, mentions, base) for c in conjuncts]
            speakers = [f for f in found if f[0] != OTHER]
            if len({who for who, _via in speakers}) == 1:
                return min(speakers, key=lambda f: f[1] != "name")
            return OTHER, "name"
        return self.named_in(subject, mentions, base)

    def joint(self, cue: Token, subject: Token) -> bool:
        """'Musk and OpenAI jointly proposed', '... and Y agreed': one position of several
        people, nobody's statement alone."""
        if len(_conjuncts(subject)) < 2:
            return False
        return cue.lemma_.lower() in self.rules.joint_verbs or any(
            t.lower_ in self.rules.joint
            for t in (*cue.children, *subject.subtree)
            if t.dep_ in ("advmod", "preconj", "det", "appos", "npadvmod")
        )

    def named_in(self, subject: Token, mentions: Sequence[Mention], base: int) -> tuple[str, Via]:
        """The speaker whose mention covers the subject's head (or its apposition)."""
        if _possessor_only(subject, mentions, base):
            return OTHER, "name"
        core_start, core_end = _core_range(subject, base)
        for head in _heads(subject):
            h_start, h_end = offset_of(head, base), offset_of(head, base) + len(head.text)
            for mention in mentions:
                if mention.end <= core_start or mention.start >= core_end:
                    continue
                if mention.start <= h_start and h_end <= mention.end + 1:
                    if head.lower_ in self.rules.person_roles and mention.via == "name":
                        continue
                    return mention.speaker, mention.via
                # glued names: "Lavrovand" is one token longer than the mention
                if mention.start == h_start and mention.via == "name":
                    return mention.speaker, mention.via
                if mention.via == "title" and self._title_before(head, mention, base):
                    return mention.speaker, mention.via
        closing = self._closing_name(subject)
        if closing is not None:
            at = offset_of(closing, base)
            for mention in mentions:
                if mention.via == "name" and mention.start <= at < mention.end:
                    return mention.speaker, mention.via
        return OTHER, "name"

    def _closing_name(self, subject: Token) -> Token | None:
        """'The CEO of the leading company in the industry, OpenAI, Sam Altman, hit back':
        a name set off by commas that closes a long subject renames its head, wherever
        the parser hung it (here on "OpenAI"); not where the head is someone's aide or
        relative ("the lawyer of the billionaire, Elon Musk,"), whose name it may be."""
        if subject.pos_ != "NOUN" or subject.lower_ in self.rules.person_roles:
            return None
        words = [t for t in subject.subtree if not t.is_punct]
        last = words[-1] if words else subject
        if last.i + 1 >= len(last.doc) or last.nbor(1).text != ",":
            return None
        name = last if last.dep_ == "appos" else last.head
        if name.dep_ != "appos" or name.pos_ != "PROPN" or name.head.i == subject.i:
            return None
        return name

    def _title_before(self, head: Token, mention: Mention, base: int) -> bool:
        """'the billionaire owner of Tesla': a speaker's title as the word right before a
        head that is no one else's role (not "the billionaire's lawyer", not "the
        Secretary's spokesman")."""
        if head.i == 0 or head.lower_ in self.rules.person_roles or head.pos_ != "NOUN":
            return False
        before = head.doc[head.i - 1]
        the = [c for c in head.children if c.dep_ == "det" and c.lower_ == "the"]
        return (
            bool(the)
            and mention.start == offset_of(the[0], base)  # "the billionaire", not "NATO secretary"
            and before.head.i == head.i
            and before.dep_ in ("compound", "amod")
            and mention.start <= offset_of(before, base) < mention.end
        )

    def _holder_of_firms(self, subject: Token) -> str | None:
        """'The owner of Tesla, SpaceX and X', 'the X owner': a definite description of a
        holder noun whose "of" phrase or compound names organisations that only one
        speaker's titles or role name; it identifies him as a title does."""
        children = list(subject.children)
        if subject.tag_ != "NN" or subject.lemma_.lower() not in self.rules.holder_nouns:
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
            return None
        named = [
            t
            for c in children
            if (c.dep_ == "prep" and c.lower_ == "of") or (c.dep_ == "compound" and c.i < subject.i)
            for t in c.subtree
        ]
        names = [
            t.text
            for t in named
            # a firm's name, or a capitalised word the parser took for a noun ("the X owner")
            if (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper()))
            and t.ent_type_ not in ("GPE", "NORP", "LOC", "PERSON")
            # "State", "Department", "Ministry": offices and bodies, no firm of his own
            and t.lower_ not in self.rules.honorifics | self.rules.readers | self.rules.person_roles
        ]
        holders = self.gazetteer.holders_of(subject.lower_, names) if names else frozenset()
        return next(iter(holders)) if len(holders) == 1 else None

    def epithet_holders(self, subject: Token) -> frozenset[str]:
        """Who 'the top diplomat', 'the veteran diplomat' may stand for: a definite,
        singular description built only from words of a speaker's titles or role, with no
        name of its own; it is resolved like a pronoun, among those speakers. Official
        copy capitalises it ("the President", "the Head of State")."""
        if subject.tag_ not in ("NN", "NNP"):
            return frozenset()
        children = list(subject.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children) or any(
            (c.dep_ not in ("det", "amod", "compound") or c.i > subject.i)
            and not (c.dep_ == "prep" and c.lower_ == "of" and c.i > subject.i)
            for c in children
        ):
            return frozenset()  # "the head of state": an "of" phrase of the title's own
        # the words up to the head, and every word of an "of" phrase after it ("the leader
        # of U.S. diplomacy" is a whole title, the gazetteer's, never a shorter title's words)
        words = [
            w
            for t in subject.subtree
            if t.dep_ != "det"
            for w in (re.findall(r"\w+", t.lower_) if t.i > subject.i else [t.lower_])
            if t.i > subject.i or t.is_alpha
        ]
        return self.gazetteer.epithet_holders(words, subject.lower_)

    def person_like(self, subject: Token) -> bool:
        rules = self.rules
        if subject.lower_ in rules.non_person_pronouns:
            return False
        if subject.lower_ in rules.pronouns or subject.lemma_.lower() in rules.person_roles:
            return True
        if subject.pos_ == "PROPN":
            if any(c.dep_ == "det" for c in subject.children):
                return False  # "the United States", "the Kremlin": places and bodies
            if subject.ent_type_ == "PERSON":
                return True  # a hint only: speakers themselves are never found by NER
            return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subject.children) or any(
                c.dep_ in ("compound", "appos") and c.lemma_.lower() in rules.person_roles
                for c in subject.children
            )
        return False

    def _owner_of_words(self, token: Token) -> bool:
        """The possessive of a speech or document noun ("his version", "his letter")."""
        nouns = self.rules.speech_nouns | self.rules.document_nouns | self.rules.remark_nouns
        return token.dep_ == "poss" and token.head.lemma_.lower() in nouns


class Antecedents:
    """The people an article has named so far, read in order, for pronouns to refer to."""

    def __init__(
        self,
        referents: Referents,
        rules: Rules,
        mentions: Sequence[Mention],
        ranks: dict[int, int],
        speakers: Sequence[Speaker],
        quoted: frozenset[int] = frozenset(),
    ):
        self.referents = referents
        # ranks of the paragraphs that are only a quotation, naming no one: they keep the
        # speaker before them the centre, as if no paragraph stood between
        self.quoted_ranks = sorted(ranks[p] for p in quoted if p in ranks)
        self.rules = rules
        self.mentions = mentions
        self.ranks = ranks  # paragraph -> rank among body paragraphs
        self.speakers = speakers
        self.persons: list[Person] = []
        self.forms: dict[str, dict[str, int]] = {}  # speaker -> pronoun form -> count
        self._names = {speaker.id: speaker.name for speaker in speakers}
        # nouns of words or papers, whose owner is their author ("Lavrov's letter")
        self.papers = rules.document_nouns | rules.speech_nouns | rules.remark_nouns

    def _name(self, who: str) -> str:
        return self._names.get(who, "someone else")

    def resolve_pronoun(
        self, paragraph: int, pronoun: Token, sent: Any, quotes: Sequence[QuoteSpan], base: int
    ) -> tuple[str, Evidence] | None:
        """The antecedent, unless the pronoun disagrees with how the article refers to that
        speaker elsewhere ("she" for someone the article calls "his")."""
        found = self._antecedent(paragraph, pronoun, sent, quotes, base)
        if found is None:
            return None
        holders = self.referents.epithet_holders(pronoun)
        if holders:
            if found[0] not in holders:
                return None  # "the top diplomat" after someone who holds no such title
            return found[0], replace(found[1], how="epithet")
        form = self.rules.pronoun_forms.get(pronoun.lower_)
        seen = self.forms.get(found[0], {})
        if form and any(n > seen.get(form, 0) for other, n in seen.items() if other != form):
            return None
        return found

    def count_forms(self, who: str, sent: Any, quotes: Sequence[QuoteSpan], base: int) -> None:
        """Gendered pronouns in the narration of a sentence that names a speaker."""
        counts = self.forms.setdefault(who, {})
        for token in sent:
            form = self.rules.pronoun_forms.get(token.lower_)
            if form and not in_quotes(quotes, offset_of(token, base)):
                counts[form] = counts.get(form, 0) + 1

    def _antecedent(
        self, paragraph: int, pronoun: Token, sent: Any, quotes: Sequence[QuoteSpan], base: int
    ) -> tuple[str, Evidence] | None:
        """Whom "he"/"she" stands for, with the evidence; None when nobody or when someone
        else is the likelier antecedent.

        The subject of an earlier clause of the same sentence comes first ("While X
        acknowledged ..., he rejected ..."); else the last person who was a subject in
        this or the previous paragraph. People named after that antecedent (not as
        subjects) are rivals: the credit stands, with low confidence and their names.
        """
        mentions = [m for m in self.mentions if base + sent.start_char <= m.start]
        author = self._author_of_paper(pronoun, mentions, base)
        if author is not None:
            return author, Evidence("pronoun", "", pronoun.text, self._name(author), role="author")
        earlier = [
            t
            for t in sent
            if t.i < pronoun.i
            and t.dep_ in SUBJECT_DEPS
            and t.lower_ not in self.rules.pronouns
            and t.lower_ not in self.rules.relative_pronouns
            and not in_quotes(quotes, offset_of(t, base))
            and not _reported_apart(t, pronoun)
        ]
        for subject in reversed(earlier):
            found = self.referents.speaker_of(subject, mentions, base)
            if found is None:
                continue
            who = found[0]
            if who != OTHER:
                return who, Evidence(
                    "pronoun", "", pronoun.text, self._name(who), role="same sentence"
                )
            if self.referents.person_like(subject):
                if subject.head.i == pronoun.head.i:
                    continue  # "X and Y, he pointed out, have ...": a second subject of one verb
                return None  # "While President X acknowledged ..., he ...": X's
            owners = {
                m.speaker
                for m in mentions
                if offset_of(subject.left_edge, base)
                <= m.start
                < offset_of(subject.right_edge, base) + 1
            }
            if len(owners) == 1:
                # "As far as the feedback of Secretary Blinken is concerned, he said ..."
                who = owners.pop()
                return who, Evidence(
                    "pronoun", "", pronoun.text, self._name(who), role="same sentence"
                )
        fronted = self._fronted_topic(sent, pronoun, mentions, quotes, base)
        if fronted is not None:
            return fronted, Evidence("pronoun", "", pronoun.text, self._name(fronted), role="topic")
        rivals: list[Person] = []
        here = self.ranks[paragraph]
        for person in reversed(self.persons):
            there = self.ranks[person.paragraph]
            if there < here - 1 - sum(1 for r in self.quoted_ranks if there < r < here):
                break
            if not person.subject:
                if all(r.words != person.words for r in rivals):
                    rivals.append(person)
                continue
            if person.who == OTHER:
                return None
            own = {self._name(person.who), person.words}
            named = [r for r in reversed(rivals) if not _same_person(r.words, own)]
            others = tuple(r.words for r in named)
            # The speaking subject of a sentence stays its centre over the people the same
            # sentence names after him ("X accused Y of ... ." / "'...,' he said."); people
            # named before him or in a later sentence, past a paragraph break, leave it too
            # far to tell.
            centred = person.spoke and all(
                r.sentence == person.sentence and r.at > person.at for r in named
            )
            if others and self.ranks[person.paragraph] < here and not centred:
                return None  # others named since, and a paragraph break: too far to tell
            # people this sentence names before the pronoun ("... Trump's dismay over what
            # he perceives"): rivals too, though the credit stands
            others += tuple(
                w
                for w in self._named_before(pronoun, sent, mentions, quotes, base)
                if w not in others
            )
            return person.who, Evidence(
                "pronoun",
                "",
                pronoun.text,
                self._name(person.who),
                role="antecedent",
                rivals=others,
                previous_paragraph=self.ranks[person.paragraph] < here,
            )
        return None

    def _fronted_topic(
        self,
        sent: Any,
        pronoun: Token,
        mentions: Sequence[Mention],
        quotes: Sequence[QuoteSpan],
        base: int,
    ) -> str | None:
        """'For Zelensky, the calculation is different: ..., he has warned': a sentence
        opened by "for" or "to" (data `fronted_topic`), a speaker and a comma is about him,
        and its "he" is his."""
        first = sent[0]
        if first.lower_ not in self.rules.fronted_topic or first.i >= pronoun.i:
            return None
        comma = next((t for t in sent if t.text == ","), None)
        if comma is None or comma.i > pronoun.i or comma.i - first.i > 4:
            return None
        lo, hi = offset_of(first, base), offset_of(comma, base)
        named = {m.speaker for m in mentions if lo < m.start < hi}
        if len(named) != 1 or in_quotes(quotes, lo):
            return None
        return named.pop()

    def _named_before(
        self,
        pronoun: Token,
        sent: Any,
        mentions: Sequence[Mention],
        quotes: Sequence[QuoteSpan],
        base: int,
    ) -> list[str]:
        """People (not speakers, not subjects) the sentence names before the pronoun, in
        its narration."""
        found = []
        for ent in sent.ents:
            if ent.label_ != "PERSON" or ent.end > pronoun.i:
                continue
            start = offset_of(ent[0], base)
            if in_quotes(quotes, start) or ent.root.dep_ in SUBJECT_DEPS:
                continue
            if any(m.start < start + len(ent.text) and start < m.end for m in mentions):
                continue
            found.append(ent.text)
        return found

    def _author_of_paper(
        self, pronoun: Token, mentions: Sequence[Mention], base: int
    ) -> str | None:
        """'... after Musk's lawsuit against OpenAI, wherein he alleges ...': "he" as the
        subject of a clause describing a speaker's paper or words (a relative clause of
        the noun, or a clause the data's `relative_openers` open right after it and a
        comma, however the parser hung it) is that paper's author."""
        verb = pronoun.head
        if pronoun.dep_ != "nsubj" or verb is pronoun:
            return None
        noun = verb.head if verb.dep_ == "relcl" else None
        first = verb.left_edge
        if noun is None and first.i > 0 and first.nbor(-1).text == ",":
            openers = self.rules.relative_openers
            opened = any(
                c.i < pronoun.i
                and (
                    c.lower_ in openers
                    or (c.dep_ == "prep" and any(g.lower_ in openers for g in c.children))
                )
                for c in verb.children
            )
            end = first.i - 2  # the last word before the comma
            if opened and end >= 0:
                # the phrase ending there, up to its head noun: "letter to the council"
                token = pronoun.doc[end]
                noun = token
                while token.head.i < token.i and token.head.right_edge.i in (end, end + 1):
                    token = token.head
                    if token.lemma_.lower() in self.papers:
                        noun = token
        if noun is None or noun.lemma_.lower() not in self.papers:
            return None
        for owner in noun.children:
            if owner.dep_ == "poss" and owner.lower_ not in self.rules.pronoun_forms:
                found = self.referents.named_in(owner, mentions, base)
                return found[0] if found[0] != OTHER else None
        return None

    def note(self, person: Person, sentence: int) -> None:
        """Someone named (as a subject or not) while clause `sentence` is read."""
        self.persons.append(replace(person, sentence=sentence))

    def note_mentions(
        self,
        sent: Any,
        paragraph: int,
        mentions: Sequence[Mention],
        quotes: Sequence[QuoteSpan],
        base: int,
        cues: Sequence[Token],
        sentence: int,
    ) -> None:
        """People named in the narration, not as a subject or a possessive: rivals for a
        later "he".

        Names inside quotations or inside what a cue reports do not count: "Blinken said
        Putin had ..." leaves "he" to Blinken."""
        reported: set[int] = set()
        for cue in cues:
            for child in cue.children:
                if child.dep_ in ("ccomp", "xcomp", "parataxis"):
                    reported.update(t.i for t in child.subtree)
        found: list[tuple[int, str]] = []
        for ent in sent.ents:
            if ent.label_ != "PERSON" or ent.root.dep_ in SUBJECT_DEPS | {"poss"}:
                continue
            start = offset_of(ent[0], base)
            if ent.root.i in reported or in_quotes(quotes, start):
                continue
            if any(m.start < start + len(ent.text) and start < m.end for m in mentions):
                continue  # a configured speaker: noted below with their name
            found.append((start, ent.text))
        for mention in mentions:
            token = _mention_root(sent, mention, base)
            if token is None or token.i in reported or in_quotes(quotes, mention.start):
                continue
            # "after Lavrov's letter to the council": the author of words or papers named
            # in the narration may be the next "he", a rival like a name
            paper = token.dep_ == "poss" and token.head.lemma_.lower() in self.papers
            if {token.dep_, token.head.dep_} & (SUBJECT_DEPS | {"poss"}) and not (
                paper and token.head.dep_ not in SUBJECT_DEPS
            ):
                continue  # a subject is noted as one; "Blinken's visit" is no rival
            found.append((mention.start, self._name(mention.speaker)))
        for start, words in sorted(found):
            who = next((s.id for s in self.speakers if s.name == words), OTHER)
            self.note(Person(paragraph, who, words, False, at=start), sentence)

    def note_subject_person(
        self,
        sent: Any,
        mentions: Sequence[Mention],
        base: int,
        paragraph: int,
        sentence: int,
        quotes: Sequence[QuoteSpan] = (),
    ) -> None:
        """Narration sentences still change who "he" refers to next; so does a speaker whose
        words, papers or traits stand as the subject ("Lavrov's account was more upbeat. He
        said ...", "Altman's optimism is tempered with caution. He has acknowledged ...").
        Main clauses joined by a conjunction are read in order: the last one's subject is
        the latest ("X and Y were co-founders, but X parted ways. He ...": X); so is a
        clause the parser hangs before the main one ("X's position is consistent: he is
        willing ...", where "he" names no one new), and, under a main clause with no
        subject ("But hold on, because Altman shot back ..."), the clauses it governs. A
        subject inside a quotation is the speaker's words ("And Putin chooses Putin."),
        no one the narration's next "he" may stand for."""
        root = sent.root
        before = [c for c in root.children if c.dep_ == "ccomp" and c.i < root.i]
        main = [root, *(c for c in root.children if c.dep_ == "conj")]
        if not subjects_of(root):  # "But, hold on, because Altman shot back ...": no
            main += [c for c in root.children if c.dep_ == "advcl"]  # subject of its own
        for verb in sorted([*before, *main], key=lambda t: t.i):
            subjects = subjects_of(verb)
            # a subject inside a quotation is the speaker's words, not the narration's
            if subjects and not in_quotes(quotes, offset_of(subjects[0], base)):
                self._note_subject(subjects[0], mentions, base, paragraph, sentence)

    def _note_subject(
        self, subject: Token, mentions: Sequence[Mention], base: int, paragraph: int, sentence: int
    ) -> None:
        found = self.referents.speaker_of(subject, mentions, base)
        if (
            (found is None or found[0] == OTHER)
            and subject.pos_ == "NOUN"
            and not self.referents.person_like(subject)
        ):
            for owner in subject.children:
                if _possessive(owner) and owner.lower_ not in self.rules.pronoun_forms:
                    who = self.referents.named_in(owner, mentions, base)[0]
                    if who != OTHER:
                        self.note(Person(paragraph, who, owner.text, True), sentence)
                    return
        if found is None:
            return
        who, _via = found
        if who != OTHER or self.referents.person_like(subject):
            self.note(Person(paragraph, who, subject.text, True), sentence)


def _reported_apart(subject: Token, pronoun: Token) -> bool:
    """The subject stands inside a clause a verb reports ("While he acknowledges that Musk
    continues ..., he made it clear"), one the pronoun is not in: what was said, not who
    said it. So is the subject of the clause an aside of the pronoun's frames ("Zelensky,
    he says, has no legitimacy": what he says of Zelensky)."""
    verb = pronoun.head
    if verb.dep_ == "parataxis" and subject.head.i == verb.head.i and subject.i < verb.i:
        return True
    for clause in (a for a in [subject, *subject.ancestors] if a.dep_ == "ccomp"):
        # the reporting verb before its clause ('acknowledges that Musk ...'); one after
        # it ('X nodded: "...," he said', as the parser may hang it) reports nothing here
        if clause.head.i < subject.i and not any(t.i == pronoun.i for t in clause.subtree):
            return True
    return False


def _possessive(token: Token) -> bool:
    """An owner before a noun: "poss", or "nmod" with its "'s" (the parser's tag for an
    unknown name: "Zelenskyy’s position")."""
    return token.dep_ == "poss" or (
        token.dep_ == "nmod"
        and any(c.dep_ == "case" and c.lower_ in ("'s", "’s") for c in token.children)
    )


def _after_according(token: Token) -> bool:
    """The object in 'according to him'."""
    return (
        token.dep_ == "pobj"
        and token.i >= 2
        and token.doc[token.i - 1].lower_ == "to"
        and token.doc[token.i - 2].lower_ == "according"
    )


def _stance_of(token: Token, rules: Rules) -> bool:
    """The owner in 'in his view', 'in the words of X'."""
    for candidate in (token.head, token.head.head):
        source = stance_source(candidate, rules)
        if source is not None and source.i == token.i:
            return True
    return False


def _possessor_only(subject: Token, mentions: Sequence[Mention], base: int) -> bool:
    """The speaker stands in the subject's phrase only as the owner of what follows ("Elon
    Musk's start-up xAI sued ...", however the parser hung it): his mention, "'s", then
    the noun the verb belongs to, right before the verb."""
    verb = subject.head
    if verb.i <= subject.i:
        return False
    words = subject.doc[subject.left_edge.i : verb.i]
    last = words[-1] if len(words) else None
    if last is None or last.pos_ not in ("NOUN", "PROPN"):
        return False
    for t in words:
        if t.text.lower() in ("'s", "’s") and t.i < last.i:
            at = offset_of(t, base)
            if any(m.end == at for m in mentions) and not any(
                m.start <= offset_of(last, base) < m.end for m in mentions
            ):
                return True
    return False


def _conjuncts(subject: Token) -> list[Token]:
    """The subject and the heads coordinated with it, also through its apposition
    ("Lavrov, the Russian minister, and Blinken")."""
    out = [subject]
    stack = [subject]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
                out.append(child)
                stack.append(child)
            elif child.dep_ == "appos" and token is subject:
                stack.append(child)
    return out


def _heads(subject: Token) -> list[Token]:
    """The subject head and its appositions (which name the same person)."""
    heads = [subject]
    for child in subject.children:
        if child.dep_ == "appos":
            heads.append(child)
            heads.extend(c for c in child.children if c.dep_ == "appos")
    return heads


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
    start = min(offset_of(t, base) for t in tokens)
    end = max(offset_of(t, base) + len(t.text) for t in tokens)
    return start, end


def _same_person(words: str, own: set[str]) -> bool:
    """'Sergei Lavrov' and 'Lavrov' name the same person as the antecedent."""
    return any(words in o or o in words for o in own)


def _mention_root(sent: Any, mention: Mention, base: int) -> Token | None:
    """The token that attaches a mention to its sentence: in "the Secretary of State's
    statement" the possessive "Secretary", not the article "the" (which is the
    statement's)."""
    inside = [t for t in sent if mention.start <= offset_of(t, base) < mention.end]
    roots = [
        t
        for t in inside
        if t.dep_ != "det" and not mention.start <= offset_of(t.head, base) < mention.end
    ]
    if roots:
        return roots[0]
    return (
        inside[0]
        if inside
        else next((t for t in sent if offset_of(t, base) >= mention.start), None)
    )
