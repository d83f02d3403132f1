"""Merging at scale: the near-linear merge gives exactly the groups the all-against-all
merge gave, and a remark republished a thousand times is never compared all against all.

The reference (tests/merge_reference.py) is the quadratic algorithm as it was; the
near-duplicates are SYNTHETIC edited copies of the bundled statements (tests/near_duplicates.py).
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from debate_tui.build import statements_for_articles
from debate_tui.config import load_config
from debate_tui.corpus import load_corpus
from debate_tui.extract.content import statement_lemmas
from debate_tui.merge import merge_statements
from debate_tui.model import Statement
from debate_tui.occasions import assign_occasions
from debate_tui.repeat_index import MergeStats
from tests.merge_reference import reference_merge
from tests.near_duplicates import KEEPING, edited, republished
from tests.test_merge import statement, with_lemmas

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
CONFIG = load_config(None, CORPUS)


@pytest.fixture(scope="module")
def unmerged() -> list[Statement]:
    """The bundled statements with their occasions, before merging."""
    articles = load_corpus(CORPUS, lambda _m: None)
    return assign_occasions(
        statements_for_articles(articles, CONFIG, warn=lambda _m: None), articles
    )


# --- The same merges as before -----------------------------------------------------------------


def test_the_bundled_corpus_merges_exactly_as_before(unmerged: list[Statement]) -> None:
    merged = merge_statements(unmerged)
    assert merged == reference_merge(unmerged)
    assert sum(len(st.reports) for st in merged) == 5


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_edited_copies_from_many_outlets_merge_exactly_as_before(
    unmerged: list[Statement], seed: int
) -> None:
    statements = with_lemmas(republished(unmerged, copies=6, seed=seed, edits=2))
    merged = merge_statements(statements)
    assert merged == reference_merge(statements)
    assert len(merged) < len(statements) - len(unmerged)  # most copies did fold


# --- A remark republished a thousand times --------------------------------------------------

# SYNTHETIC wire copy: no proper names but the speaker's, so only the edits below tell copies
# apart.
WIRE = (
    "Blinken said the war of aggression must end and that a just and lasting peace would "
    "need real diplomacy from every side of the conflict."
)


def outlets(copies: int, seed: int, negate_every: int = 0) -> list[Statement]:
    """The wire statement, then `copies - 1` outlets' edited copies of it (every
    `negate_every`-th one saying "would not need")."""
    rng = random.Random(seed)
    texts = [WIRE]
    for n in range(1, copies):
        text = edited(WIRE, rng, rng.randrange(1, 3), KEEPING)
        if negate_every and n % negate_every == 0:
            text = text.replace("would", "would not")
        texts.append(text)
    found = statement_lemmas(texts, CONFIG.speakers)  # one batch: a thousand texts
    sources = ["wire.txt", *(f"outlet-{n:04d}.txt" for n in range(1, copies))]
    return [
        statement(text, source=source, lemmas=lemmas)
        for text, source, lemmas in zip(texts, sources, found, strict=True)
    ]


@pytest.mark.parametrize("seed", [0, 1])
def test_a_thousand_edited_copies_fold_into_one_without_comparing_all_pairs(seed: int) -> None:
    copies = outlets(1000, seed)
    stats = MergeStats()
    (shown,) = merge_statements(copies, stats=stats)
    assert len(shown.reports) == 999
    assert len(shown.sources) == 1000
    all_pairs = len(copies) * (len(copies) - 1) // 2  # 499,500
    assert stats.comparisons < 2 * len(copies) < all_pairs // 100


def test_copies_that_negate_the_remark_stay_apart_from_it() -> None:
    copies = outlets(1000, seed=3, negate_every=10)
    stats = MergeStats()
    shown = merge_statements(copies, stats=stats)
    texts = [[st.text, *(r.text for r in st.reports)] for st in shown]
    for group in texts:
        assert len({"would not" in text for text in group}) == 1, "a negation merged"
    affirming = [group for group in texts if "would not" not in group[0]]
    assert len(affirming) == 1, "every copy that keeps the claim is one statement"
    assert len(affirming[0]) >= 900
    assert stats.comparisons < 10 * len(copies)


def test_exact_repeats_are_judged_once() -> None:
    wire = statement(WIRE)
    copies = [replace(wire, source=f"outlet-{n:04d}.txt") for n in range(1000)]
    stats = MergeStats()
    (shown,) = merge_statements(copies, stats=stats)
    assert len(shown.reports) == 999
    assert stats.units == 1
    assert stats.comparisons == 0
