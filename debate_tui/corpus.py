"""Reading a folder of articles: decode, find paragraphs, flag site furniture, attach metadata.

Offsets everywhere refer to `Article.text`, which is the decoded file for `.txt`/`.md`
(nothing stripped or normalised, so positions stay true) and trafilatura's extracted main
text for HTML. One bad file yields a warning and never stops the others.
"""

from __future__ import annotations

import codecs
import datetime
import re
import sys
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from debate_tui.corpus_files import SIDECAR_NAME, CorpusError, article_paths
from debate_tui.model import Article, ArticleMeta
from debate_tui.safe_files import MAX_ARTICLE_BYTES, MAX_SIDECAR_BYTES, RefusedFile, read_regular
from debate_tui.safe_text import visible

__all__ = ["CorpusError", "article_paths", "load_corpus", "read_article"]

_META_KEYS = ("title", "outlet", "date", "url", "occasion")


# Site furniture, matched against a whole paragraph. General shapes seen across news sites,
# not sentences from particular articles.
_FURNITURE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^-*\s*advertisement\s*-*$",
        r"^(sponsored|promoted)( content)?$",
        r"\balready a subscriber\b",
        r"\b(log|sign) ?in(to)? (to )?your account\b",
        r"\bsubscribe (now|today|to (our|the) newsletter)\b",
        r"\b(this (web)?site|we) uses? cookies\b",
        r"\baccept (all )?cookies\b",
        r"^leave a (reply|comment)$",
        r"^submit a comment$",
        r"^comments are (closed|disabled)\.?$",
        r"^(post a|add a|\d+) comments?$",
        r"\byour email address will not be published\b",
        r"\brequired fields are marked\b",
        r"^continue reading\b",
        r"^(expand|read|show) (the )?(full )?(article|more|story)$",
        r"^support (our|independent|non-?profit)\b.*\bjournalism$",
        r"^(share|share this|share on \w+|follow us|related( articles| stories)?"
        r"|read more|read next)\s*:?$",
        r"\b(image|photo|picture|photograph|credit)s?( by| credit)?\s*[:|]",
        r"\|\s*(image|photo)\b",
        r"\b(shutterstock|getty images|ap photo|afp via getty|reuters/)\b",
        r"^(all rights reserved|copyright\b|©)",
        r"^(fastest|latest|breaking) news\b.*$",
        # an interview's editorial note: "This interview has been edited for length and
        # clarity.", "The conversation has been condensed and lightly edited."
        r"^(this|the) (interview|conversation|transcript|exchange) (has|have|was) been "
        r"(lightly |slightly )?(edited|condensed|translated)\b",
    )
]
_TRACKING_TOKEN = re.compile(r"^[a-z0-9_]{2,24}$")
# Photo captions without a credit: a short fragment closed by a full stop, made of a name or
# noun phrase plus appositions or place-and-occasion phrases ("Spanish Leopard 2A4 tank.",
# "Javier Solana, at the meeting on Defense organized by Radio Cadiz."). A line with a
# quotation, a pronoun or a verb outside such phrases is a sentence and is kept.
_CAPTION_MAX_WORDS = 14
_QUOTED_SUBHEAD_WORDS = 10
_QUOTE_MARKS = "\"“”„«»‘’'"
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
_CAPTION_PHRASE = re.compile(
    r"^(at|in|on|during|after|before|with|from|near|outside|inside|pictured|seen|left|right)\b"
)
_VERBISH = re.compile(
    r"^(is|are|was|were|be|been|being|has|have|had|will|would|can|could|shall|should|may|might|"
    r"must|do|does|did|says?|said|tells?|told|[a-z]{2,}ed|he|she|they|we|i|it|you|who|which|"
    r"that|this|there|not|no|"
    # irregular past tenses, which "-ed" misses: "Blinken spoke to reporters in Jakarta."
    r"spoke|wrote|gave|made|took|hit|put|sent|met|went|came|got|held|began|became|brought|"
    r"thought|felt|kept|found|saw|knew|stood|struck|sought|fought|won|lost|ran|led|drew|"
    r"grew|threw|chose|broke|swore|paid|sold|built|spent|meant|heard|withdrew|upheld|"
    r"set|laid|shot|shook|rose|fell|cut|let|spun|stuck|hid|bent|dealt|fled|lent|swept|"
    r"slid|sank|rang|wore|tore|froze|forgot|understood|mistook|undertook|overtook)$"
    # "Blinken set out his position.", "Lavrov laid out his terms.", "Altman shot back."
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_STRAY_NULS = 8
_TOML_TYPES: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "a boolean"),  # before int: a bool is an int to Python
    (int, "an integer"),
    (float, "a float"),
    (str, "a string"),
    (list, "an array"),
    (dict, "a table"),
    ((datetime.date, datetime.time), "a date or time"),
)
# a stop (or a quotation's comma), with any closing marks after it (a space allowed before
# them: '... at the expense of Russia. "'), or a closing bracket; a quotation closed right
# after a word ("... warns against Taiwan ‘red line’") ends a headline, not a sentence
_SENTENCE_END = re.compile(r"(?:[.!?…](?:\s?[\"”’'»)\]])*|,[\"”’'»]+|[)\]])$")


