"""Occasions at scale: unifying thousands of events looks each one up, never scans them all.

The occasions are SYNTHETIC: meetings at made-up places, as a corpus of years of articles
would name hundreds of gatherings.
"""

from __future__ import annotations

import pytest

from debate_tui import occasions
from debate_tui.occasions import Occasion, unify


def counted_same_event(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    real = occasions.same_event

    def counting(a: Occasion, b: Occasion) -> bool:
        calls[0] += 1
        return real(a, b)

    monkeypatch.setattr(occasions, "same_event", counting)
    return calls


def test_two_thousand_events_are_unified_without_comparing_all_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = counted_same_event(monkeypatch)
    events = [
        Occasion(kind="summit", org="G20", place=f"Place {n}", year=2000 + n % 20)
        for n in range(2000)
    ]
    mentions = [*events, *(Occasion(kind="summit", place=f"Place {n}") for n in range(2000))]
    found = unify(mentions)
    for n, event in enumerate(events):
        assert found[event] == event
        assert found[Occasion(kind="summit", place=f"Place {n}")] == event
    assert calls[0] < 5 * len(mentions)  # all pairs: about 8 million


def test_an_organisation_without_a_place_still_finds_its_one_event(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    placed = Occasion(kind="ministerial meeting", org="OSCE", place="Malta", year=2024)
    bare = Occasion(kind="ministerial meeting", org="OSCE")
    others = [Occasion(kind="summit", org="NATO", place=f"Place {n}") for n in range(500)]
    found = unify([*others, bare, placed])
    assert found[bare] == placed
