"""Downloading from a real local HTTP server: pages, redirects, and every way it goes wrong."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from local_site import LocalSite, Route, article_html, serving

from debate_tui import __version__
from debate_tui.fetch import FeedError, FetchError, Limits, feed_items, fetch, fetch_all, url_key

# Timeouts short enough for tests, long enough that a busy machine never trips them.
FAST = Limits(connect_timeout=2, read_timeout=1.5, total_timeout=3, max_bytes=64 * 1024)
PAGE = article_html("Blinken meets Lavrov", ["Blinken said the talks were frank."])


@pytest.fixture
def site() -> Iterator[LocalSite]:
    yield from serving()


# --- pages and redirects ---------------------------------------------------------------------


def test_a_page_comes_back_with_its_text_and_type(site: LocalSite) -> None:
    url = site.page("/a", PAGE)
    got = fetch(url, FAST)
    assert got.is_html
    assert "Blinken said the talks were frank." in got.text()
    assert got.final_url == url


def test_requests_name_the_tool_and_its_version(site: LocalSite) -> None:
    fetch(site.page("/a", PAGE), FAST)
    assert site.requests[0][1].startswith(f"debate-tui/{__version__}")


def test_a_redirect_is_followed_to_the_page(site: LocalSite) -> None:
    target = site.page("/story", PAGE)
    got = fetch(site.redirect("/old", "/story"), FAST)
    assert got.final_url == target
    assert got.url.endswith("/old")


def test_a_compressed_page_is_decompressed(site: LocalSite) -> None:
    got = fetch(site.gzipped("/z", PAGE.encode()), FAST)
    assert "frank" in got.text()


def test_a_page_in_latin_1_is_decoded_by_its_declared_charset(site: LocalSite) -> None:
    site.routes["/l"] = Route(
        body="<html><body><p>Lavrov à Genève</p></body></html>".encode("latin-1"),
        content_type="text/html; charset=iso-8859-1",
    )
    assert "Lavrov à Genève" in fetch(site.url("/l"), FAST).text()


# --- failures: one reason each ----------------------------------------------------------------


def reason(url: str, limits: Limits = FAST) -> str:
    with pytest.raises(FetchError) as caught:
        fetch(url, limits)
    return str(caught.value)


def test_a_missing_page_is_an_http_404(site: LocalSite) -> None:
    assert reason(site.url("/nowhere")) == "HTTP 404 Not Found"


def test_a_server_error_says_its_status(site: LocalSite) -> None:
    site.routes["/boom"] = Route(503, b"busy")
    assert reason(site.url("/boom")).startswith("HTTP 503")


def test_a_redirect_loop_is_named_as_one(site: LocalSite) -> None:
    site.redirect("/a", "/b")
    site.redirect("/b", "/a")
    assert reason(site.url("/a")) == "redirect loop"


def test_too_many_redirects_stop(site: LocalSite) -> None:
    for number in range(8):
        site.redirect(f"/r{number}", f"/r{number + 1}")
    site.page("/r8", PAGE)
    assert reason(site.url("/r0")) == "more than 5 redirects"


def test_a_slow_answer_times_out(site: LocalSite) -> None:
    site.routes["/slow"] = Route(body=PAGE.encode(), delay=6)
    assert reason(site.url("/slow")).startswith("timed out")


def test_a_page_that_drips_in_times_out_as_a_whole(site: LocalSite) -> None:
    # Every chunk comes within the read timeout, but the page never ends in time.
    site.routes["/drip"] = Route(body=PAGE.encode() * 4, drip=0.2)
    assert reason(site.url("/drip")).startswith("timed out")


def test_a_page_over_the_size_limit_is_refused(site: LocalSite) -> None:
    site.page("/big", "<html><body>" + "x" * 100_000 + "</body></html>")
    assert reason(site.url("/big")) == "over the size limit (0.0625 MB)"


def test_the_size_limit_holds_without_a_content_length(site: LocalSite) -> None:
    # A compressed body that unpacks past the limit: the limit counts what was unpacked.
    bomb = b"<html><body>" + b"x" * 2_000_000 + b"</body></html>"
    site.gzipped("/bomb", bomb)
    assert reason(site.url("/bomb")).startswith("over the size limit")


def test_an_unreachable_server_is_reported(site: LocalSite) -> None:
    port = site.server.server_address[1]
    site.stop()
    assert reason(f"http://127.0.0.1:{port}/a").startswith("could not connect")


def test_only_web_addresses_are_fetched() -> None:
    assert reason("file:///etc/passwd") == "not an http:// or https:// address"
    assert reason("example.com/story") == "not an http:// or https:// address"


def test_a_redirect_to_a_file_address_is_refused(site: LocalSite) -> None:
    site.redirect("/sneaky", "file:///etc/passwd")
    assert reason(site.url("/sneaky")) == "redirected to something that is not a web address"


@pytest.mark.parametrize("url", ["http://[::1", "https://[example.com]/a", "http://x.test:99999/"])
def test_a_malformed_address_is_a_reason_not_a_crash(url: str) -> None:
    assert reason(url) == "not a valid web address"
    assert url_key(url)  # the duplicate check takes it as it is


def test_a_redirect_to_a_malformed_address_is_refused(site: LocalSite) -> None:
    site.redirect("/broken", "http://[::1/story")
    assert reason(site.url("/broken")) == "redirected to something that is not a web address"


def test_one_failure_never_stops_the_other_downloads(site: LocalSite) -> None:
    good = site.page("/good", PAGE)
    slow = site.url("/slow")
    site.routes["/slow"] = Route(body=PAGE.encode(), delay=6)
    outcomes = {o.url: o for o in fetch_all([site.url("/gone"), slow, good], FAST)}
    assert outcomes[good].fetched is not None
    assert outcomes[site.url("/gone")].error == "HTTP 404 Not Found"
    assert (outcomes[slow].error or "").startswith("timed out")


# --- URLs as the duplicate check sees them ------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.example.com/world/story",
        "http://example.com/world/story/",
        "https://EXAMPLE.com/world/story?utm_source=rss&utm_medium=feed",
        "https://example.com/world/story#comments",
        "https://example.com:443/world/story",
    ],
)
def test_one_page_has_one_key_whatever_its_spelling(variant: str) -> None:
    assert url_key(variant) == url_key("https://example.com/world/story")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://example.com/news?article=5", "https://example.com/news?article=6"),
        (
            "https://example.com/show.aspx?nid=1&lang=en",
            "https://example.com/show.aspx?nid=2&lang=en",
        ),
    ],
)
def test_articles_told_apart_by_a_query_parameter_keep_their_own_keys(one: str, other: str) -> None:
    assert url_key(one) != url_key(other)


def test_pages_that_differ_keep_different_keys() -> None:
    assert url_key("https://example.com/story?id=1") != url_key("https://example.com/story?id=2")
    assert url_key("https://example.com/a") != url_key("https://example.org/a")


# --- feeds ------------------------------------------------------------------------------------

RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>World</title><link>http://x/</link>
<item><title>Old news on trade</title><link>/old</link><description>Tariffs.</description>
<pubDate>Mon, 02 Jan 2023 10:00:00 GMT</pubDate></item>
<item><title>Blinken in Delhi</title><link>/new</link><description>The G20 meets.</description>
<pubDate>Thu, 02 Mar 2023 10:00:00 GMT</pubDate></item>
<item><title>Ministers talk</title><link>/mid</link><description>Lavrov spoke.</description>
<pubDate>Wed, 01 Feb 2023 10:00:00 GMT</pubDate></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><id>urn:w</id>
<updated>2023-03-02T10:00:00Z</updated>
<entry><title>Lavrov in Malta</title><link href="https://example.com/malta"/><id>urn:1</id>
<updated>2023-03-02T10:00:00Z</updated><summary>OSCE</summary></entry>
</feed>"""


