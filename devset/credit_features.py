"""Features of a learned credit fallback: how likely a sentence the rules left alone is a
given speaker's statement (an experiment, see train_credit_model.py; not used by the
extractor).

The rules credit a sentence only when they can name the cue and its subject. Where they
find nobody at all (no credit, not even someone else's), a logistic regression over what
spaCy and the rules already computed (names, titles and pronouns in and around the
sentence, speech verbs anywhere in it and the ones the rules refused, quotations, rivals,
what the rules made of the sentences beside it) gives the probability that the sentence is
a given speaker's. A sentence in a transcript turn, or one the rules gave to someone else,
is never a candidate: the model only fills the rules' silences.

Everything here reads an `ArticleAttributor` through the attributes it has had since the
dev set's second round, so the experiment also runs against older versions of the rules
(`train_credit_model.py --code`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from debate_tui.extract.attribution import ArticleAttributor, Credit
from debate_tui.extract.cues import is_cue
from debate_tui.extract.evidence import Evidence
from debate_tui.extract.quotes import QuoteSpan
from debate_tui.extract.rules import Rules
from debate_tui.extract.speakers import Mention
from debate_tui.model import Via

Token = Any  # a spaCy Token; typed loosely so this module never imports spaCy
Signals = dict[str, float]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_FIRST_PERSON = frozenset({"i", "we", "my", "our", "me", "us"})
_QUOTE_MARKS = frozenset('"“”«»„‘')

# Signals of the sentence itself, the same for every speaker.
SENTENCE = (
    "cue_word",  # a speech verb of the rules' lists anywhere outside quotations
    "cue_root",  # ... as the sentence's root
    "cue_shape",  # a cue the rules accepted (whoever's)
    "quote",  # holds (part of) a quotation
    "opens_quote",  # starts with a quotation mark
    "all_quoted",  # lies wholly inside a quotation
    "unbalanced",  # inside a quotation left open
    "pronoun_subject",  # "he"/"she" as a subject outside quotations
    "first_person",  # "I", "we", "our" outside quotations
    "question",  # ends with a question mark
    "other_person",  # a PERSON entity that is no speaker's mention, outside quotations
    "role_word",  # spokesman, official, ministry ... outside any speaker's mention
    "first_in_paragraph",
    "length",  # tokens / 60, at most 1
    "transcript",  # the article has transcript turns
    "cue_refused",  # a speech verb the rules refused (negated, hedged, "what X said", ...)
    "negation",  # a negation outside quotations
    "whether",  # "whether"/"if" opening a clause: a question, not an act
    "root_subject_person",  # the main verb's subject is a person who is no speaker
    "root_subject_thing",  # ... is "it", "this" or a thing
)
# Signals of one speaker in the sentence and around it.
SPEAKER = (
    "named",  # the speaker's name is in the sentence
    "titled",  # one of the speaker's titles is
    "subject",  # ... as a subject
    "root_subject",  # ... as the subject of the main verb
    "possessive",  # ... as a possessive ("Blinken's commitment")
    "other_speaker",  # the other configured speaker is named in the sentence
    "last_subject",  # the last person the rules took as a subject is this speaker
    "last_subject_other",  # ... is someone else
    "pronoun_agrees",  # the subject pronoun's form is how the article refers to them
    "pronoun_disagrees",
    "prev_credited",  # the rules credited the sentence before to this speaker
    "prev_credited_rival",  # ... to the other speaker
    "prev_credited_other",  # ... to someone else
    "next_credited",  # the rules credited the sentence after to this speaker
    "prev_named",  # the speaker is named in the sentence before
    "paragraph_named",  # ... earlier in the same paragraph
)
# Conjunctions a linear model cannot form by itself.
PAIRS = (
    ("named", "cue_word"),
    ("subject", "cue_word"),
    ("pronoun_subject", "last_subject"),
    ("pronoun_subject", "prev_credited"),
    ("opens_quote", "prev_credited"),
    ("all_quoted", "prev_credited"),
    ("quote", "named"),
    ("root_subject", "cue_word"),
    ("root_subject", "cue_refused"),
)
FEATURES = (*SENTENCE, *SPEAKER, *(f"{a}*{b}" for a, b in PAIRS))


def _inside(quotes: Sequence[QuoteSpan], offset: int) -> bool:
    return any(q.start <= offset < q.end for q in quotes)


def sentence_signals(
    sent: Any,
    base: int,
    span: tuple[int, int],
    quotes: Sequence[QuoteSpan],
    mentions: Sequence[Mention],
    rules: Rules,
    *,
    cued: bool,
    first: bool,
    transcript: bool,
) -> Signals:
    """What a sentence holds, whoever it may be of."""
    start, end = span
    inside = [q for q in quotes if q.start < end and q.end > start]
    mentioned = [(m.start, m.end) for m in mentions if m.start < end and m.end > start]

    def free(token: Token) -> bool:  # in the narration, not in a quotation or a mention
        at = base + token.idx
        return not _inside(inside, at) and not any(lo <= at < hi for lo, hi in mentioned)

    words = [t for t in sent if not t.is_space]
    subjects = [c for c in sent.root.children if c.dep_ in _SUBJECT_DEPS]
    subject = subjects[0] if subjects else None
    in_mention = subject is not None and any(lo <= base + subject.idx < hi for lo, hi in mentioned)
    person = (
        subject is not None
        and not in_mention
        and (
            subject.ent_type_ == "PERSON"
            or subject.lemma_.lower() in rules.person_roles
            or subject.lower_ in rules.source_nouns
        )
    )
    thing = (
        subject is not None
        and not in_mention
        and not person
        and (subject.lower_ in rules.non_person_pronouns or subject.pos_ == "NOUN")
    )
    text_end = sent.doc.text[: sent.end_char].rstrip() if len(sent) else ""
    return {
        "cue_word": float(any(t.lemma_.lower() in rules.cues and free(t) for t in words)),
        "cue_root": float(sent.root.lemma_.lower() in rules.cues),
        "cue_shape": float(cued),
        "quote": float(bool(inside)),
        "opens_quote": float(any(abs(q.start - start) <= 1 for q in inside)),
        "all_quoted": float(any(q.start <= start and end <= q.end for q in inside)),
        "unbalanced": float(any(not q.balanced for q in inside)),
        "pronoun_subject": float(
            any(t.lower_ in rules.pronouns and t.dep_ in _SUBJECT_DEPS and free(t) for t in words)
        ),
        "first_person": float(any(t.lower_ in _FIRST_PERSON and free(t) for t in words)),
        "question": float(text_end.endswith("?")),
        "other_person": float(any(e.label_ == "PERSON" and free(e[0]) for e in sent.ents)),
        "role_word": float(any(t.lemma_.lower() in rules.person_roles and free(t) for t in words)),
        "first_in_paragraph": float(first),
        "length": min(len(words), 60) / 60,
        "transcript": float(transcript),
        "cue_refused": float(
            any(
                t.lemma_.lower() in rules.cues
                and t.pos_ == "VERB"
                and free(t)
                and not is_cue(t, rules)
                for t in words
            )
        ),
        "negation": float(any(t.dep_ == "neg" and free(t) for t in words)),
        "whether": float(any(t.dep_ == "mark" and t.lower_ in ("whether", "if") for t in words)),
        "root_subject_person": float(person),
        "root_subject_thing": float(thing),
    }


def speaker_signals(
    sent: Any,
    base: int,
    span: tuple[int, int],
    mentions: Sequence[Mention],
    speaker: str,
    *,
    last_subject: str | None,
    pronoun_form: str | None,
    forms: Mapping[str, int],
) -> Signals:
    """What the sentence says of one speaker (context from the rules is added later)."""
    start, end = span
    own = [m for m in mentions if m.speaker == speaker and start <= m.start < end]
    deps = set()
    for mention in own:
        for token in sent:
            head = base + token.head.idx
            if mention.start <= base + token.idx < mention.end and not (
                mention.start <= head < mention.end
            ):
                deps.add(token.dep_)
    agrees = pronoun_form is not None and (
        not forms or forms.get(pronoun_form, 0) >= max(forms.values())
    )
    root_subjects = [base + c.idx for c in sent.root.children if c.dep_ in _SUBJECT_DEPS]
    return {
        "root_subject": float(any(m.start <= at < m.end for m in own for at in root_subjects)),
        "named": float(any(m.via == "name" for m in own)),
        "titled": float(any(m.via == "title" for m in own)),
        "subject": float(bool(deps & _SUBJECT_DEPS)),
        "possessive": float("poss" in deps),
        "other_speaker": float(
            any(m.speaker != speaker and start <= m.start < end for m in mentions)
        ),
        "last_subject": float(last_subject == speaker),
        "last_subject_other": float(last_subject is not None and last_subject != speaker),
        "pronoun_agrees": float(agrees),
        "pronoun_disagrees": float(pronoun_form is not None and not agrees),
    }


def pronoun_form(sent: Any, quotes: Sequence[QuoteSpan], base: int, rules: Rules) -> str | None:
    """The form ("he", "she") of the first subject pronoun outside quotations."""
    for token in sent:
        if (
            token.lower_ in rules.pronouns
            and token.dep_ in _SUBJECT_DEPS
            and not _inside(quotes, base + token.idx)
        ):
            return rules.pronoun_forms.get(token.lower_)
    return None


def vector(signals: Mapping[str, float]) -> list[float]:
    """The features in FEATURES order, conjunctions included."""
    values = [float(signals.get(name, 0.0)) for name in (*SENTENCE, *SPEAKER)]
    values += [float(signals.get(a, 0.0)) * float(signals.get(b, 0.0)) for a, b in PAIRS]
    return values


@dataclass(frozen=True, slots=True)
class CreditModel:
    """Logistic regression weights by feature name, and the probability that credits."""

    weights: tuple[float, ...]  # in FEATURES order
    bias: float
    threshold: float

    def probability(self, signals: Mapping[str, float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, vector(signals), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def strongest(self, signals: Mapping[str, float], count: int = 3) -> list[str]:
        """The features that pushed most toward credit, for the reason shown."""
        pushed = [
            (w * x, name)
            for name, w, x in zip(FEATURES, self.weights, vector(signals), strict=True)
            if w * x > 0
        ]
        return [name for _v, name in sorted(pushed, reverse=True)[:count]]


def model_from_table(table: Mapping[str, Any]) -> CreditModel:
    """A model from its TOML table; features it does not know are an error, features it
    lacks weigh nothing."""
    weights = dict(table["weights"])
    unknown = set(weights) - set(FEATURES)
    if unknown:
        raise ValueError(f"credit model has unknown features {sorted(unknown)}")
    return CreditModel(
        tuple(float(weights.get(name, 0.0)) for name in FEATURES),
        float(table["bias"]),
        float(table["threshold"]),
    )


def describe(names: Iterable[str]) -> str:
    return ", ".join(name.replace("_", " ").replace("*", " and ") for name in names)


# -- reading the rules' work ----------------------------------------------------------------
MODEL_CUE = "learned model"  # the cue of a statement the fallback credited


class ReadingAttributor(ArticleAttributor):
    """The extractor's attributor, also keeping the signals of each sentence it reads and,
    when `model` is set, crediting what the rules left silent where the model is sure."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.signals: dict[tuple[int, int], dict[str, Signals]] = {}
        self.model: CreditModel | None = None

    def _attribute(self, clause: Any, sent: Any, base: int) -> Any:
        paragraph = clause.paragraph
        if paragraph in self._turns:
            return super()._attribute(clause, sent, base)
        before = self._last_subject(paragraph)
        found = super()._attribute(clause, sent, base)
        if len(found) == 1:
            own = found[0][0]
            first = sent.start == 0  # each paragraph is a Doc of its own here
            self.signals[(own.start, own.end)] = self._read(sent, base, own, before, first)
        return found

    def _last_subject(self, paragraph: int) -> str | None:
        """Who the last person taken as a subject in this or the previous paragraph is."""
        here = self._ranks[paragraph]
        for person in reversed(self.antecedents.persons):
            if self._ranks[person.paragraph] < here - 1:
                return None
            if person.subject:
                return str(person.who)
        return None

    def _read(
        self, sent: Any, base: int, clause: Any, last_subject: str | None, first: bool
    ) -> dict[str, Signals]:
        span = (clause.start, clause.end)
        quotes = [q for q in self.quotes if q.start < clause.end and q.end > clause.start]
        out = {
            "": sentence_signals(
                sent,
                base,
                span,
                quotes,
                self.mentions,
                self.rules,
                cued=clause.cued,
                first=first,
                transcript=bool(self._turns),
            )
        }
        form = pronoun_form(sent, quotes, base, self.rules)
        for speaker in sorted(self.speaker_ids):
            out[speaker] = speaker_signals(
                sent,
                base,
                span,
                self.mentions,
                speaker,
                last_subject=last_subject,
                pronoun_form=form,
                forms=self.antecedents.forms.get(speaker, {}),
            )
        return out

    def rule_credits(self) -> list[Any]:
        """Each clause's credit from the rules alone, quotations and lead-ins carried."""
        return list(super()._carry_quotes(self.credits))

    def _carry_quotes(self, credits: list[Any]) -> list[Any]:
        out = super()._carry_quotes(credits)
        return out if self.model is None else self._fallback(out, self.model)

    def candidates(
        self, credits: list[Any], *, credited: bool = False
    ) -> list[tuple[int, str, Signals]]:
        """(clause, speaker, signals) for each clause the rules left without any credit
        (with `credited`, every clause outside transcript turns) and each speaker."""
        clauses = self.clauses
        named = [{m.speaker for m in self.mentions if c.start <= m.start < c.end} for c in clauses]
        out = []
        for index, clause in enumerate(clauses):
            signals = self.signals.get((clause.start, clause.end))
            if signals is None or (credits[index] is not None and not credited):
                continue
            here = self._ranks[clause.paragraph]
            prev = (
                index - 1
                if index and self._ranks[clauses[index - 1].paragraph] >= here - 1
                else None
            )
            after = (
                index + 1
                if index + 1 < len(clauses)
                and self._ranks[clauses[index + 1].paragraph] <= here + 1
                else None
            )
            before = credits[prev] if prev is not None else None
            following = credits[after] if after is not None else None
            earlier: set[str] = set()
            for i in range(index - 1, -1, -1):
                if clauses[i].paragraph != clause.paragraph:
                    break
                earlier |= named[i]
            for speaker in sorted(self.speaker_ids):
                row = {**signals[""], **signals[speaker]}
                row["prev_credited"] = float(before is not None and before.speaker == speaker)
                row["prev_credited_rival"] = float(
                    before is not None
                    and before.speaker != speaker
                    and before.speaker in self.speaker_ids
                )
                row["prev_credited_other"] = float(
                    before is not None and before.speaker not in self.speaker_ids
                )
                row["next_credited"] = float(following is not None and following.speaker == speaker)
                row["prev_named"] = float(prev is not None and speaker in named[prev])
                row["paragraph_named"] = float(speaker in earlier)
                out.append((index, speaker, row))
        return out

    def _fallback(self, credits: list[Any], model: CreditModel) -> list[Any]:
        """Clauses the rules left without any credit, given to the likeliest speaker
        where the model's probability passes its threshold."""
        best: dict[int, tuple[float, str, Signals]] = {}
        for index, speaker, row in self.candidates(credits):
            p = model.probability(row)
            if p >= model.threshold and (index not in best or p > best[index][0]):
                best[index] = (p, speaker, row)
        out = list(credits)
        for index, (p, speaker, row) in best.items():
            via: Via = "name" if row["named"] else "title" if row["titled"] else "pronoun"
            evidence = Evidence(
                how=via,
                cue=MODEL_CUE,
                words=f"{p:.2f}: {describe(model.strongest(row))}",
                speaker_name=self._name(speaker),
                role="sentence",
            )
            out[index] = Credit(speaker, via, evidence, own_cue=False)
        return out
