"""corpus -> statements -> Debate, using the cache first and spaCy only for what is missing.

Nothing here imports spaCy at module level: when every article is cached, building a
debate never loads the NLP stack. The finished statements of a whole corpus (occasions
assigned, repeats merged) are cached too, keyed by every input of those steps, so a warm
start reads one file instead of redoing that work.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from debate_tui.cache import StatementCache, entry_key, extractor_version
from debate_tui.config import Config
from debate_tui.corpus import load_corpus
from debate_tui.model import Article, Debate, Statement

# The code that turns per-article statements into the debate's: part of the corpus key.
_ASSEMBLY_FILES = ("build.py", "occasions.py", "merge.py")

Progress = Callable[[int, int, str], None]


def _stderr_warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def statements_for_articles(
    articles: list[Article],
    config: Config,
    *,
    use_cache: bool = True,
    processes: int = 1,
    progress: Progress | None = None,
    warn: Callable[[str], None] = _stderr_warn,
    cache: StatementCache | None = None,
) -> list[Statement]:
    """All statements of the articles, in corpus order; parses only cache misses."""
    store = (cache or StatementCache(warn=warn)) if use_cache else None
    found: dict[str, list[Statement]] = {}
    missing: list[Article] = []
    total = len(articles)
    version = config.version  # a hash of the whole configuration: compute it once, not per file
    for article in articles:
        cached = store.get(entry_key(article.sha256, version), article.source) if store else None
        if cached is None:
            missing.append(article)
        else:
            found[article.source] = cached
    done = total - len(missing)
    if progress and done:
        progress(done, total, "cache")
    if missing:
        from debate_tui.extract import extract_statements  # loads spaCy

        for article, statements in extract_statements(
            missing, config, processes=processes, warn=warn
        ):
            found[article.source] = statements
            if store is not None:
                store.put(entry_key(article.sha256, version), statements)
            done += 1
            if progress:
                progress(done, total, article.source)
    out: list[Statement] = []
    for article in articles:
        out.extend(found.get(article.source, []))
    return out


@lru_cache(maxsize=1)
def _assembly_version() -> str:
    digest = hashlib.sha256(extractor_version().encode())
    for name in _ASSEMBLY_FILES:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:12]


def corpus_key(articles: list[Article], config: Config) -> str:
    """The cache key of a corpus's finished statements: everything occasions and merging read.

    That is each article's text and metadata, in order, the configuration, and the code of
    extraction, occasions and merging; change any of them and the key changes.
    """
    digest = hashlib.sha256(f"{_assembly_version()}-{config.version}".encode())
    for article in articles:
        digest.update(article.sha256.encode())
        digest.update(json.dumps(asdict(article.meta), sort_keys=True).encode())
    return f"corpus-{digest.hexdigest()[:32]}"


def cached_debate(corpus_dir: Path, config: Config) -> Debate | None:
    """The debate straight from the corpus cache, or None when anything must be parsed.

    Lets the reader open a warm corpus with its first frame, without a loading screen.
    Warnings (unreadable files) are kept on the debate for the reader to show.
    """
    warnings: list[str] = []
    articles = load_corpus(corpus_dir, warnings.append)
    store = StatementCache(warn=warnings.append)
    statements = store.get(corpus_key(articles, config))
    if statements is None:
        return None
    return _debate(corpus_dir, config, articles, statements, warnings)


def _debate(
    corpus_dir: Path,
    config: Config,
    articles: list[Article],
    statements: list[Statement],
    warnings: list[str],
) -> Debate:
    return Debate(
        name=config.name,
        corpus=str(corpus_dir),
        speakers=config.speakers,
        topics=config.topics,
        articles=[a.meta for a in articles],
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
) -> Debate:
    """Load, extract (or read from cache), and assemble the debate for a corpus folder."""
    warnings: list[str] = []

    def collect(message: str) -> None:
        warnings.append(message)
        warn(message)

    articles = load_corpus(corpus_dir, collect)
    store = StatementCache(warn=collect) if use_cache else None
    key = corpus_key(articles, config) if store else ""
    statements = store.get(key) if store else None
    if statements is not None:
        if progress and articles:
            progress(len(articles), len(articles), "cache")
    else:
        from debate_tui.merge import merge_statements  # only when the corpus changed
        from debate_tui.occasions import assign_occasions

        statements = statements_for_articles(
            articles,
            config,
            use_cache=use_cache,
            processes=processes,
            progress=progress,
            warn=collect,
            cache=store,
        )
        statements = assign_occasions(statements, articles)
        statements = merge_statements(statements, speakers=config.speakers)
        if store is not None:
            store.put(key, statements)
    return _debate(corpus_dir, config, articles, statements, warnings)
