"""Regenerate docs/reader.svg: the reader on the bundled corpus at 120x40.

Run from the repository root: `python docs/screenshot.py`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from debate_tui.build import build_debate
from debate_tui.config import default_config
from debate_tui.tui.app import DebateApp

ROOT = Path(__file__).resolve().parent.parent


async def main() -> None:
    debate = build_debate(ROOT / "corpus", default_config(), warn=lambda _m: None)
    app = DebateApp(debate=debate)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")  # Escalation: both sides, several occasions
        await pilot.pause()
        app.save_screenshot(filename="reader.svg", path=str(ROOT / "docs"))


if __name__ == "__main__":
    asyncio.run(main())
