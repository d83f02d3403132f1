"""Token-level facts every pass of attribution reads: where a token stands in the
article's text, whether an offset is inside a quotation, which dependencies are subjects."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from debate_tui.extract.quotes import QuoteSpan

__all__ = ["SUBJECT_DEPS", "Token", "in_quotes", "offset_of"]

Token = Any  # a spaCy Token; typed loosely so this module never imports spaCy

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def offset_of(token: Token, base: int) -> int:
    """The token's offset in the article's text (`base`: where its Doc starts)."""
    return base + int(token.idx)


def in_quotes(quotes: Sequence[QuoteSpan], offset: int) -> bool:
    """The offset falls strictly inside one of the quotations."""
    return any(q.start < offset < q.end for q in quotes)
