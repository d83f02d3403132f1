"""The filter: finds what a reader means, wherever a card shows it, and exports what it shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_reader import WIDE, make_app, reader, settle, topic_list_rows
from tui_fixtures import TOPICS, screen_text

from debate_tui.text_match import find_all, fold
from debate_tui.tui.widgets.pairing import PairingView
from debate_tui.tui.widgets.statement_card import StatementCard

PEACE_TALKS = str([t.id for t in TOPICS].index("peace-talks") + 1)
ESCALATION = str([t.id for t in TOPICS].index("escalation") + 1)


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("don't", "I don’t remember"),
        ("DON’T", "I don't remember"),
        ("“no”", 'he said "no" twice'),
        ("1990-1991", "in 1990–1991"),
        ("Sergei", "Sergeï Lavrov"),
        ("Zelensky", "Zelenský"),
        ("fine", "ﬁne"),
    ],
)
def test_case_quotes_dashes_accents_and_ligatures_fold_away(typed: str, printed: str) -> None:
    spans = find_all(printed, typed)
    assert len(spans) == 1
    start, end = spans[0]
    assert fold(printed[start:end]) == fold(typed)


def test_a_filter_is_plain_text_never_a_pattern() -> None:
    assert find_all("a.b and axb", "a.b") == [(0, 3)]


async def test_a_straight_apostrophe_finds_a_curly_one() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press(PEACE_TALKS, "slash", *"don't")
        await settle(app)
        view = reader(app).query_one(PairingView)
        assert view.visible_rows == 1
        card = view.selected
        assert card is not None and "I don’t remember" in card.statement.text


async def test_the_occasion_outlet_and_title_a_card_shows_are_searched_too() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press(ESCALATION, "slash", *"Malta")
        await settle(app)
        view = reader(app).query_one(PairingView)
        assert view.visible_rows == 2
        assert all("Malta" in row.group for row in view.rows)
        dimmed = [c for c in reader(app).query(StatementCard) if c.has_class("-unmatched")]
        assert dimmed == [], "a card whose occasion matches is a match"


async def test_the_topic_list_shows_each_topics_matches_while_filtering() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("slash", *"Malta")
        await settle(app)
        rows = " ".join(" ".join(topic_list_rows(app)).split())
        assert "2 Escalation 2 matching rows" in rows
        assert "8 Other 1 matching row" in rows
        await pilot.press("escape")
        await settle(app)
        rows = " ".join(" ".join(topic_list_rows(app)).split())
        assert "matching" not in rows and "2 Escalation Blinken 2 · Lavrov 2" in rows


async def test_export_with_a_filter_writes_only_the_rows_shown_and_names_the_filter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press(PEACE_TALKS, "slash", *"don't", "enter", "e")
        await settle(app)
        body = (tmp_path / "peace-talks.md").read_text("utf-8")
        subtitle = body.splitlines()[2]
        assert "filtered by “don't”: 1 of 3 rows" in subtitle.replace("\\", "")
        table = [line for line in body.splitlines() if line.startswith("| ")]
        assert len(table) == 2 + 1  # heading, rule, the one row shown
        assert "Our Western colleagues" not in body
        assert "filter" in screen_text(app)
