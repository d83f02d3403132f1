"""Adding downloaded pages to a corpus: files, sources.toml, nothing twice, nothing clobbered."""

from __future__ import annotations

import os
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_site import LocalSite, Route, article_html, serving

from debate_tui import ingest
from debate_tui.corpus import load_corpus
from debate_tui.fetch import Limits
from debate_tui.ingest import (
    Added,
    Failed,
    IngestError,
    Present,
    add_urls,
    append_sources,
    expand_feeds,
    read_url_list,
    slug,
    sources_entry,
    toml_string,
)

# Timeouts short enough for tests, long enough that a busy machine never trips them.
FAST = Limits(connect_timeout=2, read_timeout=1.5, total_timeout=4, max_bytes=64 * 1024)

DELHI = article_html(
    "Blinken and Lavrov speak briefly in New Delhi",
    [
        "Secretary of State Antony Blinken said he told Sergei Lavrov to end the war.",
        "Lavrov said the West was waging a hybrid war against Russia.",
    ],
    site_name="The Test Herald",
    date="2023-03-02",
)
MALTA = article_html(
    "Lavrov walks out in Malta",
    ["Lavrov accused the OSCE of becoming an appendage of NATO and the European Union."],
    site_name="Wire Service",
    date="2023-12-01",
)


@pytest.fixture
def site() -> Iterator[LocalSite]:
    yield from serving()


def sources(corpus: Path) -> dict[str, dict[str, str]]:
    return tomllib.loads((corpus / "sources.toml").read_text("utf-8"))


def only(results: list, kind: type) -> list:
    return [r for r in results if isinstance(r, kind)]


# --- adding ------------------------------------------------------------------------------------


def test_a_page_is_kept_as_html_with_its_metadata_in_sources_toml(
    site: LocalSite, tmp_path: Path
) -> None:
    url = site.page("/world/delhi", DELHI)
    summary = add_urls(tmp_path / "corpus", [url], limits=FAST)
    [added] = summary.added
    corpus = tmp_path / "corpus"
    assert added.name == "blinken-and-lavrov-speak-briefly-in-new-delhi.html"
    assert (corpus / added.name).read_text("utf-8") == DELHI
    entry = sources(corpus)[added.name]
    assert entry["title"] == "Blinken and Lavrov speak briefly in New Delhi"
    assert entry["outlet"] == "The Test Herald"
    assert entry["date"] == "2023-03-02"
    assert entry["url"] == url


def test_the_corpus_reader_sees_what_was_recorded(site: LocalSite, tmp_path: Path) -> None:
    add_urls(tmp_path, [site.page("/delhi", DELHI), site.page("/malta", MALTA)], limits=FAST)
    articles = {a.meta.title: a.meta for a in load_corpus(tmp_path, lambda m: None)}
    malta = articles["Lavrov walks out in Malta"]
    assert (malta.outlet, malta.date, malta.url) == (
        "Wire Service",
        "2023-12-01",
        site.url("/malta"),
    )
    assert "appendage of NATO" in next(
        a.text for a in load_corpus(tmp_path, lambda m: None) if a.meta.title == malta.title
    )


def test_a_page_without_a_site_name_gets_its_host_as_outlet(
    site: LocalSite, tmp_path: Path
) -> None:
    html = DELHI.replace('<meta property="og:site_name" content="The Test Herald">', "")
    html = html.replace(" | The Test Herald", "")
    add_urls(tmp_path, [site.page("/d", html)], limits=FAST)
    [entry] = sources(tmp_path).values()
    assert entry["outlet"] == "127.0.0.1"


def test_a_redirected_page_is_recorded_under_the_address_it_ended_at(
    site: LocalSite, tmp_path: Path
) -> None:
    final = site.page("/story", DELHI)
    add_urls(tmp_path, [site.redirect("/short", "/story")], limits=FAST)
    [entry] = sources(tmp_path).values()
    assert entry["url"] == final


def test_no_temporary_files_are_left_behind(site: LocalSite, tmp_path: Path) -> None:
    add_urls(tmp_path, [site.page("/delhi", DELHI), site.url("/gone")], limits=FAST)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "blinken-and-lavrov-speak-briefly-in-new-delhi.html",
        "sources.toml",
    ]


# --- nothing twice -----------------------------------------------------------------------------


