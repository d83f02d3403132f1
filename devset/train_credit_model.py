"""Train and measure a learned credit fallback (devset/credit_features.py), an experiment.

    python devset/train_credit_model.py TEXTS_DIR [TEXTS_DIR ...] [--folds 5]
    python devset/train_credit_model.py TEXTS_DIR ... --evaluate NEW_TEXTS_DIR
    python devset/train_credit_model.py TEXTS_DIR --code OLD_CHECKOUT --held-out ID,ID,...

Reads only the tune half (labels whose `half` is "tune"); the test half is never opened.
Every article is parsed once with the rules; the rows are (sentence, speaker) pairs,
labelled 1 when the sentence covers a statement label of that speaker and no trap. The
model is a logistic regression trained on every sentence outside transcript turns (or
with `--train-on candidates`, only on those the rules left without any credit); it credits
only sentences the rules left without any credit, to the likeliest speaker.

Grouped cross-validation by article: each fold trains on the other articles, picks its
threshold by an inner cross-validation on those same articles (the lowest probability at
which the additions stay at least `--precision` correct; no threshold at all when none
does), then scores its own articles with the rules alone and with rules + model, with
benchmarks/quality.py's scorer.
- `--evaluate DIR` trains on the articles outside DIR and scores those in DIR (a blind
  batch).
- `--code DIR --held-out IDS` replays a blind batch with the rules as they were: the
  extractor is imported from DIR (a checkout of an older commit), the articles are those
  labelled in that checkout, IDS (the batch then first measured) are scored, the others
  train.
- `--thresholds 0.5,0.7,0.9` also prints what fixed thresholds would have added
  (diagnostics: the threshold that counts is the one the inner cross-validation picked).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def _code_root(argv: list[str]) -> Path:
    """The tree whose extractor runs: --code DIR, else this checkout."""
    for i, arg in enumerate(argv):
        if arg == "--code" and i + 1 < len(argv):
            return Path(argv[i + 1]).resolve()
        if arg.startswith("--code="):
            return Path(arg.split("=", 1)[1]).resolve()
    return ROOT


CODE = _code_root(sys.argv)
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "devset"))
sys.path.insert(0, str(CODE))

# credit_features imports the extractor first, from CODE; quality.py then puts this
# checkout on the path, but the package is already loaded from CODE.
from credit_features import (  # noqa: E402
    FEATURES,
    MODEL_CUE,
    CreditModel,
    ReadingAttributor,
    vector,
)
from freeze import LABELS, load_labels, short_sha  # noqa: E402
from quality import Result, _config, score_article  # noqa: E402

from debate_tui.config import Config  # noqa: E402
from debate_tui.corpus import read_article  # noqa: E402
from debate_tui.extract.pipeline import load_nlp  # noqa: E402
from debate_tui.extract.speakers import Gazetteer  # noqa: E402
from debate_tui.extract.topics import TopicMatcher  # noqa: E402
from debate_tui.model import Statement  # noqa: E402


@dataclass(frozen=True)
class Settings:
    l2: float = 1.0  # the weight of the L2 penalty
    folds: int = 5  # of the inner cross-validation that picks the threshold
    precision: float = 0.98  # what the model's additions must keep
    train_on: str = "all"  # every clause outside turns, or only "candidates"


@dataclass(eq=False)  # an article is itself: folds are told apart by identity
class Parsed:
    data: dict[str, Any]
    text: str
    worker: ReadingAttributor
    rows: list[tuple[int, str, dict[str, float]]]  # every single-speaker clause
    labels: list[int]
    candidate: list[bool]  # the rules left the clause without any credit

    @property
    def id(self) -> str:
        return str(self.data["article"]["id"])


def parse_article(data: dict[str, Any], path: Path, config: Config) -> Parsed | None:
    """The article through the rules alone, as `extract_statements` runs it."""
    loaded = read_article(path, path.name, {}, lambda _m: None)
    if loaded is None:
        return None
    nlp = load_nlp()
    matcher = TopicMatcher(
        config.topics,
        ignore=[p for s in config.speakers for p in (s.name, *s.aliases, *s.titles)],
    )
    worker = ReadingAttributor(
        loaded, Gazetteer(config.speakers, loaded.text), matcher, {s.id for s in config.speakers}
    )
    spans = worker.parse_spans()
    docs = nlp.pipe(loaded.text[a:b] for _, a, b in spans)
    for (index, start, _end), doc in zip(spans, docs, strict=True):
        worker.add_paragraph(index, doc, start)
    credits = worker.rule_credits()
    rows = worker.candidates(credits, credited=True)
    labels = []
    for index, speaker, _row in rows:
        clause = worker.clauses[index]
        own = any(
            lab["speaker"] == speaker and clause.start <= lab["start"] and lab["end"] <= clause.end
            for lab in data.get("statement", [])
        )
        trapped = any(
            t["start"] < clause.end and clause.start < t["end"] for t in data.get("trap", [])
        )
        labels.append(int(own and not trapped))
    candidate = [credits[index] is None for index, _s, _r in rows]
    return Parsed(data, loaded.text, worker, rows, labels, candidate)


def load(dirs: list[Path], labels: Path = LABELS) -> list[Parsed]:
    """Every tune article whose text is in one of `dirs` (first found wins)."""
    configs: dict[str, Config] = {}
    out = []
    universe = None
    if CODE != ROOT:  # a replay: the articles labelled in that checkout
        universe = {p.stem for p in (CODE / "devset" / "labels").glob("*.toml")}
    for data in load_labels(labels):
        article = data["article"]
        if article["half"] != "tune":
            continue  # the test half is never read here
        if universe is not None and article["id"] not in universe:
            continue
        found = [d / f"{article['id']}.txt" for d in dirs]
        path = next((f for f in found if f.is_file()), None)
        if path is None:
            continue
        if short_sha(path.read_text("utf-8"), 12) != article["sha"]:
            print(f"left out: {article['id']}: text differs from the labelled one", file=sys.stderr)
            continue
        parsed = parse_article(data, path, _config(article["debate"], configs))
        if parsed is not None:
            out.append(parsed)
    return out


# -- the regression --------------------------------------------------------------------------
def _training_rows(article: Parsed, train_on: str) -> list[tuple[dict[str, float], int]]:
    return [
        (row, label)
        for (_i, _s, row), label, candidate in zip(
            article.rows, article.labels, article.candidate, strict=True
        )
        if candidate or train_on == "all"
    ]


def fit(articles: list[Parsed], settings: Settings) -> CreditModel:
    """L2-regularised logistic regression by Newton steps (the bias is not penalised)."""
    pairs = [pair for a in articles for pair in _training_rows(a, settings.train_on)]
    x = np.array([vector(row) for row, _label in pairs], dtype=float)
    y = np.array([label for _row, label in pairs], dtype=float)
    if not len(x):
        return CreditModel(tuple(0.0 for _ in FEATURES), -40.0, 2.0)
    x = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], settings.l2)
    penalty[0] = 1e-6
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -40, 40)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return CreditModel(tuple(float(v) for v in w[1:]), float(w[0]), 1.0)


def _folds(articles: list[Parsed], k: int) -> list[list[Parsed]]:
    """k groups of whole articles, dealt in id order so kinds and debates spread."""
    ordered = sorted(articles, key=lambda a: a.id)
    return [ordered[i::k] for i in range(k)]


def pick_threshold(articles: list[Parsed], settings: Settings) -> float:
    """The lowest threshold at which the inner out-of-fold additions keep the precision
    asked for; above any probability (2.0) when no threshold does."""
    scored: list[tuple[float, int]] = []
    for held in _folds(articles, settings.folds):
        model = fit([a for a in articles if a not in held], settings)
        for article in held:
            best: dict[int, tuple[float, int]] = {}
            for (index, _s, row), label, candidate in zip(
                article.rows, article.labels, article.candidate, strict=True
            ):
                if not candidate:
                    continue
                p = model.probability(row)
                if index not in best or p > best[index][0]:
                    best[index] = (p, label)
            scored.extend(best.values())
    scored.sort(reverse=True)
    threshold, right = 2.0, 0  # above any probability: credits nothing
    for n, (p, label) in enumerate(scored, start=1):
        right += label
        if right / n >= settings.precision:
            threshold = p
    return max(threshold, 0.5)  # never below an even chance


def with_threshold(model: CreditModel, threshold: float) -> CreditModel:
    return CreditModel(model.weights, model.bias, threshold)


# -- scoring ---------------------------------------------------------------------------------
@dataclass
class Added:
    right: int = 0
    wrong: int = 0
    traps: int = 0


def _added(article: Parsed, statements: list[Statement], added: Added, lines: list[str]) -> None:
    labels = article.data.get("statement", [])
    traps = article.data.get("trap", [])
    for s in statements:
        if s.cue != MODEL_CUE:
            continue
        own = any(
            lab["speaker"] == s.speaker and s.start <= lab["start"] and lab["end"] <= s.end
            for lab in labels
        )
        trapped = [t for t in traps if s.start < t["end"] and t["start"] < s.end]
        added.traps += len(trapped)
        if own and not trapped:
            added.right += 1
        else:
            added.wrong += 1
            why = f"trap ({trapped[0].get('who', '?')})" if trapped else "no label of its speaker"
            lines.append(f"    wrong: {article.id} @{s.start} {s.speaker} {s.confidence}: {why}")


def _line(result: Result) -> str:
    t = result.total
    p = t.correct / t.statements if t.statements else 1.0
    r = t.found / t.labels if t.labels else 1.0
    return (
        f"P {p:.3f} R {r:.3f}  found {t.found}/{t.labels}"
        f"  correct {t.correct}/{t.statements}  traps {t.traps_credited}/{t.traps}"
    )


def miss_kinds(held: list[Parsed]) -> dict[str, int]:
    """Where the rules' misses sit: the ceiling of a fallback over silent sentences."""
    kinds: dict[str, int] = {}
    for article in held:
        article.worker.model = None
        statements = article.worker.statements()
        credits = article.worker.rule_credits()
        clauses = article.worker.clauses
        for label in article.data.get("statement", []):
            start, end, speaker = label["start"], label["end"], label["speaker"]
            if any(s.speaker == speaker and s.start <= start and end <= s.end for s in statements):
                continue
            inside = [i for i, c in enumerate(clauses) if c.start < end and start < c.end]
            if not inside:
                kind = "sentence never parsed"
            else:
                found = [credits[i] for i in inside]
                if all(c is None for c in found):
                    kind = "no credit (a fallback candidate)"
                elif any(c is not None and c.speaker == speaker for c in found):
                    kind = "credited, span cut or split"
                elif any(c is not None and c.speaker in article.worker.speaker_ids for c in found):
                    kind = "credited to the other speaker"
                else:
                    kind = "credited to someone else"
            kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def score_with(held: list[Parsed], model: CreditModel | None) -> tuple[Result, Added, list[str]]:
    result, added, lines = Result(), Added(), list[str]()
    for article in held:
        article.worker.model = model
        statements = article.worker.statements()
        score_article(article.data, article.text, statements, result, show_text=False)
        _added(article, statements, added, lines)
    return result, added, lines


