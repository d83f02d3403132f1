"""Who is named where: a gazetteer of each speaker's names and titles, per article.

Names match case-sensitively on word boundaries, and also when bad markup glued the next
word on ("Lavrovand"). A title ("the Secretary of State") counts in an article only when
no one else in that article is given it, e.g. "Indian Foreign Minister Subrahmanyam
Jaishankar" rules out a bare "Foreign Minister" there. Pure Python: no spaCy needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from debate_tui.model import Speaker, Via

# Words that bad markup glues onto a surname ("Lavrovand the US Secretary of State").
_GLUE = "and|the|in|of|to|on|at|for|from|with|who|has|had|said|told|as|is|was"
_NAME_AFTER_TITLE = re.compile(r"[\s,]*((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+)")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    speaker: str
    via: Via


def _title_core(title: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", title.strip(), flags=re.IGNORECASE)


def _title_regex(title: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in _title_core(title).split()]
    return re.compile(r"(?<![\w])(?:the\s+)?" + r"\s+".join(words) + r"(?![\w])", re.IGNORECASE)


def _name_regex(alias: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in alias.split()]
    body = r"\s+".join(words)
    return re.compile(r"(?<![\w])" + body + rf"(?:(?={_GLUE}\b)|(?![\w]))")


class Gazetteer:
    """Finds mentions of the configured speakers in one article's text."""

    def __init__(self, speakers: tuple[Speaker, ...], article_text: str):
        self.speakers = speakers
        self._names: list[tuple[re.Pattern[str], str]] = []
        self._titles: list[tuple[re.Pattern[str], str]] = []
        all_names = [(_name_regex(a), s.id) for s in speakers for a in s.aliases]
        self._names = sorted(all_names, key=lambda item: -len(item[0].pattern))
        for speaker in speakers:
            for title in speaker.titles:
                pattern = _title_regex(title)
                if self._title_is_unique(pattern, speaker, article_text):
                    self._titles.append((pattern, speaker.id))
        self._titles.sort(key=lambda item: -len(item[0].pattern))

    def _title_is_unique(self, pattern: re.Pattern[str], speaker: Speaker, text: str) -> bool:
        """A title is usable when every holder of it named in the article is this speaker."""
        for match in pattern.finditer(text):
            follow = _NAME_AFTER_TITLE.match(text, match.end())
            if not follow:
                continue
            name = follow.group(1)
            if not any(m.search(name) for m, sid in self._names if sid == speaker.id):
                return False
        return True

    def mentions(self, text: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
        """Non-overlapping mentions in text[lo:hi], longest first, in text order."""
        end = len(text) if hi is None else hi
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for patterns, via in ((self._names, "name"), (self._titles, "title")):
            for pattern, speaker_id in patterns:
                for match in pattern.finditer(text, lo, end):
                    span = (match.start(), match.end())
                    if any(span[0] < t_end and t_start < span[1] for t_start, t_end in taken):
                        continue
                    taken.append(span)
                    found.append(Mention(span[0], span[1], speaker_id, via))  # type: ignore[arg-type]
        return sorted(found, key=lambda m: m.start)
