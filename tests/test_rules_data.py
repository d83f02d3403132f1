"""Attribution rules as data: one TOML file per language, read once, part of the cache key.

Adding a speech verb, a person-role noun or a turn role is one line in the data file; these
tests add each through the data and show the extraction follow.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from debate_tui.cache import rule_files
from debate_tui.config import default_config
from debate_tui.corpus import read_article
from debate_tui.extract.attribution import ArticleAttributor, parse_spans
from debate_tui.extract.pipeline import load_nlp
from debate_tui.extract.rules import RULES_DIR, Rules, load_rules, parse_rules
from debate_tui.extract.speakers import Gazetteer
from debate_tui.extract.topics import TopicMatcher
from debate_tui.model import Statement

CONFIG = default_config()


def rules_with(change: dict[str, Any]) -> Rules:
    """The English rules with `change` applied: {"cues.assertive.lemmas": ["grumble"]}
    appends to a list found by its dotted path."""
    data = tomllib.loads((RULES_DIR / "en.toml").read_text("utf-8"))
    for path, extra in change.items():
        *parents, key = path.split(".")
        table = data
        for part in parents:
            table = table[part]
        table[key] = [*table[key], *extra]
    return parse_rules(data)


def extract(tmp_path: Path, text: str, rules: Rules) -> list[Statement]:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path, "article.txt", {}, lambda _m: None)
    assert article is not None
    attributor = ArticleAttributor(
        article,
        Gazetteer(CONFIG.speakers, article.text),
        TopicMatcher(CONFIG.topics),
        {s.id for s in CONFIG.speakers},
        rules,
    )
    nlp = load_nlp()
    for index, start, end in parse_spans(article, CONFIG.speakers, rules):
        attributor.add_paragraph(index, nlp(article.text[start:end]), start)
    return attributor.statements()


def test_a_speech_verb_added_to_the_data_becomes_a_cue(tmp_path: Path) -> None:
    text = "A headline\nLavrov grumbled that the West never listened.\n"
    assert extract(tmp_path, text, load_rules()) == []
    found = extract(tmp_path, text, rules_with({"cues.assertive.lemmas": ["grumble"]}))
    assert [(s.speaker, s.cue) for s in found] == [("lavrov", "grumbled")]


def test_a_person_role_added_to_the_data_takes_the_pronoun_after_it(tmp_path: Path) -> None:
    text = (
        "A headline\nLavrov arrived late. The sherpa said the summit would go ahead. "
        "He added that nothing was agreed.\n"
    )
    assert [s.speaker for s in extract(tmp_path, text, load_rules())] == ["lavrov"]
    assert extract(tmp_path, text, rules_with({"words.person_roles": ["sherpa"]})) == []


def test_a_turn_role_added_to_the_data_opens_someone_elses_turn(tmp_path: Path) -> None:
    text = (
        "Transcript\n"
        "Panellist: Lavrov said the treaty is dead.\n"
        "SECRETARY BLINKEN: The treaty matters to everyone.\n"
        "Panellist: And the talks?\n"
    )
    plain = extract(tmp_path, text, load_rules())
    assert "lavrov" in [s.speaker for s in plain]
    found = extract(tmp_path, text, rules_with({"turns.roles": ["panellist"]}))
    assert [s.speaker for s in found] == ["blinken"]


def test_a_verb_listed_in_two_cue_classes_takes_the_shapes_of_both(tmp_path: Path) -> None:
    text = "A headline\nLavrov grumbled that the West never listened.\n"
    both = rules_with({"cues.assertive.lemmas": ["grumble"], "cues.speaking.lemmas": ["grumble"]})
    assert [(s.speaker, s.cue) for s in extract(tmp_path, text, both)] == [("lavrov", "grumbled")]


def test_a_cue_class_needing_an_unknown_shape_is_refused() -> None:
    data = tomllib.loads((RULES_DIR / "en.toml").read_text("utf-8"))
    data["cues"]["odd"] = {"lemmas": ["mutter"], "needs": ["telepathy"]}
    with pytest.raises(ValueError, match="telepathy"):
        parse_rules(data)


def test_the_rules_file_is_part_of_the_extractor_version() -> None:
    assert RULES_DIR / "en.toml" in rule_files()


def test_rules_are_read_once() -> None:
    assert load_rules() is load_rules()