def evaluate(
    train: list[Parsed],
    held: list[Parsed],
    settings: Settings,
    name: str,
    thresholds: Sequence[float] = (),
) -> tuple[Result, Result, Added, dict[float, Added]]:
    """Train on `train` (threshold by inner cross-validation), score `held` with the rules
    alone and with rules + model, and print both (and what fixed thresholds add)."""
    threshold = pick_threshold(train, settings)
    fitted = fit(train, settings)
    rules, _none, _lines = score_with(held, None)
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(miss_kinds(held).items()))
    both, added, lines = score_with(held, with_threshold(fitted, threshold))
    shown = "none reached the precision" if threshold > 1 else f"{threshold:.3f}"
    print(f"{name}: {len(held)} articles, threshold {shown}")
    print(f"  rules alone    {_line(rules)}")
    print(f"    its misses: {kinds}")
    print(f"  rules + model  {_line(both)}")
    print(f"  model added {added.right} right, {added.wrong} wrong, traps credited {added.traps}")
    for line in lines:
        print(line)
    at_fixed: dict[float, Added] = {}
    for fixed in thresholds:
        result, more, _lines = score_with(held, with_threshold(fitted, fixed))
        at_fixed[fixed] = more
        print(
            f"  (at a fixed {fixed:.2f}: {_line(result)};"
            f" added {more.right} right, {more.wrong} wrong, traps {more.traps})"
        )
    for article in held:
        article.worker.model = None
    return rules, both, added, at_fixed


