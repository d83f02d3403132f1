"""The spaCy side: articles in, attributed statements out.

Paragraphs (not whole articles) go through `nlp.pipe`, so headlines and section titles
never glue onto the next sentence and batching stays even. Boilerplate and headings are
never parsed at all.

With several processes, each worker runs the whole extraction on a run of consecutive
articles and sends back only statements. Handing paragraphs to `nlp.pipe(n_process=N)`
instead ships every parsed Doc (tensor included) back to this process, which then
deserialises it and runs the rules alone: measured at 1.4x on two cores, against about
1.8x for whole articles per worker.
"""

from __future__ import annotations

import math
import multiprocessing
import re
from collections.abc import Callable, Iterator
from typing import Any

from debate_tui.chunk_results import Found, deliver
from debate_tui.config import Config
from debate_tui.corpus import is_heading
from debate_tui.extract.attribution import ArticleAttributor, sentence_span
from debate_tui.extract.pipeline import load_nlp
from debate_tui.extract.speakers import Gazetteer
from debate_tui.extract.topics import TopicMatcher
from debate_tui.model import Article, Layout, Statement
from debate_tui.occasions import may_date, may_name_occasion

BATCH_SIZE = 64
# Work per task when parsing in several processes: small runs of articles, so uneven
# lengths balance out and the last task leaves the other workers idle only briefly.
CHUNKS_PER_PROCESS = 4
MAX_CHUNK_ARTICLES = 4

_EDITORS_BRACKETS = re.compile(r"\[([^\[\]\d][^\[\]]{0,60})\]")


def parse_units(article: Article) -> list[int]:
    """Indexes of the paragraphs worth parsing: not furniture, not headings."""
    out = []
    for index, (start, end) in enumerate(article.paragraphs):
        if index in article.boilerplate or is_heading(article.text[start:end]):
            continue
        out.append(index)
    return out


