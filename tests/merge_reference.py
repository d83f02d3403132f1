"""The merging algorithm as it was before it was made near-linear: every same-speaker pair
prefiltered, judged, then grouped best score first with complete linkage.

Kept only as a reference for tests: on inputs small enough to compare all against all, the
near-linear merge must give exactly these groups.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from debate_tui.merge import (
    MERGE_THRESHOLD,
    Verdict,
    Wording,
    _completeness,
    _fold,
    _occasions_compatible,
    _topics_compatible,
    _verdict,
)
from debate_tui.model import Statement

_PREFILTER_OVERLAP = 0.25
_CHUNK = 512


def _candidates(wordings: Sequence[Wording]) -> list[tuple[int, int]]:
    codes: dict[str, str] = {}
    encoded: list[str] = []
    for wording in wordings:
        chars = [codes.setdefault(lemma, chr(0x4E00 + len(codes))) for lemma in wording.lemma_set]
        encoded.append("".join(sorted(chars)))
    sizes = np.array([len(text) for text in encoded], dtype=np.int32)
    pairs: list[tuple[int, int]] = []
    for offset in range(0, len(encoded), _CHUNK):
        rows = encoded[offset : offset + _CHUNK]
        distances = process.cdist(rows, encoded, scorer=Indel.distance, dtype=np.int32)
        row_sizes = sizes[offset : offset + len(rows), None]
        shared = (row_sizes + sizes[None, :] - distances) // 2
        smaller = np.minimum(row_sizes, sizes[None, :])
        later = np.arange(len(encoded))[None, :] > np.arange(offset, offset + len(rows))[:, None]
        keep = later & (shared > 0) & (shared >= _PREFILTER_OVERLAP * smaller)
        rows_index, columns = np.nonzero(keep)
        pairs.extend(zip((rows_index + offset).tolist(), columns.tolist(), strict=True))
    return pairs


def find_repeats(
    statements: Sequence[Statement],
    *,
    threshold: float = MERGE_THRESHOLD,
) -> list[tuple[int, int, Verdict]]:
    by_speaker: dict[str, list[int]] = {}
    for index, st in enumerate(statements):
        by_speaker.setdefault(st.speaker, []).append(index)
    judged: list[tuple[int, int, Verdict]] = []
    for indexes in by_speaker.values():
        wordings = [Wording.of(statements[i]) for i in indexes]
        for a, b in _candidates(wordings):
            first, second = statements[indexes[a]], statements[indexes[b]]
            if (
                first.source == second.source
                or not _occasions_compatible(first, second)
                or not _topics_compatible(first, second)
            ):
                continue
            judged.append((indexes[a], indexes[b], _verdict(wordings[a], wordings[b], threshold)))
    return judged


def repeat_groups(judged: Iterable[tuple[int, int, Verdict]]) -> list[list[int]]:
    merging = [(verdict.score, i, j) for i, j, verdict in judged if verdict.merges]
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
    unique = {id(group): group for group in group_of.values()}
    return sorted(unique.values())


def reference_groups(statements: Sequence[Statement]) -> list[list[int]]:
    """Groups of statement indexes (two or more each) as the quadratic merge formed them."""
    return repeat_groups(find_repeats(statements))


def reference_merge(statements: Sequence[Statement]) -> list[Statement]:
    """What the quadratic merge returned: the same kept statement and folding per group."""
    leader_of: dict[int, list[int]] = {}
    member: set[int] = set()
    for group in reference_groups(statements):
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
