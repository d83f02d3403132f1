"""Token-level facts every pass of attribution reads: where a token stands in the
article's text, whether an offset is inside a quotation, which dependencies are subjects."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from debate_tui.extract.quotes import QuoteSpan

__all__ = ["DESCRIBING_DEPS", "SUBJECT_DEPS", "Token", "in_quotes", "offset_of", "subjects_of"]

Token = Any  # a spaCy Token; typed loosely so this module never imports spaCy

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A cue in a relative clause describing the speaker's words (", a decision that the White
# House describes as ...") is someone else's: the statement is cut before it, but merging
# still compares the uncut sentence (`Clause.compared`), so two outlets' reports of one
# remark, one with such a clause, still fold into one.
DESCRIBING_DEPS = frozenset({"relcl", "acl"})


def offset_of(token: Token, base: int) -> int:
    """The token's offset in the article's text (`base`: where its Doc starts)."""
    return base + int(token.idx)


def in_quotes(quotes: Sequence[QuoteSpan], offset: int) -> bool:
    """The offset falls strictly inside one of the quotations."""
    return any(q.start < offset < q.end for q in quotes)


def subjects_of(verb: Token, deps: frozenset[str] = SUBJECT_DEPS) -> list[Token]:
    """The verb's subjects; where it has none, those the parser hung on its auxiliary
    instead ("Musk has, in the past, questioned ...": "Musk" under "has")."""
    own = [c for c in verb.children if c.dep_ in deps]
    if own:
        return own
    return [
        g
        for aux in verb.children
        if aux.dep_ in ("aux", "auxpass") and aux.i < verb.i
        for g in aux.children
        if g.dep_ in deps
    ]


def perfect_read_as_passive(verb: Token) -> bool:
    """'He’s acknowledged that ...': the parser may take the contracted "has" for "is" and
    read a passive; a clause or an object after the verb shows it is the perfect."""
    return any(
        c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") and c.i == verb.i - 1
        for c in verb.children
    ) and any(c.dep_ in ("ccomp", "dobj") for c in verb.children)
