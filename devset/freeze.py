"""Freeze a labeller's draft into offsets and checksums, and check labels against texts.

    python devset/freeze.py TEXTS_DIR ID [ID ...]   # TEXTS_DIR/ID.draft.toml -> labels/ID.toml
    python devset/freeze.py --check TEXTS_DIR       # every label against its text

A draft (kept beside the texts, outside git, since it quotes them) has the `[article]`
table of README.md without `chars`/`sha`, and `[[statement]]`/`[[trap]]` entries with an
`anchor`: an exact substring of the text (add `occurrence = N` when it occurs more than
once). The frozen file keeps offsets and an 8-digit checksum instead of the words.
Standard library only.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import sys
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels"
DEBATES = HERE / "debates"
DEFAULTS = HERE.parent / "debate_tui" / "defaults.toml"
KINDS = {"wire", "transcript", "state-media", "asia", "analysis", "aggregator"}
VIAS = {"name", "title", "pronoun", "turn", "quote"}
HALVES = {"tune", "test"}
ARTICLE_KEYS = {"id", "debate", "kind", "half", "url", "query", "note"}
STATEMENT_KEYS = {"anchor", "occurrence", "speaker", "via", "topics", "note"}
TRAP_KEYS = {"anchor", "occurrence", "who", "why"}
MIN_ANCHOR, MAX_ANCHOR = 12, 240


def short_sha(text: str, digits: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:digits]


def debate_config_path(debate: str) -> Path:
    return DEFAULTS if debate == "blinken-lavrov" else DEBATES / f"{debate}.toml"


def debate_ids(debate: str) -> tuple[set[str], set[str]]:
    """Speaker ids and topic ids of a debate (a debate file's tables replace the defaults')."""
    defaults = tomllib.loads(DEFAULTS.read_text("utf-8"))
    data = defaults
    if debate != "blinken-lavrov":
        path = debate_config_path(debate)
        if not path.is_file():
            raise SystemExit(f"{path}: no configuration for debate {debate!r}")
        own = tomllib.loads(path.read_text("utf-8"))
        data = {**defaults, **own}
    speakers = {s["id"] for s in data.get("speakers", [])}
    topics = {t["id"] for t in data.get("topics", [])} | {"other"}
    return speakers, topics


def _locate(text: str, entry: dict[str, Any], where: str, errors: list[str]) -> tuple[int, int]:
    anchor = entry.get("anchor")
    if not isinstance(anchor, str) or not anchor.strip():
        errors.append(f"{where}: missing anchor")
        return -1, -1
    if not MIN_ANCHOR <= len(anchor) <= MAX_ANCHOR:
        errors.append(f"{where}: anchor is {len(anchor)} characters ({MIN_ANCHOR}-{MAX_ANCHOR})")
    count = text.count(anchor)
    occurrence = int(entry.get("occurrence", 1))
    if count == 0:
        errors.append(f"{where}: anchor not found in the text: {anchor[:60]!r}")
        return -1, -1
    if count > 1 and "occurrence" not in entry:
        errors.append(f"{where}: anchor occurs {count} times; add occurrence = N: {anchor[:60]!r}")
        return -1, -1
    if occurrence > count:
        errors.append(f"{where}: occurrence {occurrence} but the anchor occurs {count} times")
        return -1, -1
    start = -1
    for _ in range(occurrence):
        start = text.find(anchor, start + 1)
    return start, start + len(anchor)


def freeze(texts: Path, article_id: str, labels: Path = LABELS) -> list[str]:
    errors: list[str] = []
    text_path, draft_path = texts / f"{article_id}.txt", texts / f"{article_id}.draft.toml"
    text = text_path.read_text("utf-8")
    draft = tomllib.loads(draft_path.read_text("utf-8"))
    article = dict(draft.get("article", {}))
    where = f"{draft_path.name}"
    if article.get("id") != article_id:
        errors.append(f"{where}: [article] id must be {article_id!r}")
    for key in set(article) - ARTICLE_KEYS:
        errors.append(f"{where}: unknown [article] key {key!r}")
    if article.get("kind") not in KINDS:
        errors.append(f"{where}: kind must be one of {sorted(KINDS)}")
    if article.get("half") not in HALVES:
        errors.append(f"{where}: half must be tune or test")
    for key in ("url", "query", "debate"):
        if not isinstance(article.get(key), str) or not article.get(key):
            errors.append(f"{where}: [article] needs {key}")
    if errors:
        return errors
    speakers, topics = debate_ids(article["debate"])
    spans: list[tuple[int, int, str]] = []
    out_statements: list[dict[str, Any]] = []
    out_traps: list[dict[str, Any]] = []
    for n, entry in enumerate(draft.get("statement", []), 1):
        at = f"{where} statement {n}"
        for key in set(entry) - STATEMENT_KEYS:
            errors.append(f"{at}: unknown key {key!r}")
        if entry.get("speaker") not in speakers:
            errors.append(f"{at}: speaker must be one of {sorted(speakers)}")
        if entry.get("via") not in VIAS:
            errors.append(f"{at}: via must be one of {sorted(VIAS)}")
        bad = set(entry.get("topics", [])) - topics
        if bad:
            errors.append(f"{at}: unknown topics {sorted(bad)} (debate {article['debate']})")
        start, end = _locate(text, entry, at, errors)
        if start < 0:
            continue
        spans.append((start, end, at))
        row = {"start": start, "end": end, "sha": short_sha(text[start:end])}
        row.update({k: entry[k] for k in ("speaker", "via", "topics", "note") if k in entry})
        out_statements.append(row)
    trap_spans: list[tuple[int, int, str]] = []
    for n, entry in enumerate(draft.get("trap", []), 1):
        at = f"{where} trap {n}"
        for key in set(entry) - TRAP_KEYS:
            errors.append(f"{at}: unknown key {key!r}")
        if not entry.get("who"):
            errors.append(f"{at}: needs who")
        start, end = _locate(text, entry, at, errors)
        if start < 0:
            continue
        trap_spans.append((start, end, at))
        row = {"start": start, "end": end, "sha": short_sha(text[start:end])}
        row.update({k: entry[k] for k in ("who", "why") if k in entry})
        out_traps.append(row)
    for s_start, s_end, s_at in spans:
        for t_start, t_end, t_at in trap_spans:
            if s_start < t_end and t_start < s_end:
                errors.append(f"{s_at} overlaps {t_at}")
    if not out_statements and not out_traps:
        errors.append(f"{where}: no labels")
    if errors:
        return errors
    article["chars"] = len(text)
    article["sha"] = short_sha(text, 12)
    article["labelled"] = datetime.date.today().isoformat()
    labels.mkdir(exist_ok=True)
    written = dump_labels(article, out_statements, out_traps)
    (labels / f"{article_id}.toml").write_text(written, "utf-8")
    return []


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def dump_labels(
    article: dict[str, Any], statements: list[dict[str, Any]], traps: list[dict[str, Any]]
) -> str:
    lines = ["[article]"]
    order = ("id", "debate", "kind", "half", "url", "query", "chars", "sha", "labelled", "note")
    lines += [f"{key} = {_value(article[key])}" for key in order if key in article]
    for table, rows in (("statement", statements), ("trap", traps)):
        for row in rows:
            lines += ["", f"[[{table}]]"]
            lines += [f"{key} = {_value(val)}" for key, val in row.items()]
    return "\n".join(lines) + "\n"


def load_labels(labels: Path = LABELS) -> list[dict[str, Any]]:
    return [tomllib.loads(p.read_text("utf-8")) for p in sorted(labels.glob("*.toml"))]


def check(texts: Path) -> int:
    problems = 0
    counts: dict[tuple[str, str, str], list[int]] = {}
    for data in load_labels():
        article = data["article"]
        path = texts / f"{article['id']}.txt"
        if not path.is_file():
            print(f"{article['id']}: text missing ({path}); rebuild it (devset/README.md)")
            problems += 1
            continue
        text = path.read_text("utf-8")
        if short_sha(text, 12) != article["sha"]:
            print(f"{article['id']}: text differs from the labelled one (checksum); re-copy it")
            problems += 1
            continue
        for table in ("statement", "trap"):
            for row in data.get(table, []):
                if short_sha(text[row["start"] : row["end"]]) != row["sha"]:
                    print(f"{article['id']}: {table} at {row['start']} does not match its checksum")
                    problems += 1
        key = (article["debate"], article["kind"], article["half"])
        tally = counts.setdefault(key, [0, 0, 0])
        tally[0] += 1
        tally[1] += len(data.get("statement", []))
        tally[2] += len(data.get("trap", []))
    print(f"{'debate':16} {'kind':12} {'half':5} {'articles':>8} {'statements':>10} {'traps':>6}")
    for (debate, kind, half), (n, s, t) in sorted(counts.items()):
        print(f"{debate:16} {kind:12} {half:5} {n:8} {s:10} {t:6}")
    total = [sum(v[i] for v in counts.values()) for i in range(3)]
    print(f"{'total':35} {total[0]:8} {total[1]:10} {total[2]:6}")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check every label against its text")
    parser.add_argument("texts", type=Path, help="folder of ID.txt texts (outside git)")
    parser.add_argument("ids", nargs="*", help="articles whose drafts to freeze")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.texts)
    failed = 0
    for article_id in args.ids:
        errors = freeze(args.texts, article_id)
        for error in errors:
            print(error, file=sys.stderr)
        failed += bool(errors)
        if not errors:
            print(f"{article_id}: frozen -> devset/labels/{article_id}.toml")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
