"""Speakers and topics: the built-in debate, user files that replace it, and errors to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from debate_tui.config import ConfigError, default_config, load_config
from debate_tui.digest import hexdigest

TWO_SPEAKERS = """\
[[speakers]]
id = "macron"
name = "Emmanuel Macron"
aliases = ["Macron"]

[[speakers]]
id = "scholz"
name = "Olaf Scholz"
"""

ONE_TOPIC = """\
[[topics]]
id = "energy"
label = "Energy"
terms = ["gas", "pipeline"]
"""


def write(directory: Path, text: str, name: str = "debate.toml") -> Path:
    path = directory / name
    path.write_text(text, "utf-8")
    return path


def config_error(path: Path) -> str:
    with pytest.raises(ConfigError) as excinfo:
        load_config(path)
    message = str(excinfo.value)
    assert "\n" not in message
    return message


# Built-in defaults -----------------------------------------------------------------------


def test_defaults_are_blinken_against_lavrov() -> None:
    config = default_config()
    assert config.name == "Blinken vs Lavrov"
    assert [(s.id, s.name) for s in config.speakers] == [
        ("blinken", "Antony Blinken"),
        ("lavrov", "Sergei Lavrov"),
    ]
    blinken, lavrov = config.speakers
    assert {"Blinken", "Blinkin", "Secretary Blinken"} <= set(blinken.aliases)
    assert {"Lavrov", "Sergey Lavrov"} <= set(lavrov.aliases)
    assert "Secretary of State" in blinken.titles
    assert "Russian Foreign Minister" in lavrov.titles


def test_defaults_have_the_topics_of_the_debate() -> None:
    topics = {topic.id: topic for topic in default_config().topics}
    assert {"crimea", "minsk", "escalation", "new-start"} <= set(topics)
    assert len(topics) >= 8
    assert "other" not in topics  # "Other" is added by the debate, never configured
    assert {"New START", "New Start", "New Strategic Arms Reduction Treaty"} <= set(
        topics["new-start"].terms
    )
    assert topics["crimea"].label == "Crimea"
    assert all(topic.terms for topic in topics.values())


def test_no_user_file_means_the_defaults(tmp_path: Path) -> None:
    assert load_config() == default_config()
    assert load_config(None, tmp_path) == default_config()
    assert load_config().source == "built-in defaults"


# User files ------------------------------------------------------------------------------


def test_a_topics_table_replaces_every_default_topic_and_keeps_the_speakers(
    tmp_path: Path,
) -> None:
    config = load_config(write(tmp_path, ONE_TOPIC))
    assert [(t.id, t.label, t.terms) for t in config.topics] == [
        ("energy", "Energy", ("gas", "pipeline"))
    ]
    assert config.speakers == default_config().speakers
    assert config.source == str(tmp_path / "debate.toml")


def test_a_speakers_table_replaces_the_speakers_and_keeps_the_topics(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '[debate]\nname = "Macron vs Scholz"\n' + TWO_SPEAKERS))
    assert config.name == "Macron vs Scholz"
    assert [s.id for s in config.speakers] == ["macron", "scholz"]
    # The full name and the surname always count as aliases.
    assert set(config.speakers[1].aliases) == {"Olaf Scholz", "Scholz"}
    assert config.topics == default_config().topics


def test_debate_toml_in_the_corpus_is_read(tmp_path: Path) -> None:
    write(tmp_path, ONE_TOPIC)
    config = load_config(None, tmp_path)
    assert [t.id for t in config.topics] == ["energy"]


def test_an_explicit_config_file_wins_over_the_corpus_one(tmp_path: Path) -> None:
    write(tmp_path, ONE_TOPIC)
    other = tmp_path / "elsewhere"
    other.mkdir()
    chosen = write(other, ONE_TOPIC.replace("energy", "migration"), "mine.toml")
    config = load_config(chosen, tmp_path)
    assert [t.id for t in config.topics] == ["migration"]


# Errors: one line, naming the file and the line ------------------------------------------


def test_bad_toml_names_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[debate]\nname = "x"\nbroken = \n')
    message = config_error(path)
    assert message.startswith(f"{path}:")
    assert "line 3" in message


def test_a_speaker_without_id_names_its_table_line(tmp_path: Path) -> None:
    text = TWO_SPEAKERS.replace('id = "scholz"\n', "")
    path = write(tmp_path, text)
    message = config_error(path)
    assert message.startswith(f"{path}:6: ")
    assert "missing id" in message


def test_a_speaker_with_a_blank_name_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_SPEAKERS.replace('"Olaf Scholz"', '"   "'))
    message = config_error(path)
    assert message.startswith(f"{path}:6: ")
    assert "missing name" in message


def test_one_speaker_only_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "# the debate\n" + TWO_SPEAKERS.split("\n\n")[0] + "\n")
    message = config_error(path)
    assert message.startswith(f"{path}:2: ")
    assert "exactly two [[speakers]]" in message


def test_two_speakers_with_the_same_id_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_SPEAKERS.replace('"scholz"', '"macron"'))
    message = config_error(path)
    assert message.startswith(f"{path}:6: ")
    assert "different ids" in message


def test_a_duplicate_topic_id_names_the_second_one(tmp_path: Path) -> None:
    path = write(tmp_path, ONE_TOPIC + "\n" + ONE_TOPIC)
    message = config_error(path)
    assert message.startswith(f"{path}:6: ")
    assert "'energy' is given twice" in message


def test_a_comment_mentioning_a_table_does_not_move_the_line(tmp_path: Path) -> None:
    text = "# Add [[topics]] tables below; each [[topics]] needs an id.\n" + ONE_TOPIC + "\n"
    text += ONE_TOPIC.replace('id = "energy"\n', "")
    path = write(tmp_path, text)
    message = config_error(path)
    assert message.startswith(f"{path}:7: ")
    assert "needs an id" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ONE_TOPIC.replace('"energy"', '"other"'), "not allowed"),
        (ONE_TOPIC.replace('"energy"', '"Energy Policy"'), "not allowed"),
        (ONE_TOPIC.replace('["gas", "pipeline"]', "[]"), "at least one term"),
        (ONE_TOPIC.replace('["gas", "pipeline"]', '"gas"'), "list of non-empty strings"),
        ("topics = []\n", "at least one [[topics]]"),
    ],
)
def test_bad_topics_name_the_file_and_line(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    message = config_error(path)
    assert message.startswith(f"{path}:1: ")
    assert expected in message


def test_a_missing_config_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    message = config_error(missing)
    assert message.startswith(f"{missing}: ")
    assert "not found" in message


def test_a_config_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes('[debate]\nname = "D\xe9bat"\n'.encode("latin-1"))
    message = config_error(path)
    assert message.startswith(f"{path}: ")
    assert "UTF-8" in message


# Version: the cache key part that follows the configuration ------------------------------


def test_version_is_stable_for_the_same_configuration(tmp_path: Path) -> None:
    assert default_config().version == load_config().version
    first = load_config(write(tmp_path, ONE_TOPIC))
    second = load_config(write(tmp_path, ONE_TOPIC, "copy.toml"))
    assert first.version == second.version


def test_version_changes_when_a_topic_term_changes(tmp_path: Path) -> None:
    before = load_config(write(tmp_path, ONE_TOPIC))
    after = load_config(write(tmp_path, ONE_TOPIC.replace('"pipeline"', '"pipelines"')))
    assert before.version != after.version


def test_version_changes_when_a_speaker_alias_changes(tmp_path: Path) -> None:
    before = load_config(write(tmp_path, TWO_SPEAKERS))
    after = load_config(write(tmp_path, TWO_SPEAKERS.replace('["Macron"]', '["Macron", "EM"]')))
    assert before.version != after.version


# Parsed TOML kept between starts ------------------------------------------------------------


def test_a_second_start_gets_the_same_config_without_parsing_toml_again(
    tmp_path: Path, own_cache: Path
) -> None:
    import subprocess
    import sys

    user = write(tmp_path, TWO_SPEAKERS + ONE_TOPIC)
    first = load_config(user)
    assert list(own_cache.glob("toml-*.json")), "parsed TOML is kept"
    assert load_config(user) == first
    probe = (
        "import sys; from pathlib import Path; from debate_tui.config import load_config; "
        f"c = load_config(Path({str(user)!r})); "
        "print(c.speakers[0].name, 'tomllib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["Emmanuel", "Macron", "False"]


def test_broken_toml_is_reported_every_time_and_never_kept(tmp_path: Path, own_cache: Path) -> None:
    broken = write(tmp_path, '[[speakers]]\nid = "a\n')
    first = config_error(broken)
    assert config_error(broken) == first
    digest = hexdigest(broken.read_bytes())
    kept = [p.name for p in own_cache.glob("toml-*.json")]
    assert kept, "the defaults were kept"
    assert f"toml-{digest}.json" not in kept


def test_a_damaged_kept_parse_is_parsed_again(tmp_path: Path, own_cache: Path) -> None:
    user = write(tmp_path, TWO_SPEAKERS + ONE_TOPIC)
    good = load_config(user)
    for entry in own_cache.glob("toml-*.json"):
        entry.write_text("{not json", "utf-8")
    assert load_config(user) == good
    for entry in own_cache.glob("toml-*.json"):
        entry.write_text('{"speakers": 3}', "utf-8")  # valid JSON, wrong shape: corrupt too
    assert load_config(user) == good  # parsed again from the file, never blamed on it
