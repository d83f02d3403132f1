"""Every topic is reachable by keys: 1-9, 0 for the tenth, g for any by number or name."""

from __future__ import annotations

from dataclasses import replace

from test_tui_reader import WIDE, make_app, reader, settle, topic_id, topic_list_rows
from tui_fixtures import TOPICS, fixture_debate

from debate_tui.model import Debate, TopicSpec
from debate_tui.tui.screens.goto import GotoScreen

EXTRA = tuple(TopicSpec(f"extra-{n}", f"Extra topic {n}", (f"extra{n}",)) for n in range(1, 6))


def long_debate() -> Debate:
    """Twelve topics and Other: more than the number keys reach."""
    return replace(fixture_debate(), topics=(*TOPICS, *EXTRA))


async def test_zero_jumps_to_the_tenth_topic() -> None:
    app = make_app(long_debate())
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("0")
        await settle(app)
        assert topic_id(app) == "extra-3"
        rows = " ".join(" ".join(topic_list_rows(app)).split())
        assert "0 Extra topic 3" in rows, "the list shows the key that reaches it"


async def test_g_goes_to_any_topic_by_number() -> None:
    app = make_app(long_debate())
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("g")
        await settle(app)
        assert isinstance(app.screen, GotoScreen)
        await pilot.press("1", "3", "enter")
        await settle(app)
        assert topic_id(app) == "other"


async def test_g_goes_to_a_topic_by_words_of_its_name() -> None:
    app = make_app(long_debate())
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("g", *"topic 5", "enter")
        await settle(app)
        assert topic_id(app) == "extra-5"
        await pilot.press("g", *"SANCTIONS", "enter")
        await settle(app)
        assert topic_id(app) == "sanctions"


async def test_g_with_nothing_matching_says_so_and_stays() -> None:
    app = make_app(long_debate())
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(app)
        before = topic_id(app)
        await pilot.press("g", *"zebra", "enter")
        await settle(app)
        assert topic_id(app) == before
        assert any("No topic" in str(n.message) for n in app._notifications)
        await pilot.press("g", "escape")
        await settle(app)
        assert reader(app) is app.screen


async def test_topic_counts_never_wrap_in_a_narrow_list() -> None:
    from tui_fixtures import large_debate

    app = make_app(large_debate(300))  # Crimea: hundreds of statements a side
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        await pilot.press("t")
        await settle(app)
        rows = topic_list_rows(app)
        crimea = next(index for index, row in enumerate(rows) if "1 Crimea" in row)
        counts = rows[crimea + 1].lstrip("▌ ").strip()
        assert counts.startswith("B ") and " · L " in counts and counts[-1].isdigit(), rows
        assert "Escalation" in rows[crimea + 2], "the counts took one line"
