"""Dates as occasion labels and metadata give them, for ordering groups and showing them.

Occasion labels carry a date only as far as an article gives it ("..., 2 March",
"Geneva meeting, January 2022"); metadata dates are ISO ("2023-03-02"). Pure standard
library, so the reader can order groups without the extraction code.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH = {name.lower(): number for number, name in enumerate(MONTHS, 1)}
_MONTH.update({name[:3].lower(): number for number, name in enumerate(MONTHS, 1)})
_NAMES = "|".join(sorted(_MONTH, key=len, reverse=True))
_DATE = re.compile(
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d))"
    rf"|(?:(?P<day>\d{{1,2}})\s+(?P<month>(?:{_NAMES})\.?)(?:,?\s+(?P<year>\d{{4}}))?)"
    rf"|(?:(?P<month2>(?:{_NAMES})\.?)(?:\s+(?P<day2>\d{{1,2}})(?!\d))?"
    r"(?:,?\s+(?P<year2>\d{4}))?)"
    r"|(?P<year3>\b(?:19|20)\d\d\b)",
    re.IGNORECASE,
)


class When(NamedTuple):
    """A date as far as it is known: any part may be missing."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def known(self) -> bool:
        return self.year is not None or self.month is not None

    def sort_key(self) -> tuple[int, int, int, int]:
        """Known dates first, oldest first; a date without a year after those with one;
        undated last."""
        if not self.known:
            return (1, 0, 0, 0)
        return (0, self.year or 9999, self.month or 0, self.day or 0)

    def label(self) -> str:
        """ "2 March 2023", "March 2023", "2023" as far as known."""
        parts = [str(self.day)] if self.day and self.month else []
        if self.month:
            parts.append(MONTHS[self.month - 1])
        if self.year:
            parts.append(str(self.year))
        return " ".join(parts)


def find_date(text: str | None) -> When:
    """The last date written in `text` (labels end with their date), else an unknown one."""
    if not text:
        return When()
    found = When()
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        if groups["iso"]:
            month, day = int(groups["im"]), int(groups["id"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                found = When(int(groups["iy"]), month, day)
        elif groups["month"]:
            month = _MONTH[groups["month"].rstrip(".").lower()]
            year = int(groups["year"]) if groups["year"] else None
            found = When(year, month, int(groups["day"]))
        elif groups["month2"] and (groups["day2"] or groups["year2"]):
            # ("May" alone is a verb as often as a month.)
            found = When(
                int(groups["year2"]) if groups["year2"] else None,
                _MONTH[groups["month2"].rstrip(".").lower()],
                int(groups["day2"]) if groups["day2"] else None,
            )
        elif groups["year3"]:
            found = When(int(groups["year3"]))
    return found
