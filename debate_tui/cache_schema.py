"""The shape every cache entry must have before anything in it is trusted.

A cache file is input like any other: it may be truncated, edited by hand, written by
another version or by someone else. One declarative schema per kind of entry checks the
type and shape of every field (`"confidence": "high"`, `"start": "x"`, `"topics":
"crimea"`, `"text": 12345`, `warnings` of objects are all caught); `problem` names the
first field that is wrong, and the cache treats the entry as corrupt: one warning, then
it is rebuilt and overwritten, so nothing bad survives.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, get_args

from debate_tui.model import Kind, Via

__all__ = ["ARTICLE_ENTRY", "ARTICLE_META", "CORPUS_STATEMENT", "REPORTS", "problem"]


class Check:
    """A shape: `ok` answers fast (a warm start checks every statement of a corpus);
    `why` says, only once something is wrong, which field and what it should be."""

    def ok(self, value: Any) -> bool:
        raise NotImplementedError

    def why(self, value: Any, at: str) -> str | None:
        raise NotImplementedError


class _Kind(Check):
    def __init__(self, expected: str, test: Callable[[Any], bool]) -> None:
        self.expected = expected
        self.test = test

    def ok(self, value: Any) -> bool:
        return self.test(value)

    def why(self, value: Any, at: str) -> str | None:
        return None if self.ok(value) else f"{at}: expected {self.expected}"


class ListOf(Check):
    def __init__(self, item: Check) -> None:
        self.item = item

    def ok(self, value: Any) -> bool:
        return type(value) is list and all(map(self.item.ok, value))

    def why(self, value: Any, at: str) -> str | None:
        if type(value) is not list:
            return f"{at}: expected a list"
        for index, element in enumerate(value):
            found = self.item.why(element, f"{at}[{index}]")
            if found:
                return found
        return None


class Record(Check):
    """An object with exactly these fields (the optional ones may be left out); with
    `spans_text`, its text is exactly as long as start to end (it is the file's text there),
    so an offset moved, or a text swapped, by hand never passes for the article's words."""

    def __init__(
        self,
        required: dict[str, Check],
        optional: dict[str, Check] | None = None,
        *,
        spans_text: bool = False,
    ) -> None:
        self.fields = {**required, **(optional or {})}
        # A plain kind's own test, not its method: one call less per field.
        self.tests = {key: getattr(check, "test", check.ok) for key, check in self.fields.items()}
        self.needed = frozenset(required)
        self.spans_text = spans_text

    def ok(self, value: Any) -> bool:
        if type(value) is not dict or not self.needed <= value.keys():
            return False
        tests = self.tests
        for key, element in value.items():
            test = tests.get(key)
            if test is None or not test(element):
                return False
        return not self.spans_text or value["end"] - value["start"] == len(value["text"])

    def why(self, value: Any, at: str) -> str | None:
        if type(value) is not dict:
            return f"{at}: expected an object"
        if not self.needed <= value.keys():
            return f"{at}.{min(self.needed - value.keys())}: missing"
        for key, element in value.items():
            field = self.fields.get(key) if type(key) is str else None
            if field is None:
                return f"{at}: unexpected field {key!r}"
            found = field.why(element, f"{at}.{key}")
            if found:
                return found
        if self.spans_text and value["start"] > value["end"]:
            return f"{at}: start after end"
        if self.spans_text and value["end"] - value["start"] != len(value["text"]):
            return f"{at}: text is not as long as start to end"
        return None


def _is_count(value: Any) -> bool:
    return type(value) is int and value >= 0


def _is_share(value: Any) -> bool:
    return type(value) in (int, float) and not math.isnan(value) and 0 <= value <= 1


_KINDS = frozenset(get_args(Kind))
_VIAS = frozenset(get_args(Via))
TEXT = _Kind("a string", lambda value: type(value) is str)
MAYBE_TEXT = _Kind("a string or null", lambda value: value is None or type(value) is str)
COUNT = _Kind("a whole number >= 0", _is_count)
SHARE = _Kind("a number from 0 to 1", _is_share)
KIND = _Kind(f"one of {sorted(_KINDS)}", lambda value: type(value) is str and value in _KINDS)
VIA = _Kind(f"one of {sorted(_VIAS)}", lambda value: type(value) is str and value in _VIAS)
SPAN = _Kind(
    "a [start, end] pair",
    lambda value: (
        type(value) is list
        and len(value) == 2
        and _is_count(value[0])
        and _is_count(value[1])
        and value[0] <= value[1]
    ),
)


def _is_evidence(value: Any) -> bool:
    """What credited a statement: words, flags and lists of names (extract/evidence.py)."""
    return type(value) is dict and all(
        type(key) is str
        and (
            type(item) in (str, bool)
            or (type(item) is list and all(type(name) is str for name in item))
        )
        for key, item in value.items()
    )


EVIDENCE = _Kind("an object of words, flags and lists of names", _is_evidence)
MAYBE_KIND = _Kind(f"null or {KIND.expected}", lambda value: value is None or KIND.ok(value))
MAYBE_VIA = _Kind(f"null or {VIA.expected}", lambda value: value is None or VIA.ok(value))
MAYBE_SHARE = _Kind(f"null or {SHARE.expected}", lambda value: value is None or SHARE.ok(value))
REPORT = Record(
    {"source": TEXT, "start": COUNT, "end": COUNT, "text": TEXT},
    # How that wording was attributed (kept since the source view describes it).
    {"kind": MAYBE_KIND, "cue": TEXT, "via": MAYBE_VIA, "confidence": MAYBE_SHARE, "reason": TEXT},
    spans_text=True,
)
_STATEMENT_FIELDS: dict[str, Check] = {
    "speaker": TEXT,
    "text": TEXT,
    "kind": KIND,
    "topics": ListOf(TEXT),
    "start": COUNT,
    "end": COUNT,
    "paragraph": COUNT,
    "cue": TEXT,
    "via": VIA,
    "confidence": SHARE,
    "reason": TEXT,
}
_STATEMENT_OPTIONAL: dict[str, Check] = {
    "quotes": ListOf(SPAN),
    "occasion": MAYBE_TEXT,
    "reports": ListOf(REPORT),
    "evidence": EVIDENCE,
    "lemmas": ListOf(TEXT),
}
# An article's entry is credited to whichever file holds that text, so its source is
# optional there; a corpus entry's statements each name theirs.
ARTICLE_STATEMENT = Record(
    _STATEMENT_FIELDS, {**_STATEMENT_OPTIONAL, "source": TEXT}, spans_text=True
)
# A corpus store keeps a statement's reports apart, read when asked for (a remark printed
# by 10,000 copies carries megabytes of them): a statement there has no field of them, and
# its reports are checked as a list of their own.
CORPUS_STATEMENT = Record(
    {**_STATEMENT_FIELDS, "source": TEXT},
    {key: check for key, check in _STATEMENT_OPTIONAL.items() if key != "reports"},
    spans_text=True,
)
REPORTS = ListOf(REPORT)
ARTICLE_META = Record(
    {"source": TEXT, "title": TEXT},
    {"outlet": MAYBE_TEXT, "date": MAYBE_TEXT, "url": MAYBE_TEXT, "occasion": MAYBE_TEXT},
)
# With an article's statements, the layout spaCy found (model.Layout): sentences and dates.
ARTICLE_ENTRY = Record(
    {"statements": ListOf(ARTICLE_STATEMENT)}, {"sentences": ListOf(SPAN), "dates": ListOf(SPAN)}
)


def problem(schema: Check, data: Any) -> str | None:
    """What is wrong with `data` under `schema` (the first field that is), or None."""
    if schema.ok(data):
        return None
    return schema.why(data, "entry") or "entry: not what it should be"


def corrupt(where: str, entry: str, reason: str) -> str:
    """The one warning for a cache entry that cannot be trusted: the reader, the command
    line and the tests all know it by these words."""
    return f"{where}: cache entry {entry} is corrupt ({reason}); rebuilding it"
