"""The reader picks up new articles: `a` adds one by URL, `R` reloads the corpus from disk."""

from __future__ import annotations

import asyncio
import gc
import shutil
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from local_site import LocalSite, Route, article_html, serving
from textual.pilot import Pilot
from textual.widgets import Input
from tui_fixtures import CORPUS, DELHI, MALTA, fixture_debate, wait_for

import debate_tui.extract as extract
import debate_tui.tui.refresh as refresh_module
from debate_tui.config import default_config
from debate_tui.places import bundled_corpus
from debate_tui.tui.app import DebateApp
from debate_tui.tui.screens.add_url import AddUrlScreen
from debate_tui.tui.screens.reader import ReaderScreen
from debate_tui.tui.widgets.header import DebateHeader

SIZE = (140, 40)
PAGE = article_html(
    "Lavrov rejects talks offer",
    ["Sergei Lavrov said Moscow saw no basis for talks with Washington on Ukraine."],
    site_name="Local Wire",
)


@pytest.fixture
def site() -> Iterator[LocalSite]:
    yield from serving()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus of one bundled article, in a folder of the test's own."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(CORPUS / MALTA, folder / MALTA)
    return folder


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the articles spaCy is asked to parse (the real extraction still runs)."""
    names: list[str] = []
    real = extract.extract_statements

    def recording(articles: list[Any], *args: Any, **kwargs: Any) -> Any:
        names.extend(article.source for article in articles)
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(extract, "extract_statements", recording)
    return names


def reader(app: DebateApp) -> ReaderScreen:
    screen = next(s for s in reversed(app.screen_stack) if isinstance(s, ReaderScreen))
    return screen


def header_text(app: DebateApp) -> str:
    """The header of the newest reader; "" while a refresh's new reader is not yet composed."""
    headers = reader(app).query(DebateHeader)
    return str(headers.first().render()) if headers else ""


