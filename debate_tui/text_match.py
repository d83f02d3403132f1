"""Finding typed text in articles' text the way a reader means it.

A reader types "don't" and the article prints "don’t"; types "Sergei" and it prints
"Sergeï"; types "-" for an en dash. Both sides are folded the same way (case, quotes and
apostrophes, dashes, accents, compatibility forms such as ligatures), and matches are
mapped back to spans of the original text so they can be highlighted there.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from debate_tui.model import ArticleMeta, Debate, Pairing, Row, Statement

_SAME = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´ʹʼ", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−⁃", "-"),
        "\u00a0": " ",
    }
)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = unicodedata.normalize("NFKD", char.translate(_SAME))
    return "".join(c for c in folded if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """`text` as matching sees it."""
    return "".join(_fold_char(char) for char in text)


def _folded_with_origins(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index it came from."""
    pieces: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        pieces.append(folded)
        origins.extend([index] * len(folded))
    return "".join(pieces), origins


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Spans of `text` that match `query` once both are folded; plain text, no patterns."""
    wanted = fold(query)
    if not wanted:
        return []
    folded, origins = _folded_with_origins(text)
    spans: list[tuple[int, int]] = []
    at = folded.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        spans.append((origins[at], origins[end - 1] + 1))
        at = folded.find(wanted, end)
    return spans


def contains(text: str, query: str) -> bool:
    """Whether `query` occurs in `text`, folded."""
    wanted = fold(query)
    return not wanted or wanted in fold(text)


def card_matches(
    statement: Statement, query: str, meta: ArticleMeta | None, group: str | None = None
) -> bool:
    """Whether a card shows `query`: in the statement, or in the occasion, outlet or title
    its footer and group name ("Malta" finds what was said at the Malta meeting)."""
    if not query:
        return True
    fields = [statement.text, group or "", statement.occasion or ""]
    if meta is not None:
        fields += [meta.title, meta.outlet or "", meta.occasion or ""]
    wanted = fold(query)
    return any(wanted in fold(field) for field in fields if field)


def row_matches(row: Row, query: str, debate: Debate) -> bool:
    """Whether either card of the row shows `query`."""
    return any(
        cell is not None and card_matches(cell, query, debate.article(cell.source), row.group)
        for cell in (row.left, row.right)
    )


def matching_rows(pairing: Pairing, query: str, debate: Debate) -> list[Row]:
    """The rows of `pairing` that show `query` (all of them for an empty query)."""
    if not query:
        return list(pairing.rows)
    return [row for row in pairing.rows if row_matches(row, query, debate)]
