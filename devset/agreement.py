"""How far two people's labels of the same texts agree: the ceiling any credit figure on
these labels can claim, and the list of sentences where the labellers differ.

    python devset/agreement.py FIRST_LABELS SECOND_LABELS TEXTS_DIR [--list] [--consensus DIR]

Two labels agree when they name the same speaker (or both mark a trap) on a shared
sentence of the text: anchors are stretches the labeller chose inside a sentence, so two
careful labellers rarely pick the same characters. `--consensus DIR` writes the labels
both gave (`benchmarks/quality.py --labels DIR` scores against them). Sentences come from
the trained spaCy pipeline the extractor uses, so both labellings are cut the same way.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Label = tuple[str, frozenset[int]]  # (speaker id or "TRAP", sentence numbers)


@dataclass
class Count:
    first: int = 0
    second: int = 0
    agreed: int = 0
    other_speaker: int = 0  # the same sentence, credited to the other speaker
    statement_vs_trap: int = 0  # one labeller's statement is the other's trap
    only_first: list[str] = field(default_factory=list)
    only_second: list[str] = field(default_factory=list)
    agreed_first: list[int] = field(default_factory=list)  # the first's statements agreed on
    disputed: set[int] = field(default_factory=set)  # sentences a statement of one touches

    def add(self, other: Count) -> None:
        self.first += other.first
        self.second += other.second
        self.agreed += other.agreed
        self.other_speaker += other.other_speaker
        self.statement_vs_trap += other.statement_vs_trap

    def line(self, name: str) -> str:
        f1 = 2 * self.agreed / (self.first + self.second) if self.first + self.second else 1.0
        return (
            f"{name:<22} {self.first:>6} {self.second:>7} {self.agreed:>7} {f1:>6.3f}"
            f" {self.other_speaker:>8} {self.statement_vs_trap:>9}"
        )


def sentences(nlp: Any, text: str) -> list[tuple[int, int]]:
    return [(s.start_char, s.end_char) for s in nlp(text).sents]


def sentence_set(spans: list[tuple[int, int]], start: int, end: int) -> frozenset[int]:
    return frozenset(i for i, (a, b) in enumerate(spans) if a < end and start < b)


def labels_of(data: dict[str, Any], spans: list[tuple[int, int]]) -> list[tuple[Label, int]]:
    """(speaker or "TRAP", sentences) with each label's index in its table (traps after)."""
    out = [
        ((s["speaker"], sentence_set(spans, s["start"], s["end"])), n)
        for n, s in enumerate(data.get("statement", []))
    ]
    out += [
        (("TRAP", sentence_set(spans, t["start"], t["end"])), n)
        for n, t in enumerate(data.get("trap", []))
    ]
    return out


def compare(first: dict[str, Any], second: dict[str, Any], text: str, nlp: Any) -> Count:
    spans = sentences(nlp, text)
    a, b = labels_of(first, spans), labels_of(second, spans)
    count = Count(
        first=sum(1 for (who, _), _ in a if who != "TRAP"),
        second=sum(1 for (who, _), _ in b if who != "TRAP"),
    )
    first_at = [lab["start"] for lab in first.get("statement", [])]
    second_at = [lab["start"] for lab in second.get("statement", [])]
    unmatched_b = list(b)
    for (who, sents), n in a:
        match = next((x for x in unmatched_b if x[0][0] == who and x[0][1] & sents), None)
        if match is not None:
            unmatched_b.remove(match)
            if who != "TRAP":
                count.agreed += 1
                count.agreed_first.append(n)
            continue
        if who == "TRAP":
            continue  # a trap only one labeller marked: counted from the statement's side
        rival = next((x for x in b if x[0][1] & sents and x[0][0] != who), None)
        if rival is not None and rival[0][0] == "TRAP":
            count.statement_vs_trap += 1
        elif rival is not None:
            count.other_speaker += 1
        count.disputed |= sents
        what = f" (second: {rival[0][0]})" if rival else ""
        count.only_first.append(f"@{first_at[n]} {who}{what}")
    for (who, sents), n in unmatched_b:
        if who == "TRAP":
            continue
        rival = next((x for x in a if x[0][1] & sents and x[0][0] != who), None)
        if rival is not None and rival[0][0] == "TRAP":
            count.statement_vs_trap += 1
        count.disputed |= sents
        what = f" (first: {rival[0][0]})" if rival else ""
        count.only_second.append(f"@{second_at[n]} {who}{what}")
    return count


def consensus(first: dict[str, Any], second: dict[str, Any], text: str, nlp: Any) -> dict[str, Any]:
    """The labels both labellers gave: statements both credited alike (as the first drew
    them), traps either marked outside the disputed sentences, and those sentences as
    `[[disputed]]`, which the scorer counts neither for nor against the extractor."""
    spans = sentences(nlp, text)
    count = compare(first, second, text, nlp)
    disputed = [spans[i] for i in sorted(count.disputed)]

    def clear(label: dict[str, Any]) -> bool:
        return not any(a < label["end"] and label["start"] < b for a, b in disputed)

    statements = [first["statement"][n] for n in sorted(count.agreed_first)]
    traps = [t for t in first.get("trap", []) if clear(t)]
    traps += [
        t
        for t in second.get("trap", [])
        if clear(t) and not any(k["start"] < t["end"] and t["start"] < k["end"] for k in traps)
    ]
    return {
        "article": first["article"],
        "statement": statements,
        "trap": sorted(traps, key=lambda t: t["start"]),
        "disputed": [{"start": a, "end": b} for a, b in disputed],
    }


def dump(labels: dict[str, Any]) -> str:
    from freeze import dump_labels  # the dev set's one label writer

    lines = [dump_labels(labels["article"], labels["statement"], labels["trap"])]
    lines += [
        f"\n[[disputed]]\nstart = {d['start']}\nend = {d['end']}\n" for d in labels["disputed"]
    ]
    return "".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("texts", type=Path)
    parser.add_argument("--list", action="store_true", help="list each disagreement")
    parser.add_argument(
        "--consensus", type=Path, metavar="DIR", help="write the labels both agree on to DIR"
    )
    args = parser.parse_args(argv)
    from debate_tui.extract.pipeline import load_nlp

    nlp = load_nlp()
    total = Count()
    heads = ("first", 6), ("second", 7), ("agreed", 7), ("F1", 6), ("speaker", 8), ("stmt/trap", 9)
    print(f"{'article':<22} " + " ".join(f"{name:>{width}}" for name, width in heads))
    for path in sorted(args.second.glob("*.toml")):
        other = args.first / path.name
        text_path = args.texts / f"{path.stem}.txt"
        if not other.is_file() or not text_path.is_file():
            print(f"{path.stem}: left out (no first label or no text)", file=sys.stderr)
            continue
        first, second = (tomllib.loads(p.read_text("utf-8")) for p in (other, path))
        text = text_path.read_text("utf-8")
        count = compare(first, second, text, nlp)
        total.add(count)
        if args.consensus:
            args.consensus.mkdir(parents=True, exist_ok=True)
            (args.consensus / path.name).write_text(dump(consensus(first, second, text, nlp)))
        print(count.line(path.stem))
        if args.list:
            for item in count.only_first:
                print(f"    only first  {item}")
            for item in count.only_second:
                print(f"    only second {item}")
    print(total.line("all"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
