"""Which statements might report the same remark, found without comparing all pairs.

A wire story republished by a thousand outlets is one remark in a thousand wordings; the
merge must not compare all of them against all. Three steps keep the work near-linear:

1. Exact repeats (one speaker, the same content words, occasion and topics) are one *unit*,
   found by hashing: however many outlets printed it word for word, it is judged once.
2. Units that could merge are found through an inverted index (blocking): per speaker, a
   unit is indexed under its content lemmas, and probes the index with its *prefix*, its
   rarest lemmas. A pair the judge would even look at shares at least a quarter of the
   smaller wording's lemmas, so the smaller one's rarest `len - ceil(len/4) + 1` lemmas hold
   a shared one (prefix filtering, as in set-similarity joins). Postings hold clusters,
   not units, so a thousand copies in one cluster are one entry per lemma.
3. A unit joins a candidate cluster when it merges with one of the cluster's members
   (union-find, verified by the judge), trying the members that joined last first, at most
   `VERIFY_LIMIT` of them, and only the `CANDIDATE_LIMIT` clusters sharing most lemmas.
   Usually the first member tried merges: about one comparison per copy.

The resulting components are what `merge.py` then splits into groups of one remark each.
Stems so common that their posting lists exceed `COMMON_POSTINGS` clusters are not probed:
they say nothing about which remark a wording reports, and scanning them would make the
probe quadratic. Below that size (every corpus the tests hold) the components are exact.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from debate_tui.model import OTHER_TOPIC, Statement

# A pair is only judged when it shares this share of the smaller wording's lemmas.
PREFILTER_OVERLAP = 0.25
# How many members of a candidate cluster a new unit is judged against, at most.
VERIFY_LIMIT = 32
# Lemmas whose postings list more clusters than this are too common to block on.
COMMON_POSTINGS = 64
# How many candidate clusters a new unit is judged against, those sharing most lemmas first:
# a wording that resembles hundreds of different remarks merges with none of them.
CANDIDATE_LIMIT = 16
# Progress is reported every this many units.
TICK = 500


@dataclass
class MergeStats:
    """What a merge cost, counted rather than timed: `comparisons` is the number of
    wording pairs scored in full (rapidfuzz plus the contradiction checks)."""

    statements: int = 0
    units: int = 0
    comparisons: int = 0
    components: int = 0
    largest_component: int = 0


@dataclass(slots=True)
class Unit:
    """Statements by one speaker with identical content words, occasion and topics."""

    members: list[int]
    lemmas: frozenset[str]
    occasion: str | None
    topics: frozenset[str]
    sources: set[str] = field(default_factory=set)


def shares_enough(first: frozenset[str], second: frozenset[str]) -> bool:
    """The cheap prefilter: enough shared lemmas that the full judge is worth running."""
    shared = len(first & second)
    return shared > 0 and shared >= PREFILTER_OVERLAP * min(len(first), len(second))


def compatible(first: Unit, second: Unit) -> bool:
    """Occasions equal or unknown, topics overlapping or unknown (as `merge.judge`)."""
    known = first.occasion is not None and second.occasion is not None
    if known and first.occasion != second.occasion:
        return False
    left, right = first.topics - {OTHER_TOPIC}, second.topics - {OTHER_TOPIC}
    return not left or not right or bool(left & right)


def units_of(
    statements: Sequence[Statement],
    indexes: Sequence[int],
    key_of: Callable[[int], tuple[object, ...]],
    lemmas_of: Callable[[int], frozenset[str]],
) -> list[Unit]:
    """The statements at `indexes` grouped into units of exact repeats, in corpus order.

    A statement without content words never merges with anything, so it is a unit alone.
    """
    units: list[Unit] = []
    by_key: dict[tuple[object, ...], Unit] = {}
    for index in indexes:
        st = statements[index]
        lemmas = lemmas_of(index)
        key = (key_of(index), st.occasion, frozenset(st.topics))
        unit = by_key.get(key) if lemmas else None
        if unit is None:
            unit = Unit([], lemmas, st.occasion, frozenset(st.topics))
            units.append(unit)
            if lemmas:
                by_key[key] = unit
        unit.members.append(index)
        unit.sources.add(st.source)
    return units


class _Clusters:
    """Union-find over unit numbers, each root keeping its members (a unit just
    joined last)."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.members: list[list[int]] = []

    def add(self) -> int:
        self.parent.append(len(self.parent))
        self.members.append([len(self.members)])
        return len(self.parent) - 1

    def find(self, unit: int) -> int:
        root = unit
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[unit] != root:  # path compression
            self.parent[unit], unit = root, self.parent[unit]
        return root

    def union(self, a: int, b: int) -> int:
        a, b = self.find(a), self.find(b)
        if a == b:
            return a
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members[b])  # the smaller list moves: O(n log n) in all
        self.members[b] = []
        return a


