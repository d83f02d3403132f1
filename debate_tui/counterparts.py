"""Which statement of one side answers which statement of the other.

Within one group (an occasion, else an article) a statement of the left speaker is
compared with the statements of the right one that share something with it: what they
share in content words, named things and topics, each weighted by how rare it is among the
statements being paired. A big group (the distinct copies of one story, thousands a side)
is never compared all against all: candidates there come from an index of each statement's
rarest words, a few per statement (see `assign`).
Pairs are then chosen by maximum weight (greedy on the edges sorted by weight, which is
within a factor of two of the optimum and exact on the small groups news gives), never
below a floor: a statement with no counterpart stands in its own row rather than next to
an unrelated remark.

Pure Python on the statements' text, like the rest of the model layer: no spaCy (a warm
reader never loads it) and no Textual.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from debate_tui.model import Row, Speaker, Statement, TopicSpec

# Below this similarity two statements are not shown as answering each other.
FLOOR = 0.04
NAME_WEIGHT = 2.0  # a shared named thing counts this many times a shared word
# A pair's reason names only what is this rare (inverse document frequency): "Russia" and
# "Ukraine" are in half the statements of this debate and tell nothing.
TELLING = 1.0
# At most this many shared things are named in a pair's reason.
REASON_TERMS = 3
# A group with at most this many left x right pairs compares every pair sharing a word:
# exact, and what every group of the bundled corpus is. Past it, candidates are blocked.
EXACT_PAIRS = 40_000
# Blocking in a big group: a statement probes the index with its this many rarest words,
# skips words on more than `COMMON_POSTINGS` statements of the other side (they tell
# nothing about which one answers it), and is compared with at most `CANDIDATE_LIMIT`
# statements, those sharing most of its rare words first.
PROBE_KEYS = 8
COMMON_POSTINGS = 64
CANDIDATE_LIMIT = 16

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?:[.!?:;][\"”’)]*\s+|[\"“‘(]\s*)$")

# Function words, the frame every reported statement shares ("X said that ..."), and the
# words of the setting (the meeting, the press conference), shared by its whole group.
_STOP = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing don done down during
    each even ever every few for from further had has have having he her here hers herself
    him himself his how however i if in into is it its itself just least less let lets me
    more most much must my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up upon us very
    was we were what when where which while who whom why will with within without would
    you your yours yourself one two ever still yet already s t ll re ve
    say said says saying tell told telling add added adding note noted stress stressed
    argue argued arguing claim claimed insist insisted warn warned urge urged urging
    accuse accused accusing call called calling state stated remark remarks
    speak spoke speaking reiterate reiterated emphasize emphasized emphasizing highlight
    highlighted explain explained recall recalled conclude concluded describe described
    according quote quoted mr ms mrs
    meeting meetings conference press news reporter reporters journalist journalists
    briefing interview speech session sidelines
    """.split()
)

