"""Quitting is prompt: `q` during a long cold build stops the build, not only the screen.

The reader's build runs in a thread, which nothing can kill: it must notice that the user
quit and stop by itself, between files while reading and between articles while parsing.
Each test uses a real generated corpus, the real build and a real app driven by Pilot; a
spy around the real functions counts how far the build got. Everything here is SYNTHETIC.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from tui_fixtures import screen_text

from debate_tui import build, corpus
from debate_tui.config import default_config
from debate_tui.tui.app import DebateApp
from debate_tui.tui.screens.loading import LoadingScreen

ARTICLES = 400


def many_articles(folder: Path, count: int = ARTICLES) -> Path:
    folder.mkdir()
    for index in range(count):
        lines = [f"Talks number {index}"] + [
            f"Secretary of State Antony Blinken said the talks on Crimea number {index} part "
            f"{part} had failed, and Sergei Lavrov said they would resume."
            for part in range(4)
        ]
        (folder / f"a{index:04d}.txt").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


class BuildSpy:
    """Counts articles read and parsed by the real build; can hold it at one point until
    the test has pressed q, so what happens next does not depend on timing."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, hold_after_reading: int = 0) -> None:
        self.read = 0
        self.parsed = 0
        self.hold_after_reading = hold_after_reading
        self.quit_pressed = threading.Event()
        self.held = threading.Event()
        self.finished = threading.Event()
        self.error: BaseException | None = None
        real_read, real_build = corpus.read_article, build.build_debate
        real_put = build.StatementCache.put

        def read_article(*args: Any, **kwargs: Any) -> Any:
            self.read += 1
            if self.read == self.hold_after_reading:
                self.held.set()
                self.quit_pressed.wait(30)
            return real_read(*args, **kwargs)

        def put(cache: Any, *args: Any, **kwargs: Any) -> None:
            self.parsed += 1  # each parsed article is written to the cache
            real_put(cache, *args, **kwargs)

        def build_debate(*args: Any, **kwargs: Any) -> Any:
            try:
                return real_build(*args, **kwargs)
            except BaseException as exc:
                self.error = exc
                raise
            finally:
                self.finished.set()

        monkeypatch.setattr(corpus, "read_article", read_article)
        monkeypatch.setattr(build.StatementCache, "put", put)
        monkeypatch.setattr(build, "build_debate", build_debate)

    async def wait_finished(self) -> None:
        assert await asyncio.to_thread(self.finished.wait, 120), "the build never stopped"


async def test_q_while_reading_the_corpus_stops_reading(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = many_articles(tmp_path / "corpus")
    spy = BuildSpy(monkeypatch, hold_after_reading=10)
    app = DebateApp(folder, default_config())
    async with app.run_test(size=(100, 30)) as pilot:
        assert await asyncio.to_thread(spy.held.wait, 60), "the build never started reading"
        assert isinstance(app.screen, LoadingScreen)
        (worker,) = [w for w in app.workers if w.group == "load"]
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
        assert worker.is_cancelled
        spy.quit_pressed.set()
    await spy.wait_finished()
    assert spy.read <= 11 < ARTICLES  # stopped at the next file, not after all of them
    assert isinstance(spy.error, build.BuildCancelled)
    assert spy.parsed == 0  # spaCy was never even loaded
    assert not list(own_cache.glob("corpus-*"))  # nothing half-built was cached


async def test_q_while_parsing_stops_the_parse(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = many_articles(tmp_path / "corpus")
    spy = BuildSpy(monkeypatch)
    app = DebateApp(folder, default_config())
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(2400):  # a cold start loads spaCy first: allow a busy machine
            await pilot.pause(0.05)
            if "articles ready" in screen_text(app):
                break
        assert "articles ready" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    await spy.wait_finished()
    assert spy.read == ARTICLES
    assert 1 <= spy.parsed < ARTICLES  # the parse stopped early
    assert not list(own_cache.glob("corpus-*"))