def notes(app: DebateApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def open_reader(app: DebateApp, pilot: Pilot[Any]) -> None:
    await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
    await wait_for(pilot, lambda: "article" in header_text(app))


async def add_url(pilot: Pilot[Any], app: DebateApp, url: str) -> None:
    await pilot.press("a")
    await wait_for(pilot, lambda: isinstance(app.screen, AddUrlScreen))
    app.screen.query_one(Input).value = url
    await pilot.press("enter")


# --- R: reload ----------------------------------------------------------------------------------


async def test_r_reloads_and_parses_only_the_new_file(
    corpus: Path, parsed: list[str], own_cache: Path
) -> None:
    # own_cache: other tests may have cached the bundled articles already
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        assert "1 article," in header_text(app)
        before = len(reader(app).debate.statements)
        shutil.copy(CORPUS / DELHI, corpus / DELHI)
        parsed.clear()
        await pilot.press("R")
        await wait_for(pilot, lambda: "2 articles" in header_text(app))
        assert parsed == [DELHI]  # the article already read came from the cache
        assert len(reader(app).debate.statements) > before
        assert any(st.source == DELHI for st in reader(app).debate.statements)
        assert "Reloaded 2 articles from disk" in notes(app)


async def test_r_on_an_unchanged_corpus_parses_nothing(corpus: Path, parsed: list[str]) -> None:
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        first = reader(app)
        parsed.clear()
        await pilot.press("R")
        await wait_for(pilot, lambda: reader(app) is not first)
        assert parsed == []
        assert "1 article," in header_text(app)


async def test_r_keeps_the_topic_being_read(corpus: Path) -> None:
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        first = reader(app)
        await pilot.press("n")
        topic = first.topic.id
        await pilot.press("R")
        await wait_for(pilot, lambda: reader(app) is not first)
        assert reader(app).topic.id == topic


# --- a warm start shows the corpus as last read, then checks its files -------------------------


def _checked(app: DebateApp) -> bool:
    """The check of the files, started after the first frame, has run to its end (a
    finished worker leaves the app's list)."""
    return app.unchecked_key is None and not any(w.group == "check" for w in app.workers)


@pytest.fixture
def deferred_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check after the first frame, as a corpus of thousands of files gets it."""
    from debate_tui import build

    monkeypatch.setattr(build, "DEFER_CHECK_FROM_FILES", 1)


async def test_a_corpus_changed_since_it_was_last_read_is_said_and_read_again(
    corpus: Path, own_cache: Path, parsed: list[str], deferred_check: None
) -> None:
    from debate_tui.build import build_debate
    from debate_tui.tui.app import reader_app

    config = default_config()
    build_debate(corpus, config, warn=lambda _m: None)
    shutil.copy(corpus / MALTA, corpus / "copy.txt")  # changed after it was last read
    parsed.clear()
    app = reader_app(corpus, config)
    assert app.unchecked_key is not None, "shown as last read, without its files' key"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_reader(app, pilot)
        await wait_for(pilot, lambda: "2 articles" in header_text(app))
        assert "The corpus changed on disk since it was last read" in notes(app)
        assert any(st.source == "copy.txt" for st in reader(app).debate.statements)
    assert parsed == [], "the same text under a new name comes from the cache"


async def test_a_corpus_unchanged_since_it_was_last_read_is_checked_and_left_alone(
    corpus: Path, own_cache: Path, deferred_check: None
) -> None:
    from debate_tui.build import build_debate
    from debate_tui.tui.app import reader_app

    config = default_config()
    build_debate(corpus, config, warn=lambda _m: None)
    app = reader_app(corpus, config)
    assert app.unchecked_key is not None
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_reader(app, pilot)
        first = reader(app)
        await wait_for(pilot, lambda: _checked(app))
        await pilot.pause(0.2)
        assert reader(app) is first and notes(app) == ""
        assert not any(w.group == "refresh" for w in app.workers)


async def test_a_small_corpus_edited_since_it_was_last_read_opens_as_it_is_now(
    corpus: Path, own_cache: Path
) -> None:
    # A few articles are keyed before the first frame (milliseconds): the edit is shown at
    # once, with no "changed" notice and no second read a moment later.
    from debate_tui.build import build_debate
    from debate_tui.tui.app import reader_app

    config = default_config()
    build_debate(corpus, config, warn=lambda _m: None)
    shutil.copy(corpus / MALTA, corpus / "copy.txt")
    build_debate(corpus, config, warn=lambda _m: None)  # the new corpus's entry, warm
    (corpus / "copy.txt").unlink()
    app = reader_app(corpus, config)
    assert app.unchecked_key is None, "keyed before it is shown"
    assert app.debate is not None, "the earlier corpus's entry is still warm"
    assert not any(st.source == "copy.txt" for st in app.debate.statements)


@pytest.mark.parametrize("warm", [True, False], ids=["warm start", "cold start"])
async def test_the_reader_replaced_by_r_is_gone_from_memory(corpus: Path, warm: bool) -> None:
    # A warm start's reader is the app's first screen; it is removed like any other, not
    # left under the new one (with its debate and every widget) for as long as the app runs.
    from debate_tui.build import build_debate

    config = default_config()
    debate = build_debate(corpus, config, warn=lambda _m: None) if warm else None
    app = DebateApp(corpus, config, debate=debate)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        first = weakref.ref(reader(app))
        for _ in range(2):  # and the same for the reader that replaced it
            shown = reader(app)
            await pilot.press("R")
            await wait_for(pilot, lambda shown=shown: reader(app) is not shown)  # type: ignore[misc]
            await wait_for(pilot, lambda: "1 article," in header_text(app))
            await pilot.pause()
            del shown
            gc.collect()
            assert first() is None
            assert sum(isinstance(s, ReaderScreen) for s in app.screen_stack) == 1
            first = weakref.ref(reader(app))


# --- a: add by URL ------------------------------------------------------------------------------


async def test_a_adds_a_page_and_shows_its_statements_without_a_restart(
    site: LocalSite, corpus: Path
) -> None:
    url = site.page("/lavrov-rejects", PAGE)
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        await add_url(pilot, app, url)
        await wait_for(pilot, lambda: "2 articles" in header_text(app))
        added = "lavrov-rejects-talks-offer.html"
        assert (corpus / added).is_file()
        debate = reader(app).debate
        assert any(st.source == added for st in debate.statements)
        meta = next(m for m in debate.articles if m.source == added)
        assert (meta.title, meta.outlet, meta.url) == (
            "Lavrov rejects talks offer",
            "Local Wire",
            url,
        )
        assert "Added lavrov-rejects-talks-offer.html" in notes(app)


async def test_the_header_shows_the_download_while_it_runs(
    site: LocalSite, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every header line drawn is kept: on a busy machine a poll may miss a short state.
    drawn: list[str] = []
    real_update = DebateHeader.update

    def update(self: DebateHeader, content: Any = "") -> None:
        drawn.append(str(content))
        real_update(self, content)

    monkeypatch.setattr(DebateHeader, "update", update)
    site.routes["/slow"] = Route(body=PAGE.encode(), delay=1.0)
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        await add_url(pilot, app, site.url("/slow"))
        await wait_for(pilot, lambda: "2 articles" in header_text(app))
        assert "fetching" not in header_text(app)
    fetching = [line for line in drawn if f"fetching {site.url('/slow')}" in line]
    assert fetching and all("1 article," in line for line in fetching)


async def test_a_second_request_while_one_runs_is_declined(site: LocalSite, corpus: Path) -> None:
    site.routes["/slow"] = Route(body=PAGE.encode(), delay=2.0)
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        await add_url(pilot, app, site.url("/slow"))
        assert any(w.group == "refresh" and not w.is_finished for w in app.workers)
        await pilot.press("R")  # the download still waits for the server's answer
        await wait_for(pilot, lambda: "Still busy" in notes(app))
        await wait_for(pilot, lambda: "2 articles" in header_text(app))
        assert len(list(corpus.glob("*.html"))) == 1


async def test_q_while_a_server_is_slow_to_answer_quits_without_waiting_for_it(
    site: LocalSite, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The server never answers before the test ends; the read timeout is 20 s.
    site.routes["/never"] = Route(body=PAGE.encode(), delay=600)
    returned = threading.Event()
    real_refresh = refresh_module.refresh

    def refresh(*args: Any, **kwargs: Any) -> Any:
        try:
            return real_refresh(*args, **kwargs)
        finally:
            returned.set()

    monkeypatch.setattr(refresh_module, "refresh", refresh)
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        await add_url(pilot, app, site.url("/never"))
        await wait_for(pilot, lambda: bool(site.requests))
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
        assert await asyncio.to_thread(returned.wait, 10), "the refresh waited for the server"
    assert list(corpus.glob("*.html")) == []


async def test_a_failed_download_says_why_and_changes_nothing(
    site: LocalSite, corpus: Path
) -> None:
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        first = reader(app)
        await add_url(pilot, app, site.url("/gone"))
        await wait_for(pilot, lambda: "HTTP 404" in notes(app))
        assert f"{site.url('/gone')}: HTTP 404 Not Found" in notes(app)
        assert reader(app) is first
        assert sorted(p.name for p in corpus.iterdir()) == [MALTA]


async def test_a_very_long_address_is_shortened_and_the_reason_stays_in_view(
    site: LocalSite, corpus: Path
) -> None:
    url = site.url("/story?" + "x" * 3000)
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        await add_url(pilot, app, url)
        await wait_for(pilot, lambda: "HTTP 404" in notes(app))
        assert len(notes(app)) < 200
        assert notes(app).endswith("xxxx: HTTP 404 Not Found")


async def test_a_page_already_there_is_reported_not_added(site: LocalSite, corpus: Path) -> None:
    url = site.page("/lavrov-rejects", PAGE)
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        await add_url(pilot, app, url)
        await wait_for(pilot, lambda: "2 articles" in header_text(app))
        await add_url(pilot, app, url + "/")
        await wait_for(pilot, lambda: "Already present" in notes(app))
        assert len(list(corpus.glob("*.html"))) == 1


async def test_an_address_that_is_not_a_web_address_is_refused_in_the_prompt(
    corpus: Path,
) -> None:
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        await add_url(pilot, app, "file:///etc/passwd")
        await pilot.pause()
        assert isinstance(app.screen, AddUrlScreen)
        assert app.screen.has_class("-invalid")
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_a_malformed_address_is_refused_in_the_prompt_and_the_reader_lives(
    corpus: Path,
) -> None:
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        await add_url(pilot, app, "http://[::1")
        await pilot.pause()
        assert isinstance(app.screen, AddUrlScreen)
        assert app.screen.has_class("-invalid")
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_adding_while_reading_the_bundled_corpus_goes_to_the_users_own(
    site: LocalSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEBATE_TUI_CORPUS", str(tmp_path / "mine"))
    before = sorted(p.name for p in bundled_corpus().iterdir())
    url = site.page("/lavrov-rejects", PAGE)
    app = DebateApp(debate=fixture_debate())  # the bundled corpus, hand-labelled
    assert app.corpus == bundled_corpus()
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        await add_url(pilot, app, url)
        await wait_for(pilot, lambda: "1 article," in header_text(app))
        assert (tmp_path / "mine" / "lavrov-rejects-talks-offer.html").is_file()
        assert app.corpus == tmp_path / "mine"
    assert sorted(p.name for p in bundled_corpus().iterdir()) == before


async def test_adding_from_the_bundled_corpus_reads_the_users_own_debate_toml_at_once(
    site: LocalSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The page goes to the user's corpus: the debate shown is configured by its debate.toml
    # right away, not only after the next R.
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "debate.toml").write_text('[debate]\nname = "My own debate"\n', "utf-8")
    monkeypatch.setenv("DEBATE_TUI_CORPUS", str(mine))
    url = site.page("/lavrov-rejects", PAGE)
    app = DebateApp(debate=fixture_debate(), reread_config=True)  # as `debate-tui` opens
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot)
        assert "My own debate" not in header_text(app)
        await add_url(pilot, app, url)
        await wait_for(pilot, lambda: "1 article," in header_text(app))
        assert app.debate is not None and app.debate.name == "My own debate"
        assert "My own debate" in header_text(app)