def layout_spans(article: Article, parsed: set[int]) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of the paragraphs parsed only for their layout: those the
    rules skip but that may name an occasion (headlines included), not furniture."""
    text = article.text
    return [
        (index, start, end)
        for index, (start, end) in enumerate(article.paragraphs)
        if index not in parsed
        and index not in article.boilerplate
        and may_name_occasion(text[start:end])
    ]


Spans = list[tuple[int, int]]


def _layout_of(doc: Any, base: int, text: str) -> tuple[Spans, Spans]:
    """Sentence and DATE spans of a parsed paragraph, as offsets into the article."""
    sentences = [span for sent in doc.sents if (span := sentence_span(sent, base, text))]
    dates = [
        (base + ent.start_char, base + ent.end_char) for ent in doc.ents if ent.label_ == "DATE"
    ]
    return sentences, dates


def _layout_only(
    nlp: Any, article: Article, spans: list[tuple[int, int, int]]
) -> tuple[Spans, Spans]:
    """Sentences and dates of paragraphs that hold no statement but may name an occasion,
    at a fraction of a parse: the pipeline's own sentence recogniser (`senter`), and its
    entity recogniser only where a date may be written."""
    sentences: Spans = []
    dates: Spans = []
    if not spans:
        return sentences, dates
    text = article.text
    texts = [text[a:b] for _, a, b in spans]
    if "senter" not in nlp.component_names or "ner" not in nlp.component_names:
        docs = list(nlp.pipe(texts))  # a pipeline without them: the whole parse
    else:
        docs = list(nlp.get_pipe("senter").pipe(nlp.tokenizer.pipe(texts)))
        dated = [i for i, written in enumerate(texts) if may_date(written)]
        for i, doc in zip(dated, nlp.get_pipe("ner").pipe(docs[i] for i in dated), strict=True):
            docs[i] = doc
    for (_, start, _), doc in zip(spans, docs, strict=True):
        found = _layout_of(doc, start, text)
        sentences += found[0]
        dates += found[1]
    return sentences, dates


def extract_statements(
    articles: list[Article],
    config: Config,
    *,
    processes: int = 1,
    warn: Callable[[str], None] | None = None,
) -> Iterator[tuple[Article, list[Statement]]]:
    """Yield each article with its statements, in order, as soon as it is done."""
    nlp = load_nlp()  # before any worker starts: forked workers share the loaded model
    if processes > 1 and len(articles) > 1:
        yield from _extract_in_processes(articles, config, processes, warn)
        return
    matcher = TopicMatcher(
        config.topics,
        ignore=[p for s in config.speakers for p in (s.name, *s.aliases, *s.titles)],
    )
    speaker_ids = {s.id for s in config.speakers}
    pending: dict[int, ArticleAttributor] = {}
    units: list[tuple[int, int, int, int]] = []
    remaining = {index: 0 for index in range(len(articles))}
    layouts: dict[int, tuple[Spans, Spans]] = {}
    for a_index, article in enumerate(articles):
        worker = ArticleAttributor(
            article, Gazetteer(config.speakers, article.text), matcher, speaker_ids
        )
        pending[a_index] = worker
        spans = worker.parse_spans()
        try:
            covered = {  # a run of wrapped lines is parsed as one unit from its first line
                i for p, _, end in spans for i in range(p, article.paragraph_of(end - 1) + 1)
            }
            layouts[a_index] = _layout_only(nlp, article, layout_spans(article, covered))
        except Exception as exc:  # the statements matter more than a missed occasion
            layouts[a_index] = ([], [])
            if warn:
                name = exc.__class__.__name__
                warn(f"{article.source}: occasions not looked for outside statements ({name})")
        for p_index, start, end in spans:
            units.append((a_index, p_index, start, end))
            remaining[a_index] += 1
    next_to_yield = 0

    def texts() -> Iterator[tuple[str, tuple[int, int, int]]]:
        for a_index, p_index, start, end in units:
            # the line breaks of wrapped lines read as spaces, and an editor's words in
            # square brackets ("President [Joe] Biden's resolve"; not a time stamp) in
            # the parentheses the parser knows (same length, same offsets)
            unit = articles[a_index].text[start:end].replace("\r", " ").replace("\n", " ")
            unit = _EDITORS_BRACKETS.sub(r"(\1)", unit)
            yield unit, (a_index, p_index, start)

    def flush() -> Iterator[tuple[Article, list[Statement]]]:
        nonlocal next_to_yield
        while next_to_yield < len(articles) and remaining[next_to_yield] == 0:
            article = articles[next_to_yield]
            worker = pending.pop(next_to_yield, None)
            sentences, dates = layouts.pop(next_to_yield)  # set for every article above
            article.layout = Layout(tuple(sorted(sentences)), tuple(sorted(dates)))
            statements: list[Statement] = []
            if worker is not None:
                try:
                    statements = worker.statements()
                except Exception as exc:  # one odd article must never stop the rest
                    if warn:
                        name = exc.__class__.__name__
                        warn(f"{article.source}: could not be analysed ({name}); skipped")
            yield article, statements
            next_to_yield += 1

    yield from flush()
    stream = nlp.pipe(texts(), as_tuples=True, batch_size=BATCH_SIZE, n_process=max(1, processes))
    for doc, (a_index, p_index, start) in stream:
        worker = pending[a_index]
        sentences, dates = _layout_of(doc, start, articles[a_index].text)
        layouts[a_index][0].extend(sentences)
        layouts[a_index][1].extend(dates)
        try:
            worker.add_paragraph(p_index, doc, start)
        except Exception as exc:  # keep going: a parse the rules cannot read is skipped
            if warn:
                name = exc.__class__.__name__
                warn(f"{articles[a_index].source}: paragraph {p_index + 1} skipped ({name})")
        remaining[a_index] -= 1
        yield from flush()
    yield from flush()


def extract_chunk(job: tuple[list[Article], Config]) -> Found:
    """Worker side (a pool's process or a Dask worker): statements, warnings and layout of
    each article of one chunk, in order."""
    articles, config = job
    out: Found = []
    warnings: list[str] = []
    for article, statements in extract_statements(articles, config, warn=warnings.append):
        out.append((statements, list(warnings), article.layout))
        warnings.clear()
    return out


def _extract_in_processes(
    articles: list[Article],
    config: Config,
    processes: int,
    warn: Callable[[str], None] | None,
) -> Iterator[tuple[Article, list[Statement]]]:
    """Consecutive runs of articles, one per task, results in corpus order."""
    size = max(
        1, min(MAX_CHUNK_ARTICLES, math.ceil(len(articles) / (processes * CHUNKS_PER_PROCESS)))
    )
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    context = multiprocessing.get_context()  # the platform default, as spaCy's own n_process
    with context.Pool(min(processes, len(chunks))) as pool:
        results = pool.imap(extract_chunk, [(chunk, config) for chunk in chunks])
        for chunk, found in zip(chunks, results, strict=True):
            yield from deliver(chunk, found, warn)
