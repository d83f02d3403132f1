"""Attribution: deciding, sentence by sentence, who speaks, and building statements.

The rules, in the order they apply:
1. A cue is a speech verb (or "according to") outside any quotation, in a shape its class
   needs (see cues.py and rules/en.toml). A cue under another cue belongs to the outer one
   when it is part of what the outer one reports ("Zakharova said Blinken had asked ..."
   is Zakharova's); a cue with a subject of its own in a clause beside it ("..., while the
   Commission said ...", "..., but '...,' said Y") is a rival.
2. The speaker is the cue's subject; without one, the subject of the verb it hangs from
   ("..., arguing that"; "took the opportunity to urge"), or the noun after the cue in an
   inverted attribution ('"...," added the Secretary of State').
3. A subject is a configured speaker only when a name or an unambiguous title of theirs
   covers the subject's head (or its apposition): "Lavrov's spokeswoman" is someone else.
   "He"/"she" take the subject of an earlier clause of the same sentence, else the last
   person who was a subject in this or the previous paragraph; another person in between
   wins, and people named since (not as subjects) are rivals that lower the confidence.
4. A statement never holds a rival's clause: its span is cut to its own cue's side.
5. Sentences inside a quotation take the speaker of the sentence that frames it, even
   across paragraphs; a lead-in ending in ":" frames the next sentence. In a transcript
   every sentence of a turn is the labelled speaker's (turns.py).
6. Consecutive sentences of one statement merge; a statement without topic terms carries
   the topics of the same speaker's statement right before it.
Everyone else (spokespeople, ministries, officials, narration) is OTHER and never shown.

This module makes the per-sentence decision (rules 1 to 4, with turns and openers); its
parts live beside it: deciding_cues.py (rule 1), cue_subjects.py (rule 2), referents.py
(rule 3: names, titles, epithets, pronouns), across_sentences.py (rules 5 and 6);
worth_parsing.py says which paragraphs are parsed at all.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import replace
from typing import Any

from debate_tui.extract.across_sentences import (
    ArticleClauses,
    carry_back,
    carry_paraphrase,
    carry_quotes,
    carry_readout,
    group_statements,
)
from debate_tui.extract.clauses import Clause, Credit, carried
from debate_tui.extract.content import content_words
from debate_tui.extract.cue_subjects import CueSubjects
from debate_tui.extract.cues import is_according, stance_source
from debate_tui.extract.deciding_cues import SentenceCues
from debate_tui.extract.evidence import Evidence
from debate_tui.extract.lines import joined, wrapped_runs
from debate_tui.extract.quotes import OPENING_MARKS, QuoteSpan, find_quotes, top_level
from debate_tui.extract.referents import Antecedents, Person, Referents
from debate_tui.extract.rules import Rules, load_rules
from debate_tui.extract.speakers import Gazetteer, Mention
from debate_tui.extract.tokens import (
    DESCRIBING_DEPS,
    SUBJECT_DEPS,
    Token,
    in_quotes,
    offset_of,
    subjects_of,
)
from debate_tui.extract.topics import TopicMatcher
from debate_tui.extract.turns import OTHER, Turn, find_turns, past_spaces, remark_of
from debate_tui.extract.worth_parsing import body_ranks, parse_spans
from debate_tui.model import Article, Statement, Via

__all__ = ["OTHER", "ArticleAttributor", "Clause", "Credit", "parse_spans"]

_EDGE_DEPS = frozenset({"punct", "cc", "mark", "prep"})
_CLOSING = frozenset({"”", '"', "’", "»", "“"})
_INTRODUCING = "subject of a line introducing the quotation below"


def sentence_span(sent: Any, base: int, text: str) -> tuple[int, int] | None:
    """The article offsets of a sentence (a spaCy Span of a paragraph starting at `base`),
    trailing white space left out; None for a sentence of white space alone. Statements
    and the layout occasions read are cut the same way."""
    start, end = base + sent.start_char, base + sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


class ArticleAttributor:
    """Runs the rules over one article's parsed paragraphs."""

    def __init__(
        self,
        article: Article,
        gazetteer: Gazetteer,
        topics: TopicMatcher,
        speaker_ids: set[str],
        rules: Rules | None = None,
        *,
        mentions: list[Mention] | None = None,
    ):
        self.article = article
        self.gazetteer = gazetteer
        self.topics = topics
        self.speaker_ids = speaker_ids
        self.rules = rules or load_rules()
        self.mentions = gazetteer.mentions(article.text) if mentions is None else mentions
        self.clauses: list[Clause] = []
        self.credits: list[Credit | None] = []
        self._names = {speaker.id: speaker.name for speaker in gazetteer.speakers}
        self._turns = find_turns(
            article.text, article.paragraphs, gazetteer.speakers, self.rules, self.mentions
        )
        runs = wrapped_runs(article, self.rules, self._turns)
        # quotation marks pair over a run of wrapped lines, as over one paragraph
        self.quotes = top_level(find_quotes(article.text, joined(article.paragraphs, runs)))
        self._turn_opening: int | None = None  # clause index opening the current turn paragraph
        # the last line announcing a list of one speaker's words: (clause index, credit)
        self._listed: tuple[int, Credit] | None = None
        self._ranks = body_ranks(article, runs)
        self.referents = Referents(gazetteer, self.rules)
        self.subjects = CueSubjects(self.rules, self.mentions, speaker_ids)
        self.cues = SentenceCues(
            self.rules,
            self.mentions,
            speaker_ids,
            gazetteer.speakers,
            self.subjects,
            self.referents,
        )
        self.antecedents = Antecedents(
            self.referents,
            self.rules,
            self.mentions,
            self._ranks,
            gazetteer.speakers,
            quoted=_quotation_paragraphs(article, self.quotes, self.mentions),
        )

    def parse_spans(self) -> list[tuple[int, int, int]]:
        """What of this article to parse: see `parse_spans`."""
        return parse_spans(self.article, self.gazetteer.speakers, self.rules, self.mentions)

    # -- per sentence -------------------------------------------------------------------
    def add_paragraph(self, index: int, doc: Any, base: int | None = None) -> None:
        """Attribute the sentences of paragraph `index`: a Doc of its own parsed from
        offset `base`, or a Span of a whole-text Doc (base 0)."""
        if base is None:
            base = self.article.paragraphs[index][0]
        turn = self._turns.get(index)
        text = self.article.text
        lo = getattr(doc, "start", 0)  # a Span's first token; a Doc starts at 0
        hi = lo + len(doc)
        first = len(self.clauses)
        opener = None if turn is not None else self._opener(index, base)
        if opener is not None:
            self._note(Person(index, opener[0], opener[1].words, True))
        for whole in doc.sents:
            sent = whole.doc[max(whole.start, lo) : min(whole.end, hi)]  # never past the unit
            if not len(sent):
                continue
            span = sentence_span(sent, base, text)
            if span is None:
                continue
            start, end = span
            clause = Clause(
                start,
                end,
                index,
                tuple((t.text, t.lemma_) for t in sent if not t.is_space),
                anaphoric=any(
                    t.lower_ == "such"
                    or (t.lower_ in self.rules.demonstratives and t.dep_ == "det")
                    for t in sent
                ),
                lead_in=text[end - 1] == ":",
                argued=self._argued(sent, start, end),
                present_view=self._present_view(sent, start, end),
                reports_present=_reports_present(sent),
                alleged=self._alleged(sent, start, end),
                first_person=any(
                    t.lower_ in self.rules.first_person_words
                    and not in_quotes(self.quotes, offset_of(t, base))
                    for t in sent
                ),
                content=content_words(
                    sent,
                    base,
                    text,
                    [(m.start, m.end) for m in self.mentions if m.start < end and m.end > start],
                ),
            )
            if turn is None:
                found = self._attribute(clause, sent, base)
            elif turn.speaker == OTHER:
                found = [
                    (own, _named_own(credit)) for own, credit in self._attribute(clause, sent, base)
                ]
            else:
                found = [(clause, self._in_turn(turn, index, first=sent.start == lo))]
            for own, credit in found:
                if credit is None and not own.cued and self._listed is not None:
                    credit = self._in_list(index, *self._listed)
                self.clauses.append(own)
                self.credits.append(credit)
        if turn is None and first < len(self.clauses):
            listed = self._list_announced(doc, index)
            if listed is not None:
                self._listed = (len(self.clauses) - 1, listed)
        if opener is not None and first < len(self.clauses):
            self._paraphrase(first, *opener)

    def _argued(self, sent: Any, start: int, end: int) -> bool:
        """'Without a dialogue, it would be very difficult to ...', 'Countries will never
        think alike': a main verb with a modal, the mood of a view reported, in a sentence
        that names no one (the writer's narration is of events, or names people; a present
        tense alone is as often the writer's background: 'Russia holds the presidency')."""
        if not self._impersonal(sent, start, end, self.rules.pronouns):
            return False
        if any(ent.label_ == "PERSON" for ent in sent.ents):
            return False
        return any(c.dep_ == "aux" and c.tag_ == "MD" for c in sent.root.children)

    def _present_view(self, sent: Any, start: int, end: int) -> bool:
        """'The global economy is recovering', 'It is unrealistic for one side to ...': a
        main verb in the present (or with a modal, or a present perfect), no past tense,
        in a sentence naming no one and no "he" or "his" (whose act it would narrate)."""
        pronouns = self.rules.pronouns | self.rules.pronoun_forms.keys()
        if self.article.text[end - 1] not in ".!…" or not self._impersonal(
            sent, start, end, pronouns
        ):
            return False  # a line with no stop is a heading; a question is no view told
        if any(ent.label_ == "PERSON" and ent.root.dep_ in _ACTOR_DEPS for ent in sent.ents):
            return False  # someone else acting or speaking ("Wang Yi's view is ...")
        return _in_present(sent.root)

    def _impersonal(self, sent: Any, start: int, end: int, pronouns: Container[str]) -> bool:
        """The sentence names no speaker, has none of `pronouns`, and is not the writer
        reasoning ("We may assume that ...", "one can extract the message that ...")."""
        if any(m.start < end and start < m.end for m in self.mentions):
            return False
        if any(t.lower_ in pronouns for t in sent):
            return False
        return not any(
            c.dep_ == "nsubj" and c.lower_ in self.rules.reasoning_subjects
            for c in sent.root.children
        )

    def _alleged(self, sent: Any, start: int, end: int) -> bool:
        """'The Russian president allegedly accepted these proposals': a main verb with an
        adverb of the data's `reportive`, a claim told as someone's, naming no speaker and
        no "he" (whose act it would narrate)."""
        if any(m.start < end and start < m.end for m in self.mentions):
            return False
        if any(t.lower_ in self.rules.pronouns for t in sent):
            return False
        return any(
            c.dep_ == "advmod" and c.lower_ in self.rules.reportive for c in sent.root.children
        )

    def _opener(self, index: int, base: int) -> tuple[str, Evidence] | None:
        """'As per the remarks of Lavrov, ...', 'According to Lavrov, ...' opening a
        paragraph: whose paraphrase the paragraph is."""
        end = self.article.paragraphs[index][1]
        match = self.rules.openers.match(self.article.text, base, end)
        if match is None:
            return None
        named = [m for m in self.mentions if match.start() <= m.start < match.end()]
        if len({m.speaker for m in named}) != 1:
            return None
        mention = named[0]
        words = self.article.text[match.start() : mention.start].strip()
        evidence = Evidence(
            mention.via,
            words,
            self.article.text[mention.start : mention.end],
            self._name(mention.speaker),
            role="source",
            according_to=True,
        )
        return mention.speaker, evidence

    def _list_announced(self, doc: Any, index: int) -> Credit | None:
        """'TASS has compiled the key statements by the Foreign Minister.': a paragraph
        with no quotation that names one speaker's remarks (as a title of remarks does)
        and a word of selection (rules data `compilation_marks`) announces a list of them."""
        start, end = self.article.paragraphs[index]
        if self._holds_quotation(index):
            return None
        if not any(t.lemma_.lower() in self.rules.compilation_marks for t in doc):
            return None
        found = remark_of(self.article.text, start, end, self.rules, self.mentions)
        if found is None:
            return None
        who, words = found
        mention = next(m for m in self.mentions if start <= m.start < end and m.speaker == who)
        evidence = Evidence(
            mention.via,
            words,
            self.article.text[mention.start : mention.end],
            self._name(who),
            role="author of the words listed",
        )
        return Credit(who, _via(evidence), evidence, own_cue=False)

    def _in_list(self, paragraph: int, at: int, announced: Credit) -> Credit | None:
        """A clause with no cue of its own, after the line announcing a speaker's list,
        in a paragraph holding a quotation: an item of the list (its quotation, or the
        line leading into it)."""
        if paragraph <= self.clauses[at].paragraph or not self._holds_quotation(paragraph):
            return None
        return carried(announced, at, "list")

    def _holds_quotation(self, paragraph: int) -> bool:
        start, end = self.article.paragraphs[paragraph]
        return any(q.start < end and start < q.end for q in self.quotes)

    def _paraphrase(self, first: int, who: str, evidence: Evidence) -> None:
        """The paragraph's first sentence is the opener's source's, unless credited
        otherwise; the sentences after it with no credit of their own go on with it."""
        if self.credits[first] is None:
            self.credits[first] = Credit(who, _via(evidence), evidence, own_cue=True)
        head = self.credits[first]
        if head is None or head.speaker != who:
            return
        for i in range(first + 1, len(self.clauses)):
            if self.credits[i] is None:
                self.credits[i] = carried(head, first, "paraphrase")

    def _in_turn(self, turn: Turn, paragraph: int, *, first: bool) -> Credit:
        """Everything said in a transcript turn is the labelled speaker's."""
        who = turn.speaker
        evidence = Evidence("turn", turn.label, turn.label, self._name(who), role=turn.kind)
        if first:
            self._turn_opening = len(self.clauses)
            self._note(Person(paragraph, who, turn.label, True))
            return Credit(who, "name", evidence, own_cue=True)
        return Credit(who, "name", evidence, own_cue=False, framed_by=self._turn_opening)

    def _note(self, person: Person) -> None:
        """Someone named while the current clause is read, for pronouns to refer to."""
        self.antecedents.note(person, len(self.clauses))

    def _name(self, who: str) -> str:
        return self._names.get(who, "someone else")

    def _attribute(
        self, clause: Clause, sent: Any, base: int
    ) -> list[tuple[Clause, Credit | None]]:
        """The sentence's credits: one clause per configured speaker who speaks in it,
        each cut to its own side, else the first decision; (clause, None) for nobody's."""
        quotes = [q for q in self.quotes if q.start < clause.end and q.end > clause.start]
        mentions = [m for m in self.mentions if clause.start <= m.start < clause.end]
        all_cues, cues = self.cues.of(sent, quotes, base)
        clause = replace(
            clause,
            cued=bool(all_cues),
            fragment=bool(cues) and self._fragment(sent, cues, quotes, base),
        )
        decisions: list[tuple[Token, str, Evidence]] = []
        rival_cues: list[tuple[Token, str]] = []  # cues of others, person or not
        known = len(self.antecedents.persons)
        for cue in cues:
            self._decide(clause, sent, base, cue, cues, quotes, mentions, decisions, rival_cues)
        if len(self.antecedents.persons) == known:
            # nobody spoke, or only a thing did ("Altman referred to the filing, which
            # pushed back ..."): the sentence's subjects still lead the next "he"
            self.antecedents.note_subject_person(
                sent, mentions, base, clause.paragraph, len(self.clauses), quotes
            )
        self.antecedents.note_mentions(
            sent, clause.paragraph, mentions, quotes, base, cues, len(self.clauses)
        )
        if not decisions:
            return [(clause, self._introducing(clause, sent, mentions, base))]
        for _cue, who, evidence in decisions:
            if who in self.speaker_ids and evidence.how in ("name", "title"):
                self.antecedents.count_forms(who, sent, quotes, base)
        chosen: list[tuple[Token, str, Evidence]] = []
        for decision in decisions:
            if decision[1] in self.speaker_ids and all(c[1] != decision[1] for c in chosen):
                chosen.append(decision)
        out = [
            self._credit(
                clause,
                sent,
                base,
                cue,
                who,
                evidence,
                all_cues,
                quotes,
                mentions,
                decisions,
                rival_cues,
            )
            for cue, who, evidence in chosen or decisions[:1]
        ]
        return sorted(out, key=lambda pair: pair[0].start)

    def _fragment(
        self, sent: Any, cues: Sequence[Token], quotes: Sequence[QuoteSpan], base: int
    ) -> bool:
        """'Or while questioning ...', 'And insisting ...': a participle first, no subject;
        'Says the government knows ...', 'Adds that ...': a live blog's or a summary's cue
        opening the sentence in the third person, its subject the speaker before."""
        if sent[0].pos_ == "CCONJ":
            return any(
                c.tag_ == "VBG"
                and c.i - sent.start <= 3
                and self.subjects.of(c, quotes, base) is None
                for c in cues
            )
        return any(
            c.i == sent.start and c.tag_ == "VBZ" and self.subjects.of(c, quotes, base) is None
            for c in cues
        )

    def _decide(
        self,
        clause: Clause,
        sent: Any,
        base: int,
        cue: Token,
        cues: Sequence[Token],
        quotes: Sequence[QuoteSpan],
        mentions: Sequence[Mention],
        decisions: list[tuple[Token, str, Evidence]],
        rival_cues: list[tuple[Token, str]],
    ) -> None:
        """Whose one deciding cue is: a decision (who, evidence), a rival's cue, or
        nothing (no subject, or a pronoun with no antecedent); speakers are noted for
        later pronouns."""
        subject = self.subjects.of(cue, quotes, base)
        if subject is None:
            return
        cue_words = cue.text
        if is_according(cue, self.rules):
            stance = stance_source(cue, self.rules) is not None
            cue_words = " ".join(t.text for t in cue.head.subtree) if stance else "according to"
        found = self.referents.speaker_of(subject, mentions, base)
        if found is not None and self.referents.joint(cue, subject):
            found = (OTHER, found[1])
        if found is None:
            resolved = self.antecedents.resolve_pronoun(
                clause.paragraph, subject, sent, quotes, base
            )
            if resolved is None:
                return
            who, evidence = resolved
            evidence = replace(evidence, cue=cue_words)
            decisions.append((cue, who, evidence))
            self._note_speaker(clause, who, self._name(who), subject, base)
            return
        who, via = found
        if who == OTHER and not (self.referents.person_like(subject) or cue is cues[0]):
            rival_cues.append((cue, who))  # "..., while the Commission said ..."
            return
        evidence = Evidence(
            via,
            cue_words,
            subject.text,
            self._name(who),
            role=_subject_role(subject, cue),
            according_to=cue_words == "according to",
        )
        decisions.append((cue, who, evidence))
        if who != OTHER or self.referents.person_like(subject):
            self._note_speaker(clause, who, subject.text, subject, base)

    def _note_speaker(
        self, clause: Clause, who: str, words: str, subject: Token, base: int
    ) -> None:
        """The subject of a speech cue, for later pronouns."""
        self._note(
            Person(clause.paragraph, who, words, True, spoke=True, at=offset_of(subject, base))
        )

    def _introducing(
        self, clause: Clause, sent: Any, mentions: Sequence[Mention], base: int
    ) -> Credit | None:
        """A line ending in a colon, a speaker named as its subject, a quotation opening
        right below it ("Lavrov started by discussing his call with Rubio:" / "“Rubio
        called me. ...”"): the line introduces his words, whatever its verb."""
        text = self.article.text
        if not clause.lead_in:
            return None
        after = past_spaces(text, clause.end, len(text))
        if after >= len(text) or text[after] not in OPENING_MARKS:
            return None
        for subject in subjects_of(sent.root):
            found = self.referents.speaker_of(subject, mentions, base)
            if found is not None and found[0] in self.speaker_ids:
                who, how = found
                evidence = Evidence(
                    how, sent.root.text, subject.text, self._name(who), role=_INTRODUCING
                )
                return Credit(who, _via(evidence), evidence, own_cue=True)
        return None

    def _credit(
        self,
        clause: Clause,
        sent: Any,
        base: int,
        cue: Token,
        who: str,
        evidence: Evidence,
        all_cues: list[Token],
        quotes: Sequence[QuoteSpan],
        mentions: Sequence[Mention],
        decisions: Sequence[tuple[Token, str, Evidence]],
        rival_cues: Sequence[tuple[Token, str]],
    ) -> tuple[Clause, Credit | None]:
        """One speaker's clause of the sentence, cut to the cue's side of every rival's
        words, with its credit."""
        rivals = [d[0] for d in decisions if d[1] != who]
        rivals += [c for c, other in rival_cues if other != who]
        rivals += self._narrated_around(cue, who, mentions, base)
        rivals += self._others_words_as_occasion(sent, who, mentions, base)
        own = clause
        if rivals:
            subject = self.subjects.of(cue, quotes, base)
            own = self._without_rivals(clause, sent, cue, rivals, base, subject)
            telling = [r for r in rivals if r.dep_ not in DESCRIBING_DEPS]
            if len(telling) < len(rivals):  # what merging compares keeps the description
                compared = clause
                if telling:
                    compared = self._without_rivals(clause, sent, cue, telling, base, subject)
                own = replace(own, compared=(compared.start, compared.end))
        own = self._drop_lead_in(own, cue, all_cues, who, quotes, mentions, base)
        own = self._after_semicolon(own, cue, quotes, base)
        inside = [q for q in quotes if q.start < own.end and q.end > own.start]
        record = replace(
            evidence,
            rival_cue=bool(rivals),
            unbalanced_quote=any(not q.balanced for q in inside),
        )
        return own, Credit(
            who,
            _via(record),
            record,
            own_cue=True,
            cue_at=offset_of(cue, base),
            points_back=not inside and _points_back(cue),
        )

    def _narrated_around(
        self, cue: Token, who: str, mentions: Sequence[Mention], base: int
    ) -> list[Token]:
        """The main clause around a cue in an 'as'/'while'/'when' clause, when that main
        clause narrates someone else ('X was not present as Blinken condemned ...'): it is
        cut out like a rival's clause."""
        if cue.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in ("as", "while", "when", "whereas")
            for c in cue.children
        ):
            return []
        head = cue.head
        while head.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in head.children):
            head = head.head  # "X ditched ... and was not present as ...": X's clause
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS and child.i < cue.i:
                found = self.referents.speaker_of(child, mentions, base)
                if (
                    found is not None
                    and found[0] != who
                    and (found[0] != OTHER or self.referents.person_like(child))
                ):
                    return [head]
        return []

    def _others_words_as_occasion(
        self, sent: Any, who: str, mentions: Sequence[Mention], base: int
    ) -> list[Token]:
        """'... after Putin's announcement that ...': a phrase naming someone else's words
        as the occasion of the statement is theirs, cut out like a rival's clause."""
        found = []
        for prep in sent:
            if prep.dep_ != "prep" or prep.lower_ not in self.rules.occasion_preps:
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in self.rules.speech_nouns:
                    continue
                for owner in noun.children:
                    if owner.dep_ != "poss":
                        continue
                    speaker = self.referents.speaker_of(owner, mentions, base)
                    if speaker is None or speaker[0] == who:
                        continue  # "his", or the speaker's own words
                    if (
                        speaker[0] != OTHER
                        or self.referents.person_like(owner)
                        or owner.pos_ == "PROPN"
                    ):
                        found.append(prep)
        return found

    def _without_rivals(
        self,
        clause: Clause,
        sent: Any,
        cue: Token,
        rivals: list[Token],
        base: int,
        subject: Token | None = None,
    ) -> Clause:
        """The clause cut to its own cue's side of every rival cue's words; the words from
        its speaker's subject to the cue stay ("Blinken saw reason to hope that ...")."""
        own = {t.i for t in cue.subtree}
        if subject is not None and subject.i < cue.i:
            own.update(range(subject.left_edge.i, cue.i))
        foreign: set[int] = set()
        spans: list[tuple[int, int]] = []
        for rival in rivals:
            top = rival
            if rival.dep_ in DESCRIBING_DEPS and _set_off(rival.head):
                top = rival.head  # ", a step that the Kremlin describes as ...": all of it
            block = {t.i for t in top.subtree}
            named = self.subjects.name_before(rival, base)
            if named is not None and named.i not in block:
                block |= {t.i for t in named.subtree}  # the rival's subject the parser misplaced
            # the speaker's own subject stays his even where the parser put it inside the
            # rival's clause ("While X has asserted ..., Musk and some critics have argued")
            words = block - own if cue.i in block else block - _phrase(subject)
            foreign |= words
            tokens = [t for t in sent if t.i in words]
            if tokens:
                spans.append(
                    (offset_of(tokens[0], base), offset_of(tokens[-1], base) + len(tokens[-1]))
                )
        lo = hi = cue.i
        while lo - 1 >= sent.start and lo - 1 not in foreign:
            lo -= 1
        while hi + 1 < sent.end and hi + 1 not in foreign:
            hi += 1
        doc = sent.doc

        def loose(i: int) -> bool:  # a rival's word or a joint between clauses
            return i in foreign or doc[i].dep_ in _EDGE_DEPS or doc[i].is_space

        # Cut only where the rival's words run to the sentence's edge: a rival clause in the
        # middle ("Blinken, whom Moscow accuses of ..., said") stays, its quotes excluded.
        if not all(loose(i) for i in range(hi + 1, sent.end)):
            hi = sent.end - 1
        if not all(loose(i) for i in range(sent.start, lo)):
            lo = sent.start
        if all(doc[i].is_punct or doc[i].is_space for i in range(hi + 1, sent.end)):
            hi = sent.end - 1  # '..., while Blinken called it "frank."': the end is his too
        if hi + 1 < sent.end:  # cut before a rival: drop the joints left at the edge
            while hi > cue.i and (
                (
                    doc[hi].dep_ in _EDGE_DEPS
                    and doc[hi].text not in _CLOSING
                    and not _closes_kept(doc, lo, hi)
                )
                or doc[hi].is_space
            ):
                hi -= 1
        if lo > sent.start:
            while lo < cue.i and doc[lo].dep_ in _EDGE_DEPS and doc[lo].text not in OPENING_MARKS:
                lo += 1
        start = max(clause.start, offset_of(doc[lo], base))
        end = clause.end if hi + 1 >= sent.end else offset_of(doc[hi], base) + len(doc[hi].text)
        end = min(end, clause.end)
        lead_in = self.article.text[end - 1] == ":"
        return replace(clause, start=start, end=end, lead_in=lead_in, excluded=tuple(spans))

    def _after_semicolon(
        self, clause: Clause, cue: Token, quotes: Sequence[QuoteSpan], base: int
    ) -> Clause:
        """'This was the first meeting ...; the Secretary says he raised ...': a clause
        the parser hung before a semicolon under a cue whose subject opens the words after
        it is none of that cue's."""
        subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i < cue.i]
        if not subjects:
            return clause
        first = subjects[0].left_edge
        if first.i == 0 or first.nbor(-1).text != ";" or first.nbor(-1).head.i != cue.i:
            return clause
        start = offset_of(first, base)
        if not clause.start < start < clause.end or in_quotes(quotes, start):
            return clause
        return replace(clause, start=start)

    def _drop_lead_in(
        self,
        clause: Clause,
        cue: Token,
        cues: list[Token],
        who: str,
        quotes: Sequence[QuoteSpan],
        mentions: Sequence[Mention],
        base: int,
    ) -> Clause:
        """'Here's what Lavrov said: Lavrov accused ...' starts at the second clause.

        Only when the words after the colon carry their own cue with the same speaker, so
        'Lavrov said: "..."' keeps its attribution.
        """
        text = self.article.text
        colon = text.find(": ", clause.start, offset_of(cue, base) + 200)
        if colon < 0 or offset_of(cue, base) > colon or in_quotes(quotes, colon):
            return clause
        for inner in cues:
            if offset_of(inner, base) <= colon:
                continue
            subject = self.subjects.of(inner, quotes, base)
            if subject is None or offset_of(subject, base) <= colon:
                continue
            found = self.referents.speaker_of(subject, mentions, base)
            if found is not None and found[0] == who:
                return replace(clause, start=past_spaces(text, colon + 1, clause.end))
        return clause

    # -- across sentences (across_sentences.py) -----------------------------------------
    def _across(self) -> ArticleClauses:
        return ArticleClauses(
            self.article,
            self.clauses,
            self.quotes,
            self.speaker_ids,
            self._ranks,
            self.topics,
            self.rules,
        )

    def _carry_quotes(self, credits: list[Credit | None]) -> list[Credit | None]:
        """Sentences inside a quotation, or after a lead-in, take the framing credit."""
        return carry_quotes(self._across(), credits)

    def statements(self) -> list[Statement]:
        """The article's statements: credits carried on, then grouped."""
        across = self._across()
        credits = carry_paraphrase(across, carry_back(across, self._carry_quotes(self.credits)))
        credits = carry_readout(across, credits)
        return group_statements(across, credits)