def is_furniture(paragraph: str, *, captions: bool = True) -> bool:
    """True for site furniture: prompts, banners, credits, captions, tracking tokens."""
    stripped = paragraph.strip().strip("\ufeff")
    if not stripped:
        return True
    if _TRACKING_TOKEN.match(stripped):
        return True
    if captions and is_caption(stripped):
        return True
    return any(pattern.search(stripped) for pattern in _FURNITURE)


def is_caption(paragraph: str) -> bool:
    """A photo caption with no credit: a short verbless fragment ending in a full stop."""
    stripped = paragraph.strip()
    unquoted = _APOSTROPHE.sub("", stripped)  # "Russia's" holds no quotation
    if (
        not stripped.endswith(".")
        or stripped.endswith("..")
        or any(mark in unquoted for mark in _QUOTE_MARKS)
    ):
        return False
    if len(stripped.split()) > _CAPTION_MAX_WORDS:
        return False
    for index, part in enumerate(stripped[:-1].split(",")):
        words = part.split()
        if not words:
            return False
        if index and _CAPTION_PHRASE.match(words[0]):
            continue  # "at the meeting organized by ...": a place or occasion, verbs allowed
        if index and not words[0][:1].isupper():
            return False  # ", meanwhile, refused": a clause, not an apposition
        previous = ""
        for word in words:
            bare = word.strip("()[]")
            if _VERBISH.match(bare.lower()) and not bare[:1].isupper():
                return False
            if bare.endswith("s") and bare.islower() and previous[:1].isupper():
                return False  # "Lavrov disagrees": a name then a present-tense verb
            previous = bare
    return True


