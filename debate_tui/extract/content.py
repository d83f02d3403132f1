"""A statement's content words, from what spaCy computed: lemmas, stop words, case.

Merging compares statements by their content (merge.py); spaCy has already lemmatised
every sentence, so extraction keeps the content lemmas with each statement and merging
never tokenises, stems or filters text again. Content is every word that is not a stop
word (spaCy's `is_stop`, except the negations, figures and opposites merging needs, see
words.py), not punctuation, not a speaker's name or title (names say nothing about a
remark) and not an outlet's credit ("per AP News"). Each lemma is lower case, except a
proper noun's: capitalised inside a sentence, it keeps a capital first letter, which is
how merging tells a swapped name ("Ukraine" for "Georgia") from a swapped word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from debate_tui.model import Speaker
from debate_tui.words import IDIOMS, KEPT_STOP_WORDS

Token = Any  # a spaCy Token; typed loosely, as in attribution.py

# An outlet credited for the words: "per AP News", "according to Reuters", "TASS reported".
CREDIT = re.compile(
    r"\b(?:per|according to|as reported by|reported by|citing)\s+(?:the\s+)?"
    r"[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*"
    r"|(?:\b[A-Z][\w.&-]*\s+)+(?:reported|reports)\b"
)
# The United States by any of its names is one word.
_US = re.compile(r"\b(?:U\.S\.A?\.?|US|USA|United States(?: of America)?)(?![\w.])")
_CODE = re.compile(r"^([a-z])-(\d)")  # "G-20" and "G20" are one word
_OPENERS = frozenset('.!?:;“"‘«(—–-[' + "\n")
AMERICA = "America"


def content_words(
    tokens: Iterable[Token], base: int, text: str, skip: Sequence[tuple[int, int]] = ()
) -> tuple[tuple[int, str], ...]:
    """(absolute offset, lemma) of each content word of one sentence's `tokens`.

    `base` is the offset of the tokens' Doc in `text` (the article); `skip` holds spans
    of `text` whose words are never content (speakers' names and titles).
    """
    words = [t for t in tokens if not t.is_space]
    if not words:
        return ()
    lo = base + words[0].idx
    hi = base + words[-1].idx + len(words[-1].text)
    dropped = [(lo + m.start(), lo + m.end()) for m in CREDIT.finditer(text[lo:hi])]
    dropped += [span for span in skip if span[0] < hi and span[1] > lo]
    america = [(lo + m.start(), lo + m.end()) for m in _US.finditer(text[lo:hi])]
    out: list[tuple[int, str]] = []
    initial = True  # the next word opens the sentence (or a quotation, a clause after ":")
    glued = ""  # "de-" waiting for the word it prefixes ("de-escalate")
    idiom = -1  # the second word of "not only", "no matter"
    for index, token in enumerate(words):
        at = base + token.idx
        if index == idiom:
            continue
        follower = words[index + 1].lower_ if index + 1 < len(words) else ""
        if (token.lower_, follower) in IDIOMS:
            idiom, initial = index + 1, False
            continue
        if not token.is_alpha and not token.like_num and not any(c.isalnum() for c in token.text):
            if not _OPENERS.isdisjoint(token.text):
                initial = True
            continue
        if any(a <= at < b for a, b in dropped):
            continue
        us = next((span for span in america if span[0] <= at < span[1]), None)
        if us is not None:
            if us[0] == at:
                out.append((at, AMERICA))
            initial = False
            continue
        lemma = (glued + token.lemma_).lower().replace("'", "").replace("’", "")
        glued = ""
        if lemma == "de" and index + 2 < len(words) and words[index + 1].text == "-":
            glued = "de"
            continue
        lemma = _CODE.sub(r"\1\2", lemma)
        opening, initial = initial, False
        if not lemma or (token.is_stop and lemma not in KEPT_STOP_WORDS and not token.like_num):
            continue
        proper = (
            token.text[:1].isupper()
            and (not opening or token.text.isupper())
            and not token.like_num
        )
        out.append((at, lemma[:1].upper() + lemma[1:] if proper else lemma))
    return tuple(out)


def statement_lemmas(
    texts: Sequence[str], speakers: Sequence[Speaker] = ()
) -> list[tuple[str, ...]]:
    """Content lemmas of whole texts, each one statement, parsed with the project's
    pipeline and with the speakers' names and titles left out, as extraction does.

    For statements made outside extraction: tests' synthetic statements, benchmarks."""
    from debate_tui.extract.pipeline import load_nlp
    from debate_tui.extract.speakers import Gazetteer

    out: list[tuple[str, ...]] = []
    for doc in load_nlp().pipe(texts):
        text = doc.text
        names = [(m.start, m.end) for m in Gazetteer(tuple(speakers), text).mentions(text)]
        out.append(tuple(w for sent in doc.sents for _, w in content_words(sent, 0, text, names)))
    return out
