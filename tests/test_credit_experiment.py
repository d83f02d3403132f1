"""The learned credit fallback experiment (devset/train_credit_model.py): what it reads of
the sentences the rules leave silent, how it credits them, how it picks its threshold.

Synthetic text only: the dev set's real texts never enter the repository.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "devset"))

import freeze  # noqa: E402
import train_credit_model as experiment  # noqa: E402
from credit_features import FEATURES, MODEL_CUE, CreditModel  # noqa: E402

TEXT = (
    "Lavrov took aim at Washington over the sanctions on Tuesday.\n"
    "Blinken said the talks in Geneva had been useful.\n"
    "A ministry spokesman said Lavrov would travel to Ankara next.\n"
)

DRAFT = """
[article]
id = "silent-01"
debate = "blinken-lavrov"
kind = "wire"
half = "tune"
url = "https://example.org/silent"
query = "synthetic"

[[statement]]
anchor = "took aim at Washington over the sanctions"
speaker = "lavrov"
via = "name"

[[statement]]
anchor = "the talks in Geneva had been useful"
speaker = "blinken"
via = "name"

[[trap]]
anchor = "would travel to Ankara next"
who = "ministry spokesman"
why = "someone else"
"""


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> experiment.Parsed:
    texts = tmp_path_factory.mktemp("texts")
    (texts / "silent-01.txt").write_text(TEXT, "utf-8")
    (texts / "silent-01.draft.toml").write_text(DRAFT, "utf-8")
    labels = texts / "labels"
    assert freeze.freeze(texts, "silent-01", labels) == []
    (article,) = experiment.load([texts], labels)
    return article


def _model(named: float, threshold: float) -> CreditModel:
    """A model that only looks at whether the speaker is named in the sentence."""
    weights = tuple(named if name == "named" else 0.0 for name in FEATURES)
    return CreditModel(weights, -2.0, threshold)


def test_the_sentences_the_rules_leave_silent_are_the_candidates(
    parsed: experiment.Parsed,
) -> None:
    rows = [
        (parsed.worker.clauses[i].start, speaker, label)
        for (i, speaker, _row), label, candidate in zip(
            parsed.rows, parsed.labels, parsed.candidate, strict=True
        )
        if candidate
    ]
    assert rows == [(0, "blinken", 0), (0, "lavrov", 1)]
    assert experiment.miss_kinds([parsed]) == {"no credit (a fallback candidate)": 1}


def test_the_rules_alone_score_as_the_dev_set_scorer_does(parsed: experiment.Parsed) -> None:
    result, added, _lines = experiment.score_with([parsed], None)
    total = result.total
    assert (total.found, total.labels, total.correct, total.statements) == (1, 2, 1, 1)
    assert total.traps_credited == 0 and added.right == added.wrong == 0


def test_a_model_credits_a_silent_sentence_to_its_likeliest_speaker_above_its_threshold(
    parsed: experiment.Parsed,
) -> None:
    result, added, _lines = experiment.score_with([parsed], _model(named=5.0, threshold=0.9))
    assert (result.total.found, added.right, added.wrong, added.traps) == (2, 1, 0, 0)
    (credited,) = [s for s in parsed.worker.statements() if s.cue == MODEL_CUE]
    assert (credited.speaker, credited.start) == ("lavrov", 0)
    result, added, _lines = experiment.score_with([parsed], _model(named=5.0, threshold=0.99))
    assert (result.total.found, added.right) == (1, 0)


def test_no_threshold_is_picked_when_what_the_model_would_add_is_wrong(
    parsed: experiment.Parsed,
) -> None:
    wrong = replace(parsed, labels=[0 for _ in parsed.labels])  # another article, all wrong
    again = replace(parsed)  # another article, as labelled
    settings = experiment.Settings(folds=2)
    assert experiment.pick_threshold([wrong, again], settings) > 1.0
    assert experiment.pick_threshold([parsed, again], settings) <= 1.0
