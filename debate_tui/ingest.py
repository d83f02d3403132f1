"""Putting downloaded pages into a corpus folder: the page, its metadata, nothing twice.

Each page is kept as `<slug>.html` (so it can be extracted again by a later version) and
described in `sources.toml`: title, outlet, date, URL, and a digest of its article text.
A page is "already present" when its normalised URL, or its extracted text, is in the
corpus already. Files are written atomically and never replace a file of the user's: a
taken name gets a number. `sources.toml` is only ever appended to, so its comments and
hand edits stay as they were. No Textual, no spaCy, no terminal output here.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from debate_tui.atomic_files import replace_atomic, write_new
from debate_tui.corpus_files import SIDECAR_NAME, article_paths
from debate_tui.digest import hexdigest
from debate_tui.fetch import (
    DEFAULT_LIMITS,
    Fetched,
    FetchError,
    Limits,
    Outcome,
    check_url,
    feed_items,
    fetch,
    fetch_all,
    url_key,
)
from debate_tui.safe_files import MAX_ARTICLE_BYTES, MAX_SIDECAR_BYTES, RefusedFile, read_regular

SLUG_MAX = 60
DIGEST_KEY = "text_digest"
_BOM = "\ufeff"  # editors on Windows start UTF-8 files with it; TOML itself refuses it


class IngestError(Exception):
    """The corpus folder or its sources.toml cannot take new articles (a usage error)."""


class Added(NamedTuple):
    url: str
    name: str  # file name inside the corpus
    title: str
    outlet: str | None
    date: str | None


class Present(NamedTuple):
    url: str
    where: str  # the article already holding this page, or the URL given before


class Failed(NamedTuple):
    url: str
    reason: str


Result = Added | Present | Failed


@dataclass
class Summary:
    """What an `add` did, URL by URL."""

    results: list[Result] = field(default_factory=list)

    @property
    def added(self) -> list[Added]:
        return [r for r in self.results if isinstance(r, Added)]

    @property
    def present(self) -> list[Present]:
        return [r for r in self.results if isinstance(r, Present)]

    @property
    def failed(self) -> list[Failed]:
        return [r for r in self.results if isinstance(r, Failed)]


class PageMeta(NamedTuple):
    """What extraction found in a page: its article text and the metadata to record."""

    text: str
    title: str | None
    outlet: str | None
    date: str | None


def text_digest(text: str) -> str:
    """A digest of article text that ignores case and spacing: the same article, re-served."""
    return hexdigest(" ".join(text.casefold().split()).encode("utf-8"))


def extract_page(html: str, url: str) -> PageMeta:
    """Article text and metadata, exactly as the corpus reader will see the saved page.

    trafilatura gives the title, the site name and usually the date; htmldate looks again
    (its extensive search) when trafilatura found none.
    """
    from debate_tui.corpus import extract_html

    text, meta = extract_html(html)
    date = meta.get("date")
    if not date:
        import htmldate

        with contextlib.suppress(Exception):  # a date is a nicety: never fail a page for it
            date = htmldate.find_date(html, url=url, original_date=True)
    outlet = meta.get("outlet") or _host(url)
    return PageMeta(text, meta.get("title"), outlet, date or None)


def _host(url: str) -> str | None:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def slug(title: str | None, url: str) -> str:
    """A file name stem from the title (else the URL's last path part): ASCII, dashes."""
    for source in (title or "", urlsplit(url).path.rstrip("/").rpartition("/")[2]):
        source = re.sub(r"\.html?$", "", source, flags=re.IGNORECASE)
        ascii_text = unicodedata.normalize("NFKD", source).encode("ascii", "ignore").decode()
        words = re.findall(r"[a-z0-9]+", ascii_text.lower())
        stem = ""
        for word in words:
            longer = f"{stem}-{word}" if stem else word
            if len(longer) > SLUG_MAX:
                break
            stem = longer
        if stem:
            return stem
        if words:
            return words[0][:SLUG_MAX]
    return "article"


# --- what the corpus holds ------------------------------------------------------------------


class CorpusIndex:
    """The corpus's names, URLs and article texts, to tell a new page from one already there."""

    def __init__(self, corpus: Path, sidecar: dict[str, dict[str, Any]]) -> None:
        self.corpus = corpus
        self.names: set[str] = set(sidecar)
        self.urls: dict[str, str] = {}
        self.digests: dict[str, str] = {}
        for path in article_paths(corpus):
            self.names.add(path.relative_to(corpus).as_posix())
        for name, entry in sidecar.items():
            if isinstance(entry.get("url"), str):
                self.urls.setdefault(url_key(entry["url"]), name)
            if isinstance(entry.get(DIGEST_KEY), str):
                self.digests.setdefault(entry[DIGEST_KEY], name)
        self._unchecked = [
            path
            for path in article_paths(corpus)
            if path.relative_to(corpus).as_posix() not in self.digests.values()
        ]

    def by_url(self, url: str) -> str | None:
        return self.urls.get(url_key(url))

    def by_text(self, digest: str) -> str | None:
        """The article with this text; articles added by hand are read when first needed."""
        if self._unchecked:
            from debate_tui.corpus import read_article

            for path in self._unchecked:
                name = path.relative_to(self.corpus).as_posix()
                article = read_article(path, name, {}, lambda _message: None)
                if article is not None:
                    self.digests.setdefault(text_digest(article.text), name)
            self._unchecked = []
        return self.digests.get(digest)

    def free_name(self, stem: str) -> str:
        """`stem.html`, or `stem-2.html`, ...: a name neither a file nor sources.toml uses."""
        number = 1
        while True:
            name = f"{stem}.html" if number == 1 else f"{stem}-{number}.html"
            if name not in self.names and not (self.corpus / name).exists():
                return name
            number += 1

    def remember(self, name: str, url: str, final_url: str, digest: str) -> None:
        self.names.add(name)
        self.urls.setdefault(url_key(url), name)
        self.urls.setdefault(url_key(final_url), name)
        self.digests.setdefault(digest, name)


def read_sources(corpus: Path) -> tuple[str, dict[str, dict[str, Any]]]:
    """sources.toml as text and as tables; IngestError when it is not valid TOML."""
    path = corpus / SIDECAR_NAME
    if not path.exists() and not path.is_symlink():
        return "", {}
    try:
        text = read_regular(path, MAX_SIDECAR_BYTES, "metadata").decode("utf-8")
        data = tomllib.loads(text.removeprefix(_BOM))  # kept in `text`: appends keep it too
    except RefusedFile as exc:
        raise IngestError(f"{path}: {exc}; fix it before adding") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(f"{path}: cannot be read ({exc}); fix it before adding") from None
    except tomllib.TOMLDecodeError as exc:
        raise IngestError(
            f"{path}: not valid TOML ({exc}); fix it before adding articles"
        ) from None
    return text, {key: value for key, value in data.items() if isinstance(value, dict)}


# --- writing ---------------------------------------------------------------------------------


_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_TOML_ESCAPES["\r"] = "\\r"


def toml_string(value: str) -> str:
    """A TOML basic string; control characters escaped, as TOML requires."""
    out = []
    for char in value:
        if char in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def sources_entry(name: str, fields: Iterable[tuple[str, str | None]]) -> str:
    lines = [f"[{toml_string(name)}]"]
    lines += [f"{key} = {toml_string(value)}" for key, value in fields if value]
    return "\n".join(lines) + "\n"


def append_sources(corpus: Path, entry: str) -> None:
    """Add one table at the end of sources.toml, keeping every byte already there.

    A sources.toml that links to a file kept elsewhere is appended to there: the link stays.
    """
    path = corpus / SIDECAR_NAME
    with _corpus_lock(corpus):
        _append_locked(corpus, path, entry)


@contextlib.contextmanager
def _corpus_lock(corpus: Path) -> Iterator[None]:
    """Held while sources.toml is read and replaced: an `add` in a shell and the reader's
    `a` on the same corpus would otherwise each write back what they read, and one's
    entry would be lost. An advisory lock on the folder itself, so no lock file is left."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock, as before
        yield
        return
    fd = os.open(corpus, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _append_locked(corpus: Path, path: Path, entry: str) -> None:
    current, _ = read_sources(corpus)  # read again: the user may have edited it meanwhile
    if current and not current.endswith("\n"):
        current += "\n"
    text = f"{current}\n{entry}" if current else entry
    tomllib.loads(text.removeprefix(_BOM))  # never write a file the reader would reject
    data = text.encode("utf-8")
    if len(data) > MAX_SIDECAR_BYTES:  # the reader would ignore all of it
        raise IngestError(
            f"{path}: would pass {MAX_SIDECAR_BYTES // (1024 * 1024)} MB, the most the reader "
            "reads; start another corpus folder"
        )
    replace_atomic(Path(os.path.realpath(path)), data)


def check_writable_sources(corpus: Path) -> None:
    """IngestError when sources.toml is read-only: nothing is downloaded that cannot be
    recorded, and a file the user froze is never replaced."""
    path = corpus / SIDECAR_NAME
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing: created on the first page; unreadable: read_sources says so
    if not mode & stat.S_IWUSR:
        raise IngestError(f"{path}: read-only; make it writable to add articles")


# --- adding ------------------------------------------------------------------------------------


def ensure_corpus(corpus: Path) -> None:
    """Create the corpus folder when missing; IngestError when that cannot be."""
    if corpus.exists() and not corpus.is_dir():
        raise IngestError(f"{corpus}: not a folder; pass a corpus folder with --corpus")
    try:
        corpus.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IngestError(f"{corpus}: cannot be created ({exc.strerror or exc})") from None


def add_page(corpus: Path, index: CorpusIndex, fetched: Fetched) -> Result:
    """Keep one downloaded page in the corpus, unless it is there already or unusable."""
    url = fetched.url
    if not fetched.is_html:
        kind = fetched.content_type or "unknown type"
        return Failed(url, f"not an HTML page ({kind})")
    if (name := index.by_url(fetched.final_url)) is not None:  # redirected to a known page
        return Present(url, name)
    html = fetched.text()
    try:
        page = extract_page(html, fetched.final_url)
    except Exception as exc:  # lxml and trafilatura raise many types on hostile markup
        return Failed(url, f"the HTML could not be read ({exc.__class__.__name__})")
    if not page.text.strip():
        return Failed(url, "no article text found in the page")
    digest = text_digest(page.text)
    if (name := index.by_text(digest)) is not None:
        return Present(url, name)
    data = html.encode("utf-8")
    if len(data) > MAX_ARTICLE_BYTES:  # re-encoded as UTF-8 it grew past what the reader reads
        return Failed(url, f"over the size limit ({MAX_ARTICLE_BYTES // (1024 * 1024)} MB)")
    stem = slug(page.title, fetched.final_url)
    for _ in range(20):
        name = index.free_name(stem)
        try:
            write_new(corpus / name, data)
        except FileExistsError:
            index.names.add(name)  # taken meanwhile: try the next number
            continue
        except OSError as exc:
            return Failed(url, f"{name} cannot be written ({exc.strerror or exc})")
        break
    else:
        return Failed(url, "no free file name for the page")
    entry = sources_entry(
        name,
        (
            ("title", page.title),
            ("outlet", page.outlet),
            ("date", page.date),
            ("url", fetched.final_url),
            (DIGEST_KEY, digest),
        ),
    )
    try:
        append_sources(corpus, entry)
    except (OSError, IngestError, tomllib.TOMLDecodeError) as exc:
        with contextlib.suppress(OSError):
            (corpus / name).unlink()
        return Failed(url, f"{SIDECAR_NAME} cannot be updated ({exc})")
    index.remember(name, url, fetched.final_url, digest)
    return Added(url, name, page.title or name, page.outlet, page.date)


def expand_feeds(
    feeds: Iterable[str],
    *,
    match: Iterable[str] = (),
    newest: int = 20,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[list[str], list[Failed]]:
    """The article URLs of each feed (newest first, filtered), and the feeds that failed."""
    words = list(match)
    urls: list[str] = []
    failed: list[Failed] = []
    for feed in feeds:
        try:
            fetched = fetch(feed, limits)
            items = feed_items(fetched.body, fetched.final_url, match=words, newest=newest)
        except FetchError as exc:
            failed.append(Failed(feed, f"feed: {exc}"))
            continue
        urls.extend(item.url for item in items)
    return urls, failed


def add_urls(
    corpus: Path,
    urls: Iterable[str],
    *,
    limits: Limits = DEFAULT_LIMITS,
    on_result: Callable[[Result], None] | None = None,
) -> Summary:
    """Download the URLs a few at a time and add each new page; one failure stops nothing.

    IngestError (before any download) when the folder or its sources.toml is unusable.
    Pages are written one after another in this thread, so names and sources.toml entries
    never race.
    """
    ensure_corpus(corpus)
    _, sidecar = read_sources(corpus)
    check_writable_sources(corpus)
    index = CorpusIndex(corpus, sidecar)
    summary = Summary()

    def record(result: Result) -> None:
        summary.results.append(result)
        if on_result:
            on_result(result)

    to_fetch: list[str] = []
    asked: dict[str, str] = {}
    for raw in urls:
        try:
            url = check_url(raw)
        except FetchError as exc:
            record(Failed(raw.strip(), str(exc)))
            continue
        if (name := index.by_url(url)) is not None:
            record(Present(url, name))
        elif url_key(url) in asked:
            record(Present(url, asked[url_key(url)]))
        else:
            asked[url_key(url)] = url
            to_fetch.append(url)
    for outcome in _fetched(to_fetch, limits):
        if outcome.fetched is None:
            record(Failed(outcome.url, outcome.error or "download failed"))
        else:
            record(add_page(corpus, index, outcome.fetched))
    return summary


def _fetched(urls: list[str], limits: Limits) -> Iterator[Outcome]:
    if urls:
        yield from fetch_all(urls, limits)


def read_url_list(lines: Iterable[str]) -> list[str]:
    """URLs from a list: one per line; blank lines and `#` comments skipped."""
    urls = []
    for line in lines:
        stripped = line.lstrip(_BOM).strip()
        if stripped and not stripped.startswith("#"):
            urls.append(stripped.split()[0])
    return urls