_SUFFIXES = (
    ("ations", ""),
    ("ation", ""),
    ("ating", ""),
    ("ated", ""),
    ("ates", ""),
    ("ate", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
    ("ly", ""),
)


def stem(word: str) -> str:
    """A crude common root, enough that "escalation" meets "escalating" and "isolated"
    meets "isolation"; never shorter than four letters."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            if suffix == "s" and word.endswith("ss"):
                break
            return word[: -len(suffix)] + replacement
    return word


class Features(NamedTuple):
    """What one statement is about: content roots, named things, and how each reads."""

    roots: frozenset[str]
    names: frozenset[str]  # named things ("north korea"), lower case
    shown: dict[str, str]  # root or name -> the words as printed


def features(text: str, ignore: frozenset[str] = frozenset()) -> Features:
    """Content roots and named things of `text`, leaving out the words in `ignore`
    (lower case: the speakers' own names, which say who speaks, not what about)."""
    roots: set[str] = set()
    names: set[str] = set()
    shown: dict[str, str] = {}
    run: list[str] = []

    def close_run() -> None:
        if run:
            name = " ".join(run)
            key = name.lower()
            names.add(key)
            shown.setdefault(key, name)
            run.clear()

    previous_end = 0
    for match in _WORD.finditer(text):
        word = match.group()
        lower = word.lower().replace("’", "'")
        gap = text[previous_end : match.start()]
        previous_end = match.end()
        if gap.strip(" ") and run:
            close_run()
        if lower in ignore or lower.removesuffix("'s") in ignore:
            close_run()
            continue
        # A capital opening a sentence says nothing; elsewhere it starts or extends a name.
        opens_sentence = match.start() == 0 or bool(
            _SENTENCE_END.search(text, max(match.start() - 6, 0), match.start())
        )
        if word[0].isupper() and not opens_sentence and lower not in _STOP:
            run.append(word.removesuffix("'s").removesuffix("’s"))
        else:
            close_run()
        if lower in _STOP or len(lower) < 3 or lower.isdigit():
            continue
        root = stem(lower)
        roots.add(root)
        shown.setdefault(root, lower.removesuffix("'s"))
    close_run()
    return Features(frozenset(roots), frozenset(names), shown)


class Lexicon:
    """What the debate's configuration and statements say about words: the speakers'
    names (which tell who speaks, not what about), each topic's terms as one concept (so
    "talks" meets "diplomacy"), and how rare each word is across every statement."""

    def __init__(
        self, speakers: Iterable[Speaker], topics: Iterable[TopicSpec], texts: Iterable[str]
    ) -> None:
        speakers = tuple(speakers)
        self.ignore = _name_words(speakers)
        # Titles ("the leader of U.S. diplomacy") name who speaks: blanked out whole, so
        # their words never count as what a statement is about.
        titles = sorted({t for sp in speakers for t in sp.titles if t.strip()}, key=len)
        self.titles = (
            re.compile(
                "|".join(rf"(?<!\w){re.escape(t)}(?!\w)" for t in reversed(titles)),
                re.IGNORECASE,
            )
            if titles
            else None
        )
        self.words: dict[str, tuple[str, str]] = {}  # root -> (concept key, label)
        self.phrases: list[tuple[str, str, str]] = []  # (phrase, concept key, label)
        for topic in topics:
            concept = (f"~{topic.id}", topic.label.lower())
            for term in topic.terms:
                if " " in term.strip():
                    self.phrases.append((term.lower(), *concept))
                else:
                    self.words.setdefault(stem(term), concept)
        self._cache: dict[str, Features] = {}
        self.weight = _weights([self.features(text) for text in set(texts)])

    def features(self, text: str) -> Features:
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self._features(text)
        return found

    def _features(self, text: str) -> Features:
        if self.titles is not None:
            text = self.titles.sub(lambda m: " " * len(m.group()), text)
        doc = features(text, self.ignore)
        concepts: dict[str, str] = {}
        for root in doc.roots:
            if root in self.words:
                key, label = self.words[root]
                concepts[key] = label
        lower = text.lower()
        for phrase, key, label in self.phrases:
            if phrase in lower:
                concepts[key] = label
        if not concepts:
            return doc
        return Features(doc.roots | concepts.keys(), doc.names, {**doc.shown, **concepts})


class PairStats:
    """What a pairing cost, counted rather than timed: `comparisons` is the number of
    similarity scores computed."""

    __slots__ = ("comparisons",)

    def __init__(self) -> None:
        self.comparisons = 0


class Match(NamedTuple):
    """Two statements chosen as answering each other, and why."""

    left: int
    right: int
    weight: float
    why: str
    copies: int = 1  # how many copies of each were paired (see `assign`)


def _weights(docs: Sequence[Features]) -> dict[str, float]:
    """Inverse document frequency of every root and name among `docs`: a word every
    statement uses ("Russia", "Ukraine" in this debate) says little about the point."""
    counts: dict[str, int] = {}
    for doc in docs:
        for key in doc.roots | doc.names:
            counts[key] = counts.get(key, 0) + 1
    total = len(docs) + 1
    return {key: math.log(total / count) for key, count in counts.items()}


def _norm(doc: Features, weight: dict[str, float]) -> float:
    return math.sqrt(sum(weight.get(k, 0.0) ** 2 for k in doc.roots | doc.names)) or 1.0


def similarity(
    a: Features,
    b: Features,
    weight: dict[str, float],
    shared_topics: int = 0,
    leave_out: str = "",
) -> tuple[float, list[str]]:
    """Cosine of the two statements' weighted roots and names (a named thing counts
    twice, being more specific than a word), plus a little for each topic they share
    beyond the one being paired; and the shared things, most telling first."""
    shared_names = a.names & b.names
    shared_roots = (a.roots & b.roots) - {leave_out}
    # A root already inside a shared name is not counted again.
    inside = {stem(part) for name in shared_names for part in name.split()}
    shared_roots -= inside
    score = sum(NAME_WEIGHT * weight.get(k, 0.0) ** 2 for k in shared_names)
    score += sum(weight.get(k, 0.0) ** 2 for k in shared_roots)
    cosine = score / (_norm(a, weight) * _norm(b, weight))
    cosine += 0.05 * shared_topics
    ranked = sorted(shared_names, key=lambda k: (-2 * weight.get(k, 0.0), k)) + sorted(
        shared_roots, key=lambda k: (-weight.get(k, 0.0), k)
    )
    telling = [k for k in ranked if weight.get(k, 0.0) >= TELLING] or ranked[:1]
    return cosine, [a.shown.get(k, k) for k in telling if weight.get(k, 0.0) > 0]


def assign(
    lefts: Sequence[str],
    rights: Sequence[str],
    lexicon: Lexicon,
    *,
    topics: Callable[[int, int], int] | None = None,
    topic_id: str = "",
    copies: tuple[Sequence[int], Sequence[int]] | None = None,
    floor: float | None = None,
    stats: PairStats | None = None,
) -> list[Match]:
    """Pair distinct texts of the left side with those of the right by maximum total
    similarity, none below `floor`. Each text is used as many times as it has `copies`
    (once by default): a remark printed by a thousand outlets is compared once, then its
    copies are paired with as many copies of its counterpart. `topics(i, j)` counts the
    topics the two share beyond `topic_id`, the one being paired (whose terms, shared by
    every statement in it, say nothing of the point). Matches come in no set order.

    A group of more than `EXACT_PAIRS` pairs is blocked: each left text is compared with at
    most `CANDIDATE_LIMIT` right texts found through its rarest words, so the cost grows
    with the group's size, not its square. `stats` counts the comparisons."""
    floor = FLOOR if floor is None else floor
    left_docs = [lexicon.features(text) for text in lefts]
    right_docs = [lexicon.features(text) for text in rights]
    weight = lexicon.weight
    # Candidates through an index of what the right side mentions: statements that share
    # nothing are never compared, so a big group costs what its overlaps cost.
    index: dict[str, list[int]] = {}
    for j, doc in enumerate(right_docs):
        for key in doc.roots | doc.names:
            index.setdefault(key, []).append(j)
    blocked = len(lefts) * len(rights) > EXACT_PAIRS
    edges: list[tuple[float, int, int, list[str]]] = []
    for i, doc in enumerate(left_docs):
        keys = doc.roots | doc.names
        candidates = _blocked(keys, index, weight) if blocked else _sharing(keys, index)
        if stats is not None:
            stats.comparisons += len(candidates)
        for j in candidates:
            score, shared = similarity(
                doc, right_docs[j], weight, topics(i, j) if topics else 0, f"~{topic_id}"
            )
            if score >= floor and shared:
                edges.append((score, i, j, shared))
    edges.sort(key=lambda edge: (-edge[0], edge[1], edge[2]))
    left_left = list(copies[0]) if copies else [1] * len(lefts)
    right_left = list(copies[1]) if copies else [1] * len(rights)
    matches: list[Match] = []
    for score, i, j, shared in edges:
        count = min(left_left[i], right_left[j])
        if count <= 0:
            continue
        left_left[i] -= count
        right_left[j] -= count
        matches.append(Match(i, j, score, reason(shared), count))
    return matches


def _sharing(keys: frozenset[str], index: dict[str, list[int]]) -> set[int]:
    """Every statement of the other side sharing a word or name with this one."""
    candidates: set[int] = set()
    for key in keys:
        candidates.update(index.get(key, ()))
    return candidates


def _blocked(
    keys: frozenset[str], index: dict[str, list[int]], weight: dict[str, float]
) -> list[int]:
    """A few statements of the other side sharing this one's rarest words, most shared
    first (ties by position): what a big group compares instead of every pair."""
    rare = sorted(
        (key for key in keys if 0 < len(index.get(key, ())) <= COMMON_POSTINGS),
        key=lambda key: (-weight.get(key, 0.0), key),
    )[:PROBE_KEYS]
    hits: dict[int, int] = {}
    for key in rare:
        for j in index[key]:
            hits[j] = hits.get(j, 0) + 1
    return heapq.nsmallest(CANDIDATE_LIMIT, hits, key=lambda j: (-hits[j], j))


def reason(shared: Iterable[str]) -> str:
    """The few words a paired row shows: "both on: escalation, North Korea"."""
    terms = list(dict.fromkeys(shared))[:REASON_TERMS]
    return f"both on: {', '.join(terms)}" if terms else "same occasion"


def _name_words(speakers: Iterable[Speaker]) -> frozenset[str]:
    """The words of the speakers' names and aliases, in lower case."""
    words: set[str] = set()
    for speaker in speakers:
        for name in (speaker.name, *speaker.aliases):
            words.update(word.lower().replace("’", "'") for word in _WORD.findall(name))
    return frozenset(words)


def pair_rows(
    group: str,
    lefts: Sequence[Statement],
    rights: Sequence[Statement],
    topic_id: str,
    lexicon: Lexicon,
    order: dict[int, int],
) -> list[Row]:
    """One group's rows: answering statements side by side, the rest each in its own row,
    in the order their first statement appears in the corpus (`order`, by object id)."""
    by_text: tuple[dict[str, list[Statement]], dict[str, list[Statement]]] = ({}, {})
    for side, statements in zip(by_text, (lefts, rights), strict=True):
        for st in statements:
            side.setdefault(st.text, []).append(st)
    left_texts, right_texts = list(by_text[0]), list(by_text[1])
    waiting = (
        [list(by_text[0][t]) for t in left_texts],
        [list(by_text[1][t]) for t in right_texts],
    )

    def topics(i: int, j: int) -> int:
        a, b = by_text[0][left_texts[i]][0].topics, by_text[1][right_texts[j]][0].topics
        return len((set(a) & set(b)) - {topic_id})

    rows: list[Row] = []
    if left_texts and right_texts:
        for match in assign(
            left_texts,
            right_texts,
            lexicon,
            topics=topics,
            topic_id=topic_id,
            copies=([len(w) for w in waiting[0]], [len(w) for w in waiting[1]]),
        ):
            for _ in range(match.copies):
                rows.append(
                    Row(
                        group,
                        waiting[0][match.left].pop(0),
                        waiting[1][match.right].pop(0),
                        match.why,
                    )
                )
    rows.extend(Row(group, st, None) for rest in waiting[0] for st in reversed(rest))
    rows.extend(Row(group, None, st) for rest in waiting[1] for st in reversed(rest))

    def first(row: Row) -> int:
        return min(
            order.get(id(cell), 1 << 30) for cell in (row.left, row.right) if cell is not None
        )

    rows.sort(key=first)
    return rows
