"""From links to a debate: `add` of three pages and a feed, then parse, export and the reader.

Everything is served from 127.0.0.1; the pages are written for this test (no third-party
article text), in the shape news sites serve: navigation, the article, a footer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_site import LocalSite, article_html, serving
from tui_fixtures import wait_for

from debate_tui.cli import main
from debate_tui.config import default_config
from debate_tui.tui.app import DebateApp
from debate_tui.tui.screens.reader import ReaderScreen
from debate_tui.tui.screens.source import SourceScreen

ARTICLES = {
    "/world/g20-delhi": (
        "Blinken presses Lavrov at the G20 in New Delhi",
        "The Daily Test",
        "2023-03-02",
        [
            "Antony Blinken said the United States would support Ukraine for as long as it takes.",
            "Sergei Lavrov said the West had declared a hybrid war on Russia.",
        ],
    ),
    "/europe/osce-malta": (
        "Lavrov and Blinken clash over Ukraine at the OSCE in Malta",
        "Wire Test",
        "2023-11-30",
        [
            "Lavrov accused NATO of turning the OSCE into an appendage of the alliance.",
            "Blinken said Russia alone had chosen this war of aggression.",
        ],
    ),
    "/politics/geneva-talks": (
        "Geneva talks end without a breakthrough",
        "Test Tribune",
        "2022-01-21",
        [
            "Lavrov said Moscow wanted written answers to its proposals on security.",
            "Blinken said the talks had been frank and useful.",
        ],
    ),
    "/feed-only/new-start": (
        "New START treaty in doubt",
        "Feed Times",
        "2023-02-21",
        ["Blinken warned that suspending the New START treaty was deeply unfortunate."],
    ),
}


@pytest.fixture
def site() -> Iterator[LocalSite]:
    for local in serving():
        for path, (title, outlet, date, paragraphs) in ARTICLES.items():
            local.page(path, article_html(title, paragraphs, site_name=outlet, date=date))
        local.page(
            "/feed.xml",
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>'
            "<item><title>New START treaty in doubt</title><link>/feed-only/new-start</link>"
            "<description>Blinken on arms control</description></item>"
            "<item><title>Sport results</title><link>/sport</link></item>"
            "</channel></rss>",
            content_type="application/rss+xml",
        )
        yield local


@pytest.fixture
def corpus(site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "from-links"
    pages = [site.url(path) for path in list(ARTICLES)[:3]]
    code = main(
        [
            "add",
            *pages,
            "--feed",
            site.url("/feed.xml"),
            "--match",
            "Blinken",
            "--corpus",
            str(folder),
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert capsys.readouterr().err.splitlines()[-1].startswith("4 added, 0 already present")
    return folder


def expected(site: LocalSite) -> dict[str, dict[str, str]]:
    return {
        title: {"title": title, "outlet": outlet, "date": date, "url": site.url(path)}
        for path, (title, outlet, date, _) in ARTICLES.items()
    }


def test_parse_finds_both_speakers_in_the_added_pages(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(corpus)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["speaker"] for r in records} == {"blinken", "lavrov"}
    sources = {r["source"] for r in records}
    assert sources == {p.name for p in corpus.glob("*.html")}
    texts = [r["text"] for r in records]
    assert any("hybrid war" in text for text in texts)
    assert any("New START" in text for text in texts)


def test_export_carries_titles_outlets_dates_and_urls(
    site: LocalSite, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(corpus), "--all", "--format", "json", "-o", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    found = {
        article["title"]: {key: article[key] for key in ("title", "outlet", "date", "url")}
        for article in data["articles"]
    }
    assert found == expected(site)


async def test_the_reader_shows_the_added_articles_with_their_sources(
    site: LocalSite, corpus: Path
) -> None:
    app = DebateApp(corpus, default_config())
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        metas = {meta.title: meta for meta in reader.debate.articles}
        assert {
            title: {"title": m.title, "outlet": m.outlet, "date": m.date, "url": m.url}
            for title, m in metas.items()
        } == expected(site)
        header = reader.query_one("#debate-header")
        await wait_for(pilot, lambda: "4 articles" in str(header.render()))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen))
        heading = str(app.screen.query_one("#source-title").render())
        statement = app.screen.statement  # type: ignore[attr-defined]
        meta = next(m for m in reader.debate.articles if m.source == statement.source)
        assert meta.title is not None and meta.title[:40] in heading
        assert f"{meta.outlet}" in heading
