"""Progress that tells the truth: parsing counts articles, assembly counts what it works on
(articles placed on occasions, statements merged), on the command line and the loading
screen alike."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import ProgressBar
from tui_fixtures import CORPUS, fixture_debate, screen_text, wait_for

from debate_tui import build
from debate_tui.build import MERGING, OCCASIONS, build_debate
from debate_tui.config import default_config
from debate_tui.model import Debate
from debate_tui.tui.app import DebateApp
from debate_tui.tui.screens.loading import LoadingScreen
from debate_tui.tui.screens.reader import ReaderScreen


def test_assembly_reports_articles_placed_and_statements_merged(own_cache: Path) -> None:
    parsed: list[tuple[int, int]] = []
    stages: dict[str, list[tuple[int, int]]] = {}
    debate = build_debate(
        CORPUS,
        default_config(),
        progress=lambda done, total, _label: parsed.append((done, total)),
        stage=lambda name, done, total: stages.setdefault(name, []).append((done, total)),
        warn=lambda _m: None,
    )
    articles = len(debate.articles)
    before_merging = len(debate.statements) + sum(len(st.reports) for st in debate.statements)
    assert parsed[-1] == (articles, articles)
    assert list(stages) == [OCCASIONS, MERGING]
    assert stages[OCCASIONS][-1] == (articles, articles)
    assert stages[MERGING][-1] == (before_merging, before_merging)
    for reports in stages.values():
        done = [d for d, _ in reports]
        assert done == sorted(done), "progress never goes back"


def test_a_warm_corpus_reports_no_assembly(own_cache: Path) -> None:
    build_debate(CORPUS, default_config(), warn=lambda _m: None)
    stages: list[str] = []
    build_debate(
        CORPUS,
        default_config(),
        stage=lambda name, _d, _t: stages.append(name),
        warn=lambda _m: None,
    )
    assert stages == []


class AssemblingBuild:
    """Stands in for build_debate: parses three articles, then merges until released."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def __call__(self, corpus: Path, config: object, **kwargs: Any) -> Debate:
        kwargs["progress"](3, 3, "third.txt")
        kwargs["stage"](OCCASIONS, 3, 3)
        while not self.release.wait(0.02):
            kwargs["stage"](MERGING, 5_000, 12_400)  # raises once the user has quit
        kwargs["stage"](MERGING, 12_400, 12_400)
        return fixture_debate()


async def test_the_loading_screen_shows_statements_being_merged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = AssemblingBuild()
    monkeypatch.setattr(build, "build_debate", fake)
    app = DebateApp(CORPUS, default_config(), use_cache=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: "5,000 of 12,400 statements" in screen_text(app))
        screen = app.screen
        assert isinstance(screen, LoadingScreen)
        assert "Merging repeated remarks: 5,000 of 12,400 statements" in screen_text(app)
        bar = screen.query_one(ProgressBar)
        assert (bar.progress, bar.total) == (5_000, 12_400)
        fake.release.set()
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
