"""Who is named where: a gazetteer of each speaker's names and titles, per article.

Names match case-sensitively on word boundaries, and also when bad markup glued the next
word on ("Lavrovand"). A title ("the Secretary of State") counts in an article only when
no one else in that article is given it, e.g. "Indian Foreign Minister Subrahmanyam
Jaishankar" rules out a bare "Foreign Minister" there. Pure Python: no spaCy needed.

Patterns start with their literal words (no look-behind, no case folding in the regex),
which lets the regex engine skip ahead by its literal prefix: titles are matched on the
lower-cased text, and the word boundary before a match is checked by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from debate_tui.extract.quotes import find_quotes
from debate_tui.model import Speaker, Via

# Words that bad markup glues onto a surname ("Lavrovand the US Secretary of State").
_GLUE = "and|the|in|of|to|on|at|for|from|with|who|has|had|said|told|as|is|was"
# on the same line: a title ending a headline is not followed by the next line's first words
_NAME_AFTER_TITLE = re.compile(r"[ \t,]*((?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’-]+)")
_THE_BEFORE = re.compile(r"the\s+$")
# "of" and a capitalised name right after a title: the office of some other place or body
# ("the president of the PRC"); a speaker's own such title is configured whole and matched
# first, longest first
_OF_A_PLACE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")
# A capitalised name after a title's head noun: "diplomat Wang Yi", "Minister Dmytro Kuleba".
_NAME = r"((?:[A-Z][\w'’.-]*[ \t]+){0,2}[A-Z][\w'’-]+)"
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    speaker: str
    via: Via


def _title_core(title: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", title.strip(), flags=re.IGNORECASE)


_APOSTROPHES = "'’ʼ"


def _word(word: str) -> str:
    """A configured word as a pattern, any apostrophe matching any other: a configuration
    typed with "'" finds "the world’s richest man" as printed."""
    return "".join(f"[{_APOSTROPHES}]" if c in _APOSTROPHES else re.escape(c) for c in word)


class _Phrase:
    """One name or title of one speaker, found on word boundaries."""

    def __init__(self, text: str, speaker: str, via: Via, longer: tuple[str, ...] = ()):
        self.text = text
        self.speaker = speaker
        self.via = via
        self.longer = longer  # the speaker's own titles that go on from this one with "of"
        if via == "title":
            words = [_word(w) for w in _title_core(text).lower().split()]
            self.pattern = re.compile(r"\s+".join(words) + r"(?![\w])")
        else:
            words = [_word(w) for w in text.split()]
            self.pattern = re.compile(r"\s+".join(words) + rf"(?:(?={_GLUE}\b)|(?![\w]))")
        self.size = len(self.pattern.pattern)

    def spans(self, text: str, lowered: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        haystack = lowered if self.via == "title" else text
        for match in self.pattern.finditer(haystack, lo, hi):
            start = match.start()
            if start > 0 and (haystack[start - 1].isalnum() or haystack[start - 1] == "_"):
                continue
            if self.via == "title":
                if _OF_A_PLACE.match(text, match.end()) and not any(
                    haystack.startswith(own, start) for own in self.longer
                ):
                    continue  # "the President of the PRC": another country's office
                the = _THE_BEFORE.search(lowered, max(lo, start - 12), start)
                if the and (the.start() == 0 or not lowered[the.start() - 1].isalnum()):
                    start = the.start()
            yield start, match.end()


class Gazetteer:
    """Finds mentions of the configured speakers in one article's text."""

    def __init__(
        self,
        speakers: tuple[Speaker, ...],
        article_text: str,
        abbreviations: dict[str, tuple[str, ...]] | None = None,
        office_bodies: dict[str, str] | None = None,
        not_titles: frozenset[str] | None = None,
    ):
        if abbreviations is None or office_bodies is None or not_titles is None:
            from debate_tui.extract.rules import load_rules

            rules = load_rules()
            abbreviations = rules.abbreviations if abbreviations is None else abbreviations
            office_bodies = rules.office_bodies if office_bodies is None else office_bodies
            not_titles = rules.title_words_not_given if not_titles is None else not_titles
        self.speakers = speakers
        self._text = article_text
        self._shared_heads: dict[str, bool] = {}
        lowered = _lower(article_text)
        # A cheap substring test skips the names and titles the article never uses, which
        # is most of them: names by their first word, titles by their last.
        self._names = sorted(
            (
                _Phrase(alias, s.id, "name")
                for s in speakers
                for alias in s.aliases
                if alias.split()[0] in article_text
            ),
            key=lambda phrase: -phrase.size,
        )
        titles: list[_Phrase] = []
        for speaker in speakers:
            own = [p for p in self._names if p.speaker == speaker.id]
            given = (*speaker.titles, *_titles_given(article_text, speaker, not_titles))
            forms = _with_owners(_with_short_forms(given, abbreviations))
            every = _with_heads_of_bodies(forms, office_bodies)
            cores = [_title_core(t).lower() for t in every]
            for title in every:
                if title.split()[-1].lower() not in lowered:
                    continue
                core = _title_core(title).lower()
                # "the Secretary" goes on as his own "Secretary of State": no other office
                longer = tuple(c for c in cores if c.startswith(core + " of "))
                phrase = _Phrase(title, speaker.id, "title", longer)
                if self._title_is_unique(phrase, own, article_text, lowered):
                    titles.append(phrase)
        self._titles = sorted(titles, key=lambda phrase: -phrase.size)

    @staticmethod
    def _title_is_unique(phrase: _Phrase, own: list[_Phrase], text: str, lowered: str) -> bool:
        """A title is usable when every holder of it named in the article is this speaker."""
        for _start, end in phrase.spans(text, lowered, 0, len(text)):
            follow = _NAME_AFTER_TITLE.match(text, end)
            if not follow:
                continue
            name = follow.group(1)
            if not any(any(p.spans(name, name, 0, len(name))) for p in own):
                return False
        return True

    def epithet_holders(self, words: Sequence[str], head: str) -> frozenset[str]:
        """The speakers a definite description ("the top diplomat", "the veteran
        diplomat") may stand for: its words all come from one of their titles (or their
        role) whose head noun is its head. None in an article that puts the head noun
        before someone else's name ("Chinese top diplomat Wang Yi"): there it is shared.
        A phrase that is a whole title is the gazetteer's, with its own uniqueness test."""
        wanted = {w.lower() for w in words}
        head = head.lower()
        holders = set()
        for speaker in self.speakers:
            for title in _epithet_sources(speaker):
                title_words = _title_words(title)
                if _title_head(title_words) != head or not wanted <= set(title_words):
                    continue
                if title in speaker.titles and [w.lower() for w in words] == [
                    w for w in title_words if w not in _ARTICLES
                ]:
                    return frozenset()  # a whole title: matched (or refused) as one
                # the same words in another order ("the Russian top diplomat" for "the top
                # Russian diplomat") are no title the gazetteer matches: an epithet
                holders.add(speaker.id)
        if not holders or self._shared(head):
            return frozenset()
        return frozenset(holders)

    def holders_of(self, head: str, names: Sequence[str]) -> frozenset[str]:
        """The one speaker whose titles or role name any of `names` ("Tesla", "SpaceX"),
        for a description "the owner of Tesla, SpaceX and X"; nobody when several do, or
        when the article puts the head noun before someone else's name."""
        wanted = set(names)
        holders = {
            speaker.id
            for speaker in self.speakers
            if wanted & {w for t in _epithet_sources(speaker) for w in re.findall(r"\w+", t)}
        }
        if len(holders) != 1 or self._shared(head):
            return frozenset()
        return frozenset(holders)

    def _shared(self, head: str) -> bool:
        """The article's narration puts this head noun before the name of someone who is
        no speaker (a speaker quoted saying "President Trump" leaves "the president" of the
        narration to the speakers)."""
        if head not in self._shared_heads:
            pattern = re.compile(rf"\b(?i:{re.escape(head)})\b,?[ \t]+{_NAME}")
            self._shared_heads[head] = any(
                m.group(1)[0].isupper()
                and not _in_quotation(self._text, m.start())
                and not any(
                    any(p.spans(m.group(1), m.group(1), 0, len(m.group(1)))) for p in self._names
                )
                for m in pattern.finditer(self._text)
            )
        return self._shared_heads[head]

    def usable_titles(self) -> set[tuple[str, str]]:
        """(speaker, title) of the titles that count in this article: used, and unique."""
        return {(phrase.speaker, phrase.text) for phrase in self._titles}

    def mentions(self, text: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
        """Non-overlapping mentions in text[lo:hi]: names first, longest first, in text order."""
        end = len(text) if hi is None else hi
        lowered = _lower(text)
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for phrase in (*self._names, *self._titles):
            for span in phrase.spans(text, lowered, lo, end):
                if any(span[0] < t_end and t_start < span[1] for t_start, t_end in taken):
                    continue
                taken.append(span)
                found.append(Mention(span[0], span[1], phrase.speaker, phrase.via))
        return sorted(found, key=lambda m: m.start)


def _titles_given(text: str, speaker: Speaker, refused: frozenset[str]) -> list[str]:
    """Titles the article itself gives a speaker by printing them before his full name
    ("Russian dictator Vladimir Putin", "Tesla boss Elon Musk"): "the Russian dictator" and
    "the dictator" stand for him there, as a configured title would, with the same test
    that nobody else holds them. The word before the name must be a noun in lower case
    after a capitalised word; `refused` holds words that are no such title (other people's
    roles, verbs, prepositions)."""
    names = sorted({a for a in speaker.aliases if len(a.split()) > 1}, key=len, reverse=True)
    if not names:
        return []
    pattern = re.compile(
        r"(?<![\w.’'-])([A-Z][\w’'-]+)[ \t]+([a-z][a-z-]{3,})[ \t]+(?:"
        + "|".join(re.escape(n) for n in names)
        + r")\b"
    )
    found: list[str] = []
    for match in pattern.finditer(text):
        head = match.group(2)
        if head in refused or head.endswith(("ed", "ing", "ly")):
            continue
        for title in (f"the {match.group(1)} {head}", f"the {head}"):
            if title not in found:
                found.append(title)
    return found


def _with_short_forms(titles: tuple[str, ...], short: dict[str, tuple[str, ...]]) -> list[str]:
    """The titles, and each again with a long form replaced by its short forms
    ("Russian Foreign Minister" and "Russian FM")."""
    out = list(titles)
    for title in titles:
        lowered = title.lower()
        for long, forms in short.items():
            at = lowered.find(long)
            if at >= 0:
                out.extend(title[:at] + form + title[at + len(long) :] for form in forms)
    return list(dict.fromkeys(out))


def _with_owners(titles: list[str]) -> list[str]:
    """The titles, and each led by one owner's name again with the owner's "'s" ("Tesla
    CEO" and "Tesla's CEO"), the way copy names a firm's head."""
    out = list(titles)
    for title in titles:
        owner, _, role = title.partition(" ")
        named = owner[:1].isupper() and owner.lower() not in ("the", "a", "an")
        # a role in lower case or an acronym ("CEO"), not an office ("Foreign Minister")
        plain = bool(role) and (role[:1].islower() or role.split()[0].isupper())
        if named and plain and not owner.endswith(("'s", "’s", "s'")):
            out.append(f"{owner}'s {role}")
    return list(dict.fromkeys(out))


def _in_quotation(text: str, at: int) -> bool:
    """`at` stands inside a quotation of its line, paired as everywhere else."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = (start, len(text) if end < 0 else end)
    return any(q.contains(at) for q in find_quotes(text, [line]))


def _with_heads_of_bodies(titles: list[str], bodies: dict[str, str]) -> list[str]:
    """The titles, and for each ending in an office of a named country the head of its
    body ("Russian Foreign Minister": "the head of the Russian Foreign Ministry", "the
    Russian Foreign Ministry head", "the Russian Foreign Ministry chief")."""
    out = list(titles)
    for title in titles:
        lowered = title.lower()
        for office, body in bodies.items():
            if not lowered.endswith(office):
                continue
            owner = title[: len(title) - len(office)].strip()
            if owner.lower() in ("", "the", "a"):
                continue  # "the head of the Foreign Ministry": whose, it does not say
            named = f"{owner} {body}"
            out += [f"the head of the {named}", f"the {named} head", f"the {named} chief"]
    return list(dict.fromkeys(out))


def title_heads(speakers: Sequence[Speaker]) -> frozenset[str]:
    """The head nouns of every speaker's titles and role ("diplomat", "minister"): a
    paragraph with "the ... diplomat" may refer back to a speaker without naming him."""
    return frozenset(
        _title_head(words)
        for speaker in speakers
        for title in _epithet_sources(speaker)
        if (words := _title_words(title))
    )


@lru_cache(maxsize=64)
def _epithet_sources(speaker: Speaker) -> tuple[str, ...]:
    """Titles, the parts of the role, the office an alias puts before the name ("Senator
    Rubio" -> "Senator": "the senator"; offices are the rules' honorifics), and what every
    holder of an office the role names is called (rules data `office_epithets`: a
    president is "the head of state"). Asked for every subject a sentence has, so kept
    once per speaker."""
    from debate_tui.extract.rules import load_rules

    rules = load_rules()
    offices = [
        alias.split()[0]
        for alias in speaker.aliases
        if len(alias.split()) > 1 and alias.split()[0].lower() in rules.honorifics
    ]
    sources = [*speaker.titles, *speaker.role.split(","), *offices]
    held = " ".join(sources).lower()
    generic = [
        epithet
        for office, epithets in rules.office_epithets.items()
        if re.search(rf"\b{re.escape(office)}\b", held)
        for epithet in epithets
    ]
    return (*sources, *generic)


def _title_words(title: str) -> list[str]:
    return re.findall(r"\w+", title.lower())


def _title_head(words: list[str]) -> str:
    """The head noun of a title: the word before "of" ("Secretary of State"), else the
    last ("Russian Foreign Minister")."""
    if "of" in words[1:]:
        return words[words.index("of", 1) - 1]
    return words[-1] if words else ""


def _lower(text: str) -> str:
    """Lower-cased text with the same offsets (a few characters change length when
    lower-cased; those keep their case, which only costs a title match there)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
