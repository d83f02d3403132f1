"""Where and when each statement was made, from the article text and the corpus metadata.

A reader comparing two speakers wants their remarks from one event side by side, so every
statement gets a canonical occasion label ("G20 foreign ministers' meeting, New Delhi,
2 March"). Labels are canonical so that articles from different outlets about one event
share one label exactly: "G-20" and "G20" are one organisation, "conference" and
"meeting" one kind of gathering, "Geneva, Switzerland" is Geneva.

How a statement finds its occasion:

1. its own sentence names the setting ("told the G20 meeting", "at the summit in Bali");
2. it refers back to an event named just before ("At that meeting, ..."), or it is told in
   the past perfect after a sentence about an earlier event;
3. otherwise it belongs to the article's main occasion: the `occasion` of corpus/sources.toml
   when given (normalised the same way), else the first current event the article names.

A mention that is only a vaguer form of the main occasion ("the meeting", "the G-20
session") is the main occasion. Across the corpus, mentions of one event (same organisation
and place) are unified, so a date one outlet gives is shared by the others. Nothing is
invented: a label carries a date only when some article about that event gives it; a
weekday becomes a date only when the article's own date is known.

Pure Python, no spaCy: the sentences and DATE entities it reads are those spaCy found at
extraction, kept in the cache with each article (`model.Layout`); it runs whenever a corpus
changed, never on a warm start.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from debate_tui.model import Article, Layout, Statement

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH_ABBREVIATIONS = {name[:3]: index + 1 for index, name in enumerate(_MONTHS)}
_MONTH_NUMBER = {name: index + 1 for index, name in enumerate(_MONTHS)}
_MONTH_NUMBER.update({f"{abbr}.": number for abbr, number in _MONTH_ABBREVIATIONS.items()})
_MONTH_NUMBER["Sept."] = 9
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

_MONTH = r"(?:" + "|".join(_MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
_WEEKDAY = r"(?:" + "|".join(_WEEKDAYS) + r")"

# Organisations whose gatherings make news, with the names writers use. The canonical name
# comes first; a parenthetical expansion or acronym after the name is absorbed.
_ORGANISATIONS: tuple[tuple[str, str], ...] = (
    ("UN Security Council", r"(?:UN|U\.N\.|United Nations)\s+Security\s+Council"),
    ("UN General Assembly", r"(?:UN|U\.N\.|United Nations)\s+General\s+Assembly"),
    ("UN Human Rights Council", r"(?:UN|U\.N\.|United Nations)\s+Human\s+Rights\s+Council"),
    ("G20", r"G-?20|Group\s+of\s+(?:Twenty|20)"),
    ("G7", r"G-?7|Group\s+of\s+(?:Seven|7)"),
    ("G8", r"G-?8|Group\s+of\s+(?:Eight|8)"),
    ("OSCE", r"OSCE|Organi[sz]ation\s+for\s+Security\s+and\s+Co-?operation\s+in\s+Europe"),
    ("NATO", r"NATO|North\s+Atlantic\s+Treaty\s+Organi[sz]ation|North\s+Atlantic\s+Council"),
    ("ASEAN", r"ASEAN|Association\s+of\s+South-?east\s+Asian\s+Nations"),
    ("APEC", r"APEC|Asia-Pacific\s+Economic\s+Cooperation"),
    ("SCO", r"SCO|Shanghai\s+Cooperation\s+Organi[sz]ation"),
    ("BRICS", r"BRICS"),
    ("CSTO", r"CSTO|Collective\s+Security\s+Treaty\s+Organi[sz]ation"),
    ("CIS", r"Commonwealth\s+of\s+Independent\s+States"),
    ("African Union", r"African\s+Union"),
    ("Arab League", r"Arab\s+League"),
    ("Council of Europe", r"Council\s+of\s+Europe"),
    ("EU", r"EU|E\.U\.|European\s+Union"),
    ("UN", r"UN|U\.N\.|United\s+Nations"),
)
_ORG = "|".join(f"(?P<org{index}>{pattern})" for index, (_, pattern) in enumerate(_ORGANISATIONS))

_MINISTERS = (
    r"(?P<ministers>foreign|finance|defen[cs]e|trade|energy|health|interior)\s+ministers?['’]?"
)
_MODIFIER = (
    r"(?i:(?:(?:high-level|annual|informal|emergency|extraordinary|plenary|regular|"
    r"leaders['’]?|heads[- ]of[- ]state)\s+)*"
    rf"(?:{_MINISTERS}\s+|(?P<ministerial>ministerial)\s+)?)"
)
_HEAD_WORDS = (
    r"summit|meeting|conference|talks|session|gathering|forum|negotiations|"
    r"consultations|council|ministerial"
)
_HEAD = rf"(?P<head>(?i:{_HEAD_WORDS}))"
_TAIL = r"(?:\s+of\s+(?:the\s+)?(?P<tail>foreign|finance|defen[cs]e|trade)\s+ministers)?"
_PLACE_WORD = r"(?:[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)"
_PLACE = rf"(?:{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})"
_IN_PLACE = (
    rf"(?:,?\s+(?:held\s+|hosted\s+|taking\s+place\s+|that\s+took\s+place\s+)?in\s+"
    rf"(?!{_MONTH}\b)(?P<place>{_PLACE})"
    rf"(?:,\s+(?!{_MONTH}\b|{_WEEKDAY}\b)(?P<country>{_PLACE})(?![\w-]))?)?"
)
_KIND_WORD = (
    r"(?i:ministerial|high-level|annual|informal|emergency|extraordinary|plenary|regular|"
    r"leaders|heads|foreign|finance|defen[cs]e|trade|energy|health|interior)"
)
_ORDINAL = r"(?:(?P<ordinal>\d{1,3}(?:st|nd|rd|th))\s+)?"
# Case matters for names and places ("in New Delhi", not "in person"); not for kinds.
_MENTION = re.compile(
    rf"(?<![\w-]){_ORDINAL}"
    rf"(?:(?P<org_name>{_ORG})(?![\w-])(?:\s*\([^()\n]{{1,80}}\))?\s+)?"
    rf"(?:(?!{_KIND_WORD}\b)(?P<before>{_PLACE_WORD}(?:['’]s)?)\s+)?"
    rf"{_MODIFIER}{_HEAD}\b{_TAIL}{_IN_PLACE}"
)
# "The last time they met in person was in Geneva": a meeting named by its verb.
_MET_IN = re.compile(
    r"\bmet\b(?:\s+(?:in\s+person|face[- ]to[- ]face|privately|briefly|again|last|first))*"
    rf"(?:\s+was)?\s+in\s+(?!{_MONTH}\b)(?P<place>{_PLACE})(?:,\s+(?!{_MONTH}\b)"
    rf"(?P<country>{_PLACE})(?![\w-]))?"
)
_NOT_A_GATHERING = re.compile(r"(?:press|news|video|phone|telephone|media)\s*$", re.IGNORECASE)
_NOT_A_PLACE = frozenset(
    """
    The This That These Those A An Its His Her Their Our Last Next First Second Third Final
    Previous Recent Same Annual Brief Thursday Monday Tuesday Wednesday Friday Saturday Sunday
    Peace Security Ministerial Summit Meeting Emergency Special Crisis Bilateral Western
    Foreign Finance Defence Defense Informal Extraordinary High Leaders Trade Energy
    """.split()
) | frozenset(_MONTHS)

# Any of these words in a paragraph: it may name an occasion (every mention has one).
_GATHERING = re.compile(rf"\b(?:{_HEAD_WORDS}|met)\b", re.IGNORECASE)

_DATE_WORD = re.compile(rf"\d|\b(?:{_MONTH}|{_WEEKDAY})")

# A weekday alone ("on Thursday"): also what a DATE entity just before an event may be.
_WEEKDAY_DATE = re.compile(rf"\b(?:on\s+|this\s+|last\s+)?(?P<weekday>{_WEEKDAY})\b(?!['’]s)")
# Read a date from the text of a DATE entity spaCy found (or from a label a user wrote).
_DATE_PATTERNS = (
    re.compile(
        rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})"
        r"(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?"
    ),
    re.compile(
        rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})"
        r"(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?"
    ),
    re.compile(rf"(?P<month>{_MONTH})(?:\s+of)?\s+(?P<year>(?:19|20)\d{{2}})\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})\b"),
    _WEEKDAY_DATE,
)
# A date must follow its event closely: same clause, no new event or subordinate clause.
_DATE_GAP = re.compile(r"^[^.;!?]{0,100}?$")
_CLAUSE_BREAK = re.compile(r"\b(?:since|after|before|which|who|that|when|while|until|but)\b")
_BEFORE_EVENT = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?")  # "Thursday| at the |G-20 meeting"
_POSSESSIVE_WEEKDAY = re.compile(rf"(?P<weekday>{_WEEKDAY})['’]s")

_PAST = re.compile(
    r"\b(?:last\s+time|previous(?:ly)?|earlier|last\s+(?:year|month|week|summer|winter|spring|"
    r"autumn|fall|" + "|".join(_MONTHS) + r")|a\s+(?:year|month|week|decade)\s+ago|ago|"
    r"had\s+met|former|back\s+in|the\s+eve\s+of)\b",
    re.IGNORECASE,
)
_ANAPHORA = re.compile(
    r"\b(?:at|during|in|on\s+the\s+sidelines\s+of|after)\s+(?:that|those|the\s+same)\s+"
    r"(?:meeting|talks|summit|conference|session|encounter|gathering|ministerial)\b"
    r"|^\W*There,",
    re.IGNORECASE,
)
_SETTING = re.compile(
    r"\b(?:at|during|on\s+the\s+(?:sidelines|margins)\s+of|told|addressed|address|"
    r"in\s+(?:a|his|her)\s+(?:speech|address|remarks)\s+(?:to|at))\s+"
    r"(?:the\s+|a\s+|an\s+|this\s+(?:week['’]s\s+)?|last\s+week['’]s\s+)?$",
    re.IGNORECASE,
)
_PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?\w+(?:ed|en|told|said|met|made|warned)\b")

GENERIC = "meeting"
_SUMMIT = "summit"
_MINISTERIAL = "ministerial meeting"


@dataclass(frozen=True, slots=True)
class Occasion:
    """An event as far as the text pins it down; any field may be unknown."""

    kind: str = GENERIC
    org: str | None = None
    place: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    ordinal: str | None = None

    @property
    def specific(self) -> bool:
        """Named well enough to be a label: an organisation or a place."""
        return self.org is not None or self.place is not None

    @property
    def label(self) -> str:
        """The canonical label: "31st OSCE ministerial meeting, Malta"."""
        if self.org:
            head = f"{self.org} {self.kind}"
            parts = [f"{self.ordinal} {head}" if self.ordinal else head]
            if self.place:
                parts.append(self.place)
        else:
            parts = [f"{self.place} {self.kind}" if self.place else self.kind.capitalize()]
        when = self.date_label
        if when:
            parts.append(when)
        return ", ".join(parts)

    @property
    def date_label(self) -> str | None:
        month = _MONTHS[self.month - 1] if self.month else None
        if self.day and month:
            return f"{self.day} {month} {self.year}" if self.year else f"{self.day} {month}"
        if month:
            return f"{month} {self.year}" if self.year else None
        return str(self.year) if self.year else None


@dataclass(frozen=True, slots=True)
class Mention:
    """An occasion named in an article, where it is named, and whether it is a past event."""

    occasion: Occasion
    start: int
    end: int
    past: bool


def _kind_family(kind: str) -> str:
    if kind == GENERIC:
        return GENERIC
    if kind in (_MINISTERIAL, "foreign ministers' meeting"):
        return _MINISTERIAL  # an OSCE "ministerial" is a meeting of foreign ministers
    return kind


def _kind_rank(kind: str) -> int:
    """More specific kinds win when two mentions of one event are combined."""
    if kind == GENERIC:
        return 0
    if kind == _MINISTERIAL:
        return 1
    return 2


def compatible(a: Occasion, b: Occasion) -> bool:
    """Nothing known about `a` contradicts anything known about `b`."""
    if a.org and b.org and a.org != b.org:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    fa, fb = _kind_family(a.kind), _kind_family(b.kind)
    if GENERIC not in (fa, fb) and fa != fb:
        return False
    if a.ordinal and b.ordinal and a.ordinal != b.ordinal:
        return False
    return all(
        x is None or y is None or x == y
        for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day))
    )


def combine(a: Occasion, b: Occasion) -> Occasion:
    """Everything `a` and `b` know together (they must be compatible)."""
    kind = a.kind if _kind_rank(a.kind) >= _kind_rank(b.kind) else b.kind
    year, month, day = a.year or b.year, a.month or b.month, a.day or b.day
    return Occasion(
        kind=kind,
        org=a.org or b.org,
        place=a.place or b.place,
        year=year,
        month=month,
        day=day if month else None,  # a day without its month says nothing
        ordinal=a.ordinal or b.ordinal,
    )


def same_event(a: Occasion, b: Occasion) -> bool:
    """Two occasions from different articles name one event.

    Same organisation and place; or the same place with one side's organisation unknown and
    a kind more specific than "meeting"; or, when one side gives no place, the same
    organisation and the same specific kind (the caller checks such a match is unique).
    A bare "OSCE meeting" stays apart from "OSCE ministerial meeting, Malta": an
    organisation meets often, and nothing says which.
    """
    if not compatible(a, b):
        return False
    specific_kind = _kind_family(a.kind) != GENERIC and _kind_family(b.kind) != GENERIC
    if a.place and b.place:
        return bool(a.org and b.org) or specific_kind
    if a.org and b.org and (a.place or b.place):
        return specific_kind
    return a == b


def parse_label(text: str) -> Occasion | None:
    """A free-text label ("G20 foreign ministers' meeting, New Delhi, March 2") as an Occasion.

    None when the label names no gathering we recognise; the caller then keeps it verbatim.
    """
    found = next(iter(_mentions_in(text, 0, len(text), None, ())), None)
    if found is None:
        return None
    occasion = found.occasion
    rest = text[found.end :]
    if occasion.place is None:
        place = re.match(rf"\s*,\s*(?!{_MONTH}\b|{_WEEKDAY}\b)({_PLACE})(?![\w-])", rest)
        if place:
            occasion = replace(occasion, place=place.group(1))
            rest = rest[place.end() :]
    date = _read_date(rest, None)
    if date is not None and compatible(occasion, date):
        occasion = combine(occasion, date)
    return occasion if occasion.specific else None


def _org_name(match: re.Match[str]) -> str | None:
    if not match.group("org_name"):
        return None
    for index, (name, _) in enumerate(_ORGANISATIONS):
        if match.group(f"org{index}"):
            return name
    return None


def _kind(match: re.Match[str]) -> str:
    head = match.group("head").lower()
    ministers = match.group("ministers") or match.group("tail")
    if ministers:
        field = ministers.lower().replace("defense", "defence")
        return f"{field} ministers' meeting"
    if match.group("ministerial") or head == "ministerial":
        return _MINISTERIAL
    if head == "summit":
        return _SUMMIT
    return GENERIC


def _mentions_in(
    text: str, start: int, end: int, pub: datetime.date | None, dates: Sequence[tuple[int, int]]
) -> list[Mention]:
    """Occasions named in the sentence text[start:end], in order; `dates` are the spans of
    the DATE entities spaCy found in it."""
    sentence = text[start:end]
    past = bool(_PAST.search(sentence))
    found: list[Mention] = []
    for match in _MENTION.finditer(sentence):
        if match.group("head").lower() == "council" and not match.group("ministerial"):
            continue  # "the Security Council" alone is a body, not a gathering
        if _NOT_A_GATHERING.search(sentence[: match.start("head")]):
            continue  # a press conference is where a remark is repeated, not an event
        occasion = Occasion(
            kind=_kind(match),
            org=_org_name(match),
            place=_clean_place(match.group("place") or _place_before(match)),
            ordinal=match.group("ordinal"),
        )
        at, to = start + match.start(), start + match.end()
        date = _date_after(text, to, dates, pub) or _weekday_before(
            text, at, match.group("before"), dates, pub
        )
        if date is not None and compatible(occasion, date):
            occasion = combine(occasion, date)
        found.append(Mention(occasion, at, to, past))
    for match in _MET_IN.finditer(sentence):
        occasion = Occasion(kind=GENERIC, place=_clean_place(match.group("place")))
        date = _date_after(text, start + match.end(), dates, pub)
        if date is not None:
            occasion = combine(occasion, date)
        found.append(Mention(occasion, start + match.start(), start + match.end(), past))
    return sorted(found, key=lambda m: m.start)


def _place_before(match: re.Match[str]) -> str | None:
    """ "the Geneva talks", "the Bali summit": a capitalised place right before the kind.

    Not after an organisation ("the ASEAN Regional Forum"), not a weekday or month, not a
    possessive ("Thursday’s meeting"), not a demonym ("Russian talks"), not a pair of names
    ("the Blinken-Lavrov meeting").
    """
    word = match.group("before")
    if not word or match.group("org_name") or word.endswith(("'s", "’s")) or "-" in word:
        return None
    if word in _NOT_A_PLACE or word.endswith(("ian", "ese", "ish", "an")):
        return None
    return word


def _clean_place(place: str | None) -> str | None:
    if not place:
        return None
    words = place.split()
    while words and words[-1] in _NOT_A_PLACE:
        words.pop()
    return " ".join(words) or None


def _date_after(
    text: str, after: int, dates: Sequence[tuple[int, int]], pub: datetime.date | None
) -> Occasion | None:
    """The date given right after an event's name ("in January 2022", "on March 2"): the
    first DATE entity after `after` in the same clause, read as a date."""
    for start, end in dates:
        if start < after:
            continue
        gap = text[after:start]
        if not _DATE_GAP.match(gap) or _CLAUSE_BREAK.search(gap) or _MENTION.search(gap):
            return None  # a later date belongs to something else
        date = _read_date(text[start:end], pub)
        if date is not None:
            return date
    return None


def _weekday_before(
    text: str,
    at: int,
    before: str | None,
    dates: Sequence[tuple[int, int]],
    pub: datetime.date | None,
) -> Occasion | None:
    """A weekday naming the event's day, as a date when the article's own date is known.

    "this Thursday at the G-20 meeting" (a DATE entity just before the name), "Thursday's
    meeting" (in `before`).
    """
    match = _POSSESSIVE_WEEKDAY.fullmatch(before or "")
    if match:
        return _date_of(match, pub)
    for start, end in dates:
        if end <= at and _BEFORE_EVENT.fullmatch(text, end, at):
            weekday = _WEEKDAY_DATE.fullmatch(text, start, end)
            return _date_of(weekday, pub) if weekday else None
    return None


def _read_date(written: str, pub: datetime.date | None) -> Occasion | None:
    """The date a piece of text gives (a DATE entity's, or the rest of a label): the
    earliest reading any pattern finds."""
    best: tuple[int, Occasion] | None = None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(written)
        if match is None:
            continue
        date = _date_of(match, pub)
        if date is not None and (best is None or match.start() < best[0]):
            best = (match.start(), date)
    return best[1] if best else None


def _date_of(match: re.Match[str], pub: datetime.date | None) -> Occasion | None:
    groups = match.groupdict()
    month = _MONTH_NUMBER.get(groups.get("month") or "")
    day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else None
    weekday = groups.get("weekday")
    if day is not None and not 1 <= day <= 31:
        return None
    if month is None and year is None:
        if weekday and pub is not None:
            back = (pub.weekday() - _WEEKDAYS.index(weekday)) % 7
            when = pub - datetime.timedelta(days=back)
            return Occasion(year=when.year, month=when.month, day=when.day)
        return None
    return Occasion(year=year, month=month, day=day)


def _publication_date(article: Article) -> datetime.date | None:
    raw = article.meta.date
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw.strip()[:10])
    except ValueError:
        return None


def may_name_occasion(paragraph: str) -> bool:
    """Whether a paragraph may name an event by its organisation or place: extraction keeps
    the layout (sentences, dates) of such paragraphs even when they hold no statement. (A
    vaguer mention, "the meeting", only counts in a statement's own sentence.)"""
    if _GATHERING.search(paragraph) is None:
        return False
    if _MET_IN.search(paragraph):
        return True
    return any(
        match.group("org_name") or match.group("place") or _place_before(match)
        for match in _MENTION.finditer(paragraph)
    )


def may_date(paragraph: str) -> bool:
    """Whether a paragraph may give a date (a figure, a month, a weekday): only then does
    extraction look for its DATE entities when it parses it for the layout alone."""
    return _DATE_WORD.search(paragraph) is not None


class ArticleOccasions:
    """The occasions one article names, and the one it is mainly about."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.pub = _publication_date(article)
        self.mentions: list[Mention] = []
        layout = article.layout or Layout()  # an article never analysed names nothing
        dates = sorted(layout.dates)
        starts = [start for start, _ in dates]
        for start, end in layout.sentences:
            within = dates[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            self.mentions.extend(_mentions_in(article.text, start, end, self.pub, within))
        self.mentions.sort(key=lambda m: m.start)  # found in text order; bisected below
        self._starts = [m.start for m in self.mentions]
        self._paragraph_starts = [
            start
            for index, (start, _) in enumerate(article.paragraphs)
            if index not in article.boilerplate
        ]
        self.fixed_label: str | None = None
        self.main = self._main()

    def _main(self) -> Occasion | None:
        given = self.article.meta.occasion
        seed: Occasion | None = None
        if given:
            seed = parse_label(given)
            if seed is None:
                self.fixed_label = given.strip()  # a label we cannot read: keep it as written
                return None
        if seed is None:
            seed = next(
                (m.occasion for m in self.mentions if m.occasion.specific and not m.past), None
            )
        if seed is None:
            return None
        for mention in self.mentions:
            other = mention.occasion
            if mention.past or not other.specific or not compatible(seed, other):
                continue
            if _same_in_article(seed, other):
                seed = combine(seed, other)
        return seed

    def resolve(self, mention: Mention) -> Occasion | None:
        """A mention as an event: the main occasion when it is only a vaguer form of it."""
        occasion = mention.occasion
        if (
            self.main is not None
            and compatible(occasion, self.main)
            and (not occasion.specific or _same_in_article(self.main, occasion))
        ):
            return self.main
        if occasion.specific:
            return occasion
        return self.main

    def occasion_of(self, st: Statement) -> Occasion | str | None:
        """The statement's occasion: its own setting, an event referred back to, or the main one."""
        paragraph_start = (
            self.article.paragraphs[st.paragraph][0]
            if 0 <= st.paragraph < len(self.article.paragraphs)
            else st.start
        )
        starts = self._starts
        own = self.mentions[
            bisect.bisect_left(starts, st.start) : bisect.bisect_left(starts, st.end)
        ]
        for mention in own:
            if _SETTING.search(
                self.article.text[max(st.start, mention.start - 40) : mention.start]
            ):
                resolved = self.resolve(mention)
                if resolved is not None:
                    return resolved
        since = bisect.bisect_left(starts, self._previous_paragraph_start(paragraph_start))
        earlier = [
            m
            for m in self.mentions[since : bisect.bisect_left(starts, st.start)]
            if m.occasion.specific
        ]
        if earlier:
            text = st.text
            if _ANAPHORA.search(text):
                resolved = self.resolve(earlier[-1])
                if resolved is not None:
                    return resolved
            past_here = [m for m in earlier if m.past and m.start >= paragraph_start]
            if past_here and _PAST_PERFECT.search(text) and not own:
                resolved = self.resolve(past_here[-1])
                if resolved is not None:
                    return resolved
        return self.main if self.main is not None else self.fixed_label

    def _previous_paragraph_start(self, paragraph_start: int) -> int:
        before = bisect.bisect_left(self._paragraph_starts, paragraph_start)
        return self._paragraph_starts[before - 1] if before else paragraph_start


def _same_in_article(a: Occasion, b: Occasion) -> bool:
    """Within one article, a compatible mention sharing the organisation or place is the same
    event: "the G-20 conference held in New Delhi" and "the G-20 meeting of foreign ministers".
    """
    if not compatible(a, b):
        return False
    return bool((a.org and a.org == b.org) or (a.place and a.place == b.place)) or (not b.specific)


def unify(occasions: Iterable[Occasion]) -> dict[Occasion, Occasion]:
    """Map every occasion to the event it names across the corpus (see `same_event`)."""
    unique = list(dict.fromkeys(occasions))
    groups: list[Occasion] = []
    members: list[list[Occasion]] = []
    # Where an event can be found: `same_event` needs the same place, or the same
    # organisation with a place on one side only, or equality. Groups only ever gain a place
    # or an organisation, so each is filed under those it has and looked up by those.
    by_place: dict[str, set[int]] = {}
    by_org: dict[str, set[int]] = {}
    placeless: dict[str, set[int]] = {}  # by organisation, while they have no place
    plain: dict[Occasion, set[int]] = {}

    def candidates(occasion: Occasion) -> list[int]:
        found: set[int] = set()
        if occasion.place:
            found.update(by_place.get(occasion.place, ()))
            if occasion.org:
                found.update(placeless.get(occasion.org, ()))
        elif occasion.org:
            found.update(by_org.get(occasion.org, ()))
        else:
            found.update(plain.get(occasion, ()))
        return sorted(found)

    def file(index: int) -> None:
        event = groups[index]
        if event.place:
            by_place.setdefault(event.place, set()).add(index)
        if event.org:
            by_org.setdefault(event.org, set()).add(index)
            if event.place:
                placeless.get(event.org, set()).discard(index)
            else:
                placeless.setdefault(event.org, set()).add(index)
        if not event.place and not event.org:
            plain.setdefault(event, set()).add(index)

    # Placed occasions first, so that place-less ones find every candidate.
    for occasion in sorted(unique, key=lambda o: (o.place is None, o.org is None)):
        matches = [i for i in candidates(occasion) if same_event(groups[i], occasion)]
        if len(matches) == 1:  # two candidates: nothing says which, so neither
            index = matches[0]
            groups[index] = combine(groups[index], occasion)
            members[index].append(occasion)
        else:
            index = len(groups)
            groups.append(occasion)
            members.append([occasion])
        file(index)
    return {occasion: groups[i] for i, group in enumerate(members) for occasion in group}


def assign_occasions(
    statements: Sequence[Statement],
    articles: Sequence[Article],
    progress: Callable[[int, int], None] | None = None,
) -> list[Statement]:
    """Every statement with its occasion label; a label already set is left alone.

    Each article's main occasion takes part in the corpus-wide unification even when no
    statement of that article needs it, so a date one outlet gives reaches the others.
    `progress(done, total)` counts the articles read for their occasions.
    """
    by_source: dict[str, ArticleOccasions] = {}
    for done, article in enumerate(articles, 1):
        by_source[article.source] = ArticleOccasions(article)
        if progress is not None and (done % 200 == 0 or done == len(articles)):
            progress(done, len(articles))
    found: list[Occasion | str | None] = []
    for st in statements:
        index = by_source.get(st.source)
        found.append(index.occasion_of(st) if index is not None and st.occasion is None else None)
    mains = [index.main for index in by_source.values() if index.main is not None]
    events = unify([*mains, *(o for o in found if isinstance(o, Occasion))])
    out: list[Statement] = []
    for st, occasion in zip(statements, found, strict=True):
        if st.occasion is not None:
            out.append(st)
        elif isinstance(occasion, Occasion):
            out.append(replace(st, occasion=events[occasion].label))
        else:
            out.append(replace(st, occasion=occasion))
    return out
