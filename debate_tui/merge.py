"""One remark, many reports: fold statements that report the same remark into one.

Outlets copy each other and reword as they go ("a just and durable peace" in one, "a just
and lasting peace" in another). Listing both would waste the reader's attention and
overstate how much was said, so statements by the same speaker at compatible occasions whose
wording matches closely are shown once, the other reports kept as `Statement.reports`.

How a pair is judged (see `judge`):

1. Same speaker; never two statements of one article (an article reports a remark once,
   its sentences are separate statements); occasions equal or unknown; topics overlapping
   or unknown (a remark on sanctions and one on escalation are two remarks).
2. The wording is reduced to content words: the lemmas spaCy found, kept with each
   statement at extraction without speaker names and titles, outlet credits ("per AP
   News") and stop words (extract/content.py); speech verbs go here. On that, rapidfuzz's
   `token_set_ratio` measures overlap; it tolerates one outlet adding narration
   around the remark. A pair must reach `MERGE_THRESHOLD`.
3. A close score is not enough: two opposite claims share nearly every word. The two
   wordings are aligned token by token (rapidfuzz's Levenshtein opcodes) and a pair is
   refused when a negation is added or removed inside the shared text ("must withdraw" vs
   "must not withdraw"), or when a changed stretch swaps a number, a name, or a word for its
   opposite ("return to" vs "withdraw from", "productive" vs "unproductive").

The threshold was chosen on the bundled corpus and on hand-made near misses (see
`MERGE_THRESHOLD`); tests/test_merge.py keeps both honest.

Pure Python plus rapidfuzz; it runs whenever a corpus changed, never on a warm start. The
work grows near-linearly with the statements: exact repeats are judged once, candidates come
from an index of rare lemmas, and a remark printed a thousand times is never compared all
against all (see `repeat_index`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from debate_tui.model import OTHER_TOPIC, Report, Statement
from debate_tui.repeat_index import (
    MergeStats,
    Unit,
    compatible,
    components,
    shares_enough,
    units_of,
)
from debate_tui.words import NEGATORS, NUMBER_WORDS, OPPOSITES

# token_set_ratio on content words, 0-100. On the bundled corpus the five remarks printed
# twice score 73, 76, 81, 82 and 96; the 650-odd other same-speaker pairs across articles at
# most 66 (60 within one occasion); the hand-made near miss that no guard catches, 66.7.
# 70 sits in that gap, 3 points from each side.
MERGE_THRESHOLD = 70.0

# Narration around a remark, as lemmas: the verbs that introduce it and the words of its
# setting. (Function words never reach here: extraction keeps content lemmas only.)
_FRAME = frozenset(
    """
    say tell note add state explain emphasize emphasise stress insist argue claim recall
    reiterate remark declare assert later however yet meanwhile still though although
    quote reporter journalist press conference briefing interview speech
    """.split()
)
_NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
_OPPOSITE_OF: dict[str, set[str]] = {}
for _left, _right in OPPOSITES:
    _OPPOSITE_OF.setdefault(_left, set()).add(_right)
    _OPPOSITE_OF.setdefault(_right, set()).add(_left)


@dataclass(frozen=True, slots=True)
class Token:
    """One content word, with what the contradiction checks need to know about it."""

    lemma: str
    proper: bool
    number: bool
    negator: bool


@dataclass(frozen=True, slots=True)
class Verdict:
    """How one pair of statements was judged: the score, and why it was refused if it was."""

    score: float
    refused: str | None

    @property
    def merges(self) -> bool:
        return self.refused is None


class Wording:
    """A statement's wording reduced to what is compared: content lemmas, in order.

    The lemmas come from extraction (`Statement.lemmas`, see extract/content.py): lower
    case, a proper noun's capitalised."""

    def __init__(self, lemmas: Iterable[str]) -> None:
        self.tokens = [_token(word) for word in lemmas if word.lower() not in _FRAME]

    @classmethod
    def of(cls, statement: Statement) -> Wording:
        return cls(statement.lemmas)

    @cached_property
    def lemmas(self) -> list[str]:
        return [token.lemma for token in self.tokens]

    @cached_property
    def lemma_set(self) -> frozenset[str]:
        return frozenset(self.lemmas)

    @cached_property
    def joined(self) -> str:
        return " ".join(self.lemmas)