def test_the_same_url_spelt_differently_is_already_present(site: LocalSite, tmp_path: Path) -> None:
    url = site.page("/delhi", DELHI)
    add_urls(tmp_path, [url], limits=FAST)
    asked = len(site.requests)
    summary = add_urls(tmp_path, [url + "/?utm_source=newsletter", url + "#top"], limits=FAST)
    assert [type(r) for r in summary.results] == [Present, Present]
    assert summary.present[0].where == "blinken-and-lavrov-speak-briefly-in-new-delhi.html"
    assert len(site.requests) == asked  # known URLs are not downloaded again
    assert len(sources(tmp_path)) == 1


def test_a_url_given_twice_in_one_run_is_added_once(site: LocalSite, tmp_path: Path) -> None:
    url = site.page("/delhi", DELHI)
    summary = add_urls(tmp_path, [url, url + "/"], limits=FAST)
    assert (len(summary.added), len(summary.present)) == (1, 1)


def test_the_same_article_at_another_address_is_already_present(
    site: LocalSite, tmp_path: Path
) -> None:
    add_urls(tmp_path, [site.page("/delhi", DELHI)], limits=FAST)
    # The same story syndicated elsewhere: other furniture, the same article text.
    copy = DELHI.replace("Home", "Start").replace("All rights reserved", "Thanks")
    summary = add_urls(tmp_path, [site.page("/syndicated/delhi-copy", copy)], limits=FAST)
    assert len(summary.present) == 1, summary.results
    assert len(list(tmp_path.glob("*.html"))) == 1


def test_an_article_saved_by_hand_counts_as_present(site: LocalSite, tmp_path: Path) -> None:
    (tmp_path / "my-copy.txt").write_text(
        "Blinken and Lavrov speak briefly in New Delhi\n"
        "Secretary of State Antony Blinken said he told Sergei Lavrov to end the war.\n"
        "Lavrov said the West was waging a hybrid war against Russia.\n",
        "utf-8",
    )
    summary = add_urls(tmp_path, [site.page("/delhi", DELHI)], limits=FAST)
    assert summary.present == [Present(site.url("/delhi"), "my-copy.txt")]


# --- nothing the user wrote is overwritten ------------------------------------------------------


def test_a_name_clash_gets_a_new_name(site: LocalSite, tmp_path: Path) -> None:
    mine = tmp_path / "lavrov-walks-out-in-malta.html"
    mine.write_text("<html><body><p>My own notes.</p></body></html>", "utf-8")
    [added] = add_urls(tmp_path, [site.page("/malta", MALTA)], limits=FAST).added
    assert added.name == "lavrov-walks-out-in-malta-2.html"
    assert mine.read_text("utf-8") == "<html><body><p>My own notes.</p></body></html>"


def test_a_hand_edited_sources_toml_keeps_its_comments_and_edits(
    site: LocalSite, tmp_path: Path
) -> None:
    before = (
        "# My corpus on the G20 meetings\n"
        '["notes.txt"]\n'
        'title = "My notes"  # written by me\n'
        'occasion = "G20, New Delhi"'  # no final newline
    )
    (tmp_path / "sources.toml").write_text(before, "utf-8")
    add_urls(tmp_path, [site.page("/delhi", DELHI)], limits=FAST)
    after = (tmp_path / "sources.toml").read_text("utf-8")
    assert after.startswith(before + "\n")
    assert set(sources(tmp_path)) == {
        "notes.txt",
        "blinken-and-lavrov-speak-briefly-in-new-delhi.html",
    }


def test_a_sources_toml_with_a_byte_order_mark_is_appended_to_and_keeps_it(
    site: LocalSite, tmp_path: Path
) -> None:
    before = '\ufeff["notes.txt"]\ntitle = "My notes"\n'
    (tmp_path / "sources.toml").write_text(before, "utf-8")
    summary = add_urls(tmp_path, [site.page("/delhi", DELHI)], limits=FAST)
    assert len(summary.added) == 1
    assert (tmp_path / "sources.toml").read_text("utf-8").startswith(before)


