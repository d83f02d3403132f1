"""SYNTHETIC near-duplicates: statements copied to other outlets with small edits.

Wire copy is republished with a word dropped, a word swapped, a clause cut or a figure
changed. These helpers make such copies deterministically (a seeded generator), so merge
tests can hold many outlets' reports of one remark without committing any article text.
"""

from __future__ import annotations

import random
from dataclasses import replace

from debate_tui.model import Statement

_SWAPS = {
    "said": "stated",
    "told": "informed",
    "Russia": "Moscow",
    "war": "conflict",
    "must": "should",
    "will": "would",
    "talks": "negotiations",
    "countries": "nations",
}
_INSERTS = ("also", "again", "reportedly", "on Thursday", "in a statement")
# Edits that keep the claim: what a copy editor does to wire copy.
KEEPING = ("drop", "swap", "insert", "cut", "repeat")
EVERY_EDIT = (*KEEPING, "number", "negate")


def edited(
    text: str, rng: random.Random, edits: int = 1, kinds: tuple[str, ...] = EVERY_EDIT
) -> str:
    """The text with `edits` small edits: a word dropped, swapped, repeated or inserted,
    a figure changed, a "not" added, or the last few words cut."""
    words = text.split()
    for _ in range(edits):
        if len(words) < 4:
            break
        kind = rng.choice(kinds)
        at = rng.randrange(1, len(words) - 1)
        if kind == "drop":
            del words[at]
        elif kind == "swap":
            swappable = [i for i, w in enumerate(words) if w in _SWAPS]
            if swappable:
                i = rng.choice(swappable)
                words[i] = _SWAPS[words[i]]
        elif kind == "insert":
            words.insert(at, rng.choice(_INSERTS))
        elif kind == "cut" and len(words) > 8:
            del words[-rng.randrange(1, 3) :]
        elif kind == "number":
            words.insert(at, str(rng.randrange(2, 99)))
        elif kind == "negate":
            words.insert(at, "not")
        elif kind == "repeat":
            words.insert(at, words[at])
    return " ".join(words)


def republished(
    originals: list[Statement], copies: int, seed: int, edits: int = 1
) -> list[Statement]:
    """Each original, then up to `copies` edited copies of it printed by other outlets.

    Offsets of a copy are its own (the outlets are imaginary); the number of copies of each
    original varies so clusters of many sizes, and statements with none, are all present.
    """
    rng = random.Random(seed)
    out: list[Statement] = []
    position = 0  # every copy gets offsets of its own, so statement ids stay distinct
    for original in originals:
        out.append(original)
        for outlet in range(rng.randrange(copies + 1)):
            text = edited(original.text, rng, rng.randrange(1, edits + 1))
            out.append(
                replace(
                    original,
                    text=text,
                    source=f"outlet-{outlet}/{original.source}",
                    start=position,
                    end=position + len(text),
                    quotes=(),
                    reports=(),
                )
            )
            position += len(text) + 1
    rng.shuffle(out)
    return out
