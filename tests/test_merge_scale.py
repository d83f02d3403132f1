"""Merging at scale: the near-linear merge gives exactly the groups the all-against-all
merge gave, and a remark republished a thousand times is never compared all against all.

The reference (tests/merge_reference.py) is the quadratic algorithm as it was; the
near-duplicates are SYNTHETIC edited copies of the bundled statements (tests/near_duplicates.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from debate_tui.build import statements_for_articles
from debate_tui.config import load_config
from debate_tui.corpus import load_corpus
from debate_tui.merge import merge_statements
from debate_tui.model import Statement
from debate_tui.occasions import assign_occasions
from tests.merge_reference import reference_merge
from tests.near_duplicates import republished

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
    merged = merge_statements(unmerged, speakers=CONFIG.speakers)
    assert merged == reference_merge(unmerged, speakers=CONFIG.speakers)
    assert sum(len(st.reports) for st in merged) == 5


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_edited_copies_from_many_outlets_merge_exactly_as_before(
    unmerged: list[Statement], seed: int
) -> None:
    statements = republished(unmerged, copies=6, seed=seed, edits=2)
    merged = merge_statements(statements, speakers=CONFIG.speakers)
    assert merged == reference_merge(statements, speakers=CONFIG.speakers)
    assert len(merged) < len(statements) - len(unmerged)  # most copies did fold
