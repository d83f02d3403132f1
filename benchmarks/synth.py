"""Synthetic corpus for scale runs: the bundled articles replicated under distinct names.

Each copy gets small variations (weekdays and months rotated, an edition line at the end)
so its content hash, and therefore its cache entry, differs from every other copy, while
the text keeps the shape and the statements of the original. Nothing here is committed as
data: benchmarks write corpora into temporary folders.

    python benchmarks/synth.py OUT_DIR --articles 200
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
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


def vary(text: str, copy: int) -> str:
    """The text with weekdays and months shifted by `copy` and an edition line appended.

    The edition line is a heading (short, no closing punctuation), so it is never parsed:
    every copy costs the extractor the same work as the original.
    """
    if copy == 0:
        return text

    def shift(names: tuple[str, ...]) -> Callable[[re.Match[str]], str]:
        return lambda m: names[(names.index(m.group(1)) + copy) % len(names)]

    text = _WEEKDAY.sub(shift(_WEEKDAYS), text)
    text = _MONTH.sub(shift(_MONTHS), text)
    return text.rstrip("\n") + f"\n\nEdition {copy:05d}\n"


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


def generate(out_dir: Path, articles: int, source: Path = BUNDLED) -> list[Path]:
    """Write `articles` files (and their sources.toml) into `out_dir`; return their paths.

    Copies cycle through the source articles, so any size is reachable and the mix of
    article lengths stays that of the bundled corpus.
    """
    originals = sorted(p for p in source.glob("*.txt") if p.is_file())
    if not originals:
        raise SystemExit(f"{source}: no .txt articles to replicate")
    sidecar_path = source / SIDECAR
    sidecar = tomllib.loads(sidecar_path.read_text("utf-8")) if sidecar_path.is_file() else {}
    texts = {p.name: p.read_text("utf-8") for p in originals}
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    lines: list[str] = []
    for index in range(articles):
        original = originals[index % len(originals)]
        copy = index // len(originals)
        name = f"{original.stem}--{copy:05d}.txt"
        path = out_dir / name
        path.write_text(vary(texts[original.name], copy), "utf-8")
        written.append(path)
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
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    paths = generate(args.out_dir, args.articles, args.source)
    print(f"{len(paths)} articles written to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