def _token(word: str) -> Token:
    lowered = word.lower()
    # spaCy keeps "10,000" and "1.5" as one token each: a figure all the same
    number = lowered.replace(",", "").replace(".", "").isdigit() or lowered in NUMBER_WORDS
    return Token(
        lemma=NUMBER_WORDS.get(lowered, lowered) if number else lowered,
        proper=word[:1].isupper() and not number,
        number=number,
        negator=lowered in NEGATORS,
    )


def _opposed(left: str, right: str) -> bool:
    a, b = left, right
    if b in _OPPOSITE_OF.get(a, ()):
        return True
    for prefix in _NEGATING_PREFIXES:
        if (a == prefix + b or b == prefix + a) and min(len(a), len(b)) >= 4:
            return True
    return False


def contradiction(first: Wording, second: Wording) -> str | None:
    """Why two closely worded remarks are still different claims, or None.

    The wordings are aligned; only the stretches that differ are examined, so narration
    one outlet adds (another name, another figure) never blocks a merge on its own.
    """
    for left, right, interior in _changed_stretches(first, second):
        if interior and sum(t.negator for t in left) != sum(t.negator for t in right):
            return "negation"
        if _swapped(left, right, first, second, lambda t: t.number):
            return "number"
        if _swapped(left, right, first, second, lambda t: t.proper):
            return "name"
        for x in left:
            for y in right:
                if (
                    x.lemma not in second.lemma_set
                    and y.lemma not in first.lemma_set
                    and _opposed(x.lemma, y.lemma)
                ):
                    return "opposite"
    return None


def _changed_stretches(
    first: Wording, second: Wording
) -> Iterable[tuple[list[Token], list[Token], bool]]:
    """(words of first, words of second, lies between shared words) for each changed run.

    Consecutive insertions, deletions and replacements form one run, so a substitution the
    alignment happens to split ("Crimea" vs "four Ukrainian regions") is seen whole.
    """
    blocks = list(Levenshtein.opcodes(first.lemmas, second.lemmas))
    start: int | None = None
    for index, block in enumerate(blocks):
        if block.tag == "equal":
            continue
        if start is None:
            start = index
        if index + 1 == len(blocks) or blocks[index + 1].tag == "equal":
            head, tail = blocks[start], block
            yield (
                first.tokens[head.src_start : tail.src_end],
                second.tokens[head.dest_start : tail.dest_end],
                start > 0 and index + 1 < len(blocks),
            )
            start = None


def _swapped(
    left: Sequence[Token],
    right: Sequence[Token],
    first: Wording,
    second: Wording,
    kind: Callable[[Token], bool],
) -> bool:
    """Each side of a changed stretch has a word of `kind` the other text never uses."""
    only_left = any(kind(t) and t.lemma not in second.lemma_set for t in left)
    only_right = any(kind(t) and t.lemma not in first.lemma_set for t in right)
    return only_left and only_right


def score(first: Wording, second: Wording) -> float:
    """Similarity of two wordings, 0-100 (rapidfuzz token_set_ratio on content words)."""
    return float(fuzz.token_set_ratio(first.joined, second.joined))


def judge(
    first: Statement,
    second: Statement,
    *,
    threshold: float = MERGE_THRESHOLD,
) -> Verdict:
    """Would these two statements be merged, and if not, why not."""
    if first.speaker != second.speaker:
        return Verdict(0.0, "speaker")
    if first.source == second.source:
        return Verdict(0.0, "same article")
    if not _occasions_compatible(first, second):
        return Verdict(0.0, "occasion")
    if not _topics_compatible(first, second):
        return Verdict(0.0, "topic")
    return _verdict(Wording.of(first), Wording.of(second), threshold)


def _verdict(first: Wording, second: Wording, threshold: float) -> Verdict:
    value = score(first, second)
    if value < threshold:
        return Verdict(value, "score")
    return Verdict(value, contradiction(first, second))


def _occasions_compatible(first: Statement, second: Statement) -> bool:
    """Unknown occasions are compatible with any; two known ones must be the same event."""
    return first.occasion is None or second.occasion is None or first.occasion == second.occasion


def _topics_compatible(first: Statement, second: Statement) -> bool:
    """A remark on sanctions and one on escalation are two remarks, however worded."""
    left = set(first.topics) - {OTHER_TOPIC}
    right = set(second.topics) - {OTHER_TOPIC}
    return not left or not right or bool(left & right)