def is_heading(paragraph: str) -> bool:
    """A headline or section title: short and without closing punctuation.

    Such lines never hold a statement, and keeping them apart stops them gluing onto the
    first sentence of the next paragraph.
    """
    stripped = paragraph.strip()
    words = stripped.split()
    # a line of speech, unless a few words quoted with no stop: a subhead quoting someone
    # ("“Xi is a dictator”", as pages set off their sections)
    quoted = stripped[:1] in "“\"«‘'" and stripped[-1:] in "”\"»’'"
    if quoted and (len(words) > _QUOTED_SUBHEAD_WORDS or stripped[-2:-1] in ".!?,…;:"):
        return False
    return bool(words) and len(words) <= 24 and not _SENTENCE_END.search(stripped)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Each non-blank line is a paragraph; spans exclude surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\r\n]+", text):
        start, end = match.start(), match.end()
        while start < end and text[start] in " \t\r\ufeff\xa0":
            start += 1
        while end > start and text[end - 1] in " \t\r\xa0":
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _decode(raw: bytes, name: str, warn: Callable[[str], None]) -> str | None:
    """The article's text: UTF-8, or UTF-16/32 when the file starts with a byte order mark.

    A few stray NUL bytes in otherwise good UTF-8 are dropped with a warning; offsets then
    count the text without them, which is exactly the text the reader shows and the cache
    stores (every reading of the file drops them the same way). More NULs than that, or
    NULs with bytes that are not UTF-8 either, make the file binary.
    """
    codec = next((codec for bom, codec in _BOMS if raw.startswith(bom)), "utf-8")
    nuls = raw.count(b"\x00") if codec == "utf-8" else 0
    if nuls:
        try:
            if nuls > _MAX_STRAY_NULS:
                raise ValueError("too many NULs")
            text = raw.replace(b"\x00", b"").decode("utf-8")
        except ValueError:  # UnicodeDecodeError too
            warn(f"{name}: looks binary, skipped; save the article as UTF-8 text, Markdown or HTML")
            return None
        them = "it" if nuls == 1 else "them"
        warn(
            f"{name}: {nuls} NUL character{'' if nuls == 1 else 's'} dropped (offsets count the "
            f"text without {them}); re-save the file as UTF-8 text to fix"
        )
    else:
        try:
            text = raw.decode(codec)  # "utf-16"/"utf-32" consume the byte order mark
        except UnicodeDecodeError as exc:
            warn(
                f"{name}: not valid {codec.upper()} (byte {exc.start}); undecodable bytes shown "
                f"as \ufffd, re-save the file as UTF-8 to fix"
            )
            text = raw.decode(codec, errors="replace")
    if not text.replace("\ufeff", "").strip():  # a byte order mark alone is empty too
        warn(f"{name}: empty file, skipped; add article text or remove it")
        return None
    return text


def _front_matter(text: str, name: str, warn: Callable[[str], None]) -> tuple[dict[str, str], int]:
    """Front matter at the top of a text or Markdown file (see front_matter.py)."""
    if not text.startswith(("---", "+++")):
        return {}, 0
    from debate_tui.front_matter import parse_front_matter

    return parse_front_matter(text, name, warn, _META_KEYS)


