"""Downloading pages and feeds over HTTP, with limits, and reasons a person can act on.

urllib3 directly, not trafilatura's downloader: trafilatura's `fetch_response` logs its
errors and returns None, so a timeout, a redirect loop and a page over the size limit all
look the same to the caller; it also retries server errors with back-off sleeps and falls
back to unverified TLS after a certificate error. Here every failure becomes a `FetchError`
whose message says what happened. urllib3 is what trafilatura itself uses, so nothing new
is installed. No Textual and no spaCy here.

Limits (see `Limits`): 10 s to connect, 20 s between two reads, 60 s for a whole page,
5 MB per page (counted after decompression, so a compressed bomb stops too), 5 redirects,
4 downloads at a time.
"""

from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

import urllib3

from debate_tui import __version__

USER_AGENT = f"debate-tui/{__version__} (terminal reader of debates in the news)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """How long to wait and how much to take; the defaults suit news pages."""

    connect_timeout: float = 10.0  # seconds to open the connection
    read_timeout: float = 20.0  # seconds of silence between two reads
    total_timeout: float = 60.0  # seconds for a whole page, so a slow drip ends too
    max_bytes: int = 5 * 1024 * 1024  # a news page is rarely over 1 MB
    max_redirects: int = 5
    workers: int = 4  # parallel downloads: polite to sites, enough for a list of links


DEFAULT_LIMITS = Limits()


class FetchError(Exception):
    """A download that failed; the message is the reason, short, for after the URL."""


class Fetched(NamedTuple):
    """A downloaded document: the URL asked for, where it ended up, its type and body."""

    url: str
    final_url: str
    content_type: str
    charset: str | None
    body: bytes

    @property
    def is_html(self) -> bool:
        return self.content_type in HTML_TYPES or (
            not self.content_type and _looks_like_html(self.body)
        )

    def text(self) -> str:
        """The body as text: the declared charset, else UTF-8, else what the page says."""
        if self.charset:
            try:
                return self.body.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                pass
        try:
            return self.body.decode("utf-8")
        except UnicodeDecodeError:
            from trafilatura.utils import decode_file  # reads <meta charset>, else guesses

            return str(decode_file(self.body))


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


_POOL: urllib3.PoolManager | None = None


def _pool() -> urllib3.PoolManager:
    """One connection pool for the process: thread-safe, reuses connections to a site."""
    global _POOL
    if _POOL is None:
        _POOL = urllib3.PoolManager(
            num_pools=16,
            maxsize=DEFAULT_LIMITS.workers,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                "application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "gzip, deflate",
            },
        )
    return _POOL


def check_url(url: str) -> str:
    """The URL stripped, or FetchError when it is not an http(s) address."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:  # an unclosed "[" of an IPv6 host, a port that is not a number ...
        raise FetchError("not a valid web address") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FetchError("not an http:// or https:// address")
    if parts.username is not None or parts.password is not None:
        # It would be kept in sources.toml and printed in every citation of the article.
        raise FetchError("carries a user name or password; remove it from the address")
    return url


def fetch(url: str, limits: Limits = DEFAULT_LIMITS) -> Fetched:
    """Download one URL, following redirects; FetchError says why it failed."""
    current = check_url(url)
    seen = {current}
    deadline = time.monotonic() + limits.total_timeout
    for _ in range(limits.max_redirects + 1):
        response = _request(current, limits)
        complete = False
        try:
            if response.status in _REDIRECTS:
                current = _redirect_target(response, current, seen)
                seen.add(current)
                response.drain_conn()  # read the rest, so the connection can serve the next
                complete = True
                continue
            if response.status >= 400:
                reason = response.reason or ""
                raise FetchError(f"HTTP {response.status} {reason}".strip())
            if response.status != 200:
                raise FetchError(f"HTTP {response.status}: no page to keep")
            content_type, charset = _content_type(response.headers.get("Content-Type", ""))
            body = _read_capped(response, limits, deadline)
            complete = True
        finally:
            if not complete:  # a body left unread must not reach the next request
                response.close()
            response.release_conn()
        return Fetched(url, current, content_type, charset, body)
    raise FetchError(f"more than {limits.max_redirects} redirects")


def _redirect_target(response: urllib3.BaseHTTPResponse, current: str, seen: set[str]) -> str:
    location = response.headers.get("Location")
    if not location:
        raise FetchError(f"HTTP {response.status} redirect without a Location")
    try:
        target = check_url(urljoin(current, location.strip()))
    except (FetchError, ValueError):
        raise FetchError("redirected to something that is not a web address") from None
    if target in seen:
        raise FetchError("redirect loop")
    return target


def _request(url: str, limits: Limits) -> urllib3.BaseHTTPResponse:
    try:
        return _pool().request(
            "GET",
            url,
            redirect=False,
            retries=False,
            preload_content=False,
            timeout=urllib3.Timeout(connect=limits.connect_timeout, read=limits.read_timeout),
        )
    except urllib3.exceptions.ReadTimeoutError:
        raise FetchError(f"timed out (no answer for {limits.read_timeout:g} s)") from None
    except urllib3.exceptions.NameResolutionError:
        raise FetchError("unknown host (check the address)") from None
    except urllib3.exceptions.NewConnectionError:
        raise FetchError("could not connect (refused or unreachable)") from None
    except urllib3.exceptions.ConnectTimeoutError:  # after NewConnectionError, its subclass
        raise FetchError(f"timed out connecting (after {limits.connect_timeout:g} s)") from None
    except urllib3.exceptions.SSLError:
        raise FetchError("TLS certificate or handshake failed") from None
    except urllib3.exceptions.LocationParseError:
        raise FetchError("not a valid web address") from None
    except urllib3.exceptions.ProtocolError:
        raise FetchError("the connection broke off (the server hung up)") from None
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(f"download failed ({exc.__class__.__name__})") from None


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", params, re.IGNORECASE)
    return kind.strip().lower(), (match.group(1) if match else None)


def _read_capped(response: urllib3.BaseHTTPResponse, limits: Limits, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(f"over the size limit ({_megabytes(limits.max_bytes)})")
    chunks: list[bytes] = []
    size = 0
    try:
        # read1 returns what one read of the socket brought (unpacked): the deadline is
        # checked as data arrives, however slowly; stream() would wait for whole chunks.
        while chunk := response.read1(_CHUNK, decode_content=True):
            size += len(chunk)
            if size > limits.max_bytes:
                raise FetchError(f"over the size limit ({_megabytes(limits.max_bytes)})")
            if time.monotonic() > deadline:
                raise FetchError(f"timed out (page not complete after {limits.total_timeout:g} s)")
            chunks.append(chunk)
    except urllib3.exceptions.ReadTimeoutError:
        raise FetchError(f"timed out (no data for {limits.read_timeout:g} s)") from None
    except urllib3.exceptions.DecodeError:
        raise FetchError("the server sent a broken compressed body") from None
    except urllib3.exceptions.ProtocolError:
        raise FetchError("the connection broke off before the page was complete") from None
    return b"".join(chunks)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


class Outcome(NamedTuple):
    """One URL's download: the document, or the reason it failed."""

    url: str
    fetched: Fetched | None
    error: str | None


def fetch_all(
    urls: Iterable[str],
    limits: Limits = DEFAULT_LIMITS,
    fetcher: Callable[[str, Limits], Fetched] = fetch,
) -> Iterator[Outcome]:
    """Download URLs a few at a time; outcomes come back as each one finishes.

    The downloads run in daemon threads, not a ThreadPoolExecutor: an executor's threads
    are joined when the process exits, so ctrl+c (or the reader's q) waited for the
    slowest server, up to the read timeout. Abandoned downloads write nothing.
    """
    urls = list(urls)
    if len(urls) == 1:
        yield _outcome(urls[0], partial(fetcher, urls[0], limits))
        return
    todo: queue.SimpleQueue[str] = queue.SimpleQueue()
    done: queue.SimpleQueue[Outcome] = queue.SimpleQueue()
    for url in urls:
        todo.put(url)

    def work() -> None:
        while True:
            try:
                url = todo.get_nowait()
            except queue.Empty:
                return
            done.put(_outcome(url, partial(fetcher, url, limits)))

    for _ in range(min(limits.workers, len(urls))):
        threading.Thread(target=work, name="fetch", daemon=True).start()
    for _ in urls:
        while True:
            try:  # a short wait, again and again: ctrl+c is seen at once
                yield done.get(timeout=0.2)
                break
            except queue.Empty:
                continue


def _outcome(url: str, result: Callable[[], Fetched]) -> Outcome:
    try:
        return Outcome(url, result(), None)
    except FetchError as exc:
        return Outcome(url, None, str(exc))
    except Exception as exc:  # one bad URL never stops the others
        return Outcome(url, None, f"download failed ({exc.__class__.__name__})")


# --- URLs and feeds ------------------------------------------------------------------------


def url_key(url: str) -> str:
    """The URL as a duplicate check sees it: no scheme, `www.`, tracking or trailing slash.

    `https://www.example.com/a/?utm_source=x` and `http://example.com/a` are one page.
    """
    from courlan import normalize_url

    url = url.strip()
    try:
        # Not strict: strict mode also drops every parameter outside a short list, so
        # `news?article=5` and `news?article=6` became one page and the second was never added.
        normal = normalize_url(url, strict=False)  # lower-case host, no utm_*, fbclid ...
    except (ValueError, TypeError):
        normal = url
    try:
        parts = urlsplit(normal)
    except ValueError:  # a malformed address (from a list or sources.toml) is its own key
        return url.casefold()
    host = parts.netloc.lower().removeprefix("www.")
    for default_port in (":80", ":443"):
        host = host.removesuffix(default_port)
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


class FeedItem(NamedTuple):
    """One entry of a feed: where it links, and what it says it is."""

    url: str
    title: str
    summary: str


class FeedError(FetchError):
    """A document that is not an RSS or Atom feed."""


def feed_items(
    document: bytes, base_url: str, *, match: Iterable[str] = (), newest: int = 20
) -> list[FeedItem]:
    """The newest entries of an RSS or Atom feed, keeping those that mention a word of `match`.

    feedparser reads RSS 0.9x-2.0, Atom and RDF, and tolerates the broken ones it can.
    Entries come newest first (by their date, when every entry has one; else in feed order).
    """
    import feedparser

    parsed = feedparser.parse(document)
    if not parsed.entries:
        if parsed.get("bozo") or not parsed.get("version"):
            raise FeedError("not an RSS or Atom feed")
        return []
    entries = list(parsed.entries)
    if all(entry.get("published_parsed") or entry.get("updated_parsed") for entry in entries):
        entries.sort(
            key=lambda e: tuple(e.get("published_parsed") or e.get("updated_parsed")),
            reverse=True,
        )
    words = [word.casefold() for word in match if word.strip()]
    items: list[FeedItem] = []
    for entry in entries:
        link = entry.get("link") or ""
        if not link:
            continue
        title = str(entry.get("title") or "")
        summary = re.sub(r"<[^>]*>", " ", str(entry.get("summary") or ""))
        if words and not _mentions(f"{title} {summary}", words):
            continue
        items.append(FeedItem(_absolute(base_url, link.strip()), title, summary))
        if len(items) >= newest:
            break
    return items


def _absolute(base_url: str, link: str) -> str:
    """The link made absolute; a malformed one as it is, for `add` to report as a failure."""
    try:
        return urljoin(base_url, link)
    except ValueError:
        return link


def _mentions(text: str, words: list[str]) -> bool:
    folded = text.casefold()
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded) for word in words)
