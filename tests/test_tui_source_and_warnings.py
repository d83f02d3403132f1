"""What the source view says about each wording, and where every warning can be read."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from test_tui_reader import WIDE, make_app, reader, settle
from tui_fixtures import fixture_debate, screen_text

from debate_tui.corpus_store import CorpusStore, topic_tables, write_store
from debate_tui.model import Debate
from debate_tui.tui.screens.source import SourceScreen
from debate_tui.tui.screens.warnings import WarningsScreen
from debate_tui.tui.widgets.header import DebateHeader

WARNINGS = [
    "broken.html: HTML could not be parsed (ParserError); save the article as text",
    "empty.txt: empty file, skipped",
    "notes.md: not UTF-8 (byte 0xff at 12); save it as UTF-8",
]


def warned() -> Debate:
    debate = fixture_debate()
    debate.warnings = list(WARNINGS)
    return debate


def statement_line(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, SourceScreen)
    return " ".join(str(screen.query_one("#source-statement").content).split())


async def test_after_r_the_line_above_the_article_describes_that_wording() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("4", "enter")  # printed twice: a quote here, mixed in the other
        await settle(app)
        line = statement_line(app)
        assert "quote" in line and "cue 'tell'" in line and "confidence 0.95" in line
        await pilot.press("r")
        await settle(app)
        line = statement_line(app)
        assert "mixed" in line and "cue 'say'" in line and "confidence 0.90" in line
        assert "quote" not in line and "cue 'tell'" not in line


async def test_w_lists_every_warning_and_closes_again() -> None:
    app = make_app(warned())
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("w")
        await settle(app)
        assert isinstance(app.screen, WarningsScreen)
        text = " ".join(screen_text(app).split())
        assert "⚠ 3 warnings" in text
        for warning in WARNINGS:
            assert warning in text
        await pilot.press("w")
        await settle(app)
        assert reader(app) is app.screen


async def test_clicking_the_headers_warning_count_lists_the_warnings() -> None:
    app = make_app(warned())
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        header = reader(app).query_one(DebateHeader)
        line = screen_text(app).splitlines()[header.region.y]
        x = line.index("⚠ 3 warnings")
        await pilot.click(offset=(x - 3, header.region.y))  # beside it: nothing
        await settle(app)
        assert reader(app) is app.screen
        await pilot.click(offset=(x + 2, header.region.y))
        await settle(app)
        assert isinstance(app.screen, WarningsScreen)


async def test_warnings_make_one_short_toast_that_points_to_w() -> None:
    app = make_app(warned())
    async with app.run_test(size=WIDE, notifications=True):
        await settle(app)
        toasts = list(app._notifications)
        assert len(toasts) == 1
        assert toasts[0].timeout <= 5
        assert WARNINGS[0] in toasts[0].message and "2 more: press w" in toasts[0].message


def stored_debate(tmp_path: Path) -> tuple[Debate, Path, list[str]]:
    """The fixture debate read from a corpus store of its own, the store's path, and the
    list its warnings go to."""
    base = fixture_debate()
    path = tmp_path / "corpus-key.sqlite"
    sides = (base.speakers[0].id, base.speakers[1].id)
    tables = topic_tables(fixture_debate())  # pairs its own copy: `base` reads the store
    write_store(path, "key", base.articles, base.statements, [], tables, sides)
    warnings: list[str] = []
    debate = replace(base, warnings=warnings, store=CorpusStore(path, "key", warnings.append))
    return debate, path, warnings


async def test_a_corpus_store_damaged_while_the_reader_runs_is_said_at_once_with_r_to_rebuild(
    tmp_path: Path,
) -> None:
    debate, path, warnings = stored_debate(tmp_path)
    app = make_app(debate)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        assert "warning" not in str(reader(app).query_one(DebateHeader).render())
        with closing(sqlite3.connect(path)) as db:  # damaged under the open reader
            db.execute("UPDATE pair_rows SET left_id = -1")
            db.commit()
        await pilot.press("n")
        await settle(app)
        assert warnings, "reading the next topic found the damage"
        assert "⚠ 1 warning" in str(reader(app).query_one(DebateHeader).render())
        text = " ".join(screen_text(app).split())
        assert "is damaged" in text and "press R to read the corpus again" in text
        assert "said anything on" not in text, "a damaged cache is not an empty topic"


async def test_a_topic_whose_statements_turn_out_damaged_is_neither_shown_empty_nor_exported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    debate, path, _ = stored_debate(tmp_path)
    app = make_app(debate)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(app)
        with closing(sqlite3.connect(path)) as db:  # the rows are sound, their statements not
            db.execute("UPDATE statements SET data = '{'")
            db.commit()
        await pilot.press("n")
        await settle(app)
        text = " ".join(screen_text(app).split())
        assert "is damaged and could not be read" in text
        assert "No answer from" not in text, "a damaged row is not a statement left unanswered"
        await pilot.press("e")
        await settle(app)
        assert list(tmp_path.glob("*.md")) == [], "an export of damaged rows is not written"
        assert "Export failed" in " ".join(screen_text(app).split())
