"""corpus -> statements -> Debate, using the cache first and spaCy only for what is missing.

Nothing here imports spaCy at module level: when every article is cached, building a
debate never loads the NLP stack.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from debate_tui.cache import StatementCache, entry_key
from debate_tui.config import Config
from debate_tui.corpus import load_corpus
from debate_tui.merge import merge_statements
from debate_tui.model import Article, Debate, Statement
from debate_tui.occasions import assign_occasions

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
    statements = statements_for_articles(
        articles, config, use_cache=use_cache, processes=processes, progress=progress, warn=collect
    )
    statements = assign_occasions(statements, articles)
    statements = merge_statements(statements, speakers=config.speakers)
    return Debate(
        name=config.name,
        corpus=str(corpus_dir),
        speakers=config.speakers,
        topics=config.topics,
        articles=[a.meta for a in articles],
        statements=statements,
        warnings=warnings,
    )
