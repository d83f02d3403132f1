"""Validate the hand-labelled expectation file statements.toml.

Standard library only (python 3.11+, tomllib). Run from anywhere:

    python tests/expected/check_labels.py [path/to/statements.toml]

Checks: every source exists in corpus/; every anchor occurs exactly once in its
file and is 25-80 characters (shorter only when the note says the sentence is
short); speakers, kinds, via values and topic ids are valid; no anchor is both a
statement and a trap, and no statement anchor overlaps a trap anchor in the text.
Prints the counts per file and speaker. Exits 1 on any error.
"""

from __future__ import annotations

import itertools
import sys
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT / "corpus"
DEFAULTS = ROOT / "debate_tui" / "defaults.toml"

KINDS = {"quote", "reported", "mixed"}
VIAS = {"name", "pronoun", "title"}
STATEMENT_KEYS = {"source", "speaker", "anchor", "kind", "topics", "via", "note"}
TRAP_KEYS = {"source", "anchor", "who", "why"}
MIN_LEN, MAX_LEN = 25, 80


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else HERE / "statements.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    defaults = tomllib.loads(DEFAULTS.read_text(encoding="utf-8"))
    speakers = {s["id"] for s in defaults["speakers"]}
    topic_ids = {t["id"] for t in defaults["topics"]}

    errors: list[str] = []
    texts: dict[str, str] = {}

    def text_of(source: str, where: str) -> str | None:
        if source not in texts:
            f = CORPUS / source
            if not f.is_file():
                errors.append(f"{where}: source {source!r} not found in {CORPUS}")
                return None
            texts[source] = f.read_text(encoding="utf-8")
        return texts[source]

    spans: dict[str, list[tuple[int, int, str]]] = {}

    def check_anchor(entry: dict, where: str, kind: str) -> None:
        source, anchor = entry.get("source"), entry.get("anchor")
        if not isinstance(source, str) or not isinstance(anchor, str) or not anchor:
            errors.append(f"{where}: missing source or anchor")
            return
        text = text_of(source, where)
        if text is None:
            return
        n = text.count(anchor)
        if n != 1:
            errors.append(f"{where}: anchor {anchor!r} occurs {n} times in {source}")
            return
        if len(anchor) > MAX_LEN or (
            len(anchor) < MIN_LEN and "short" not in entry.get("note", "")
        ):
            errors.append(
                f"{where}: anchor {anchor!r} is {len(anchor)} characters "
                f"(want {MIN_LEN}-{MAX_LEN}; shorter only with a note saying why it is short)"
            )
        start = text.index(anchor)
        spans.setdefault(source, []).append((start, start + len(anchor), kind))

    statements = data.get("statement", [])
    traps = data.get("trap", [])
    if not statements:
        errors.append("no [[statement]] tables")

    for i, st in enumerate(statements, 1):
        where = f"statement #{i} ({st.get('anchor', '?')!r})"
        extra = set(st) - STATEMENT_KEYS
        missing = STATEMENT_KEYS - {"note"} - set(st)
        if extra:
            errors.append(f"{where}: unknown keys {sorted(extra)}")
        if missing:
            errors.append(f"{where}: missing keys {sorted(missing)}")
        check_anchor(st, where, "statement")
        if st.get("speaker") not in speakers:
            errors.append(f"{where}: speaker {st.get('speaker')!r} not in {sorted(speakers)}")
        if st.get("kind") not in KINDS:
            errors.append(f"{where}: kind {st.get('kind')!r} not in {sorted(KINDS)}")
        if st.get("via") not in VIAS:
            errors.append(f"{where}: via {st.get('via')!r} not in {sorted(VIAS)}")
        topics = st.get("topics")
        if not isinstance(topics, list):
            errors.append(f"{where}: topics must be a list")
        else:
            for t in topics:
                if t not in topic_ids:
                    errors.append(f"{where}: unknown topic {t!r}")
            if len(set(topics)) != len(topics):
                errors.append(f"{where}: duplicate topics")

    for i, tr in enumerate(traps, 1):
        where = f"trap #{i} ({tr.get('anchor', '?')!r})"
        extra = set(tr) - TRAP_KEYS
        missing = TRAP_KEYS - set(tr)
        if extra:
            errors.append(f"{where}: unknown keys {sorted(extra)}")
        if missing:
            errors.append(f"{where}: missing keys {sorted(missing)}")
        check_anchor(tr, where, "trap")

    # No anchor labelled twice, and no statement anchor overlapping a trap anchor.
    keys = Counter((e.get("source"), e.get("anchor")) for e in statements + traps)
    for (source, anchor), n in keys.items():
        if n > 1:
            errors.append(f"anchor {anchor!r} in {source} is labelled {n} times")
    st_keys = {(e.get("source"), e.get("anchor")) for e in statements}
    for e in traps:
        if (e.get("source"), e.get("anchor")) in st_keys:
            errors.append(f"anchor {e.get('anchor')!r} is both a statement and a trap")
    for source, items in spans.items():
        items.sort()
        for (s1, e1, k1), (s2, e2, k2) in itertools.pairwise(items):
            if s2 < e1:
                errors.append(
                    f"{source}: a {k1} anchor and a {k2} anchor overlap "
                    f"({texts[source][s1:e1]!r} / {texts[source][s2:e2]!r})"
                )

    counts = Counter((st.get("source"), st.get("speaker")) for st in statements)
    for source in sorted({s for s, _ in counts}):
        per = ", ".join(f"{sp} {counts[(source, sp)]}" for sp in sorted(speakers))
        print(f"{source}: {per}")
    by_speaker = Counter(st.get("speaker") for st in statements)
    print(
        "statements:",
        len(statements),
        "(" + ", ".join(f"{sp} {by_speaker[sp]}" for sp in sorted(speakers)) + ")",
        "| traps:",
        len(traps),
    )

    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
