"""The statement cache: what was parsed once is read back as it was, and never trusted blindly."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from debate_tui.cache import StatementCache, cache_dir, entry_key
from debate_tui.config import default_config
from debate_tui.model import Layout, Report, Statement, TopicSpec

SHA = "a3f1" * 16
SOURCE = "g20-new-delhi-high-level-talks.txt"


def statements() -> list[Statement]:
    text = "“They invite us for talks,” he said."
    return [
        Statement(
            speaker="lavrov",
            text=text,
            kind="mixed",
            topics=("peace-talks", "sanctions"),
            source=SOURCE,
            start=120,
            end=120 + len(text),
            paragraph=23,
            cue="say",
            via="pronoun",
            confidence=0.8125,
            reason="cue 'said'; pronoun 'he' resolved to Lavrov",
            quotes=((120, 147),),
            occasion="G20 foreign ministers' meeting, New Delhi",
            reports=(Report("other.txt", 10, 46, text),),
        ),
        Statement(
            speaker="blinken",
            text="Blinken urged Russia to return to New START.",
            kind="reported",
            topics=("new-start",),
            source=SOURCE,
            start=300,
            end=344,
            paragraph=9,
            cue="urge",
            via="name",
            confidence=0.95,
            reason="cue 'urged'; name 'Blinken'",
        ),
    ]


class Warnings:
    """Collects the warnings a user would see."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, message: str) -> None:
        self.messages.append(message)


@pytest.fixture
def warnings() -> Warnings:
    return Warnings()


@pytest.fixture
def cache(tmp_path: Path, warnings: Warnings) -> StatementCache:
    return StatementCache(tmp_path / "cache", warn=warnings)


def test_statements_read_back_exactly_as_stored(cache: StatementCache, warnings: Warnings) -> None:
    key = entry_key(SHA, default_config().version)
    cache.put(key, statements())
    assert cache.get(key, SOURCE) == statements()
    assert warnings.messages == []


def test_an_articles_layout_reads_back_with_its_statements(cache: StatementCache) -> None:
    """The sentences and dates spaCy found, which occasions read, are kept with the article."""
    key = entry_key(SHA, default_config().version)
    layout = Layout(sentences=((0, 40), (41, 90)), dates=((60, 68),))
    cache.put(key, statements(), layout)
    assert cache.get_article(key, SOURCE) == (statements(), layout)


def test_an_article_without_statements_is_still_a_hit(cache: StatementCache) -> None:
    key = entry_key(SHA, default_config().version)
    cache.put(key, [])
    assert cache.get(key, SOURCE) == []


def test_statements_take_the_name_the_article_has_now(cache: StatementCache) -> None:
    key = entry_key(SHA, default_config().version)
    cache.put(key, statements())
    found = cache.get(key, "renamed.txt")
    assert found is not None
    assert {st.source for st in found} == {"renamed.txt"}
    assert [st.id for st in found] == ["renamed.txt:120-156", "renamed.txt:300-344"]


def test_nothing_stored_is_a_silent_miss(cache: StatementCache, warnings: Warnings) -> None:
    assert cache.get(entry_key(SHA, default_config().version), SOURCE) is None
    assert warnings.messages == []


def test_changing_the_configuration_misses(cache: StatementCache) -> None:
    config = default_config()
    cache.put(entry_key(SHA, config.version), statements())
    topics = list(config.topics)
    topics[0] = topics[0]._replace(terms=(*topics[0].terms, "Kerch"))
    changed = dataclasses.replace(config, topics=tuple(topics))
    assert cache.get(entry_key(SHA, changed.version), SOURCE) is None
    assert cache.get(entry_key(SHA, config.version), SOURCE) == statements()


def test_a_changed_article_misses(cache: StatementCache) -> None:
    version = default_config().version
    cache.put(entry_key(SHA, version), statements())
    assert cache.get(entry_key("b7c2" * 16, version), SOURCE) is None


def test_a_new_topic_list_misses(cache: StatementCache) -> None:
    config = default_config()
    cache.put(entry_key(SHA, config.version), statements())
    fewer = dataclasses.replace(config, topics=(TopicSpec("crimea", "Crimea", ("Crimea",)),))
    assert cache.get(entry_key(SHA, fewer.version), SOURCE) is None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json at all",
        b'{"statements": [{"speaker": "lavrov", "te',
        b"\xff\xfe\x00garbage\x80\x81",
        b"[1, 2, 3]",
        b'{"statements": [{"speaker": "lavrov"}]}',
        b'{"statements": [17]}',
        b'{"entries": []}',
    ],
)
def test_a_corrupt_entry_warns_naming_the_article_and_is_not_trusted(
    cache: StatementCache, warnings: Warnings, content: bytes
) -> None:
    key = entry_key(SHA, default_config().version)
    cache.put(key, statements())
    (cache.directory / f"{key}.json").write_bytes(content)
    assert cache.get(key, SOURCE) is None
    assert len(warnings.messages) == 1
    assert warnings.messages[0].startswith(f"{SOURCE}: ")
    assert "corrupt" in warnings.messages[0]
    assert "\n" not in warnings.messages[0]


def test_a_corrupt_entry_is_rebuilt_by_the_next_put(
    cache: StatementCache, warnings: Warnings
) -> None:
    key = entry_key(SHA, default_config().version)
    cache.directory.mkdir(parents=True)
    (cache.directory / f"{key}.json").write_text("{", "utf-8")
    assert cache.get(key, SOURCE) is None
    cache.put(key, statements())
    assert cache.get(key, SOURCE) == statements()
    assert len(warnings.messages) == 1


def test_a_cache_that_cannot_be_written_only_costs_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", "utf-8")
    cache = StatementCache(blocker / "cache")
    key = entry_key(SHA, default_config().version)
    cache.put(key, statements())  # must not raise
    assert cache.get(key, SOURCE) is None


def test_writing_leaves_only_the_entry_behind(cache: StatementCache) -> None:
    key = entry_key(SHA, default_config().version)
    cache.put(key, statements())
    cache.put(key, statements()[:1])
    assert [path.name for path in cache.directory.iterdir()] == [f"{key}.json"]
    assert cache.get(key, SOURCE) == statements()[:1]


def test_the_cache_folder_can_be_chosen_by_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEBATE_TUI_CACHE", str(tmp_path / "elsewhere"))
    assert cache_dir() == tmp_path / "elsewhere"
    assert StatementCache().directory == tmp_path / "elsewhere"
