"""corpus -> statements -> Debate, using the cache first and spaCy only for what is missing.

Nothing here imports spaCy at module level: when every article is cached, building a
debate never loads the NLP stack. The finished statements of a whole corpus (occasions
assigned, repeats merged) are cached too, keyed by every input of those steps, so a warm
start reads one file instead of redoing that work.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from debate_tui.cache import CorpusEntry, StatementCache, entry_key, extractor_version
from debate_tui.config import Config
from debate_tui.corpus_files import SIDECAR_NAME, article_files
from debate_tui.digest import hexdigest, new_digest
from debate_tui.model import OTHER_TOPIC, Article, ArticleMeta, Debate, Statement
from debate_tui.safe_files import MAX_ARTICLE_BYTES, MAX_SIDECAR_BYTES, RefusedFile, read_regular
from debate_tui.safe_text import visible

if TYPE_CHECKING:
    from debate_tui.corpus_store import CorpusStore

# The code that turns per-article statements into the debate's: part of the corpus key.
_ASSEMBLY_FILES = (
    "build.py",
    "occasions.py",
    "merge.py",
    "repeat_index.py",
    "counterparts.py",  # the pairings are laid out in the corpus store
    "corpus_store.py",
)

# What `corpus_key` returns: "corpus-" and 32 hex digits.
_KEY_SHAPE = re.compile("corpus-[0-9a-f]{32}").fullmatch

# A corpus of fewer files is keyed before the reader's first frame, so an edited article is
# shown as it is now, without a "changed" notice a moment later: its key costs a few tens of
# milliseconds (50,000 files take 0.8-1.5 s, about 25 microseconds a file).
DEFER_CHECK_FROM_FILES = 2000

Progress = Callable[[int, int, str], None]
# Assembly after parsing: (stage, done, total), stage one of ASSEMBLY_STAGES.
Stage = Callable[[str, int, int], None]
OCCASIONS = "placing statements on occasions"  # counted in articles
MERGING = "merging repeated remarks"  # counted in statements
ASSEMBLY_STAGES = (OCCASIONS, MERGING)
# Asked between steps (each article read, each article parsed, each phase): True once the
# caller wants the build to stop, as the reader does when the user quits while it loads.
Cancelled = Callable[[], bool]


class BuildCancelled(Exception):
    """The caller asked the build to stop; nothing half-built is cached."""


def _stop_if(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise BuildCancelled()


def _stderr_warn(message: str) -> None:
    print(f"warning: {visible(message, one_line=True)}", file=sys.stderr)


def statements_for_articles(
    articles: list[Article],
    config: Config,
    *,
    use_cache: bool = True,
    processes: int = 1,
    progress: Progress | None = None,
    warn: Callable[[str], None] = _stderr_warn,
    cache: StatementCache | None = None,
    dask: str | None = None,
    cancelled: Cancelled | None = None,
) -> list[Statement]:
    """All statements of the articles, in corpus order; parses only cache misses.

    Each article's `layout` (the sentences and dates spaCy found, which occasions read) is
    set from the cache or the parse.

    `dask`: a scheduler address (or "local") to parse the misses on a Dask cluster instead
    of in this machine's processes; the results are cached and used the same way.
    """
    store = (cache or StatementCache(warn=warn)) if use_cache else None
    found: dict[str, list[Statement]] = {}
    missing: list[Article] = []
    total = len(articles)
    version = config.version  # a hash of the whole configuration: compute it once, not per file
    speakers = {speaker.id for speaker in config.speakers}
    topics = {topic.id for topic in config.topics} | {OTHER_TOPIC}
    for article in articles:
        key = entry_key(article.sha256, version)
        cached = (
            store.get_article(key, article.source, speakers=speakers, topics=topics)
            if store
            else None
        )
        if cached is None:
            missing.append(article)
        else:
            found[article.source], article.layout = cached
    done = total - len(missing)
    if progress and done:
        progress(done, total, "cache")
    if missing:
        _stop_if(cancelled)  # before loading spaCy: a second or two
        if dask is not None:
            from debate_tui.cluster import extract_on_dask

            parsed = extract_on_dask(missing, config, dask, warn=warn)
        else:
            from debate_tui.extract import extract_statements  # loads spaCy

            parsed = extract_statements(missing, config, processes=processes, warn=warn)
        for article, statements in parsed:
            _stop_if(cancelled)  # leaving the loop closes the parse (and its processes)
            found[article.source] = statements
            if store is not None:
                store.put(entry_key(article.sha256, version), statements, article.layout)
            done += 1
            if progress:
                progress(done, total, article.source)
    out: list[Statement] = []
    for article in articles:
        out.extend(found.get(article.source, []))
    return out


@lru_cache(maxsize=1)
def _assembly_version() -> str:
    digest = new_digest(extractor_version().encode())
    for name in _ASSEMBLY_FILES:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:12]


def corpus_key(corpus_dir: Path, config: Config, cancelled: Cancelled | None = None) -> str | None:
    """The cache key of a finished corpus, from its files as they are on disk.

    That is every article's name and bytes, the sidecar's bytes, the configuration, and
    the code (and library versions) of reading, extraction, occasions and merging: change
    any of them and the key changes. Hashing raw bytes lets a warm start skip reading the
    articles at all, and an article that stats as it did last time is not even read: its
    digest is kept in the cache (file_hashes.py). None when a file cannot be read (or is no
    regular file, or too large): that corpus is always built afresh, so its warnings are
    fresh too. BuildCancelled once `cancelled()` says so (asked every few hundred files).

    The key is remembered for the folder (`last_cached_debate` opens it without this work).
    """
    if corpus_dir.is_file():
        files = [(corpus_dir.name, os.fspath(corpus_dir))]
        sidecar, base = corpus_dir.parent / SIDECAR_NAME, corpus_dir.parent
    elif corpus_dir.is_dir():
        files, sidecar, base = article_files(corpus_dir), corpus_dir / SIDECAR_NAME, corpus_dir
    else:
        return None
    from debate_tui.file_hashes import FileHashes

    cache = StatementCache()
    kept_key = f"files-{hexdigest(os.fsencode(os.path.abspath(base)))}"
    kept = cache.get_data(kept_key)
    hashes = FileHashes(kept.get("files") if kept else None)
    digest = new_digest(f"{_assembly_version()}-{config.version}".encode())
    try:
        for index, (name, path) in enumerate(files):
            if index % 512 == 0:
                _stop_if(cancelled)
            digest.update(name.encode() + b"\0")
            digest.update(bytes.fromhex(hashes.digest(path, name, MAX_ARTICLE_BYTES)))
        exists = sidecar.exists() or sidecar.is_symlink()
        digest.update(read_regular(sidecar, MAX_SIDECAR_BYTES, "") if exists else b"-")
    except (OSError, RefusedFile):
        return None
    if hashes.changed():
        cache.put_data(kept_key, {"files": hashes.to_keep()})
    key = f"corpus-{digest.hexdigest()[:32]}"
    last = _last_key_entry(corpus_dir, config)
    if _last_key(cache, last) != (key, len(files)):
        cache.put_data(last, {"key": key, "files": len(files)})
    return key


def _last_key_entry(corpus_dir: Path, config: Config) -> str:
    """Where the folder's last key is kept, for this configuration and this code (either
    changed, the key is computed before anything is shown)."""
    folder = os.fsencode(os.path.abspath(corpus_dir))
    versions = f"\0{_assembly_version()}-{config.version}".encode()
    return f"last-{hexdigest(folder + versions)}"


def _last_key(cache: StatementCache, entry: str) -> tuple[str, int] | None:
    """The key kept under `entry` and the number of files it was computed from, if they
    have the shape of those (the entry is input like any other)."""
    kept = cache.get_data(entry)
    key, files = (kept.get("key"), kept.get("files")) if kept else (None, None)
    if type(key) is not str or _KEY_SHAPE(key) is None or type(files) is not int:
        return None
    return key, files


def last_cached_debate(corpus_dir: Path, config: Config) -> tuple[Debate, str] | None:
    """The debate of the corpus as it was when its key was last computed, and that key,
    without looking at its files; None when there is none, or when the corpus had fewer
    than DEFER_CHECK_FROM_FILES files (then `cached_debate`, which keys it first).

    At 50,000 articles the key takes most of a second (listing and stat-ing every file,
    reading their kept digests), longer than everything else before the reader's first
    frame. So the reader shows the last corpus at once and computes the key right after
    its first frame: a caller of this must do that, and if the key differs, say so and
    read the corpus again (the reader reloads it as `R` does).
    """
    last = _last_key(StatementCache(), _last_key_entry(corpus_dir, config))
    if last is None or last[1] < DEFER_CHECK_FROM_FILES:
        return None
    key = last[0]
    debate = _open_stored(corpus_dir, config, key)
    return None if debate is None else (debate, key)


def cached_debate(corpus_dir: Path, config: Config) -> Debate | None:
    """The debate straight from the corpus cache, or None when anything must be parsed.

    Lets the reader open a warm corpus with its first frame, without a loading screen: the
    corpus store is opened, not read (a topic is read when it is shown). Warnings from
    loading (a file that is not text, say) were stored with the entry and are kept on the
    debate for the reader to show, with any problem found in the store later on.
    """
    key = corpus_key(corpus_dir, config)
    return None if key is None else _open_stored(corpus_dir, config, key)


def _open_stored(corpus_dir: Path, config: Config, key: str) -> Debate | None:
    warnings = list(config.warnings)
    store = StatementCache().open_corpus(key, warn=warnings.append)
    if store is None:
        return None
    warnings.extend(store.warnings())
    if store.broken:
        return None
    return _stored_debate(corpus_dir, config, store, warnings)


def _stored_debate(
    corpus_dir: Path, config: Config, store: CorpusStore, warnings: list[str]
) -> Debate:
    """A debate that reads its topics from `store` (its warnings list hears of problems
    found there later)."""
    from debate_tui.corpus_store import Stored

    counts = store.counts
    return Debate(
        name=config.name,
        corpus=str(corpus_dir),
        speakers=config.speakers,
        topics=config.topics,
        articles=Stored(counts["articles"], store.articles, store.article_at),
        # Read whole (an export of everything, say): with their reports, as listed.
        statements=Stored(
            counts["statements"], partial(store.statements, reports=True), store.statement
        ),
        warnings=warnings,
        store=store,
    )


def _debate(
    corpus_dir: Path,
    config: Config,
    articles: list[ArticleMeta],
    statements: list[Statement],
    warnings: list[str],
) -> Debate:
    return Debate(
        name=config.name,
        corpus=str(corpus_dir),
        speakers=config.speakers,
        topics=config.topics,
        articles=articles,
        statements=statements,
        warnings=warnings,
    )


def build_debate(
    corpus_dir: Path,
    config: Config,
    *,
    use_cache: bool = True,
    processes: int = 1,
    progress: Progress | None = None,
    warn: Callable[[str], None] = _stderr_warn,
    dask: str | None = None,
    stage: Stage | None = None,
    cancelled: Cancelled | None = None,
) -> Debate:
    """Load, extract (or read from cache), and assemble the debate for a corpus folder.

    `progress` hears of every article parsed (or found in the cache), `stage` of the
    assembly after it: articles read for occasions, then statements merged.
    `dask`: parse on the Dask scheduler at this address ("local": a new local cluster).
    """
    # The debate's own list from the start: damage its store finds later lands there too.
    warnings: list[str] = list(config.warnings)

    def collect(message: str) -> None:
        warnings.append(message)
        warn(message)

    store = StatementCache(warn=collect) if use_cache else None
    key = corpus_key(corpus_dir, config) if store else None
    stored = store.open_corpus(key, warn=collect) if store and key else None
    # Checked in full before it is trusted: an export or a refresh reads it all anyway.
    if stored is not None and stored.verify():
        for message in stored.warnings():  # the same files give the same warnings
            collect(message)
        count = stored.counts["articles"]
        if progress and count:
            progress(count, count, "cache")
        return _stored_debate(corpus_dir, config, stored, warnings)

    from debate_tui.corpus import load_corpus  # reading rules: only when the corpus changed
    from debate_tui.merge import merge_statements  # only when the corpus changed
    from debate_tui.occasions import assign_occasions

    before = len(warnings)
    articles = load_corpus(corpus_dir, collect, cancelled=cancelled)
    _stop_if(cancelled)  # reading stopped early: what was read is not the corpus
    load_warnings = warnings[before:]  # kept with the entry: the same files warn the same
    statements = statements_for_articles(
        articles,
        config,
        use_cache=use_cache,
        processes=processes,
        progress=progress,
        warn=collect,
        cache=store,
        dask=dask,
        cancelled=cancelled,
    )

    def report(name: str) -> Callable[[int, int], None] | None:
        if stage is None:
            return None
        return lambda done, total: stage(name, done, total)

    _stop_if(cancelled)
    statements = assign_occasions(statements, articles, report(OCCASIONS))
    _stop_if(cancelled)
    statements = merge_statements(statements, progress=report(MERGING))
    metas = [article.meta for article in articles]
    debate = _debate(corpus_dir, config, metas, statements, warnings)
    if store is None or key is None:
        return debate
    _stop_if(cancelled)
    from debate_tui.corpus_store import topic_tables

    # Every topic paired once, here: the reader then reads a topic's rows, never the
    # lexicon over every statement of the corpus.
    tables = topic_tables(debate)
    sides = (config.speakers[0].id, config.speakers[1].id)
    if not store.put_corpus(key, CorpusEntry(metas, statements, load_warnings), tables, sides):
        return debate
    written = store.open_corpus(key, warn=debate.warnings.append)
    if written is None:
        return debate
    return _stored_debate(corpus_dir, config, written, debate.warnings)
