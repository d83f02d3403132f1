"""Which speech cues of a sentence decide whose it is.

Every cue of the sentence outside a quotation is found first (a quoted verb that is the
sentence's own counts); a body's readout of the summary it quotes, outlets and unnamed
sources that only carry someone's speech, and bodies' accounts of a named speaker's cue
drop out; of the rest, the outer cues decide, with rivals beside them, and "according to"
is weighed against the others (attribution.py, rule 1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from debate_tui.extract.cue_subjects import CueSubjects
from debate_tui.extract.cues import frames_clause, is_according, is_cue
from debate_tui.extract.quotes import QuoteSpan
from debate_tui.extract.referents import Referents
from debate_tui.extract.rules import Rules
from debate_tui.extract.speakers import Mention
from debate_tui.extract.tokens import DESCRIBING_DEPS, SUBJECT_DEPS, Token, in_quotes, offset_of
from debate_tui.extract.turns import OTHER
from debate_tui.model import Speaker

__all__ = ["SentenceCues"]

# A cue under another cue reached through one of these is what the outer cue reports.
_REPORTED_DEPS = frozenset({"ccomp", "xcomp", "csubj", "parataxis", "dep"})
_ARTICLES_AND_OF = frozenset({"the", "a", "an", "of", "and", "for", "to", "in"})


class SentenceCues:
    """The cues of one article's sentences, and those that decide each."""

    def __init__(
        self,
        rules: Rules,
        mentions: Sequence[Mention],
        speaker_ids: set[str],
        speakers: Sequence[Speaker],
        subjects: CueSubjects,
        referents: Referents,
    ):
        self.rules = rules
        self.mentions = mentions
        self.speaker_ids = speaker_ids
        self.speakers = speakers
        self.subjects = subjects
        self.referents = referents

    def of(
        self, sent: Any, quotes: Sequence[QuoteSpan], base: int
    ) -> tuple[list[Token], list[Token]]:
        """All cues of the sentence, and those that decide it: outer ones, and rivals
        beside them."""
        rules = self.rules
        found = [t for t in sent if is_cue(t, rules)]
        outside = [t for t in found if not in_quotes(quotes, offset_of(t, base))]
        # a quoted verb with its subject before the quotation is a cue only where nobody
        # outside the quotation is said to speak it ('Trump "feels ...," Rubio said')
        alone = all(is_according(t, rules) for t in outside)
        kept = {t.i for t in outside}
        cues = [t for t in found if t.i in kept or self._quoted_verb(t, quotes, base, alone)]
        readout = self._readout_cue(sent, quotes, base, cues)
        if readout is not None:  # the body that quotes the summary is its channel
            framing = {a.i for a in readout.ancestors}
            cues = sorted([*(t for t in cues if t.i not in framing), readout], key=lambda t: t.i)
        cues = self._without_channels(cues, base)
        cues = self._without_readouts(cues, quotes, base)
        return cues, self._deciding(cues, quotes, base)

    def _without_channels(self, cues: list[Token], base: int) -> list[Token]:
        """In 'Lavrov said ..., TASS reported' the outlet is the channel, not the speaker,
        when the report carries someone's own speech cue. So are unnamed sources:
        'Blinken condemned Russia ..., diplomats said'."""
        channels = [
            t
            for t in cues
            if t.lemma_ in self.rules.channels
            or self._outlet(t)
            or self._sources(t)
            or self.subjects.quoted_by_outlet(t, base)
        ]
        if any(any(a.i == c.i for a in t.ancestors) for c in channels for t in cues):
            kept = {c.i for c in channels}
            cues = [t for t in cues if t.i not in kept]
        framed = {t.i for t in cues}
        asides = {t.i for t in cues if t.head.i in framed and self._someone_elses_aside(t, base)}
        return [t for t in cues if t.i not in asides]

    def _someone_elses_aside(self, cue: Token, base: int) -> bool:
        """'As ISW notes, Putin questioned ...': an "as" clause set before a cue it frames,
        its subject no speaker, tells whose account the sentence is, as "according to ISW"
        would: the framed cue decides."""
        if cue.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ == "as" for c in cue.children
        ):
            return False
        if cue.i > cue.head.i:
            return False
        subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            return False
        found = self.referents.speaker_of(subject, self.mentions, base)
        return found is not None and found[0] not in self.speaker_ids

    def _without_readouts(
        self, cues: list[Token], quotes: Sequence[QuoteSpan], base: int
    ) -> list[Token]:
        """In 'Blinken urged his counterpart to ..., the State Department said': a body's
        account, after the words it gives, of a cue with a speaker named as its subject:
        his own side's body, or the body of the other speaker he addressed ('Blinken told
        Lavrov ..., the Russian Foreign Ministry said': a readout of its own minister's
        call). So is the body named before ('The Russian Foreign Ministry said that Lavrov
        suggested ...'); a spokesperson named there gives her own account."""
        bodies = [c for c in cues if self._body_subject(c)]
        readouts = {
            c.i
            for c in bodies
            for t in cues
            if any(a.i == c.i for a in t.ancestors)
            and (who := self._named_speaker(t, quotes, base)) is not None
            and self._reads_out(c, {who, *self._addressed(t, who, base)}, spokespeople=t.i < c.i)
        }
        return [t for t in cues if t.i not in readouts]

    def _addressed(self, cue: Token, who: str, base: int) -> set[str]:
        """The other configured speakers a cue is addressed to, named as its object or
        after "to"/"with": "informed Lavrov", "told Blinken", "said to Lavrov"."""
        heard = [c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj")]
        heard += [
            g
            for c in cue.children
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        found = {self.referents.named_in(h, self.mentions, base)[0] for h in heard}
        return {f for f in found if f in self.speaker_ids and f != who}

    def _deciding(self, cues: list[Token], quotes: Sequence[QuoteSpan], base: int) -> list[Token]:
        """The cues that decide the sentence, outermost first; "according to" against
        the sentence's other cues."""
        rules = self.rules
        cue_set = {t.i for t in cues}
        deciding = [t for t in cues if self._decides(t, cue_set, quotes, base)]
        deciding.sort(key=lambda t: (sum(1 for _ in t.ancestors), t.i))
        according = [t for t in deciding if is_according(t, rules)]
        if len(according) < len(deciding):
            others = [t for t in deciding if not is_according(t, rules)]
            # "..., although the statement offered nothing, according to Lavrov": a verb
            # whose subject is a thing, not a person, leaves the source to "according to".
            if according and any(self._speakers_account(t, quotes, base) for t in according):
                # "Blinken has conveyed a message ..., according to Lavrov": Lavrov's
                # account of what Blinken did, as "Lavrov said Blinken had ..." would be
                deciding = according
            elif not (according and all(self._impersonal(t, quotes, base) for t in others)):
                deciding = others  # "Lavrov said ..., according to TASS": a source
        return deciding

    def _quoted_verb(self, cue: Token, quotes: Sequence[QuoteSpan], base: int, alone: bool) -> bool:
        """'Blinken used it to "emphatically underscore that ..."': a quotation opened
        inside the sentence on the cue's own verb phrase (only adverbs or "to" before the
        verb in it), the verb hanging from words outside it: the writer quotes the
        speaker's wording of his own act, and the cue stays a cue. So when the quotation
        opens on a verb whose subject stands before it ('Rubio "emphasized ..."', a
        readout's wording quoted from the verb on)."""
        at = offset_of(cue, base)
        inside = [q for q in quotes if q.start < at < q.end]
        if not inside:
            return False
        quote = inside[0]
        if quote.start <= base + cue.sent.start_char + 1:
            return False  # a quotation opening the sentence is the speaker's own sentence
        before = [t for t in cue.sent if quote.start < offset_of(t, base) < at]
        subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
        hangs_outside = (
            # "used it to '...'", "vowed to '...'": no subject of its own
            cue.dep_ == "xcomp" and not quote.start < offset_of(cue.head, base) < quote.end
        )
        # 'Rubio "emphasized the importance of ..."': its subject named before it
        # (the quotation closing in this sentence: one running on may be told further on)
        named_before = (
            alone
            and quote.end <= base + cue.sent.end_char + 1
            and (
                any(offset_of(c, base) < quote.start for c in subjects)
                # 'During the talks with Lavrov, Rubio "reiterated ...': the name right
                # before the quotation, parsed into the phrase before it
                or (not subjects and self.subjects.name_before(cue, base) is not None)
            )
        )
        return (hangs_outside or named_before) and all(
            t.dep_ in ("advmod", "aux", "neg") or t.is_punct for t in before
        )

    def _readout_cue(
        self, sent: Any, quotes: Sequence[QuoteSpan], base: int, outer: Sequence[Token]
    ) -> Token | None:
        """'“The Secretary reaffirmed ...,” the Department reported': a quotation opening
        the sentence with a speaker's own cue, quoted from an institution's summary (no
        person's cue outside it), reports what the speaker said; so does "He" as that
        cue's subject, resolved as any subject is, and a quotation closing in the sentence
        after opening further back ('“X met Y. The Secretary urged ...,” it reads'). Quoted
        by a person ('“Lavrov told me ...,” Blinken said') it stays that person's words."""
        start, end = base + sent.start_char, base + sent.end_char
        # the quotation opens the sentence, or closes in it after opening further back
        opening = [q for q in quotes if q.start <= start + 1 and start + 2 < q.end <= end]
        if not opening:
            opening = self._after_readers_colon(sent, quotes, base)
        if not opening:
            return None
        quote = opening[0]
        framing = {cue.i for cue in outer}
        for cue in outer:
            if any(a.i in framing for a in cue.ancestors):
                continue  # reported by the framing cue: '..., noting that the diplomat ...'
            subject = self.subjects.of(cue, quotes, base)
            if subject is None:
                continue
            found = self.referents.speaker_of(subject, self.mentions, base)
            if found is None or found[0] != OTHER:
                return None
            if (
                self.referents.person_like(subject) or _bare_name(subject)
            ) and subject.lemma_.lower() not in self.rules.readers:
                return None
        mentions = [m for m in self.mentions if quote.start <= m.start < quote.end]
        for token in sent:
            if not quote.start < offset_of(token, base) < quote.end or not is_cue(
                token, self.rules
            ):
                continue
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if not subjects or not quote.start < offset_of(subjects[0], base) < quote.end:
                continue
            found = self.referents.speaker_of(subjects[0], mentions, base)
            if found is None or found[0] in self.speaker_ids:
                return token  # a speaker named, or "he" to resolve as any subject is
            return None
        return None

    def _after_readers_colon(
        self, sent: Any, quotes: Sequence[QuoteSpan], base: int
    ) -> list[QuoteSpan]:
        """'..., the State Department provided a readout: “The Secretary reiterated ...”':
        a quotation opened right after a colon, where the words before the colon name a
        body or paper of the data's `readers` that is no one's own (no possessive)."""
        end = base + sent.end_char
        for colon in sent:
            if colon.text != ":" or in_quotes(quotes, offset_of(colon, base)):
                continue
            after = offset_of(colon, base) + 1
            # the quotation opens after the colon and a space at most
            opening = [q for q in quotes if after <= q.start <= after + 1 and q.end <= end]
            if not opening:
                continue
            if any(
                t.lemma_.lower() in self.rules.readers
                and not any(c.dep_ == "poss" for c in t.children)
                for t in sent
                if t.i < colon.i
            ):
                return opening
        return []

    def _impersonal(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> bool:
        """The cue's subject is a thing ("the statement offered nothing"): no speaker, no
        pronoun, nothing like a person, no unnamed sources."""
        subject = self.subjects.of(cue, quotes, base)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
            return False
        found = self.referents.speaker_of(subject, self.mentions, base)
        return (
            found is not None
            and found[0] == OTHER
            and not self.referents.person_like(subject)
            and subject.lemma_.lower() not in self.rules.source_nouns
        )

    def _body_subject(self, cue: Token) -> bool:
        """A quick look before `_reads_out`: a word of a body or a spokesperson stands in
        the cue's subject (or right before the cue)."""
        words = self.rules.readers | self.rules.spokespeople
        return any(t.lemma_.lower() in words for s in _body_candidates(cue) for t in s.subtree)

    def _reads_out(self, cue: Token, sides: set[str], spokespeople: bool = True) -> bool:
        """The cue's subject is the body of one of `sides` (speaker ids) that publishes
        accounts of talks: a reader noun of the rules data whose words also stand in his
        titles or role ("the State Department" for the Secretary of State, "the Russian
        Foreign Ministry" for the Russian Foreign Minister), with no person named in it.
        The other side's ministry telling what he did gives its own account. A body named
        bare ("the department said", as wire copy names it once it has been named in full)
        is read as the one whose account it gives."""
        readers = self.rules.readers
        subjects = _body_candidates(cue)
        side = {
            w.lower()
            for speaker in self.speakers
            if speaker.id in sides
            for t in (*speaker.titles, speaker.role)
            for w in re.findall(r"\w+", t)
        } - _ARTICLES_AND_OF
        return any(
            (
                c.lemma_.lower() in readers
                and not any(t.ent_type_ == "PERSON" for t in c.subtree)
                and _named_for(c, side, readers)
            )
            or (spokespeople and self._spokesperson_for(c, side))
            for c in subjects
        )

    def _spokesperson_for(self, subject: Token, side: set[str]) -> bool:
        """'State Department spokesman Ned Price', 'ministry spokeswoman Maria Zakharova':
        a spokesperson (one of the data's `spokespeople`) of a body named with him speaks
        for it: for the side whose titles hold the body's words, or whichever side a bare
        body ("the ministry") stands for. A spokesperson of no body named ("spokesperson
        Anna Hart") speaks for himself."""
        spokes = self.rules.spokespeople
        words = [t for t in subject.subtree if t.dep_ in ("compound", "amod", "appos")]
        if not any(t.lemma_.lower() in spokes for t in words) and (
            subject.lemma_.lower() not in spokes
        ):
            return False
        named = [t for t in words if t.ent_type_ != "PERSON" and not t.is_punct]
        if not any(t.lemma_.lower() in self.rules.readers for t in named):
            return False
        own = [t.lower_ for t in named if t.lemma_.lower() not in spokes | self.rules.readers]
        return not own or any(w in side for w in own)

    def _named_speaker(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> str | None:
        """The configured speaker the cue's subject names by name or title, if any."""
        subject = self.subjects.of(cue, quotes, base)
        if subject is None or subject.lower_ in self.rules.pronouns:
            return None
        found = self.referents.named_in(subject, self.mentions, base)
        return found[0] if found[0] in self.speaker_ids else None

    def _speakers_account(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> bool:
        """The account is a speaker's: "according to" one named by name or title, or by what
        stands for one, a personal pronoun ("according to him") or an epithet only a speaker
        holds ("according to the head of state"); never an outlet or a source."""
        if self._named_speaker_cue(cue, quotes, base):
            return True
        subject = self.subjects.of(cue, quotes, base)
        return subject is not None and (
            subject.lower_ in self.rules.pronoun_forms
            or bool(self.referents.epithet_holders(subject))
        )

    def _named_speaker_cue(self, cue: Token, quotes: Sequence[QuoteSpan], base: int) -> bool:
        """The cue's subject is a configured speaker named by name or title."""
        return self._named_speaker(cue, quotes, base) is not None

    def _outlet(self, cue: Token) -> bool:
        """'..., RIA Novosti writes': a verb of the data's `outlet_verbs` whose subject is
        an organisation named as such, no person; any cue whose subject holds a word of the
        data's `media_words` ("State media said ...")."""
        subjects = [c for c in cue.children if c.dep_ == "nsubj"]
        if any(t.lower_ in self.rules.media_words for s in subjects for t in s.subtree):
            return True  # "State media said ...", "Xinhua said ...": any cue of an outlet
        return cue.lemma_.lower() in self.rules.outlet_verbs and any(
            s.ent_type_ == "ORG" for s in subjects
        )

    def _sources(self, cue: Token) -> bool:
        """The cue's subject is unnamed sources: a plural noun of the data's list
        ("diplomats", "officials") with no name in it."""
        return any(
            c.dep_ == "nsubj"
            and c.lower_ in self.rules.source_nouns
            and not any(t.pos_ == "PROPN" for t in c.subtree)
            for c in cue.children
        )

    def _decides(
        self, cue: Token, cue_set: set[int], quotes: Sequence[QuoteSpan], base: int
    ) -> bool:
        """True for an outer cue, and for a cue under another cue that is not part of what
        that cue reports: beside it (conj, advcl, relcl) with a subject of its own, or
        outside the quotation an inverted cue ('"...," said Y') reports."""
        if frames_clause(cue, self.rules):
            return True  # "In his reply, Altman said, Musk complains ...": Altman's
        if any(
            t.head.i == cue.i and t.i != cue.i and frames_clause(t, self.rules)
            for t in cue.sent
            if t.i in cue_set
        ):
            return False  # what that framing cue reports
        chain: list[Token] = []
        outer = None
        for ancestor in cue.ancestors:
            if ancestor.i in cue_set:
                outer = ancestor
                break
            chain.append(ancestor)
        if outer is None or self.subjects.name_before(cue, base) is not None:
            return True
        if is_according(cue, self.rules):
            return True  # names its own source; weighed against the others in _cues
        inverted = self._inverted_quote(outer, quotes, base)
        if inverted is not None:
            return not (inverted.start <= offset_of(cue, base) < inverted.end)
        if (
            cue.i < outer.i
            and any(c.dep_ in SUBJECT_DEPS for c in cue.children)
            and any(t.text == ";" and t.head.i == outer.i for t in cue.doc[cue.i : outer.i])
        ):
            return True  # "X asked ...; to this, Y responded": beside it, not reported
        if cue.dep_ == "dobj" and cue.head.i == outer.i:
            # "The Secretary reiterated X's calls for ...": the words the outer cue repeats
            # or answers (a noun the parser may take for a verb with X as its subject)
            return False
        if _set_against(cue):
            return True  # "He argued X would help, while Ukraine has accused ...": beside it
        if _describes_set_off_phrase(cue) and any(
            c.dep_ in SUBJECT_DEPS and c.pos_ in ("PROPN", "NOUN") for c in cue.children
        ):
            return True  # "..., a proposal Zelensky called an 'ultimatum'": his own words
        deps = {cue.dep_, *(t.dep_ for t in chain)}
        if deps & _REPORTED_DEPS:
            return False
        if cue.dep_ == "conj" and sum(c.dep_ == "nsubj" for c in outer.children) > 1:
            return False  # "X, he pointed out, have remarked ...": what the aside reports
        subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return all(
                s.lower_ not in self.rules.pronouns and s.lower_ not in self.rules.relative_pronouns
                for s in subjects
            )
        # "Both said ..., and Blinken saw reason to hope that ...": a named subject of the
        # verb the cue hangs from, not the outer cue's own subject.
        if {t.dep_ for t in chain} & DESCRIBING_DEPS:
            return False  # inside a relative clause describing something: "... rejected by X"
        climbed = self.subjects.of(cue, quotes, base)
        own = self.subjects.of(outer, quotes, base)
        return (
            climbed is not None
            and climbed.pos_ == "PROPN"
            and climbed.dep_ == "nsubj"
            and (own is None or climbed.i != own.i)
        )

    def _inverted_quote(
        self, cue: Token, quotes: Sequence[QuoteSpan], base: int
    ) -> QuoteSpan | None:
        """The quotation an inverted cue reports ('"...," said Y'), if it is one."""
        if not any(c.dep_ == "nsubj" and c.i > cue.i for c in cue.children):
            return None
        sentence_start = base + cue.sent.start_char
        before = [q for q in quotes if sentence_start <= q.start and q.end <= offset_of(cue, base)]
        return before[-1] if before else None


def _body_candidates(cue: Token) -> list[Token]:
    """Where a body telling of a speaker's words may stand: the cue's subject, and the
    noun right before it ("..., Paul Whelan, the State Department said": the parser may
    take the body for an apposition of a name before it)."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    if cue.i > 0 and cue.doc[cue.i - 1].pos_ in ("NOUN", "PROPN"):
        subjects.append(cue.doc[cue.i - 1])
    return subjects


def _named_for(body: Token, side: set[str], readers: frozenset[str]) -> bool:
    """The body's own words ("State", "Foreign"; "the Department of State") are among the
    side's titles, or it has none ("the department", "the ministry's statement")."""
    named = [m for m in body.children if m.dep_ in ("compound", "amod")]
    named += [
        g
        for m in body.children
        if m.dep_ == "prep" and m.lower_ == "of"
        for g in m.children
        if g.dep_ == "pobj"
    ]
    words = [m.lower_.replace(".", "") for m in named if m.lemma_.lower() not in readers]
    return not words or any(w in side for w in words)


def _bare_name(token: Token) -> bool:
    """'Petrov told reporters': a proper name with no article that is no organisation or
    place is someone, whether or not the entity recogniser knew him."""
    return (
        token.pos_ == "PROPN"
        and not any(c.dep_ == "det" for c in token.children)
        and token.ent_type_ not in ("ORG", "GPE", "NORP", "FAC", "LOC")
    )


def _describes_set_off_phrase(cue: Token) -> bool:
    """The cue describes a noun phrase set off by a comma or a dash after the clause
    before it ("..., a move Blinken called reckless", "– a proposal Zelensky called ..."):
    an aside about the words, however the parser attached the phrase."""
    if cue.dep_ not in DESCRIBING_DEPS:
        return False
    first = cue.head.left_edge
    return first.i > cue.sent.start and cue.doc[first.i - 1].text in (",", "–", "—", "-")


def _set_against(cue: Token) -> bool:
    """'He has argued a truce would help Kyiv, while Ukraine has accused him ...': a cue in
    a "while"/"whereas" clause set off by a comma, with a subject of its own that is no
    pronoun, is the writer's contrast, not part of what the cue above reports."""
    return (
        cue.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in cue.children)
        and any(c.dep_ in SUBJECT_DEPS and c.pos_ in ("PROPN", "NOUN") for c in cue.children)
        and cue.left_edge.i > 0
        and cue.doc[cue.left_edge.i - 1].text == ","
    )
