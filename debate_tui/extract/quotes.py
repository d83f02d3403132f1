"""Finding direct quotations by pairing quote marks, without ever failing on odd input.

Marks are classified as opening or closing from what surrounds them, not from their
glyph alone, because print routinely uses the wrong curly mark (“...“). Straight, curly
and guillemet double quotes are paired; single quotes only at top level, and a right
single quote between letters is an apostrophe. A quote left open runs to the end of its
paragraph and is marked unbalanced, which lowers confidence downstream.
"""

from __future__ import annotations

from dataclasses import dataclass

_DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“", '"': '"'}
_DOUBLE_CLOSE = {"”", "»", '"', "“"}
_SINGLE_OPEN = {"‘"}
_SINGLE_CLOSE = {"’"}
_OPEN_CONTEXT = " \t\n\r([{—–-/\u00a0"
_QUOTE_CHARS = set('“”«»„"‘’')
# Every mark that may open a quotation, for the passes that ask what a line starts with.
OPENING_MARKS = frozenset({*_DOUBLE_OPEN, *_SINGLE_OPEN})


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A direct quotation: `start` at its opening mark, `end` just past its closing mark."""

    start: int
    end: int
    balanced: bool
    nested: bool = False

    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - (1 if self.balanced else 0)

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


def _is_opening(text: str, i: int, lo: int, hi: int) -> bool | None:
    """True opening, False closing, None when context cannot tell."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    opens = before in _OPEN_CONTEXT or before in _QUOTE_CHARS
    closes = after in " \t\n\r.,;:!?)]}—–-…\u00a0" or after in _QUOTE_CHARS or i + 1 >= hi
    if after.isspace() and before.isspace():
        return None
    if opens and not closes:
        return True
    if closes and not opens:
        return False
    return None


def _pair_in_paragraph(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    inner_at: int | None = None  # a quotation opened inside the open one
    for i in range(lo, hi):
        ch = text[i]
        commas = ch == "," and _two_commas_open(text, i, lo, hi)
        if commas:
            ch = "„"  # ",,Who is he?": a low opening mark typed as two commas
        elif ch not in _DOUBLE_OPEN and ch not in _DOUBLE_CLOSE:
            continue
        role = True if commas else _is_opening(text, i, lo, hi)
        if role is None:
            if ch in ("“", "«", "„"):
                role = open_at is None
            elif ch in ("”", "»"):
                role = False
            else:
                role = open_at is None
        if open_at is None:
            if role:
                open_at = i - 1 if commas else i  # both commas open it
            # a stray closing mark with nothing open is ignored
        elif inner_at is not None and (not role or ch in ("”", "»")):
            spans.append(QuoteSpan(inner_at, i + 1, True, nested=True))
            inner_at = None
        elif not role or ch in ("”", "»"):
            spans.append(QuoteSpan(open_at, i + 1, True))
            open_at = None
        elif ch in ("“", "«") and inner_at is None and _closers_after(text, i, hi) >= 2:
            # '“... When we say “peace talks” – I don’t ...,”': a quotation inside the open
            # one, both closed further on
            inner_at = i
        else:
            # an opening mark while one is open: the first was never closed
            spans.append(QuoteSpan(open_at, i, False))
            open_at = i
    if open_at is not None:
        spans.append(QuoteSpan(open_at, hi, False))
    spans.extend(_single_quotes(text, lo, hi, spans))
    return sorted(spans, key=lambda s: s.start)


def _two_commas_open(text: str, i: int, lo: int, hi: int) -> bool:
    """The second of two commas typed for a low opening mark (',,Who is he?'): after a
    space or the paragraph's start, right before a letter."""
    before = text[i - 2] if i - 2 >= lo else " "
    return (
        i - 1 >= lo
        and text[i - 1] == ","
        and before in _OPEN_CONTEXT
        and i + 1 < hi
        and text[i + 1].isalpha()
    )


def _closers_after(text: str, i: int, hi: int) -> int:
    """Closing curly marks and guillemets after `i` in the paragraph."""
    return sum(text.count(mark, i + 1, hi) for mark in ("”", "»"))


def _single_quotes(text: str, lo: int, hi: int, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch in _SINGLE_OPEN:
            before = text[i - 1] if i > lo else " "
            if before in _OPEN_CONTEXT or before in _QUOTE_CHARS:
                open_at = i
        elif ch in _SINGLE_CLOSE and open_at is not None:
            before = text[i - 1] if i > lo else " "
            after = text[i + 1] if i + 1 < hi else " "
            if before.isalpha() and after.isalpha():
                continue  # apostrophe: don't, Moscow’s
            nested = any(d.start < open_at and i < d.end for d in doubles)
            out.append(QuoteSpan(open_at, i + 1, True, nested=nested))
            open_at = None
    return out


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """All quote spans, paragraph by paragraph, in document order."""
    spans: list[QuoteSpan] = []
    for lo, hi in paragraphs:
        spans.extend(_pair_in_paragraph(text, lo, hi))
    return spans


def top_level(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Quotes that are not inside another quote (a quote within a quote is the outer one's)."""
    return [s for s in spans if not s.nested]
