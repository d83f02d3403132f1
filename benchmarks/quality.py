"""Credit on the real-article dev set: precision, recall, F1, others' sentences credited.

    python benchmarks/quality.py TEXTS_DIR [--half tune|test|all] [--misses] [--no-cache]

TEXTS_DIR holds the dev set's texts (ID.txt, outside git; devset/README.md says how to
rebuild them). Each text is checked against its label file's checksum first and left out
when it differs. Extraction runs per article with its debate's configuration, exactly as
`debate-tui parse` would (no merging across articles: credit is judged per report).

A label is found when a statement of its speaker covers its whole span; a statement is
correct when it covers a label of its own speaker and no trap; a trap is credited when a
statement covers any part of it.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from debate_tui.build import statements_for_articles  # noqa: E402
from debate_tui.config import Config, default_config, load_config  # noqa: E402
from debate_tui.corpus import read_article  # noqa: E402
from debate_tui.model import Statement  # noqa: E402

sys.path.insert(0, str(ROOT / "devset"))
from freeze import debate_config_path, load_labels, short_sha  # noqa: E402

BANDS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.75), (0.75, 0.9), (0.9, 1.01))


@dataclass
class Tally:
    labels: int = 0
    found: int = 0
    statements: int = 0
    correct: int = 0
    traps: int = 0
    traps_credited: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, name: str) -> str:
        p = self.correct / self.statements if self.statements else 1.0
        r = self.found / self.labels if self.labels else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"{name:28} {p:9.3f} {r:7.3f} {f1:6.3f} {self.found:>4}/{self.labels:<4}"
            f" {self.correct:>4}/{self.statements:<4} {self.traps_credited:>3}/{self.traps:<3}"
        )


@dataclass
class Result:
    total: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_debate: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    topics: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    bands: dict[tuple[float, float], list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
    misses: list[str] = field(default_factory=list)


def _config(debate: str, cache: dict[str, Config]) -> Config:
    if debate not in cache:
        path = debate_config_path(debate)
        cache[debate] = default_config() if debate == "blinken-lavrov" else load_config(path)
    return cache[debate]


def _covers(statement: Statement, start: int, end: int) -> bool:
    return statement.start <= start and end <= statement.end


def _overlaps(statement: Statement, start: int, end: int) -> bool:
    return statement.start < end and start < statement.end


def _snippet(text: str, start: int, end: int, width: int = 110) -> str:
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= width else piece[: width - 1] + "…"


def score_article(
    data: dict, text: str, statements: list[Statement], result: Result, show_text: bool
) -> None:
    article = data["article"]
    labels, traps = data.get("statement", []), data.get("trap", [])
    # a statement on a sentence two labellers read differently, covering no label, is
    # counted neither for nor against
    disputed = data.get("disputed", [])
    counted = [
        s
        for s in statements
        if not any(_overlaps(s, d["start"], d["end"]) for d in disputed)
        or any(_covers(s, lab["start"], lab["end"]) for lab in labels)
    ]
    tally = Tally(labels=len(labels), statements=len(counted), traps=len(traps))
    aid = article["id"]
    for label in labels:
        hits = [
            s
            for s in statements
            if s.speaker == label["speaker"] and _covers(s, label["start"], label["end"])
        ]
        if hits:
            tally.found += 1
        else:
            wrong = [s for s in statements if _covers(s, label["start"], label["end"])]
            how = f"credited to {wrong[0].speaker}" if wrong else "missed"
            words = f": {_snippet(text, label['start'], label['end'])}" if show_text else ""
            result.misses.append(
                f"{aid} @{label['start']} {label['speaker']} ({label.get('via', '?')}) {how}{words}"
            )
        for topic in label.get("topics", []):
            result.topics[topic][0] += 1
            if any(topic in s.topics for s in hits):
                result.topics[topic][1] += 1
    for trap in traps:
        if any(_overlaps(s, trap["start"], trap["end"]) for s in statements):
            tally.traps_credited += 1
            words = f": {_snippet(text, trap['start'], trap['end'])}" if show_text else ""
            result.misses.append(
                f"{aid} @{trap['start']} TRAP ({trap.get('who', '?')}) credited{words}"
            )
    for s in counted:
        own = any(
            lab["speaker"] == s.speaker and _covers(s, lab["start"], lab["end"]) for lab in labels
        )
        trapped = any(_overlaps(s, t["start"], t["end"]) for t in traps)
        ok = own and not trapped
        tally.correct += ok
        if not ok and not trapped:
            words = f": {_snippet(text, s.start, s.end)}" if show_text else ""
            result.misses.append(
                f"{aid} @{s.start} {s.speaker} WRONG ({s.via}, {s.confidence}){words}"
            )
        for band in BANDS:
            if band[0] <= s.confidence < band[1]:
                result.bands[band][0] += 1
                result.bands[band][1] += ok
    result.total.add(tally)
    result.by_kind[article["kind"]].add(tally)
    result.by_debate[article["debate"]].add(tally)


def run(
    texts: Path, half: str, use_cache: bool, show_text: bool, labels: Path | None = None
) -> Result:
    result = Result()
    configs: dict[str, Config] = {}
    skipped: list[str] = []
    for data in load_labels(labels) if labels else load_labels():
        article = data["article"]
        if half != "all" and article["half"] != half:
            continue
        path = texts / f"{article['id']}.txt"
        if not path.is_file():
            skipped.append(f"{article['id']}: no text")
            continue
        if short_sha(path.read_text("utf-8"), 12) != article["sha"]:
            skipped.append(f"{article['id']}: text differs from the labelled one")
            continue
        loaded = read_article(path, path.name, {}, lambda _m: None)
        if loaded is None:
            skipped.append(f"{article['id']}: unreadable")
            continue
        config = _config(article["debate"], configs)
        statements = statements_for_articles(
            [loaded], config, use_cache=use_cache, warn=lambda _m: None
        )
        score_article(data, loaded.text, statements, result, show_text)
    for line in skipped:
        print(f"left out: {line}", file=sys.stderr)
    return result


def report(result: Result, half: str, misses: bool) -> None:
    head = (
        f"{'':28} {'precision':>9} {'recall':>7} {'F1':>6} {'found':>9} {'correct':>9} {'traps':>7}"
    )
    print(f"dev set, half: {half}")
    print(head)
    print(result.total.line("all"))
    print("\nper kind of source")
    for kind, tally in sorted(result.by_kind.items()):
        print(tally.line(kind))
    print("\nper debate")
    for debate, tally in sorted(result.by_debate.items()):
        print(tally.line(debate))
    print("\nper topic (labels of the topic found with it)")
    for topic, (n, ok) in sorted(result.topics.items()):
        print(f"{topic:28} {ok:>4}/{n:<4} {ok / n if n else 1.0:6.3f}")
    print("\ncalibration (statements by confidence: share correct)")
    for band in BANDS:
        n, ok = result.bands.get(band, [0, 0])
        share = f"{ok / n:6.3f}" if n else "     -"
        print(f"  {band[0]:.2f}-{min(band[1], 1.0):.2f}  {n:5} statements  {share}")
    if misses:
        print(f"\nmisses and wrong credits ({len(result.misses)})")
        for line in result.misses:
            print(f"  {line}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Score credit on the real-article dev set.")
    parser.add_argument("texts", type=Path, help="folder of the dev set's ID.txt texts")
    parser.add_argument("--half", choices=("tune", "test", "all"), default="tune")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--text", action="store_true", help="show the words of each miss")
    parser.add_argument("--no-cache", action="store_true", help="parse again, ignore the cache")
    parser.add_argument(
        "--labels", type=Path, help="score against these label files (default: devset/labels)"
    )
    args = parser.parse_args(argv)
    if not args.texts.is_dir():
        print(f"{args.texts}: no such folder of dev set texts", file=sys.stderr)
        return 2
    result = run(args.texts, args.half, not args.no_cache, args.text, args.labels)
    report(result, args.half, args.misses or args.text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