def _sum(into: Added, more: Added) -> None:
    for key in vars(into):
        setattr(into, key, getattr(into, key) + getattr(more, key))


def write_model(articles: list[Parsed], settings: Settings, path: Path) -> None:
    """The weights trained on every article, with the feature names beside them."""
    threshold = pick_threshold(articles, settings)
    model = fit(articles, settings)
    rows = sum(len(a.rows) for a in articles)
    positives = sum(sum(a.labels) for a in articles)
    lines = [
        "# A learned credit fallback's weights (devset/credit_features.py), written by",
        "# devset/train_credit_model.py from the dev set's tune half.",
        f"# {len(articles)} articles, {rows} (sentence, speaker) rows, {positives} positive;",
        f"# L2 {settings.l2}; threshold by {settings.folds}-fold grouped cross-validation",
        f"# for precision {settings.precision} of what it adds (above 1: credits nothing).",
        f"bias = {model.bias:.6f}",
        f"threshold = {threshold:.6f}",
        "",
        "[weights]",
        *(f'"{name}" = {w:.6f}' for name, w in zip(FEATURES, model.weights, strict=True)),
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"wrote {path} (threshold {threshold:.3f})")


def _ids(value: str) -> set[str]:
    return {v.strip() for v in value.split(",") if v.strip()}