def merge_statements(
    statements: Sequence[Statement],
    *,
    threshold: float = MERGE_THRESHOLD,
    stats: MergeStats | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Statement]:
    """The statements with every repeated remark shown once, in the original order.

    A group only forms when every two of its members would merge on their own (complete
    linkage), so a chain of loose resemblances never joins two different remarks. The kept
    statement is the most complete report: the most directly quoted words, then the highest
    confidence, then the longest text, then the earliest in corpus order. The others become
    its `reports`; its topics are the union of theirs. Nothing is dropped: every input span
    is either a statement or a report of the result. `progress(done, total)` counts the
    statements compared so far.
    """
    groups = repeat_groups(statements, threshold=threshold, stats=stats, progress=progress)
    leader_of: dict[int, list[int]] = {}
    member: set[int] = set()
    for group in groups:
        keep = min(group, key=lambda i: _completeness(statements[i], i))
        leader_of[keep] = group
        member.update(group)
    out: list[Statement] = []
    for index, st in enumerate(statements):
        if index in leader_of:
            out.append(_fold(statements, index, leader_of[index]))
        elif index not in member:
            out.append(st)
    return out


def repeat_groups(
    statements: Sequence[Statement],
    *,
    threshold: float = MERGE_THRESHOLD,
    stats: MergeStats | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[list[int]]:
    """Groups (two or more statement indexes each, sorted) that report one remark.

    Exact repeats become one unit, the index of `repeat_index` finds which units could
    merge, and each connected component is split into groups: by complete linkage over
    every judged pair when it is small (`EXACT_LIMIT` statements), by bounded verification
    when it is a remark printed by hundreds of outlets.
    """
    stats = stats if stats is not None else MergeStats()
    stats.statements += len(statements)
    wordings: dict[tuple[str, ...], Wording] = {}

    def wording(index: int) -> Wording:
        lemmas = statements[index].lemmas
        found = wordings.get(lemmas)
        if found is None:
            found = wordings[lemmas] = Wording(lemmas)
        return found

    by_speaker: dict[str, list[int]] = {}
    for index, st in enumerate(statements):
        by_speaker.setdefault(st.speaker, []).append(index)
    groups: list[list[int]] = []
    done = 0

    def tick(statements_done: int) -> None:
        nonlocal done
        done += statements_done
        if progress is not None:
            progress(done, len(statements))

    for indexes in by_speaker.values():
        units = units_of(
            statements,
            indexes,
            key_of=lambda i: tuple(wording(i).tokens),
            lemmas_of=lambda i: wording(i).lemma_set,
        )
        stats.units += len(units)
        pairs = _UnitPairs(units, [wording(unit.members[0]) for unit in units], threshold, stats)
        for component in components(units, pairs.merge, stats, tick):
            members = sorted(index for number in component for index in units[number].members)
            if len(members) < 2:
                continue
            split = _complete_linkage if len(members) <= EXACT_LIMIT else _bounded_linkage
            groups.extend(split(members, statements, pairs))
    return sorted(groups)


# Components up to this many statements are split by complete linkage over all their pairs.
EXACT_LIMIT = 48
# In a larger component, a statement is tried against at most this many groups, and joins
# one when it merges with the group's first member and its latest `_SAMPLE - 1` others.
_GROUP_TRIES = 8
_SAMPLE = 4


class _UnitPairs:
    """Verdicts between units, each pair judged once whichever of its statements ask."""

    def __init__(
        self, units: list[Unit], wordings: list[Wording], threshold: float, stats: MergeStats
    ) -> None:
        self.units = units
        self.wordings = wordings
        self.threshold = threshold
        self.stats = stats
        self.unit_of = {index: n for n, unit in enumerate(units) for index in unit.members}
        self._verdicts: dict[tuple[int, int], Verdict] = {}

    def verdict(self, first: int, second: int) -> Verdict:
        """The verdict on units `first` and `second`, judged in that order."""
        if first == second:
            return Verdict(100.0, None)  # the same content words: nothing differs
        found = self._verdicts.get((first, second))
        if found is None:
            self.stats.comparisons += 1
            found = _verdict(self.wordings[first], self.wordings[second], self.threshold)
            self._verdicts[(first, second)] = found
        return found

    def judgeable(self, first: int, second: int) -> bool:
        a, b = self.units[first], self.units[second]
        return compatible(a, b) and shares_enough(a.lemmas, b.lemmas)

    def merge(self, earlier: int, later: int) -> bool:
        """Whether some statement of one unit would merge with some of the other."""
        a, b = self.units[earlier], self.units[later]
        if len(a.sources | b.sources) < 2:  # all in one article
            return False
        return self.judgeable(earlier, later) and self.verdict(earlier, later).merges

    def statements_merge(self, first: int, second: int, statements: Sequence[Statement]) -> bool:
        """Whether statements `first` < `second` would merge on their own."""
        if statements[first].source == statements[second].source:
            return False
        a, b = self.unit_of[first], self.unit_of[second]
        return self.judgeable(a, b) and self.verdict(a, b).merges


def _complete_linkage(
    members: list[int], statements: Sequence[Statement], pairs: _UnitPairs
) -> list[list[int]]:
    """Pairs join best score first; a pair joins two groups only when every cross pair
    merges. Every pair of the component is judged, as the merge always did."""
    merging: list[tuple[float, int, int]] = []
    for position, i in enumerate(members):
        for j in members[position + 1 :]:
            if statements[i].source == statements[j].source:
                continue
            a, b = pairs.unit_of[i], pairs.unit_of[j]
            if not pairs.judgeable(a, b):
                continue
            verdict = pairs.verdict(a, b)
            if verdict.merges:
                merging.append((verdict.score, i, j))
    linked = {(i, j) for _, i, j in merging}
    group_of: dict[int, list[int]] = {}
    for _, i, j in sorted(merging, key=lambda item: (-item[0], item[1], item[2])):
        left, right = group_of.get(i, [i]), group_of.get(j, [j])
        if left is right:
            continue
        if all((min(x, y), max(x, y)) in linked for x in left for y in right):
            joined = sorted(left + right)
            for index in joined:
                group_of[index] = joined
    return list({id(group): group for group in group_of.values()}.values())


def _bounded_linkage(
    members: list[int], statements: Sequence[Statement], pairs: _UnitPairs
) -> list[list[int]]:
    """Groups of a large component, each statement judged against a few members only.

    A statement joins a group holding its exact repeat (from another article) at no cost;
    else it tries the largest group and the groups joined most recently (`_GROUP_TRIES` in
    all), and joins the first whose first member and latest few members all merge with it.
    Never two statements of one article in a group.
    """
    groups: list[list[int]] = []
    sources: list[set[str]] = []
    by_unit: dict[int, list[int]] = {}
    recent: dict[int, None] = {}  # groups by when they last grew, most recent last
    largest = -1
    for index in members:
        source, unit = statements[index].source, pairs.unit_of[index]
        chosen = next((g for g in by_unit.get(unit, []) if source not in sources[g]), None)
        if chosen is None:
            tries = [largest, *reversed(list(recent)[-_GROUP_TRIES:])] if groups else []
            for g in dict.fromkeys(tries):
                group = groups[g]
                sample = dict.fromkeys([group[0], *group[1 - _SAMPLE :]])
                if source not in sources[g] and all(
                    pairs.statements_merge(other, index, statements) for other in sample
                ):
                    chosen = g
                    break
        if chosen is None:
            chosen = len(groups)
            groups.append([])
            sources.append(set())
        groups[chosen].append(index)
        sources[chosen].add(source)
        by_unit.setdefault(unit, []).append(chosen)
        recent.pop(chosen, None)
        recent[chosen] = None
        if len(recent) > 4 * _GROUP_TRIES:
            del recent[next(iter(recent))]
        if largest < 0 or len(groups[chosen]) > len(groups[largest]):
            largest = chosen
    return [group for group in groups if len(group) > 1]


def _completeness(st: Statement, index: int) -> tuple[int, float, int, int]:
    quoted = sum(end - start for start, end in st.quotes)
    return (-quoted, -st.confidence, -len(st.text), index)


def _fold(statements: Sequence[Statement], keep: int, group: Sequence[int]) -> Statement:
    kept = statements[keep]
    reports: list[Report] = list(kept.reports)
    topics: list[str] = list(kept.topics)
    occasion = kept.occasion
    for index in group:
        if index == keep:
            continue
        other = statements[index]
        reports.append(
            Report(
                other.source,
                other.start,
                other.end,
                other.text,
                other.kind,
                other.cue,
                other.via,
                other.confidence,
                other.reason,
            )
        )
        reports.extend(other.reports)
        topics.extend(t for t in other.topics if t not in topics)
        occasion = occasion or other.occasion
    if len(topics) > 1 and OTHER_TOPIC in topics:
        topics.remove(OTHER_TOPIC)
    return replace(kept, reports=tuple(reports), topics=tuple(topics), occasion=occasion)
