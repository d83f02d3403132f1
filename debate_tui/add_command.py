"""`debate-tui add`: articles into a corpus by URL, from a list, or from a feed.

The work is in ingest.py and fetch.py; this module reads the arguments and talks to the
person: one line per URL on standard error (added, already present, failed and why), a
progress bar when there are several, and a summary. Titles and reasons come from
strangers' pages, so every line is a Rich Text with control characters made visible:
never markup, never raw escapes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from debate_tui.places import bundled_corpus, user_corpus

if TYPE_CHECKING:  # Rich and the fetching stack load only when `add` runs
    from rich.console import Console
    from rich.text import Text

    from debate_tui.ingest import Result, Summary

EXIT_USAGE = 2
EXIT_FAILURE = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `add`; the description states the download limits."""
    parser.description = (
        "Download web pages into a corpus folder: each page is kept as SLUG.html and its "
        "title, outlet, date and URL go into sources.toml. Pages already there (same URL or "
        "same article text) are skipped. Limits: 10 s to connect, 20 s of silence, 60 s per "
        "page, 5 MB per page, 5 redirects, 4 downloads at a time. Exit code 1 when any URL "
        "failed."
    )
    parser.add_argument("urls", nargs="*", metavar="URL", help="web pages to add")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        metavar="DIR",
        help="corpus folder to add to, created when missing (default: $DEBATE_TUI_CORPUS, "
        "else a debate-tui folder in your user data directory)",
    )
    parser.add_argument(
        "--from",
        dest="from_file",
        metavar="FILE",
        default=None,
        help="read URLs from FILE, one per line (# starts a comment); - reads standard input",
    )
    parser.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL",
        help="add the newest articles of this RSS or Atom feed (repeatable)",
    )
    parser.add_argument(
        "--match",
        action="append",
        default=[],
        metavar="WORD",
        help="with --feed: only items whose title or summary has this word (repeatable)",
    )
    parser.add_argument(
        "--newest",
        type=int,
        default=20,
        metavar="N",
        help="with --feed: take at most the N newest items of each feed (default 20)",
    )


def run_add(args: argparse.Namespace) -> int:
    """Add what the arguments name; 0 when nothing failed, 1 when something did."""
    from rich.console import Console

    from debate_tui.ingest import IngestError

    console = Console(stderr=True, highlight=False, soft_wrap=True)
    corpus: Path = args.corpus or user_corpus()
    problem = _usage_problem(args, corpus)
    if problem:
        _error(console, problem)
        return EXIT_USAGE
    urls = list(args.urls)
    if args.from_file:
        try:
            urls += _read_list(args.from_file)
        except OSError as exc:
            _error(console, f"{args.from_file}: cannot be read ({exc.strerror or exc})")
            return EXIT_USAGE
        except ValueError as exc:
            _error(console, f"{args.from_file}: {exc}")
            return EXIT_USAGE
    try:
        summary = _add(console, corpus, urls, args.feed, args.match, args.newest)
    except IngestError as exc:
        _error(console, str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    return EXIT_FAILURE if summary.failed else 0


def _usage_problem(args: argparse.Namespace, corpus: Path) -> str | None:
    if not (args.urls or args.from_file or args.feed):
        return "add: give URLs, --from FILE or --feed URL"
    if args.match and not args.feed:
        return "add: --match filters feed items; give --feed URL too"
    if any(not word.strip() for word in args.match):
        return "add: --match needs a word; an empty one would match every item"
    if args.newest < 1:
        return "add: --newest must be at least 1"
    try:
        if corpus.resolve() == bundled_corpus().resolve():
            return (
                f"{corpus}: the bundled corpus belongs to the installation; "
                "add to your own folder (--corpus DIR)"
            )
    except OSError:
        pass
    return None


# A list of 100,000 long links is under 8 MB; /dev/zero or a binary file is not a list.
MAX_URL_LIST_CHARS = 8 * 1024 * 1024


def _read_list(source: str) -> list[str]:
    """URLs from FILE or standard input, read up to a limit (a pipe like `<(...)` works)."""
    from debate_tui.ingest import read_url_list

    if source == "-":
        text = sys.stdin.read(MAX_URL_LIST_CHARS + 1)
    else:
        with open(source, encoding="utf-8", errors="replace") as handle:
            text = handle.read(MAX_URL_LIST_CHARS + 1)
    if len(text) > MAX_URL_LIST_CHARS:
        raise ValueError(f"longer than {MAX_URL_LIST_CHARS // (1024 * 1024)} MB; split the list")
    return read_url_list(text.splitlines())


def _add(
    console: Console,
    corpus: Path,
    urls: list[str],
    feeds: list[str],
    words: list[str],
    newest: int,
) -> Summary:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from debate_tui.ingest import Failed, add_urls, ensure_corpus, expand_feeds

    ensure_corpus(corpus)
    feed_failures: list[Failed] = []
    if feeds:
        with console.status("reading feeds…"):
            found, feed_failures = expand_feeds(feeds, match=words, newest=newest)
        for failure in feed_failures:
            console.print(result_line(failure))
        if not found and not feed_failures:
            console.print(_text("no feed item matched", "yellow"))
        urls = urls + found
    progress = Progress(
        TextColumn("adding"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=len(urls) < 2,
    )
    task = progress.add_task("", total=len(urls))

    def report(result: Result) -> None:
        progress.console.print(result_line(result))
        progress.advance(task)

    with progress:
        summary = add_urls(corpus, urls, on_result=report)
    summary.results[:0] = feed_failures
    console.print(summary_line(summary, corpus))
    return summary


def _text(value: str, style: str = "") -> Text:
    from rich.text import Text

    from debate_tui.safe_text import visible

    return Text(visible(value, one_line=True), style=style)


def result_line(result: Result) -> Text:
    """One line for one URL, as a Rich Text: what happened, where, and why."""
    from rich.text import Text

    from debate_tui.ingest import Added, Present
    from debate_tui.safe_text import visible

    def safe(value: str) -> str:
        return visible(value, one_line=True)

    if isinstance(result, Added):
        line = Text.assemble(("added ", "green"), safe(result.name), "  ")
        line.append(f"“{safe(result.title)}”")
        details = ", ".join(safe(v) for v in (result.outlet, result.date) if v)
        if details:
            line.append(f" ({details})", style="dim")
        return line
    if isinstance(result, Present):
        return Text.assemble(
            ("already present ", "cyan"), safe(result.url), (f" (as {safe(result.where)})", "dim")
        )
    return Text.assemble(("failed ", "red"), safe(result.url), ": ", safe(result.reason))


def summary_line(summary: Summary, corpus: Path) -> Text:
    """added, already present, failed: the counts a person checks after a long list."""
    from rich.text import Text

    from debate_tui.safe_text import visible

    line = Text.assemble(
        (f"{len(summary.added)} added", "bold green" if summary.added else ""),
        ", ",
        f"{len(summary.present)} already present",
        ", ",
        (f"{len(summary.failed)} failed", "bold red" if summary.failed else ""),
    )
    line.append(f" in {visible(str(corpus), one_line=True)}", style="dim")
    return line


def _error(console: Console, message: str) -> None:
    from rich.text import Text

    from debate_tui.safe_text import visible

    console.print(Text(f"debate-tui: error: {visible(message, one_line=True)}"))