def _thresholds(value: str) -> list[float]:
    return [float(v) for v in value.split(",") if v.strip()]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Train and measure a learned credit fallback.")
    parser.add_argument("texts", type=Path, nargs="+", help="folders of the dev set's texts")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--precision", type=float, default=0.98)
    parser.add_argument("--train-on", choices=("all", "candidates"), default="all")
    parser.add_argument("--evaluate", type=Path, help="score only the tune articles in this folder")
    parser.add_argument("--code", type=Path, help="replay with the extractor of this checkout")
    parser.add_argument("--held-out", type=_ids, default=set(), help="ids to score (a replay)")
    parser.add_argument("--thresholds", type=_thresholds, default=[], help="diagnostics")
    parser.add_argument("--write", type=Path, help="train on all and write the weights here")
    args = parser.parse_args(argv)
    settings = Settings(args.l2, args.folds, args.precision, args.train_on)
    folders = [*args.texts, *([args.evaluate] if args.evaluate else [])]
    for folder in folders:
        if not folder.is_dir():
            print(f"{folder}: no such folder of dev set texts", file=sys.stderr)
            return 2
    articles = load(folders)
    rows = sum(len(a.rows) for a in articles)
    positives = sum(sum(a.labels) for a in articles)
    candidates = [lab for a in articles for lab, c in zip(a.labels, a.candidate, strict=True) if c]
    print(
        f"{len(articles)} tune articles, {rows} (sentence, speaker) rows ({positives} positive),"
        f" {len(candidates)} left without credit ({sum(candidates)} positive)"
    )
    if args.write:
        write_model(articles, settings, args.write)
        return 0
    if args.evaluate or args.held_out:
        inside = {p.stem for p in args.evaluate.glob("*.txt")} if args.evaluate else args.held_out
        held = [a for a in articles if a.id in inside]
        train = [a for a in articles if a.id not in inside]
        name = f"blind batch ({len(train)} articles train)"
        evaluate(train, held, settings, name, args.thresholds)
        return 0
    totals = [Result(), Result()]
    added_all = Added()
    fixed_all = {fixed: Added() for fixed in args.thresholds}
    for n, held in enumerate(_folds(articles, args.folds), start=1):
        train = [a for a in articles if a not in held]
        rules, both, added, at_fixed = evaluate(train, held, settings, f"fold {n}", args.thresholds)
        totals[0].total.add(rules.total)
        totals[1].total.add(both.total)
        _sum(added_all, added)
        for fixed, more in at_fixed.items():
            _sum(fixed_all[fixed], more)
    print("all held-out folds")
    print(f"  rules alone    {_line(totals[0])}")
    print(f"  rules + model  {_line(totals[1])}")
    print(
        f"  model added {added_all.right} right, {added_all.wrong} wrong,"
        f" traps credited {added_all.traps}"
    )
    for fixed, more in fixed_all.items():
        print(
            f"  (at a fixed {fixed:.2f}: added {more.right} right, {more.wrong} wrong,"
            f" traps {more.traps})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
