"""Pairings out of the reader: GitHub-flavoured Markdown for a brief, JSON for other tools.

Everything here is pure text-in, text-out except `write_text_atomic` and `run_export`. The
module imports neither Textual nor spaCy, so exporting from a warm cache stays fast.

Article text is untrusted: a statement may hold pipes, backticks, angle brackets or whole
HTML tags. `escape_markdown` makes every such character literal, so the document keeps its
shape on any CommonMark/GFM renderer and no raw HTML, link or emphasis from an article ever
reaches one.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from debate_tui.atomic_files import replace_atomic, write_new
from debate_tui.model import ArticleMeta, Debate, Pairing, Row, Speaker, Statement
from debate_tui.safe_files import describe
from debate_tui.safe_text import json_safe, visible

FORMATS = ("markdown", "json")
EXTENSIONS = {"markdown": ".md", "json": ".json"}
ALL_TOPICS_STEM = "debate"
"""File stem used by `--all`: `debate.md` / `debate.json`."""

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

JSON_VERSION = 1
NO_STATEMENT = "no statement"
EXCERPT_WORDS = 30
EXCERPT_CHARS = 220

KIND_LABELS = {
    "quote": "direct quote",
    "reported": "reported speech",
    "mixed": "direct quote and reported speech",
}


class ExportError(Exception):
    """An export that cannot be written; the message is one line naming the path and a fix."""


class ExportExistsError(ExportError):
    """The target file exists and overwriting was not allowed."""


# --- text ----------------------------------------------------------------------------------

# C0/C1 control characters that are not whitespace: invisible, and some renderers choke on them.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def normalise_text(text: str) -> str:
    """The text as a reader sees it: whitespace runs become one space, controls go, bidi
    overrides are neutralised (shown as U+FFFD, as in the reader)."""
    return visible(" ".join(_CONTROL.sub("", text).split()))


# One pass over the text; each alternative is a character that could start Markdown syntax.
_SPECIAL = re.compile(
    r"""
      (?P<char>[\\`*_\[\]<>|~\#@])          # emphasis, code, links, HTML, tables, strike, refs
    | (?P<amp>&)(?=\#?[0-9A-Za-z]+;)        # would start an entity such as &amp; or &#60;
    | (?P<www>(?<![^\W_])www)\.             # www.example: GFM autolink
    | (?<=\S)(?P<dot>\.)(?=[^\W\d_]{2})     # example.com: fuzzy autolinks (linkify)
    | (?P<colon>:)(?=/)                     # https:// and friends
    | (?<=/)(?P<slash>/)                    # //host: protocol-relative links
    """,
    re.VERBOSE | re.IGNORECASE,
)
_LIST_NUMBER = re.compile(r"(\d{1,9})([.)])")


def _escape_match(match: re.Match[str]) -> str:
    if match.group("www"):
        return match.group("www") + "\\."
    return "\\" + match.group(0)


def escape_markdown(text: str, *, line_start: bool = True) -> str:
    """Make untrusted text literal Markdown: renders as exactly `normalise_text(text)`.

    Escapes are backslashes, which read naturally in plain text. With `line_start`, the
    text may begin a block, so list markers and "1." at its start are escaped too.
    """
    text = normalise_text(text)
    prefix = ""
    if line_start:
        number = _LIST_NUMBER.match(text)
        if number:
            prefix = number.group(1) + "\\" + number.group(2)
            text = text[number.end() :]
        elif text[:1] in ("-", "+", "="):
            prefix = "\\" + text[0]
            text = text[1:]
    return prefix + _SPECIAL.sub(_escape_match, text)


def code_span(text: str) -> str:
    """A code span that shows `text` verbatim whatever backticks it holds (file names)."""
    text = normalise_text(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def excerpt(text: str) -> str:
    """The opening of a statement for a table cell; the full text follows the table."""
    text = normalise_text(text)
    short = text
    words = text.split(" ")
    if len(words) > EXCERPT_WORDS:
        short = " ".join(words[: EXCERPT_WORDS - 5])
    if len(short) > EXCERPT_CHARS:
        short = short[: EXCERPT_CHARS - 20].rstrip()
    return text if short == text else short + " …"


# --- labels and citations --------------------------------------------------------------------


def speaker_labels(left: Speaker, right: Speaker) -> tuple[str, str]:
    """Short names for numbering statements ("Blinken 3"); full names when surnames clash."""
    short = left.short_name, right.short_name
    if short[0] != short[1]:
        return short
    if left.name != right.name:
        return left.name, right.name
    return left.id, right.id


def statement_labels(pairing: Pairing) -> dict[str, str]:
    """Statement id -> "Blinken 1", numbered per speaker in pairing order."""
    names = dict(
        zip(
            (pairing.left.id, pairing.right.id),
            speaker_labels(pairing.left, pairing.right),
            strict=True,
        )
    )
    counters: dict[str, int] = {}
    labels: dict[str, str] = {}
    for st in pairing.statements():
        if st.id in labels:
            continue
        counters[st.speaker] = counters.get(st.speaker, 0) + 1
        labels[st.id] = f"{names.get(st.speaker, st.speaker)} {counters[st.speaker]}"
    return labels


def _occasion(st: Statement, meta: ArticleMeta | None) -> str | None:
    return st.occasion or (meta.occasion if meta else None)


def _is_html(source: str) -> bool:
    return PurePosixPath(source).suffix.lower() in (".html", ".htm")


def _link_target(url: str | None) -> str | None:
    """A metadata URL fit to be a Markdown link: http or https only, anything that could end
    the link or break the line percent-encoded. None for anything else."""
    if not url:
        return None
    url = url.strip()
    scheme = url.split(":", 1)[0].lower()
    if scheme not in ("http", "https") or not url[len(scheme) :].startswith("://"):
        return None
    if any(ord(char) < 32 or ord(char) == 127 for char in url):
        return None
    unsafe = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\\": "%5C"}
    unsafe |= {"[": "%5B", "]": "%5D", "`": "%60", '"': "%22", "|": "%7C"}
    return "".join(unsafe.get(char, char) for char in url)


def _published(meta: ArticleMeta | None, occasion: str | None = None) -> str | None:
    """The article's date as a reader writes it, unless the occasion already gives that day."""
    if meta is None or not meta.date:
        return None
    from debate_tui.dates import find_date

    when = find_date(meta.date)
    said = find_date(occasion)
    if said.known and (said.month, said.day) == (when.month, when.day):
        return None
    return when.label() or meta.date


def _source_md(
    debate: Debate, source: str, start: int, end: int, occasion: str | None = None
) -> str:
    """`[Title](url) (Outlet, date; `file`, characters a–b)`: what a reader needs to find
    the article, on the web and in the corpus. Only a metadata URL becomes a link, and
    only an http or https one; article text never does."""
    meta = debate.article(source)
    where = code_span(source)
    # Offsets into HTML refer to the extracted text, which the reader never sees as a file.
    if not _is_html(source):
        where += f", characters {start}–{end}"
    known = [part for part in (meta.outlet if meta else None, _published(meta, occasion)) if part]
    if known:
        where = escape_markdown(", ".join(normalise_text(p) for p in known), line_start=False)
        where += f"; {code_span(source)}"
        if not _is_html(source):
            where += f", characters {start}–{end}"
    title = normalise_text(meta.title) if meta and meta.title else ""
    target = _link_target(meta.url if meta else None)
    if title and title != normalise_text(source):
        shown = escape_markdown(title, line_start=False)
        return f"[{shown}]({target}) ({where})" if target else f"{shown} ({where})"
    if target:
        return f"[link]({target}) ({where})"
    return where


def citation_markdown(debate: Debate, st: Statement) -> str:
    """One line: every article that printed it (outlet, date and link when known), the kind,
    and the occasion; no date twice."""
    meta = debate.article(st.source)
    occasion = _occasion(st, meta)
    parts = [
        "Source: " + _source_md(debate, st.source, st.start, st.end, occasion),
        KIND_LABELS.get(st.kind, st.kind),
    ]
    if occasion:
        parts.append(escape_markdown(occasion, line_start=False))
    if st.reports:
        also = "; ".join(_source_md(debate, r.source, r.start, r.end, occasion) for r in st.reports)
        parts.append(f"also reported in {also}")
    if st.low_confidence:
        reason = normalise_text(st.reason)
        note = "attribution uncertain" + (f" ({reason})" if reason else "")
        parts.append(escape_markdown(note, line_start=False))
    return " · ".join(parts)


# --- Markdown ------------------------------------------------------------------------------


def _today(today: datetime.date | None) -> str:
    return (today or datetime.date.today()).isoformat()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _title(pairing: Pairing) -> str:
    return escape_markdown(
        f"{pairing.topic.label}: {pairing.left.name} vs {pairing.right.name}", line_start=False
    )


def _summary_line(debate: Debate, pairing: Pairing, today: str | None) -> str:
    """Corpus, article and statement counts (and the export date) under a title."""
    statements = _unique(pairing.statements())
    used = {st.source for st in statements}
    counts = ", ".join(
        f"{pairing.count(side.id)} {side.name}" for side in (pairing.left, pairing.right)
    )
    line = (
        f"Corpus {code_span(debate.corpus_name)}: {_plural(len(debate.articles), 'article')}; "
        + escape_markdown(
            f"{_plural(len(statements), 'statement')} on this topic "
            f"from {len(used)} of them ({counts})",
            line_start=False,
        )
    )
    if today:
        line += f"; exported {today}"
    return line + "."


def _unique(statements: Iterable[Statement]) -> list[Statement]:
    seen: set[str] = set()
    out: list[Statement] = []
    for st in statements:
        if st.id not in seen:
            seen.add(st.id)
            out.append(st)
    return out


def _cell(st: Statement | None, labels: dict[str, str], group: str | None) -> str:
    """A table cell: label, occasion (first row of a group only), opening words."""
    if st is None:
        return f"*{NO_STATEMENT}*"
    label = escape_markdown(labels[st.id], line_start=False)
    where = f", {escape_markdown(group, line_start=False)}" if group else ""
    return f"**{label}**{where}: {escape_markdown(excerpt(st.text), line_start=False)}"


def _table(pairing: Pairing, labels: dict[str, str]) -> list[str]:
    left = escape_markdown(pairing.left.name, line_start=False)
    right = escape_markdown(pairing.right.name, line_start=False)
    lines = [f"| {left} | {right} |", "| --- | --- |"]
    previous: str | None = None
    for row in pairing.rows:
        group = row.group if row.group != previous else None
        previous = row.group
        right_cell = _cell(row.right, labels, group) + _why(row)
        lines.append(f"| {_cell(row.left, labels, group)} | {right_cell} |")
    return lines


def _why(row: Row) -> str:
    """After a pair, in the muted words the reader shows above it, why the two sit together."""
    if not row.pair_reason:
        return ""
    return f" *↔ {escape_markdown(row.pair_reason, line_start=False)}*"


def _statements_section(
    debate: Debate, pairing: Pairing, labels: dict[str, str], level: int
) -> list[str]:
    lines: list[str] = []
    statements = _unique(pairing.statements())
    for side in (pairing.left, pairing.right):
        own = [st for st in statements if st.speaker == side.id]
        heading = f"{side.name}, {side.role}" if side.role else side.name
        lines += [f"{'#' * level} {escape_markdown(heading, line_start=False)}", ""]
        if not own:
            lines += [
                f"*No statement by {escape_markdown(side.name, line_start=False)} on this topic.*",
                "",
            ]
        for st in own:
            lines += [
                f"**{escape_markdown(labels[st.id], line_start=False)}**",
                "",
                f"> {escape_markdown(st.text)}",
                ">",
                f"> {citation_markdown(debate, st)}",
            ]
            lines += _variant_lines(debate, st)
            lines.append("")
    return lines


def _variant_lines(debate: Debate, st: Statement) -> list[str]:
    """Other outlets' wordings of the same remark, each with where it was printed."""
    lines: list[str] = []
    own = normalise_text(st.text)
    for report in st.reports:
        if normalise_text(report.text) == own:
            continue
        where = _source_md(debate, report.source, report.start, report.end)
        lines += ["", f"Worded in {where}: {escape_markdown(report.text, line_start=False)}"]
    return lines


def _pairing_body(debate: Debate, pairing: Pairing, level: int) -> list[str]:
    labels = statement_labels(pairing)
    if not pairing.rows:
        return [f"*No statement on {escape_markdown(pairing.topic.label, line_start=False)}.*", ""]
    return [*_table(pairing, labels), "", *_statements_section(debate, pairing, labels, level)]


def pairing_markdown(
    debate: Debate, topic_id: str, *, today: datetime.date | None = None, query: str = ""
) -> str:
    """One topic as a Markdown document: title, summary line, paired table, full statements.

    With `query`, only the rows a reader's filter shows, and the subtitle names the filter.
    Raises KeyError for an unknown topic id.
    """
    pairing = debate.pairing(topic_id)
    subtitle = _summary_line(debate, pairing, _today(today))
    if query:
        from debate_tui.text_match import matching_rows

        rows = matching_rows(pairing, query, debate)
        subtitle = subtitle.removesuffix(".") + escape_markdown(
            f"; filtered by “{visible(query, one_line=True)}”: "
            f"{len(rows)} of {_plural(len(pairing.rows), 'row')}.",
            line_start=False,
        )
        pairing = Pairing(pairing.topic, pairing.left, pairing.right, tuple(rows))
    lines = [
        f"# {_title(pairing)}",
        "",
        subtitle,
        "",
        *_pairing_body(debate, pairing, 2),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


def debate_markdown(debate: Debate, *, today: datetime.date | None = None) -> str:
    """Every topic, "Other" included, in one document with a contents list up front."""
    left, right = debate.speakers
    unique = {st.id for st in debate.statements if st.speaker in (left.id, right.id)}
    title = escape_markdown(f"{debate.name}: every topic", line_start=False)
    lines = [
        f"# {title}",
        "",
        f"Corpus {code_span(debate.corpus_name)}: "
        f"{_plural(len(debate.articles), 'article')}; "
        f"{_plural(len(unique), 'statement')} by {escape_markdown(left.name, line_start=False)} "
        f"and {escape_markdown(right.name, line_start=False)}; exported {_today(today)}.",
        "",
    ]
    pairings = [debate.pairing(topic.id) for topic in debate.all_topics()]
    for pairing in pairings:
        counts = f"{pairing.count(left.id)} {left.name}, {pairing.count(right.id)} {right.name}"
        lines.append(f"- {escape_markdown(f'{pairing.topic.label}: {counts}')}")
    lines.append("")
    for pairing in pairings:
        lines += [
            f"## {_title(pairing)}",
            "",
            _summary_line(debate, pairing, None),
            "",
            *_pairing_body(debate, pairing, 3),
        ]
    return "\n".join(lines).rstrip("\n") + "\n"


# --- JSON ----------------------------------------------------------------------------------


def _speaker_json(speaker: Speaker) -> dict[str, Any]:
    return {"id": speaker.id, "name": speaker.name, "role": speaker.role}


def _article_json(meta: ArticleMeta) -> dict[str, Any]:
    return {
        "source": meta.source,
        "title": meta.title,
        "outlet": meta.outlet,
        "date": meta.date,
        "url": meta.url,
        "occasion": meta.occasion,
    }


def statement_json(debate: Debate, st: Statement, label: str | None = None) -> dict[str, Any]:
    """A statement with everything needed to find it again in every article that printed it."""
    meta = debate.article(st.source)
    sources = [{"source": st.source, "start": st.start, "end": st.end}]
    sources += [{"source": r.source, "start": r.start, "end": r.end} for r in st.reports]
    for entry in sources:
        found = debate.article(str(entry["source"]))
        entry.update(
            title=found.title if found else None,
            date=found.date if found else None,
            occasion=found.occasion if found else None,
        )
    return {
        "id": st.id,
        "label": label,
        "speaker": st.speaker,
        "text": st.text,
        "kind": st.kind,
        "topics": list(st.topics),
        "source": st.source,
        "start": st.start,
        "end": st.end,
        "paragraph": st.paragraph,
        "quotes": [list(span) for span in st.quotes],
        "occasion": _occasion(st, meta),
        "date": meta.date if meta else None,
        "sources": sources,
        "variants": [r.text for r in st.reports],
        "cue": st.cue,
        "via": st.via,
        "confidence": round(st.confidence, 3),
        "reason": st.reason,
    }


def pairing_json(debate: Debate, topic_id: str) -> dict[str, Any]:
    """The pairing as data: rows in display order, each cell a full statement or null.

    Raises KeyError for an unknown topic id.
    """
    pairing = debate.pairing(topic_id)
    labels = statement_labels(pairing)

    def cell(st: Statement | None) -> dict[str, Any] | None:
        return None if st is None else statement_json(debate, st, labels.get(st.id))

    return {
        "format": "debate-tui/pairing",
        "version": JSON_VERSION,
        "debate": debate.name,
        "corpus": debate.corpus_name,
        "topic": {"id": pairing.topic.id, "label": pairing.topic.label},
        "speakers": [_speaker_json(pairing.left), _speaker_json(pairing.right)],
        "counts": {side.id: pairing.count(side.id) for side in (pairing.left, pairing.right)},
        "rows": [
            {
                "group": row.group,
                "left": cell(row.left),
                "right": cell(row.right),
                "why": row.why or None,
            }
            for row in pairing.rows
        ],
    }


def debate_json(debate: Debate) -> dict[str, Any]:
    """Every topic's pairing, "Other" included, with the articles they cite."""
    return {
        "format": "debate-tui/debate",
        "version": JSON_VERSION,
        "debate": debate.name,
        "corpus": debate.corpus_name,
        "speakers": [_speaker_json(side) for side in debate.speakers],
        "articles": [_article_json(meta) for meta in debate.articles],
        "pairings": [pairing_json(debate, topic.id) for topic in debate.all_topics()],
    }


def dumps_json(data: dict[str, Any]) -> str:
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


# --- files ---------------------------------------------------------------------------------


def default_filename(topic_id: str | None, fmt: str = "markdown") -> str:
    """`crimea.md` / `crimea.json`; None (every topic, `--all`) gives `debate.md`/`.json`."""
    stem = ALL_TOPICS_STEM if topic_id is None else re.sub(r"[^\w.-]", "-", topic_id).strip(".")
    return f"{stem or 'topic'}{EXTENSIONS.get(fmt, '.md')}"


def _reason(exc: OSError) -> str:
    return (exc.strerror or exc.__class__.__name__).lower()


def write_text_atomic(
    path: Path, text: str, *, force: bool, elsewhere: str = "choose another path with -o"
) -> None:
    """Write `text` (UTF-8) so that `path` is either untouched or complete, never half-written.

    The text goes to a temporary file beside `path`, then replaces it in one rename. Without
    `force` an existing file is kept (ExportExistsError); with it, it is replaced. The
    temporary file never outlives a failure. `elsewhere` ends a refusal with what the
    user can do instead (the reader has no -o).

    Only a regular file is ever replaced: a folder, a named pipe, a device node or a socket
    at `path`, or a symlink to one (`/dev/stdout`), is refused, force or not. Another
    symlink counts as an existing file; with `force` the link itself is replaced by the new
    file, and the file it points to is never written.
    """
    path = Path(path)
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{path}: {folder} is not a folder; {elsewhere}")
    if not folder.is_dir():
        raise ExportError(f"{path}: folder {folder} does not exist; create it or {elsewhere}")
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; {elsewhere}")
    try:
        mode: int | None = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise ExportError(f"{path}: cannot be checked ({_reason(exc)}); {elsewhere}") from None
    what = describe(mode) if mode is not None and not stat.S_ISREG(mode) else None
    if mode is not None and stat.S_ISLNK(mode):
        try:
            target = os.stat(path).st_mode  # what the link points to
        except OSError:  # dangling, or a loop: only the link itself is there
            target = stat.S_IFREG
        what = f"a symlink to {describe(target)}" if not stat.S_ISREG(target) else None
    if what is not None:
        raise ExportError(
            f"{path}: is {what}, not a regular file; export writes only regular files; {elsewhere}"
        )
    if mode is not None and not force:
        raise ExportExistsError(f"{path}: already exists; use --force to overwrite it")
    try:
        if force:
            replace_atomic(path, text.encode("utf-8"))
        else:
            write_new(path, text.encode("utf-8"))
    except FileExistsError:
        raise ExportExistsError(f"{path}: already exists; use --force to overwrite it") from None
    except OSError as exc:
        raise ExportError(f"{path}: cannot be written ({_reason(exc)}); {elsewhere}") from None


# --- command line --------------------------------------------------------------------------


def render(
    debate: Debate, *, topic: str | None, fmt: str, today: datetime.date | None = None
) -> str:
    """The document `run_export` writes: one topic, or every topic when `topic` is None."""
    if fmt == "json":
        data = debate_json(debate) if topic is None else pairing_json(debate, topic)
        return dumps_json(data)
    if topic is None:
        return debate_markdown(debate, today=today)
    return pairing_markdown(debate, topic, today=today)


def _error(message: str) -> None:
    print(f"debate-tui: error: {visible(message, one_line=True)}", file=sys.stderr)


def _write_stdout(text: str) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def run_export(
    debate: Debate,
    *,
    topic: str | None,
    all_topics: bool,
    fmt: str,
    output: str | None,
    force: bool,
) -> int:
    """`debate-tui export`: write the document, report on stderr, return the exit code."""
    if fmt not in FORMATS:
        _error(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
        return EXIT_USAGE
    valid = [t.id for t in debate.all_topics()]
    if not all_topics:
        if topic is None:
            _error(f"choose a topic with --topic ({', '.join(valid)}) or pass --all")
            return EXIT_USAGE
        if topic not in valid:
            _error(f"unknown topic {topic!r}; choose one of: {', '.join(valid)}")
            return EXIT_USAGE
    if output is not None and not output.strip():
        _error("-o needs a file name, or - for standard output")
        return EXIT_USAGE
    chosen = None if all_topics else topic
    text = render(debate, topic=chosen, fmt=fmt)
    if output == "-":
        _write_stdout(text)
        return EXIT_OK
    name = default_filename(chosen, fmt)
    path = Path(output) if output else Path(name)
    if output and (path.is_dir() or output.endswith(("/", os.sep))):
        path = path / name  # a folder: the default name inside it (missing: an error below)
    try:
        write_text_atomic(path, text, force=force)
    except ExportError as exc:
        _error(str(exc))
        return EXIT_FAILURE
    what = "every topic" if chosen is None else repr(chosen)
    where = visible(str(path.resolve()), one_line=True)
    print(f"debate-tui: exported {visible(what, one_line=True)} to {where}", file=sys.stderr)
    return EXIT_OK