def components(
    units: Sequence[Unit],
    merges: Callable[[int, int], bool],
    stats: MergeStats,
    tick: Callable[[int], None] | None = None,
) -> list[list[int]]:
    """Unit numbers in clusters connected by verified merges (singletons included).

    `tick(n)` hears of every `TICK` units indexed, with how many statements they hold."""
    order = _rarity(units)
    clusters = _Clusters()
    everything: dict[str, set[int]] = {}  # lemma -> clusters holding it
    prefixes: dict[str, set[int]] = {}  # lemma -> clusters where it is a member's prefix
    pending = 0
    for number, unit in enumerate(units):
        clusters.add()
        pending += len(unit.members)
        if tick is not None and number % TICK == TICK - 1:
            tick(pending)
            pending = 0
        if not unit.lemmas:
            continue
        ranked = sorted(unit.lemmas, key=order.__getitem__)
        needed = max(1, math.ceil(PREFILTER_OVERLAP * len(ranked)))
        prefix = ranked[: len(ranked) - needed + 1]
        hits: dict[int, int] = {}
        _probe(everything, prefix, clusters, hits)  # this unit the smaller of a pair
        _probe(prefixes, ranked, clusters, hits)  # an earlier unit the smaller
        for root in heapq.nsmallest(CANDIDATE_LIMIT, hits, key=lambda r: (-hits[r], r)):
            if clusters.find(root) == clusters.find(number):
                continue
            for other in clusters.members[clusters.find(root)][: -VERIFY_LIMIT - 1 : -1]:
                if shares_enough(unit.lemmas, units[other].lemmas) and merges(other, number):
                    clusters.union(root, number)
                    break
        root = clusters.find(number)
        for lemma in ranked:
            everything.setdefault(lemma, set()).add(root)
        for lemma in prefix:
            prefixes.setdefault(lemma, set()).add(root)
    if tick is not None and pending:
        tick(pending)
    out = [members for members in clusters.members if members]
    stats.components += len(out)
    stats.largest_component = max([stats.largest_component, *map(len, out)])
    return out


def _rarity(units: Sequence[Unit]) -> dict[str, tuple[int, str]]:
    """Each lemma's sort key, rarest first: how many units use it, then the lemma itself."""
    frequency: dict[str, int] = {}
    for unit in units:
        for lemma in unit.lemmas:
            frequency[lemma] = frequency.get(lemma, 0) + 1
    return {lemma: (count, lemma) for lemma, count in frequency.items()}


def _probe(
    index: dict[str, set[int]], lemmas: Sequence[str], clusters: _Clusters, hits: dict[int, int]
) -> None:
    for lemma in lemmas:
        posting = index.get(lemma)
        if not posting or len(posting) > COMMON_POSTINGS:
            continue
        roots = {clusters.find(root) for root in posting}
        if len(roots) < len(posting):
            index[lemma] = roots  # clusters joined since: keep the postings short
        for root in roots:
            hits[root] = hits.get(root, 0) + 1
