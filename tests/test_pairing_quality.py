"""The pairs the reader shows as answering each other, against hand-labelled counterparts.

tests/expected/pairs.toml lists, for the bundled corpus, which Blinken statement answers
which Lavrov statement (labelled from the articles before any pairing code was run). A
row shown with both cells filled is right when its two statements match one labelled pair.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from debate_tui.model import Debate, Statement

PAIRS = Path(__file__).parent / "expected" / "pairs.toml"


def _wordings(st: Statement) -> list[str]:
    return [st.text, *(report.text for report in st.reports)]


def _covers(st: Statement, anchors: list[str]) -> bool:
    return any(anchor in text for anchor in anchors for text in _wordings(st))


def _labelled(left: Statement, right: Statement, labels: list[dict]) -> bool:
    return any(
        _covers(left, label["blinken"]) and _covers(right, label["lavrov"]) for label in labels
    )


def _shown_pairs(debate: Debate) -> dict[tuple[str, str], tuple[Statement, Statement]]:
    shown: dict[tuple[str, str], tuple[Statement, Statement]] = {}
    for topic in debate.all_topics():
        for row in debate.pairing(topic.id).rows:
            if row.left is not None and row.right is not None:
                shown[(row.left.id, row.right.id)] = (row.left, row.right)
    return shown


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return tomllib.loads(PAIRS.read_text("utf-8"))["pair"]


def test_nine_in_ten_pairs_shown_answer_each_other(bundled_debate: Debate, labels) -> None:
    shown = _shown_pairs(bundled_debate)
    wrong = [
        f"{left.text[:60]!r} | {right.text[:60]!r}"
        for left, right in shown.values()
        if not _labelled(left, right, labels)
    ]
    assert len(shown) >= 10
    precision = 1 - len(wrong) / len(shown)
    assert precision >= 0.9, f"{precision:.2f} of {len(shown)}; wrong:\n" + "\n".join(wrong)


def test_most_clear_counterparts_are_shown_side_by_side(bundled_debate: Debate, labels) -> None:
    """Showing no pair at all would be precise: the clearest counterparts must be there.

    Measured on the bundled corpus: 8 of the 19 clearest counterparts. Most of the others
    answer without sharing a word ("support Ukraine" / "encouraging Ukraine to continue the
    war"), which word overlap cannot see."""
    shown = list(_shown_pairs(bundled_debate).values())
    best = [label for label in labels if label.get("best")]
    found = [
        label
        for label in best
        if any(_covers(a, label["blinken"]) and _covers(b, label["lavrov"]) for a, b in shown)
    ]
    missing = [label["point"] for label in best if label not in found]
    assert len(found) / len(best) >= 0.4, "missing:\n" + "\n".join(missing)
