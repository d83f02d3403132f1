"""How the reader looks, at a roomy and a small terminal size, on a fixed debate.

Update after a deliberate change with `pytest tests/test_tui_snapshots.py --snapshot-update`
and look at the new SVG files before committing them.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from tui_fixtures import TOPICS, fixture_debate

from debate_tui.tui.app import DebateApp

SIZES = {"120x40": (120, 40), "80x24": (80, 24)}
ONE_SIDED_KEY = str([topic.id for topic in TOPICS].index("new-start") + 1)
VIEWS: dict[str, list[str]] = {
    "main": [],
    "help": ["question_mark"],
    "source": ["j", "enter"],
    "one_sided_topic": [ONE_SIDED_KEY],
    "filter": ["4", "slash", *"talks"],
}


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
@pytest.mark.parametrize("view", VIEWS)
def test_reader_looks(snap_compare: Any, view: str, size: tuple[int, int]) -> None:
    app = DebateApp(debate=fixture_debate())

    async def run_before(pilot: Pilot[Any]) -> None:
        for field in app.query(Input):
            field.cursor_blink = False  # a blinking cursor would make the picture random
        await pilot.pause()
        await pilot.press(*VIEWS[view])
        for _ in range(2):
            await app.workers.wait_for_complete()
            await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
