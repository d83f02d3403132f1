"""Evidence, confidence and reason from one record, and the evidence in `parse` output."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

from debate_tui.extract.evidence import Evidence, confidence, reason
from debate_tui.extract.rules import RULES_DIR, load_rules, parse_rules

RULES = load_rules()
BY_NAME = Evidence("name", "said", "Lavrov", "Sergei Lavrov")
BY_PRONOUN = Evidence("pronoun", "added", "He", "Sergei Lavrov", role="antecedent")


def test_confidence_is_the_prior_times_the_modifiers_that_apply() -> None:
    assert confidence(BY_NAME, RULES) == RULES.priors["name"]
    according = replace(BY_NAME, according_to=True)
    assert confidence(according, RULES) == round(
        RULES.priors["name"] * RULES.modifiers["according_to"], 2
    )
    rivals = replace(BY_PRONOUN, rivals=("Wang Yi",))
    assert confidence(rivals, RULES) == RULES.priors["pronoun_with_rivals"] < 0.6
    assert confidence(BY_PRONOUN, RULES) > confidence(rivals, RULES)


def test_a_prior_changed_in_the_data_changes_the_confidence() -> None:
    data = tomllib.loads((RULES_DIR / "en.toml").read_text("utf-8"))
    data["evidence"]["title"] = 0.42
    rules = parse_rules(data)
    title = Evidence("title", "said", "the Russian minister", "Sergei Lavrov")
    assert confidence(title, rules) == 0.42


def test_the_reason_is_written_from_the_evidence() -> None:
    assert reason(BY_NAME) == "cue 'said'; name 'Lavrov' is the subject"
    rivals = replace(BY_PRONOUN, rivals=("Wang Yi", "Marco Rubio"))
    text = reason(rivals)
    assert "refers to Sergei Lavrov" in text and "Wang Yi, Marco Rubio" in text
    carried = BY_NAME.carried_over("quotation", reason(BY_NAME))
    assert reason(carried).startswith("inside a quotation attributed by 'said' (cue 'said'")
    assert confidence(carried, RULES) < confidence(BY_NAME, RULES)


def test_parse_jsonl_carries_each_statements_evidence(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "A headline\nLavrov met Chinese Foreign Minister Wang Yi on Friday. He said the West "
        "was isolated.\n",
        encoding="utf-8",
    )

    def parse() -> list[dict[str, object]]:
        done = subprocess.run(
            [sys.executable, "-m", "debate_tui", "parse", str(corpus), "--format", "jsonl"],
            capture_output=True,
            text=True,
            env={"DEBATE_TUI_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"},
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return [json.loads(line) for line in done.stdout.splitlines()]

    records = parse()
    assert [r["evidence"] for r in records] == [
        {
            "how": "pronoun",
            "cue": "said",
            "words": "He",
            "speaker_name": "Sergei Lavrov",
            "role": "antecedent",
            "rivals": ["Wang Yi"],
        }
    ]
    assert records[0]["confidence"] < 0.6 and "Wang Yi" in records[0]["reason"]
    assert parse() == records  # read back from the cache, the evidence is the same
