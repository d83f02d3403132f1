"""Dates as occasion labels and metadata write them: found, ordered and shown."""

from __future__ import annotations

import pytest
from tui_fixtures import DELHI, FLEETING, MALTA, OSCE, fixture_debate

from debate_tui.dates import When, find_date
from debate_tui.model import Debate


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("G20 foreign ministers' meeting, New Delhi, 2 March", "2 March"),
        ("G20 foreign ministers' meeting, New Delhi, March 2", "2 March"),
        ("Geneva meeting, January 2022", "January 2022"),
        ("Summit, 5 Dec. 2024", "5 December 2024"),
        ("2023-03-02", "2 March 2023"),
        ("31st OSCE ministerial meeting, Malta", ""),
        ("G20 meeting", ""),
        ("You may say so", ""),
    ],
)
def test_a_date_is_found_as_far_as_the_label_gives_it(text: str, label: str) -> None:
    assert find_date(text).label() == label


def test_known_dates_come_first_oldest_first_and_undated_last() -> None:
    dates = [When(), When(None, 3, 2), When(2024, 12, 5), When(2022, 1)]
    ordered = sorted(dates, key=When.sort_key)
    assert ordered == [When(2022, 1), When(2024, 12, 5), When(None, 3, 2), When()]


def _dated(**dates: str) -> Debate:
    debate = fixture_debate()
    debate.articles = [
        meta._replace(date=dates.get(meta.source, meta.date)) for meta in debate.articles
    ]
    return debate


def test_occasion_groups_are_in_date_order_with_the_undated_last() -> None:
    debate = _dated(**{DELHI: "2023-03-02", FLEETING: "2023-03-03"})
    groups = list(dict.fromkeys(row.group for row in debate.pairing("sanctions").rows))
    assert groups == ["G20 foreign ministers' meeting, New Delhi, 2 March 2023", "OSCE meeting"]


def test_one_direction_throughout_oldest_first() -> None:
    debate = _dated(**{MALTA: "2024-12-05", OSCE: "2022-01-10"})
    groups = list(dict.fromkeys(row.group for row in debate.pairing("escalation").rows))
    assert groups == [
        "OSCE meeting, 10 January 2022",
        "31st OSCE ministerial meeting, Malta, 5 December 2024",
    ]
    debate = _dated(**{MALTA: "2020-12-05", OSCE: "2022-01-10"})
    groups = list(dict.fromkeys(row.group for row in debate.pairing("escalation").rows))
    assert groups[0].startswith("31st OSCE ministerial meeting, Malta")


async def test_group_headers_and_card_footers_give_the_occasion_with_its_date() -> None:
    from tui_fixtures import screen_text

    from debate_tui.tui.app import DebateApp
    from debate_tui.tui.widgets.statement_card import StatementCard

    app = DebateApp(debate=_dated(**{MALTA: "2024-12-05", OSCE: "2022-01-10"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")  # Escalation: the OSCE meeting, then Malta
        for _ in range(3):
            await pilot.pause()
        text = screen_text(app)
        assert "◆ OSCE meeting, 10 January 2022" in text
        assert "◆ 31st OSCE ministerial meeting, Malta, 5 December 2024" in text
        footers = [str(card.content).splitlines()[-1] for card in app.screen.query(StatementCard)]
        assert (
            footers[:2]
            == [
                "Blinken Vs Lavrov: Ukraine Tensions Flare At OSCE Meeting · OSCE meeting, "
                "10 January 2022"
            ]
            * 2
        )
