"""Clauses and their credits: what the per-sentence rules produce for each sentence.

`Clause` is one sentence (or the part of it that is one speaker's); `Credit` is whose it is
and why. Attribution writes them; the passes across sentences read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from debate_tui.extract.evidence import Evidence, reason
from debate_tui.model import Via

__all__ = ["Clause", "Credit", "carried"]


@dataclass(frozen=True, slots=True)
class Clause:
    """One sentence as parsed (or the part of it that is one speaker's)."""

    start: int
    end: int
    paragraph: int
    words: tuple[tuple[str, str], ...]
    anaphoric: bool = False  # "such an agreement", "this decision": refers back
    lead_in: bool = False  # ends in ":", framing the next sentence
    # reads as a view paraphrased: its main verb with a modal, nobody named in it
    argued: bool = False
    # tells a claim as someone's: its main verb with "allegedly", no speaker named in it
    alleged: bool = False
    # speaks in the first person outside any quotation, with no cue: "It will work if our
    # dialogue is ...", a quotation going on without its marks
    first_person: bool = False
    # states something in the present or with a modal, naming no one and no "he": how a
    # readout goes on with the view of the speaker it last reported ("The world has come
    # to a crossroads.")
    present_view: bool = False
    # reports a clause in the present ("noted that a year has passed"): a readout's tense
    reports_present: bool = False
    # opens with a conjunction and holds only cues without a subject: "Or while
    # questioning why ...", the previous sentence going on
    fragment: bool = False
    cued: bool = False  # holds a speech cue, whoever's
    excluded: tuple[tuple[int, int], ...] = ()  # spans of rival cues' words
    # (offset, lemma) of the sentence's content words (extract/content.py)
    content: tuple[tuple[int, str], ...] = ()
    # What merging compares when a clause describing the words was cut off: the span
    # before that cut (", a step that the Kremlin describes as ..."); None: start to end.
    compared: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Credit:
    """Whose a clause is and why; `framed_by` is the index of the clause it came from."""

    speaker: str
    via: Via
    evidence: Evidence
    own_cue: bool
    framed_by: int | None = None
    cue_at: int = -1  # offset of the clause's own cue word, when it has one
    # the cue's only object is "this": the clause tells who said what went before ("He
    # stated this in his nightly address") and says nothing itself
    points_back: bool = False


def carried(owner: Credit | None, index: int, kind: str) -> Credit | None:
    """The owner's credit taken on by the clause it frames (`index`), as `kind`
    ("quotation", "lead-in", "paraphrase")."""
    if owner is None:
        return None
    evidence = owner.evidence
    return Credit(
        owner.speaker,
        owner.via,
        evidence.carried_over(kind, reason(evidence)),
        own_cue=False,
        framed_by=index,
    )
