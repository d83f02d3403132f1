"""Hard-wrapped lines: runs of lines that are one paragraph broken in the middle of a sentence.

Wire copy is often printed at a fixed width, or broken wherever a link stood ("his lawsuit
accused" / "OpenAI CEO" / "Sam Altman and his top deputy of ..."). Each line would then be
parsed alone and a statement lost across the break. A line runs on into the next when it
has no closing punctuation and either the next line starts in lower case, or it ends with
a word that never ends a sentence (rules data, `[lines] glue`) or a hyphen, or it began a
sentence it does not finish ("... ChatGPT. After Musk invested ..., his lawsuit accused").
Once a run has started it goes on until a line closes a sentence; a blank line always ends
it. Headlines, which have no closing punctuation either, end in none of these ways, and a
line in title case (a headline over a byline in lower case) never starts a run. Pure
Python, offsets unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Container

from debate_tui.extract.rules import Rules
from debate_tui.model import Article

_CLOSED = re.compile(r"[.!?…\"”’'»)\]:;|]$")
# a quotation closed right after a word, no stop before the mark
_QUOTED_WORD_END = re.compile(r"\w[”\"’»]$")
# a sentence that ends inside the line and another that starts after it, still open
_SENTENCE_STARTED = re.compile(r"[a-z0-9)”\"’][.!?][”\"’]?\s+[A-Z“\"][^.!?]*\s\S+$")
# a line opened by a few capitalised words and a colon ("Ukraine: US offers ...", "Read
# More: ...") is a heading or a label of its own, never the rest of a sentence above
_LABELLED_LINE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}:\s")


def wrapped_runs(article: Article, rules: Rules, apart: Container[int] = ()) -> dict[int, int]:
    """The first line of each run of hard-wrapped lines -> its last line. Lines in `apart`
    (transcript turns) and furniture never join a run."""
    text = article.text
    lines = article.paragraphs
    runs: dict[int, int] = {}
    first: int | None = None
    for index in range(len(lines) - 1):
        start, end = lines[index]
        nxt = index + 1

        def usable(i: int) -> bool:
            return i not in article.boilerplate and i not in apart

        line = text[start:end]
        following = text[lines[nxt][0] : lines[nxt][1]]
        gap = text[end : lines[nxt][0]].replace("\r\n", "\n").replace("\r", "\n")
        joins = (
            usable(index)
            and usable(nxt)
            and gap.count("\n") == 1  # a blank line always ends a paragraph
            and not _LABELLED_LINE.match(following)
            and (
                not _CLOSED.search(line)
                # 'described it as “destructive”' / 'and said ...': a quotation closed
                # on a word, the sentence going on below
                or (bool(_QUOTED_WORD_END.search(line)) and following[:1].islower())
            )
        )
        if joins and first is None:
            words = line.split()
            joins = not _title_case(words) and (
                following[:1].islower()
                or words[-1].lower() in rules.line_glue
                or line.endswith("-")
                or (len(words) > 8 and bool(_SENTENCE_STARTED.search(line)))
            )
        if joins:
            if first is None:
                first = index
            runs[first] = nxt
        else:
            first = None
    return runs


def _title_case(words: list[str]) -> bool:
    """A headline's capitals: most words of four or more letters capitalised ("US May
    Abandon Peace Efforts if ..."); a wrapped sentence has them only on names."""
    long = [w for w in words if len(w.strip(".,:;!?\"“”‘’'()")) >= 4]
    capital = [w for w in long if w.strip("\"“”‘’'(")[:1].isupper()]
    return len(long) >= 4 and len(capital) >= 0.7 * len(long)


def joined(paragraphs: list[tuple[int, int]], runs: dict[int, int]) -> list[tuple[int, int]]:
    """The paragraphs with each run of wrapped lines as one."""
    out: list[tuple[int, int]] = []
    last = -1
    for index, (start, _end) in enumerate(paragraphs):
        if index <= last:
            continue
        last = runs.get(index, index)
        out.append((start, paragraphs[last][1]))
    return out
