"""Evidence: what credited a statement to its speaker, and everything said about it.

One record per credit. The confidence is the prior of the identifying evidence (rules
data, `[evidence]`) times the modifiers that apply (`[evidence.modifiers]`), combined one
way; the reason shown to the reader is written from the same record, never parsed back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

from debate_tui.extract.rules import Rules

How = Literal["name", "title", "pronoun", "epithet", "turn"]


@dataclass(frozen=True, slots=True)
class Evidence:
    how: How  # how the speaker was identified
    cue: str  # the cue word(s), "according to", or the transcript label
    words: str  # the words that identify the speaker: "Lavrov", "He", "SECRETARY BLINKEN"
    speaker_name: str  # the configured speaker's full name (or "someone else")
    role: str = "subject"  # where those words sit: subject, named after the cue, ...
    rivals: tuple[str, ...] = ()  # others a pronoun could stand for
    previous_paragraph: bool = False  # a pronoun's antecedent is in the paragraph before
    according_to: bool = False
    rival_cue: bool = False  # someone else's cue in the same sentence
    unbalanced_quote: bool = False
    carried: str = ""  # "quotation" or "lead-in" when the credit comes from another sentence
    carried_from: str = ""  # the reason of the sentence it came from

    @property
    def prior_key(self) -> str:
        if self.how == "turn":
            return "transcript_turn"
        if self.how in ("pronoun", "epithet") and self.rivals:
            return "pronoun_with_rivals"
        return self.how

    def carried_over(self, kind: str, reason: str) -> Evidence:
        """The same credit, carried to a sentence inside a quotation or after a lead-in."""
        return replace(self, carried=kind, carried_from=reason)

    def as_dict(self) -> dict[str, Any]:
        """The fields that are set (rivals stay a tuple: statements are hashable)."""
        data = asdict(self)
        data.pop("carried_from")
        return {k: v for k, v in data.items() if v}


def confidence(evidence: Evidence, rules: Rules) -> float:
    value = rules.priors[evidence.prior_key]
    flags = {
        "previous_paragraph": evidence.previous_paragraph
        and evidence.how in ("pronoun", "epithet"),
        "according_to": evidence.according_to,
        "rival_cue_in_sentence": evidence.rival_cue,
        "unbalanced_quote": evidence.unbalanced_quote,
        "carried_over": bool(evidence.carried),
    }
    for name, applies in flags.items():
        if applies:
            value *= rules.modifiers[name]
    return round(max(value, 0.05), 2)


_CARRIED = {
    "quotation": "inside a quotation attributed by",
    "lead-in": "introduced by",
    "paraphrase": "in the paraphrase opened by",
    "list": "in the list announced as",
    "pointer": "told as said in the sentence after it, by",
}


# what gives a turn its speaker (`Turn.kind`, the evidence's role), told with its words
_TURN_REASONS = {
    "label": "transcript turn labelled '{}'",
    "quoted": "a quotation after '{}:'",
    "announced": "in the text announced as '{}'",
    "section": "in the section headed '{}'",
    "answer": "an interview's answer to '{}'",
}


def reason(evidence: Evidence) -> str:
    """The human-readable why, from the evidence alone."""
    if evidence.carried:
        return f"{_CARRIED[evidence.carried]} '{evidence.cue}' ({evidence.carried_from})"
    if evidence.how == "turn" and evidence.role == "signature":
        what = "a post" if "(@" in evidence.cue else "a quotation"  # "— Name (@handle)"
        return f"{what} signed '{evidence.cue}'"
    if evidence.how == "turn":
        shape = _TURN_REASONS.get(evidence.role, _TURN_REASONS["label"])
        return shape.format(evidence.cue)
    if evidence.how in ("pronoun", "epithet"):
        if evidence.role == "same sentence":
            where = "the subject of an earlier clause of this sentence"
        elif evidence.role == "topic":
            where = "the speaker the sentence opens on ('For him, ...')"
        elif evidence.role == "author":
            where = "the author of the words or paper the clause describes"
        else:
            paragraph = "the previous" if evidence.previous_paragraph else "this"
            where = f"the last speaking subject in {paragraph} paragraph"
        how = f"{evidence.how} '{evidence.words}' refers to {evidence.speaker_name}, {where}"
        if evidence.rivals:
            how += f"; also named since: {', '.join(evidence.rivals)}"
    else:
        how = f"{evidence.how} '{evidence.words}' is the {evidence.role}"
    text = f"cue '{evidence.cue}'; {how}"
    if evidence.rival_cue:
        text += "; another speaker's cue in the sentence"
    return text
