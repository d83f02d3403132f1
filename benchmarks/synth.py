"""Synthetic corpus for scale runs: the bundled articles replicated under distinct names.

Each copy gets small variations (weekdays and months rotated, an edition line at the end)
so its content hash, and therefore its cache entry, differs from every other copy, while
the text keeps the shape and the statements of the original. Nothing here is committed as
data: benchmarks write corpora into temporary folders.

Two kinds of copies are for assembly runs (occasions and merging at scale), where spaCy is
not what is measured and each copy's statements are the original's carried over through
an `OffsetMap` (so `text == file[start:end]` still holds):

- `--distinct`: most long words are replaced per copy by made-up words, figures change, so
  nearly every statement is a remark no other copy made (the bundled articles alone merge
  into a few dozen statements at any size);
- `--edited`: one article republished, each copy with a few words changed here and there.

    python benchmarks/synth.py OUT_DIR --articles 200 [--distinct | --edited]
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import tomllib
import zlib
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "corpus"
SIDECAR = "sources.toml"

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")


class OffsetMap:
    """Where each position of a text went after words were replaced in it."""

    def __init__(self, edits: list[tuple[int, int, int]]) -> None:
        self.ends = [end for _, end, _ in edits]  # (old start, old end, new length), in order
        self.shifts: list[int] = []
        total = 0
        for start, end, length in edits:
            total += length - (end - start)
            self.shifts.append(total)

    def __call__(self, position: int) -> int:
        index = bisect.bisect_right(self.ends, position)
        return position + (self.shifts[index - 1] if index else 0)


def substitute(
    text: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]
) -> tuple[str, OffsetMap]:
    """`pattern.sub(replace, text)`, with the map from old positions to new ones."""
    pieces: list[str] = []
    edits: list[tuple[int, int, int]] = []
    cursor = 0
    for match in pattern.finditer(text):
        new = replace(match)
        if new == match.group():
            continue
        pieces += [text[cursor : match.start()], new]
        edits.append((match.start(), match.end(), len(new)))
        cursor = match.end()
    pieces.append(text[cursor:])
    return "".join(pieces), OffsetMap(edits)


def vary_mapped(text: str, copy: int) -> tuple[str, list[OffsetMap]]:
    """As `vary`, with the maps of its substitutions (apply them in order)."""
    if copy == 0:
        return text, []

    def shift(names: tuple[str, ...]) -> Callable[[re.Match[str]], str]:
        return lambda m: names[(names.index(m.group(1)) + copy) % len(names)]

    text, days = substitute(text, _WEEKDAY, shift(_WEEKDAYS))
    text, months = substitute(text, _MONTH, shift(_MONTHS))
    return text.rstrip("\n") + f"\n\nEdition {copy:05d}\n", [days, months]


def vary(text: str, copy: int) -> str:
    """The text with weekdays and months shifted by `copy` and an edition line appended.

    The edition line is a heading (short, no closing punctuation), so it is never parsed:
    every copy costs the extractor the same work as the original.
    """
    return vary_mapped(text, copy)[0]


# Long lower-case words are what a copy changes; words that name a gathering stay, so each
# copy's statements keep their occasions.
_LONG_WORD = re.compile(r"\b[a-z]{6,}\b")
_FIGURE = re.compile(r"\b\d{1,3}\b(?![-:/])")
_KEPT = frozenset(
    "meeting meetings summit conference session ministerial ministers minister foreign "
    "sidelines assembly council security talks forum dialogue gathering".split()
)
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def _made_up(word: str, copy: int) -> str:
    """A word nobody wrote, the same for `word` throughout copy `copy`."""
    code = zlib.crc32(f"{copy}:{word}".encode())
    syllables = []
    for _ in range(3):
        code, index = divmod(code, len(_SYLLABLES))
        syllables.append(_SYLLABLES[index])
    return "".join(syllables) + word[-2:]


def distinct_mapped(text: str, copy: int) -> tuple[str, list[OffsetMap]]:
    """Copy `copy` saying other things: long words made up per copy, figures changed."""
    if copy == 0:
        return text, []

    def word(match: re.Match[str]) -> str:
        found = match.group()
        return found if found in _KEPT else _made_up(found, copy)

    text, words = substitute(text, _LONG_WORD, word)
    text, figures = substitute(text, _FIGURE, lambda m: str(int(m.group()) + copy % 89 + 1))
    return text, [words, figures]


def edited_mapped(text: str, copy: int) -> tuple[str, list[OffsetMap]]:
    """Copy `copy` of a republished story: about one long word in 25 changed."""
    if copy == 0:
        return text, []

    def word(match: re.Match[str]) -> str:
        found = match.group()
        chosen = zlib.crc32(f"{copy}:{match.start()}".encode()) % 25 == 0
        return _made_up(found, copy) if chosen and found not in _KEPT else found

    text, words = substitute(text, _LONG_WORD, word)
    return text, [words]


def lemma_change(kind: str, copy: int, salt: int = 0) -> Callable[[str, int], str]:
    """What copy `copy` of a `kind` corpus does to a statement's content lemmas, as its
    text change does to the words: the same made-up words and figures in a distinct copy,
    about one long word in 25 in an edited one (`salt` and the lemma's index choose it)."""

    def change(lemma: str, index: int) -> str:
        if copy == 0 or kind == "plain":
            return lemma
        if _FIGURE.fullmatch(lemma):
            return str(int(lemma) + copy % 89 + 1) if kind == "distinct" else lemma
        if not _LONG_WORD.fullmatch(lemma) or lemma in _KEPT:
            return lemma
        if kind == "edited" and zlib.crc32(f"{copy}:{salt}:{index}".encode()) % 25:
            return lemma
        return _made_up(lemma, copy)

    return change


_NEUTRAL = "the mayor"
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_MARKS = str.maketrans("", "", '"“”«»„‘')


def off_topic(paragraph: str, names: re.Pattern[str]) -> str:
    """A paragraph of the same length and shape that concerns neither speaker: names,
    titles and pronouns become "the mayor", quotation marks go."""
    return _PRONOUN.sub(_NEUTRAL, names.sub(_NEUTRAL, paragraph)).translate(_MARKS)


def with_off_topic(text: str, names: re.Pattern[str]) -> str:
    """The article with an off-topic paragraph after each of its lines: half the
    paragraphs concern nobody the debate is about."""
    lines = [line for line in text.splitlines() if line.strip()]
    return "\n".join(f"{line}\n{off_topic(line, names)}" for line in lines) + "\n"


def generate_off_topic(out_dir: Path, articles: int, names: re.Pattern[str]) -> list[Path]:
    """Like `generate`, each article interleaved with off-topic paragraphs."""
    written = generate(out_dir, articles)
    for path in written:
        path.write_text(with_off_topic(path.read_text("utf-8"), names), "utf-8")
    return written


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


Copy = tuple[Path, str, list[OffsetMap]]  # file written, original's name, offset maps
_CHANGES: dict[str, Callable[[str, int], tuple[str, list[OffsetMap]]]] = {
    "plain": lambda text, _copy: (text, []),
    "distinct": distinct_mapped,
    "edited": edited_mapped,
}


def generate(
    out_dir: Path, articles: int, source: Path = BUNDLED, *, kind: str = "plain"
) -> list[Path]:
    """Write `articles` files (and their sources.toml) into `out_dir`; return their paths.

    Copies cycle through the source articles, so any size is reachable and the mix of
    article lengths stays that of the bundled corpus. `kind`: "plain" (the original's
    statements), "distinct" or "edited" (see the module's docstring).
    """
    return [path for path, _, _ in generate_mapped(out_dir, articles, source, kind=kind)]


def generate_mapped(
    out_dir: Path, articles: int, source: Path = BUNDLED, *, kind: str = "plain"
) -> list[Copy]:
    """As `generate`, with each copy's original and the maps of its offsets. An "edited"
    corpus is one article (the longest) in every copy."""
    originals = sorted(p for p in source.glob("*.txt") if p.is_file())
    if not originals:
        raise SystemExit(f"{source}: no .txt articles to replicate")
    if kind == "edited":  # the longest article: the most statements to repeat
        originals = [max(originals, key=lambda p: (p.stat().st_size, p.name))]
    change = _CHANGES[kind]
    sidecar_path = source / SIDECAR
    sidecar = tomllib.loads(sidecar_path.read_text("utf-8")) if sidecar_path.is_file() else {}
    texts = {p.name: p.read_text("utf-8") for p in originals}
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Copy] = []
    lines: list[str] = []
    for index in range(articles):
        original = originals[index % len(originals)]
        copy = index // len(originals)
        name = f"{original.stem}--{copy:05d}.txt"
        path = out_dir / name
        text, maps = change(texts[original.name], copy)
        text, more = vary_mapped(text, copy)
        path.write_text(text, "utf-8")
        written.append((path, original.name, maps + more))
        meta = sidecar.get(original.name, {})
        lines.append(f"[{_toml_string(name)}]")
        for key in ("title", "occasion", "outlet", "date", "url"):
            value = meta.get(key)
            if isinstance(value, str) and value:
                if key == "title" and copy:
                    value = f"{value} (edition {copy})"
                lines.append(f"{key} = {_toml_string(value)}")
        lines.append("")
    (out_dir / SIDECAR).write_text("\n".join(lines), "utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the corpus into")
    parser.add_argument("--articles", type=int, default=200, help="number of articles")
    parser.add_argument(
        "--source", type=Path, default=BUNDLED, help="folder of articles to replicate"
    )
    kinds = parser.add_mutually_exclusive_group()
    kinds.add_argument(
        "--distinct", action="store_true", help="copies say other things (for assembly runs)"
    )
    kinds.add_argument(
        "--edited", action="store_true", help="one article, each copy lightly edited"
    )
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    kind = "distinct" if args.distinct else "edited" if args.edited else "plain"
    paths = generate(args.out_dir, args.articles, args.source, kind=kind)
    print(f"{len(paths)} articles written to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
