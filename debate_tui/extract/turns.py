"""Transcript turns and datelines: a document-level pass over paragraphs, before parsing.

A turn label is a speaker's name or title on its own before a colon opening a paragraph
("SECRETARY BLINKEN:", "Foreign Minister Lavrov (via interpreter):"), a role such as
"QUESTION:" or "MODERATOR:", or an honorific plus a name ("MR PRICE:"). Only a document
with several labels reads as a transcript; there each turn lasts until the next label,
over any number of paragraphs. A dateline ("KARACHI:", "OSLO, March 3 (Newswire) -") or a
heading with a colon ("Blinken Vs Lavrov: ...") is no label: it names nobody on its own.
Pure Python, shapes and words from the rules data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from debate_tui.corpus import is_heading
from debate_tui.extract.rules import Rules
from debate_tui.model import Speaker

OTHER = "\x00other"  # a person or body that is not a configured speaker


@dataclass(frozen=True, slots=True)
class Turn:
    """Whose turn a paragraph belongs to, and the label that opened it."""

    speaker: str  # a speaker id or OTHER
    label: str
    opens: bool  # this paragraph carries the label itself


def dateline_end(text: str, start: int, end: int, rules: Rules) -> int:
    """Where a paragraph's body starts: past a dateline opening it, else at `start`."""
    paragraph = text[start:end]
    for shape in rules.datelines:
        match = shape.match(paragraph)
        if match and match.end() < len(paragraph):
            return start + match.end()
    return start


def _bare(words: str) -> list[str]:
    return [w.strip(".,’'").lower() for w in words.split() if w.strip(".,’'")]


def _label_speaker(label: str, speakers: tuple[Speaker, ...], rules: Rules) -> str | None:
    """The speaker a label names on its own, OTHER for a role or someone else, None when
    the words before the colon are no label at all (a dateline, a headline)."""
    words = _bare(label)
    if not words:
        return None
    if " ".join(words) in rules.turn_roles:
        return OTHER
    for speaker in speakers:
        for phrase in (*speaker.aliases, *speaker.titles):
            own = _bare(phrase)
            if own and own[0] == "the":
                own = own[1:]
            if words == own:
                return speaker.id
            # "SECRETARY BLINKEN", "FOREIGN MINISTER LAVROV": honorifics, then the name
            rest = words[: len(words) - len(own)]
            if own and words[-len(own) :] == own and rest and set(rest) <= rules.honorifics:
                return speaker.id
    # "MR PRICE", "FOREIGN MINISTER WANG": someone else's turn
    head = [w for w in words if w in rules.honorifics]
    if head and words[: len(head)] == head and 1 <= len(words) - len(head) <= 3:
        return OTHER
    return None


def find_turns(
    text: str, paragraphs: list[tuple[int, int]], speakers: tuple[Speaker, ...], rules: Rules
) -> dict[int, Turn]:
    """The turn of every paragraph of a transcript (empty when the text is none)."""
    labels: dict[int, Turn] = {}
    for index, (start, end) in enumerate(paragraphs):
        paragraph = text[start:end]
        match = rules.turn_label.match(paragraph)
        if not match:
            continue
        label = re.sub(r"\s+", " ", match.group("label"))
        if match.end() < len(paragraph) and is_heading(paragraph):
            continue  # "Lavrov: West Must Listen" is a headline quoting him, not a turn
        who = _label_speaker(label, speakers, rules)
        if who is not None:
            labels[index] = Turn(who, label, True)
    if len(labels) < rules.min_labels:
        return {}
    turns: dict[int, Turn] = {}
    current: Turn | None = None
    for index in range(len(paragraphs)):
        if index in labels:
            current = labels[index]
            turns[index] = current
        elif current is not None:
            turns[index] = Turn(current.speaker, current.label, False)
    return turns
