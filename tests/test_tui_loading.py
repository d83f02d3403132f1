"""Opening a corpus: progress while parsing, a responsive screen, warnings, failures, the cache."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import ProgressBar
from tui_fixtures import CORPUS, REPO, fixture_debate, screen_text, wait_for

from debate_tui import build
from debate_tui.config import default_config, load_config
from debate_tui.model import Debate
from debate_tui.tui.app import DebateApp, run_reader
from debate_tui.tui.screens.help import HelpScreen
from debate_tui.tui.screens.loading import LoadingScreen
from debate_tui.tui.screens.reader import ReaderScreen
from debate_tui.tui.widgets.header import DebateHeader

Progress = Callable[[int, int, str], None]


class FakeBuild:
    """Stands in for build_debate: reports progress, then waits for the test to let it finish."""

    def __init__(self, debate: Debate | None = None, error: Exception | None = None) -> None:
        self.debate = debate or fixture_debate()
        self.error = error
        self.release = threading.Event()
        self.finished = threading.Event()
        self.kwargs: dict[str, Any] = {}

    def __call__(self, corpus: Path, config: object, **kwargs: Any) -> Debate:
        self.kwargs = kwargs
        progress: Progress = kwargs["progress"]
        warn: Callable[[str], None] = kwargs["warn"]
        try:
            warn("broken.html: HTML could not be parsed (ParserError); save it as text")
            progress(1, 3, "first.txt")
            while not self.release.wait(0.02):
                progress(1, 3, "first.txt")  # raises once the user has quit
            if self.error is not None:
                raise self.error
            progress(2, 3, "second.txt")
            progress(3, 3, "third.txt")
            return self.debate
        finally:
            self.finished.set()


@pytest.fixture
def fake_build(monkeypatch: pytest.MonkeyPatch) -> FakeBuild:
    fake = FakeBuild()
    monkeypatch.setattr(build, "build_debate", fake)
    return fake


async def test_parsing_shows_progress_and_the_screen_stays_responsive(
    fake_build: FakeBuild,
) -> None:
    app = DebateApp(CORPUS, default_config(), use_cache=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_for(pilot, lambda: "1 of 3 articles ready" in screen_text(app))
        screen = app.screen
        assert isinstance(screen, LoadingScreen)
        await wait_for(pilot, lambda: screen.has_class("-revealed"))
        text = screen_text(app)
        assert "Reading Blinken vs Lavrov from corpus/" in text
        assert "(last: first.txt)" in text
        bar = screen.query_one(ProgressBar)
        assert (bar.progress, bar.total) == (1, 3)
        # The warning is a toast posted from the worker: it shows within a frame or two.
        await wait_for(
            pilot,
            lambda: "broken.html: HTML could not be parsed" in " ".join(screen_text(app).split()),
        )
        # Keys work while the worker parses.
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        fake_build.release.set()
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        # The reader draws on its first refresh after the switch, not at the switch itself.
        await wait_for(pilot, lambda: "Blinken vs Lavrov" in screen_text(app))
        assert fake_build.kwargs["use_cache"] is False


async def test_quitting_while_parsing_stops_the_worker(fake_build: FakeBuild) -> None:
    app = DebateApp(CORPUS, default_config())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: "1 of 3 articles ready" in screen_text(app))
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert fake_build.finished.wait(10), "the parse stops at the next article"


async def test_a_failed_load_says_why_and_q_quits(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeBuild(error=RuntimeError("no trained English spaCy pipeline is installed; run pip"))
    fake.release.set()
    monkeypatch.setattr(build, "build_debate", fake)
    app = DebateApp(CORPUS, default_config())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: "could not be loaded" in screen_text(app))
        text = " ".join(screen_text(app).split())
        assert "no trained English spaCy pipeline is installed" in text
        assert "Press q to quit." in text
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.load_error is not None


def test_run_reader_returns_1_when_the_corpus_cannot_be_loaded(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = FakeBuild(error=RuntimeError("the corpus is unreadable"))
    fake.release.set()
    monkeypatch.setattr(build, "build_debate", fake)
    monkeypatch.setattr(build, "cached_debate", lambda *_args, **_kwargs: None)  # a cold cache
    monkeypatch.setattr(build, "last_cached_debate", lambda *_args, **_kwargs: None)
    original_run = DebateApp.run

    async def press_q_after_failure(pilot: Pilot[Any]) -> None:
        await wait_for(pilot, lambda: pilot.app.load_error is not None)  # type: ignore[attr-defined]
        await pilot.press("q")

    def headless_run(self: DebateApp, **kwargs: Any) -> Any:
        return original_run(self, headless=True, size=(80, 24), auto_pilot=press_q_after_failure)

    monkeypatch.setattr(DebateApp, "run", headless_run)
    assert run_reader(CORPUS, default_config()) == 1
    assert "debate-tui: error: the corpus is unreadable" in capsys.readouterr().err


def test_r_in_the_reader_reads_an_edited_debate_toml_again(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "osce-malta-ministerial-accusations.txt", corpus)
    (corpus / "debate.toml").write_text('[debate]\nname = "Malta talks"\n', "utf-8")
    seen: list[str] = []
    original_run = DebateApp.run

    def header(app: Any) -> str:
        reader = next(s for s in reversed(app.screen_stack) if isinstance(s, ReaderScreen))
        return str(reader.query_one(DebateHeader).render())

    async def edit_then_reload(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen), tries=4800)
        await wait_for(pilot, lambda: "article" in header(app))
        seen.append(header(app))
        (corpus / "debate.toml").write_text('[debate]\nname = "OSCE in Malta"\n', "utf-8")
        await pilot.press("R")
        await wait_for(pilot, lambda: "OSCE in Malta" in header(app), tries=2400)
        seen.append(header(app))
        await pilot.press("q")

    def headless_run(self: DebateApp, **kwargs: Any) -> Any:
        return original_run(self, headless=True, size=(120, 30), auto_pilot=edit_then_reload)

    monkeypatch.setattr(DebateApp, "run", headless_run)
    assert run_reader(corpus, load_config(None, corpus)) == 0
    assert "Malta talks" in seen[0]
    assert "OSCE in Malta" in seen[1]


async def test_a_corpus_of_unusable_files_warns_and_explains(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("   \n", "utf-8")
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "This corpus has no articles yet." in text
        assert "empty.txt: empty file, skipped" in text
        assert "⚠ 1 warning" in text


def _extraction_works() -> bool:
    try:
        from debate_tui.extract.pipeline import load_nlp

        load_nlp()
    except Exception:
        return False
    return True


@pytest.mark.skipif(not _extraction_works(), reason="no English spaCy model installed")
async def test_bundled_corpus_parses_then_opens_from_the_cache_without_spacy() -> None:
    app = DebateApp(CORPUS, default_config())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert len(screen.debate.statements) > 10
        assert len(screen.topics) == len(default_config().topics) + 1
        await pilot.press("n")
        await pilot.pause()
        assert screen.topic_index == 1
    # Second start, in a fresh interpreter, with the cache warm: spaCy is never imported.
    script = (
        "import asyncio, sys\n"
        "from debate_tui.config import default_config\n"
        "from debate_tui.tui.app import DebateApp\n"
        "from debate_tui.tui.screens.reader import ReaderScreen\n"
        "async def main():\n"
        f"    app = DebateApp(__import__('pathlib').Path({str(CORPUS)!r}), default_config())\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        for _ in range(600):\n"
        "            if isinstance(app.screen, ReaderScreen):\n"
        "                break\n"
        "            await pilot.pause(0.05)\n"
        "        print('reader' if isinstance(app.screen, ReaderScreen) else 'stuck')\n"
        "    print('spacy' if 'spacy' in sys.modules else 'no-spacy')\n"
        "    later = ('filter_bar', 'help', 'source', 'confirm')\n"
        "    ours = [m for m in sys.modules if m.startswith('debate_tui.')]\n"
        "    early = [m for m in ours if m.rsplit('.', 1)[-1] in later]\n"
        "    print(','.join(early) or 'nothing-early')\n"
        "    print('hashlib' if 'hashlib' in sys.modules else 'no-hashlib')\n"
        "asyncio.run(main())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=os.environ.copy(),
    )
    assert done.returncode == 0, done.stderr
    # Nor the modules of what the first screen does not show (filter, help, source, export),
    # nor hashlib, which loads OpenSSL (cache keys use BLAKE2 from _blake2, see digest.py).
    assert done.stdout.split() == ["reader", "no-spacy", "nothing-early", "no-hashlib"]


def test_the_reader_imports_neither_spacy_nor_the_extractor() -> None:
    """A warm start must not pay for the NLP stack: the reader's modules never import it."""
    script = (
        "import sys\n"
        "import debate_tui.tui.app\n"
        "from debate_tui.tui.screens import source, help, confirm\n"
        "loaded = [m for m in ('spacy', 'debate_tui.extract', 'trafilatura') if m in sys.modules]\n"
        "print(','.join(loaded) or 'clean')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "clean"


async def test_a_broken_corpus_config_ends_with_its_message(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "debate.toml").write_text("[[speakers]\n", "utf-8")
    app = DebateApp(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert app.load_error is not None and "debate.toml" in app.load_error