def extract_html(raw_text: str) -> tuple[str, dict[str, str]]:
    """An HTML page's article text and metadata; `debate-tui add` uses it to see what we see."""
    import trafilatura  # heavy: only for HTML articles

    document = trafilatura.bare_extraction(
        raw_text, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None:
        return "", {}
    data: dict[str, Any] = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    meta = {
        key: str(data[field_name])
        for key, field_name in (
            ("title", "title"),
            ("date", "date"),
            ("outlet", "sitename"),
            ("url", "url"),
        )
        if data.get(field_name)
    }
    return str(data.get("text") or ""), meta


def read_article(
    path: Path, name: str, sidecar: dict[str, Any], warn: Callable[[str], None]
) -> Article | None:
    """Load one article, or None (with a warning) when it cannot be used."""
    try:
        raw = read_regular(path, MAX_ARTICLE_BYTES, "an article")
    except RefusedFile as exc:
        warn(f"{name}: {exc}; skipped (save the article as a regular .txt, .md or .html file)")
        return None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        warn(f"{name}: cannot be read ({reason}); check its permissions")
        return None
    decoded = _decode(raw, name, warn)
    if decoded is None:
        return None
    found: dict[str, str] = {}
    skip_until = 0
    if path.suffix.lower() in (".html", ".htm"):
        try:
            text, found = extract_html(decoded)
        except Exception as exc:  # trafilatura/lxml raise many types on hostile markup
            reason = exc.__class__.__name__
            warn(f"{name}: HTML could not be parsed ({reason}); save the article as text")
            return None
        if not text.strip():
            warn(f"{name}: no article text found in the HTML; save the article as text instead")
            return None
    else:
        text = decoded
        found, skip_until = _front_matter(text, name, warn)
    paragraphs = split_paragraphs(text)
    flagged: set[int] = set()
    headline_seen = False  # the first line is the headline, never a caption
    for index, (start, end) in enumerate(paragraphs):
        if end <= skip_until or is_furniture(text[start:end], captions=headline_seen):
            flagged.add(index)
        else:
            headline_seen = True
    boilerplate = frozenset(flagged)
    found.update({k: v for k, v in sidecar.items() if k in _META_KEYS and v})
    title = found.get("title") or _first_title(text, paragraphs, boilerplate) or path.stem
    meta = ArticleMeta(
        source=name,
        title=title,
        outlet=found.get("outlet"),
        date=found.get("date"),
        url=found.get("url"),
        occasion=found.get("occasion"),
    )
    return Article(meta=meta, text=text, paragraphs=paragraphs, boilerplate=boilerplate)


def _first_title(
    text: str, paragraphs: list[tuple[int, int]], boilerplate: frozenset[int]
) -> str | None:
    for index, (start, end) in enumerate(paragraphs):
        if index not in boilerplate:
            return text[start:end][:160]
    return None


def read_sidecar(directory: Path, warn: Callable[[str], None]) -> dict[str, dict[str, str]]:
    """Each article's metadata from `sources.toml`: strings only (a TOML date is taken as
    written); any other value is named in a warning and left out."""
    path = directory / SIDECAR_NAME
    if not path.exists() and not path.is_symlink():
        return {}
    try:
        # utf-8-sig: editors on Windows save UTF-8 with a byte order mark, which TOML refuses
        text = read_regular(path, MAX_SIDECAR_BYTES, "metadata").decode("utf-8-sig")
        data = tomllib.loads(text)
    except (OSError, RefusedFile, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        warn(f"{path}: metadata ignored ({exc}); fix the TOML to get titles and occasions back")
        return {}
    entries: dict[str, dict[str, str]] = {}
    for article, table in data.items():
        if not isinstance(table, dict):
            kind = _toml_type(table)
            warn(f'{path}: "{article}" is {kind}; expected a table of metadata, ignored')
            continue
        entries[article] = {}
        for key, value in table.items():
            if key not in _META_KEYS:
                from debate_tui.front_matter import key_line, unknown_key

                line = key_line(text, key, _table_line(text, article))
                warn(unknown_key(f"{path}:{line}", key, _META_KEYS, f'key of "{article}"'))
                continue
            if key == "date" and isinstance(value, datetime.date):
                value = value.isoformat()
            if not isinstance(value, str):
                kind = _toml_type(value)
                warn(f'{path}: ["{article}"] {key} is {kind}; expected a string, ignored')
                continue
            entries[article][key] = value
    return entries


def _table_line(text: str, table: str) -> int:
    """1-based line of the `["table"]` header in a TOML text (1 when not found)."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("[") and table in stripped:
            return number
    return 1


def _toml_type(value: Any) -> str:
    """What a TOML value is, in the words of the TOML specification."""
    for kind, words in _TOML_TYPES:
        if isinstance(value, kind):
            return words
    return "a " + type(value).__name__


def load_corpus(
    directory: Path,
    warn: Callable[[str], None] | None = None,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> list[Article]:
    """Every readable article under `directory` (a single file works too).

    `cancelled` is asked before each file: once it says True, reading stops and the
    articles read so far are returned (the caller, which asked, knows they are partial).
    """
    emit = warn or (
        lambda message: print(f"warning: {visible(message, one_line=True)}", file=sys.stderr)
    )
    if directory.is_file():
        sidecar = read_sidecar(directory.parent, emit)
        article = read_article(directory, directory.name, sidecar.get(directory.name, {}), emit)
        return [article] if article else []
    if not directory.is_dir():
        raise CorpusError(
            f"{directory}: no such corpus folder; pass a folder of .txt, .md or .html articles"
        )
    sidecar = read_sidecar(directory, emit)
    articles: list[Article] = []
    for path in article_paths(directory):
        if cancelled is not None and cancelled():
            break
        name = path.relative_to(directory).as_posix()
        article = read_article(path, name, sidecar.get(name, {}), emit)
        if article is not None:
            articles.append(article)
    return articles


def with_meta(article: Article, **changes: Any) -> Article:
    """A copy of the article with some metadata fields replaced."""
    return replace(article, meta=article.meta._replace(**changes))