_ACTOR_DEPS = ("nsubj", "nsubjpass", "poss")


def _quotation_paragraphs(
    article: Article, quotes: Sequence[QuoteSpan], mentions: Sequence[Mention]
) -> frozenset[int]:
    """Paragraphs that are one quotation and nothing else, naming no speaker: the words of
    whoever spoke before them, which leave him the centre of the next "he"."""
    found = set()
    for quote in quotes:
        index = article.paragraph_of(quote.start)
        start, end = article.paragraphs[index]
        if (
            quote.start == start
            and quote.end >= end
            and not any(start <= m.start < end for m in mentions)
        ):
            found.add(index)
    return frozenset(found)


def _in_present(verb: Token) -> bool:
    """The verb's tense is the present, a present perfect or a modal's: no past."""
    tags = [verb.tag_, *(c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return "VBD" not in tags and any(t in ("VBZ", "VBP", "MD") for t in tags)


def _reports_present(sent: Any) -> bool:
    """'Lavrov noted that a year has passed ...', 'his view that competition is not ...':
    the sentence reports a clause in the present, a readout's way of keeping the tense of
    the words it reports (a news report shifts them: 'said the talks had failed')."""
    return any(t.dep_ in ("ccomp", "acl") and _in_present(t) for t in sent)


def _closes_kept(doc: Any, lo: int, hi: int) -> bool:
    """doc[hi] closes a bracket opened in doc[lo:hi] ("... Treaty (START)")."""
    return doc[hi].text == ")" and sum(t.text == "(" for t in doc[lo:hi]) > sum(
        t.text == ")" for t in doc[lo:hi]
    )


def _set_off(noun: Token) -> bool:
    """A noun phrase set off by a comma, naming what was just said (", a step that ..."):
    an apposition, however the parser attached it."""
    first = noun.left_edge
    return noun.dep_ == "appos" or (first.i > 0 and first.nbor(-1).text == ",")


def _phrase(subject: Token | None) -> set[int]:
    """The token indices of a subject's noun phrase with its coordinated names, no clauses."""
    if subject is None:
        return set()
    out = {subject.i}
    stack = [subject]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in ("compound", "det", "amod", "poss", "case", "cc", "conj", "flat"):
                out.add(child.i)
                stack.append(child)
    return out


def _points_back(cue: Token) -> bool:
    """'He stated this in his nightly address', 'This was stated by the President': the
    cue's object (or passive subject) is "this" and it reports no clause of its own (an
    outlet's tail set off by a comma, "..., the agency reports", is none)."""
    children = list(cue.children)
    pointing = any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ == "this" for c in children)
    return pointing and not any(
        c.dep_ in ("ccomp", "xcomp", "parataxis") and not _set_off_by_comma(c) for c in children
    )


def _set_off_by_comma(clause: Token) -> bool:
    """The clause starts with a comma or right after one."""
    first = clause.left_edge
    return first.text == "," or (first.i > 0 and clause.doc[first.i - 1].text == ",")


def _named_own(credit: Credit | None) -> Credit | None:
    """In a briefing turn only a speaker named by name or title with a cue of his own
    speaks; a pronoun there is the briefer's to resolve, not ours."""
    if credit is None or not credit.own_cue or credit.evidence.how not in ("name", "title"):
        return None
    return credit


def _via(evidence: Evidence) -> Via:
    how = evidence.how
    if how == "epithet":
        return "title"
    return how if how == "title" or how == "pronoun" else "name"


def _subject_role(subject: Token, cue: Token) -> str:
    """Where the speaker stands to the cue, as the reason says it."""
    if subject.head is cue and subject.i > cue.i:
        return "speaker named after the cue"
    if subject.head is cue:
        return "subject"
    return "subject of the governing verb"