def test_a_broken_sources_toml_stops_before_anything_is_downloaded(
    site: LocalSite, tmp_path: Path
) -> None:
    (tmp_path / "sources.toml").write_text('["a.txt"\ntitle = "x"\n', "utf-8")
    with pytest.raises(IngestError, match=r"sources\.toml: not valid TOML"):
        add_urls(tmp_path, [site.page("/delhi", DELHI)], limits=FAST)
    assert site.requests == []
    assert (tmp_path / "sources.toml").read_text("utf-8") == '["a.txt"\ntitle = "x"\n'


def test_two_adds_at_once_lose_no_entry_of_sources_toml(tmp_path: Path) -> None:
    # `debate-tui add` in a shell while the reader's `a` adds to the same corpus.
    (tmp_path / "sources.toml").write_text("# mine\n", "utf-8")

    def adding(side: str) -> None:
        for number in range(25):
            append_sources(tmp_path, sources_entry(f"{side}-{number}.html", [("title", side)]))

    threads = [threading.Thread(target=adding, args=(side,)) for side in ("cli", "reader")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(sources(tmp_path)) == 50
    assert (tmp_path / "sources.toml").read_text("utf-8").startswith("# mine\n")


def test_a_sources_toml_linked_from_elsewhere_is_appended_to_through_the_link(
    site: LocalSite, tmp_path: Path
) -> None:
    kept = tmp_path / "notes" / "g20-sources.toml"
    kept.parent.mkdir()
    kept.write_text('# my list\n["notes.txt"]\ntitle = "My notes"\n', "utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "sources.toml").symlink_to(kept)
    add_urls(corpus, [site.page("/delhi", DELHI)], limits=FAST)
    assert (corpus / "sources.toml").is_symlink()
    assert kept.read_text("utf-8").startswith('# my list\n["notes.txt"]')
    assert "blinken-and-lavrov-speak-briefly-in-new-delhi.html" in sources(corpus)


def test_sources_toml_keeps_its_permissions(site: LocalSite, tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text("# private notes\n", "utf-8")
    (tmp_path / "sources.toml").chmod(0o600)
    add_urls(tmp_path, [site.page("/delhi", DELHI)], limits=FAST)
    assert (tmp_path / "sources.toml").stat().st_mode & 0o777 == 0o600
    assert len(sources(tmp_path)) == 1


def test_a_read_only_sources_toml_stops_before_anything_is_downloaded(
    site: LocalSite, tmp_path: Path
) -> None:
    (tmp_path / "sources.toml").write_text("# frozen\n", "utf-8")
    (tmp_path / "sources.toml").chmod(0o444)
    with pytest.raises(IngestError, match=r"sources\.toml: read-only; make it writable"):
        add_urls(tmp_path, [site.page("/delhi", DELHI)], limits=FAST)
    assert site.requests == []
    assert (tmp_path / "sources.toml").read_text("utf-8") == "# frozen\n"


def test_a_sources_toml_that_is_a_fifo_is_refused_not_waited_on(
    site: LocalSite, tmp_path: Path
) -> None:
    os.mkfifo(tmp_path / "sources.toml")
    with pytest.raises(IngestError, match=r"sources\.toml: .*fix it before adding"):
        add_urls(tmp_path, [site.page("/delhi", DELHI)], limits=FAST)
    assert site.requests == []


def test_sources_toml_never_grows_past_what_the_reader_reads(
    site: LocalSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real limit is 32 MB; a 1 MB one keeps the test small.
    monkeypatch.setattr(ingest, "MAX_SIDECAR_BYTES", 1024 * 1024)
    filler = "# notes\n" * (1024 * 1024 // 8 - 10)  # a hair under 1 MB of comments
    (tmp_path / "sources.toml").write_text(filler, "utf-8")
    [failed] = add_urls(tmp_path, [site.page("/delhi", DELHI)], limits=FAST).failed
    assert "would pass 1 MB, the most the reader reads" in failed.reason
    assert (tmp_path / "sources.toml").read_text("utf-8") == filler
    assert list(tmp_path.glob("*.html")) == []


def test_a_title_full_of_quotes_and_brackets_is_recorded_as_it_is(
    site: LocalSite, tmp_path: Path
) -> None:
    title = 'Lavrov: "No" \\ to [bold]talks[/bold] = [x]'
    add_urls(tmp_path, [site.page("/m", MALTA.replace("Lavrov walks out in Malta", title))])
    [entry] = sources(tmp_path).values()
    assert entry["title"] == title


# --- failures -----------------------------------------------------------------------------------


def test_every_failure_has_its_reason_and_the_rest_go_on(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/pdf"] = Route(body=b"%PDF-1.4", content_type="application/pdf")
    site.page("/empty", "<html><head><title>Nothing</title></head><body></body></html>")
    site.routes["/slow"] = Route(body=DELHI.encode(), delay=6)
    site.page("/big", "<html><body>" + "x" * 100_000 + "</body></html>")
    site.redirect("/loop-a", "/loop-b")
    site.redirect("/loop-b", "/loop-a")
    good = site.page("/malta", MALTA)
    urls = [site.url(p) for p in ("/gone", "/pdf", "/empty", "/slow", "/big", "/loop-a")]
    summary = add_urls(tmp_path, [*urls, good, "ftp://example.com/a"], limits=FAST)
    reasons = {r.url: r.reason for r in summary.failed}
    assert reasons == {
        site.url("/gone"): "HTTP 404 Not Found",
        site.url("/pdf"): "not an HTML page (application/pdf)",
        site.url("/empty"): "no article text found in the page",
        site.url("/slow"): "timed out (no answer for 1.5 s)",
        site.url("/big"): "over the size limit (0.0625 MB)",
        site.url("/loop-a"): "redirect loop",
        "ftp://example.com/a": "not an http:// or https:// address",
    }
    assert [a.url for a in summary.added] == [good]


def test_a_corpus_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", "utf-8")
    with pytest.raises(IngestError, match="not a folder"):
        add_urls(tmp_path / "file", [], limits=FAST)


# --- feeds and lists ----------------------------------------------------------------------------


def test_a_feed_gives_its_matching_articles(site: LocalSite, tmp_path: Path) -> None:
    site.page("/delhi", DELHI)
    site.page("/malta", MALTA)
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
        "<item><title>G20 in Delhi</title><link>/delhi</link><description>Blinken</description>"
        "</item><item><title>OSCE</title><link>/malta</link><description>Malta</description>"
        "</item><item><title>Sport</title><link>/sport</link></item></channel></rss>"
    )
    site.page("/feed.xml", rss, content_type="application/rss+xml")
    urls, failed = expand_feeds([site.url("/feed.xml")], match=["blinken", "osce"], limits=FAST)
    assert (urls, failed) == ([site.url("/delhi"), site.url("/malta")], [])
    bad, failed = expand_feeds([site.url("/delhi"), site.url("/nofeed")], limits=FAST)
    assert bad == []
    assert failed == [
        Failed(site.url("/delhi"), "feed: not an RSS or Atom feed"),
        Failed(site.url("/nofeed"), "feed: HTTP 404 Not Found"),
    ]


def test_a_url_list_skips_blank_lines_and_comments() -> None:
    lines = ["# G20 coverage\n", "\n", "https://a.test/1  # the first\n", "  https://a.test/2\n"]
    assert read_url_list(lines) == ["https://a.test/1", "https://a.test/2"]


def test_a_url_list_saved_with_a_byte_order_mark_keeps_its_first_url() -> None:
    assert read_url_list(["\ufeffhttps://a.test/1\r\n", "https://a.test/2\r\n"]) == [
        "https://a.test/1",
        "https://a.test/2",
    ]


# --- names ----------------------------------------------------------------------------------------


def test_slugs_are_short_ascii_and_fall_back_to_the_url() -> None:
    assert slug("Lavrov à Genève: “No deal”", "http://x/a") == "lavrov-a-geneve-no-deal"
    assert slug(None, "http://x/world/2023/story-name.html") == "story-name"
    assert slug("", "http://x/") == "article"
    assert len(slug("word " * 40, "http://x/")) <= 60


def test_toml_strings_escape_what_toml_requires() -> None:
    value = 'a "b" \\ c\n\t\x00\x7f'
    assert tomllib.loads(f"v = {toml_string(value)}")["v"] == value


def test_added_results_carry_title_outlet_and_date(site: LocalSite, tmp_path: Path) -> None:
    [added] = add_urls(tmp_path, [site.page("/malta", MALTA)], limits=FAST).added
    assert added == Added(
        site.url("/malta"),
        "lavrov-walks-out-in-malta.html",
        "Lavrov walks out in Malta",
        "Wire Service",
        "2023-12-01",
    )