def test_feed_items_come_newest_first_with_links_made_absolute() -> None:
    items = feed_items(RSS, "http://news.test/feed.xml")
    assert [i.url for i in items] == [
        "http://news.test/new",
        "http://news.test/mid",
        "http://news.test/old",
    ]


def test_match_keeps_items_whose_title_or_summary_has_the_word() -> None:
    items = feed_items(RSS, "http://news.test/", match=["lavrov", "Blinken"])
    assert [i.title for i in items] == ["Blinken in Delhi", "Ministers talk"]
    assert feed_items(RSS, "http://news.test/", match=["trad"]) == []  # words, not parts


def test_newest_caps_the_number_of_items() -> None:
    assert len(feed_items(RSS, "http://news.test/", newest=1)) == 1


def test_atom_feeds_are_read_too() -> None:
    assert [i.url for i in feed_items(ATOM, "http://news.test/")] == ["https://example.com/malta"]


def test_a_page_that_is_not_a_feed_says_so() -> None:
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        feed_items(PAGE.encode(), "http://news.test/")


def test_a_feed_item_with_a_malformed_link_is_kept_for_add_to_report() -> None:
    feed = RSS.replace(b"<link>/mid</link>", b"<link>http://[::1/mid</link>")
    assert "http://[::1/mid" in [i.url for i in feed_items(feed, "http://news.test/")]
