"""Corpora for assembly runs: thousands of articles whose statements are already cached.

Parsing is per article and linear by construction (and measured by the other rows); what
must be shown at scale is everything else a build does: reading and hashing every file,
reading every article's cache entry, placing statements on occasions, merging repeats and
writing the corpus entry. So the bundled originals are parsed once, and each synthetic copy
gets a per-article cache entry holding the original's statements carried over to the copy's
text (`text == file[start:end]` still holds). A build over such a corpus is then a real
`build_debate` that finds every article in the cache.

    python benchmarks/assembly.py PROBE CORPUS_DIR CACHE_DIR   # used by run.py
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import BUNDLED, OffsetMap, generate_mapped, lemma_change  # noqa: E402

from debate_tui.model import Layout, Statement  # noqa: E402


def _moved(position: int, maps: list[OffsetMap]) -> int:
    for offsets in maps:
        position = offsets(position)
    return position


class Original(NamedTuple):
    """A bundled article as parsed: its statements and its layout (sentences, dates)."""

    statements: list[Statement]
    layout: Layout


def carry(
    st: Statement, maps: list[OffsetMap], text: str, change: Callable[[str, int], str]
) -> Statement:
    """The original's statement as it stands in a copy's text, its content lemmas changed
    as the copy changed its words."""
    start, end = _moved(st.start, maps), _moved(st.end, maps)
    quotes = tuple((_moved(a, maps), _moved(b, maps)) for a, b in st.quotes)
    lemmas = tuple(change(lemma, index) for index, lemma in enumerate(st.lemmas))
    return replace(st, text=text[start:end], start=start, end=end, quotes=quotes, lemmas=lemmas)


def carry_layout(layout: Layout, maps: list[OffsetMap]) -> Layout:
    """The original's sentences and dates as they stand in a copy's text."""
    return Layout(
        *(
            tuple((_moved(a, maps), _moved(b, maps)) for a, b in spans)
            for spans in (layout.sentences, layout.dates)
        )
    )


def originals() -> dict[str, Original]:
    """Statements and layout of each bundled article, parsed once with spaCy, no cache."""
    from debate_tui.build import statements_for_articles
    from debate_tui.config import default_config
    from debate_tui.corpus import load_corpus

    articles = load_corpus(BUNDLED, lambda _m: None)
    found = statements_for_articles(articles, default_config(), use_cache=False)
    out = {article.source: Original([], article.layout or Layout()) for article in articles}
    for st in found:
        out[st.source].statements.append(st)
    return out


def prepare(
    corpus: Path, cache: Path, articles: int, kind: str, parsed: dict[str, Original]
) -> int:
    """Write the corpus and every article's cache entry; the number of statements."""
    from debate_tui.cache import StatementCache, entry_key
    from debate_tui.config import default_config
    from debate_tui.corpus import load_corpus

    copies = generate_mapped(corpus, articles, kind=kind)
    loaded = {article.source: article for article in load_corpus(corpus, lambda _m: None)}
    store = StatementCache(cache)
    version = default_config().version
    count = 0
    for path, original, maps in copies:
        article = loaded[path.name]
        copy = int(path.stem.rsplit("--", 1)[1])
        statements = [
            carry(st, maps, article.text, lemma_change(kind, copy, st.start))
            for st in parsed[original].statements
        ]
        layout = carry_layout(parsed[original].layout, maps)
        store.put(entry_key(article.sha256, version), statements, layout)
        count += len(statements)
    return count


def probe(corpus: Path, cache: Path) -> dict[str, float]:
    """One build of `corpus` with every article cached and no corpus entry: its time,
    statements before and after merging, and this process's peak memory."""
    import os

    os.environ["DEBATE_TUI_CACHE"] = str(cache)
    for entry in cache.glob("corpus-*"):
        entry.unlink()
    from debate_tui.build import build_debate
    from debate_tui.config import default_config

    config = default_config()
    started = time.perf_counter()
    debate = build_debate(corpus, config, warn=lambda _m: None)
    seconds = time.perf_counter() - started
    reports = sum(len(st.reports) for st in debate.statements)
    return {
        "seconds": seconds,
        "articles": len(debate.articles),
        "statements": len(debate.statements) + reports,
        "shown": len(debate.statements),
        "peak_mb": peak_mb(),
    }


def peak_mb() -> float:
    """This process's peak resident memory: `VmHWM` on Linux (`ru_maxrss` survives `exec`,
    so it would report the spawning benchmark's own peak), else `ru_maxrss`."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "PROBE":
        raise SystemExit("usage: assembly.py PROBE CORPUS_DIR CACHE_DIR")
    print(json.dumps(probe(Path(sys.argv[2]), Path(sys.argv[3]))))
