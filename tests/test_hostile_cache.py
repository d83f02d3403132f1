"""A cache entry is trusted only after validation: a bad one is one warning, then rebuilt.

Each case damages a real entry (written by the cache itself) in a temporary cache folder:
wrong types, wrong shapes, unknown fields, absurd nesting. Everything here is SYNTHETIC.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from debate_tui.build import build_debate, cached_debate
from debate_tui.cache import CorpusEntry, StatementCache
from debate_tui.config import Config, default_config, load_config
from debate_tui.model import ArticleMeta, Debate, Report, Statement

TEXT = "Headline\nBlinken said the talks on Crimea had failed and would not resume.\n"


def statement() -> Statement:
    start = TEXT.index("Blinken")
    end = TEXT.index("resume.") + len("resume.")
    return Statement(
        speaker="blinken",
        text=TEXT[start:end],
        kind="reported",
        topics=("crimea",),
        source="a.txt",
        start=start,
        end=end,
        paragraph=1,
        cue="say",
        via="name",
        confidence=0.9,
        reason="cue 'say', speaker found by name",
        quotes=((start + 8, start + 20),),
        occasion="Vienna talks",
        reports=(Report("b.txt", 3, 3 + end - start, TEXT[start:end]),),
    )


Edit = Callable[[dict[str, Any]], Any]


def first(data: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = data["statements"][0]
    return item


ARTICLE_DAMAGE: dict[str, Edit] = {
    "confidence as a word": lambda d: first(d).update(confidence="high"),
    "start as a word": lambda d: first(d).update(start="x"),
    "topics as one string": lambda d: first(d).update(topics="crimea"),
    "text as a number": lambda d: first(d).update(text=12345),
    "an unknown kind": lambda d: first(d).update(kind="speech"),
    "a negative end": lambda d: first(d).update(end=-1),
    "start after end": lambda d: first(d).update(start=first(d)["end"] + 5),
    "confidence above one": lambda d: first(d).update(confidence=7),
    "an end far past its text": lambda d: first(d).update(end=10**12),
    "a text other than its span": lambda d: first(d).update(text="x"),
    "a report's text other than its span": lambda d: first(d)["reports"][0].update(text="x"),
    "confidence as a boolean": lambda d: first(d).update(confidence=True),
    "a quote span of three": lambda d: first(d).update(quotes=[[1, 2, 3]]),
    "a report of the wrong shape": lambda d: first(d).update(reports=[{"x": 1}]),
    "an unknown field": lambda d: first(d).update(extra=1),
    "a missing field": lambda d: first(d).pop("speaker"),
    "statements as an object": lambda d: d.update(statements={"a": 1}),
    "no statements at all": lambda d: d.clear(),
    "lemmas as one string": lambda d: first(d).update(lemmas="talk fail"),
    "a lemma as a number": lambda d: first(d).update(lemmas=["talk", 7]),
    "sentences as one string": lambda d: d.update(sentences="0-40"),
    "a sentence span of three": lambda d: d.update(sentences=[[0, 9, 40]]),
    "a date span ending before it starts": lambda d: d.update(dates=[[40, 9]]),
}


def entry_path(cache: StatementCache, key: str) -> Path:
    return cache.directory / f"{key}.json"


def damage(path: Path, edit: Edit) -> None:
    data = json.loads(path.read_text("utf-8"))
    edit(data)
    path.write_text(json.dumps(data), "utf-8")


@pytest.mark.parametrize("case", sorted(ARTICLE_DAMAGE))
def test_a_damaged_article_entry_is_one_warning_and_is_rebuilt(tmp_path: Path, case: str) -> None:
    warnings: list[str] = []
    cache = StatementCache(tmp_path / "cache", warn=warnings.append)
    cache.put("k", [statement()])
    assert cache.get("k", "a.txt") == [statement()]
    damage(entry_path(cache, "k"), ARTICLE_DAMAGE[case])
    assert cache.get("k", "a.txt") is None
    (message,) = warnings
    assert message.startswith("a.txt: cache entry k.json is corrupt (entry")
    assert message.endswith("); rebuilding it")
    cache.put("k", [statement()])  # what the build does after a miss
    assert cache.get("k", "a.txt") == [statement()]
    assert len(warnings) == 1


IDS = {"speakers": {"blinken", "lavrov"}, "topics": {"crimea", "other"}}


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda d: first(d).update(speaker="putin"), "'putin' is no speaker"),
        (lambda d: first(d).update(topics=["crimea", "tariffs"]), "'tariffs' is no topic"),
    ],
    ids=["speaker", "topic"],
)
def test_an_entry_naming_a_speaker_or_topic_nobody_configured_is_one_warning(
    tmp_path: Path, edit: Edit, reason: str
) -> None:
    # Right types, wrong ids: trusted, its statement would vanish from every topic.
    warnings: list[str] = []
    cache = StatementCache(tmp_path / "cache", warn=warnings.append)
    cache.put("k", [statement()])
    assert cache.get("k", "a.txt", **IDS) == [statement()]
    damage(entry_path(cache, "k"), edit)
    assert cache.get("k", "a.txt", **IDS) is None
    (message,) = warnings
    assert message.startswith("a.txt: cache entry k.json is corrupt (entry.statements[0].")
    assert reason in message and message.endswith("); rebuilding it")


def test_a_statement_of_an_unknown_speaker_in_the_cache_is_parsed_again(
    tmp_path: Path, own_cache: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, "utf-8")
    config = default_config()
    first_build = list(build_debate(corpus, config, warn=lambda _m: None).statements)
    assert first_build
    for entry in own_cache.iterdir():
        if entry.name.startswith("corpus-"):
            entry.unlink()  # without the built corpus, the article's own entry is read
        elif entry.suffix == ".json" and "statements" in json.loads(entry.read_text("utf-8")):
            damage(entry, lambda d: first(d).update(speaker="putin"))
    warnings: list[str] = []
    second = build_debate(corpus, config, warn=warnings.append)
    assert len(warnings) == 1 and "'putin' is no speaker" in warnings[0], warnings
    assert list(second.statements) == first_build


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"[" * 5_000_000, "nested too deeply"),
        (b"{}", ("entry.statements: missing", "entry.articles: missing")),
        (b"[]", "not a JSON object"),
        (b'{"statements": [', "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
    ],
)
def test_an_entry_that_is_not_even_an_object_is_one_warning(
    tmp_path: Path, raw: bytes, reason: str | tuple[str, str]
) -> None:
    article_reason = reason if isinstance(reason, str) else reason[0]
    warnings: list[str] = []
    cache = StatementCache(tmp_path / "cache", warn=warnings.append)
    cache.directory.mkdir()
    entry_path(cache, "k").write_bytes(raw)
    cache.corpus_path("k").write_bytes(raw)  # a corpus is stored as a database
    assert cache.get("k", "a.txt") is None
    assert cache.get_corpus("k") is None
    assert warnings[0] == f"a.txt: cache entry k.json is corrupt ({article_reason}); rebuilding it"
    assert warnings[1].startswith("corpus: cache entry k.sqlite is corrupt (not a corpus database")
    assert len(warnings) == 2


# A corpus is stored as a database (corpus_store.py): these edit its rows as the JSON
# cases edit an entry, through a view of it as {"articles", "statements", "warnings"}.
CORPUS_DAMAGE: dict[str, Edit] = {
    "a title as a number": lambda d: d["articles"][0].update(title=5),
    "an article without a source": lambda d: d["articles"][0].pop("source"),
    "a statement without a source": lambda d: first(d).pop("source"),
    "an occasion as a list": lambda d: first(d).update(occasion=["a", "b"]),
    "a statement moved past its text": lambda d: first(d).update(start=40, end=10**12),
    "a confidence as a word": lambda d: first(d).update(confidence="high"),
}
# Damage to the database itself: (SQL run on it, the reason the warning gives).
CORPUS_SQL_DAMAGE: dict[str, tuple[str, str]] = {
    "a warning that is not text": ("UPDATE warnings SET text = x'00ff'", "warnings"),
    "a statement that is not JSON": ("UPDATE statements SET data = '{'", "not valid JSON"),
    "a statement stored as a number": ("UPDATE statements SET data = 5", "expected an object"),
    "a row pointing at no statement": ("UPDATE pair_rows SET left_id = 999", "rows of"),
    "a row of nothing": ("UPDATE pair_rows SET left_id = NULL, right_id = NULL", "an empty row"),
    "a count as a word": ("UPDATE meta SET value = 'many' WHERE name = 'statements'", "meta."),
    "written for another corpus": ("UPDATE meta SET value = 'x' WHERE name = 'key'", "another"),
    "another version's layout": ("CREATE TABLE extra(x)", "not a corpus database of this"),
    "another program's database": ("DROP TABLE pair_rows", "not a corpus database of this"),
    "a count table of words": ("UPDATE topic_counts SET left_count = 'x'", "counts of"),
    "fewer rows than counted": ("UPDATE topic_counts SET row_count = 5", "rows of"),
    "reports that are not JSON": ("UPDATE reports SET data = '['", "not valid JSON"),
    "reports gone": ("DELETE FROM reports", "reports of statement 0: missing"),
    "more reports counted than kept": ("UPDATE statements SET printed = 2", "not as many"),
    "a report of nothing": (
        "UPDATE reports SET data = '[{\"start\": 0}]'",
        "entry[0].end: missing",
    ),
}


def damage_store(path: Path, edit: Edit) -> None:
    """Apply a JSON-entry edit to the stored corpus's first article, first statement and
    warnings, writing back what the edit left."""
    with closing(sqlite3.connect(path)) as db:
        article = json.loads(db.execute("SELECT data FROM articles WHERE id = 0").fetchone()[0])
        st = json.loads(db.execute("SELECT data FROM statements WHERE id = 0").fetchone()[0])
        data: dict[str, Any] = {"articles": [article], "statements": [st], "warnings": []}
        edit(data)
        db.execute("UPDATE articles SET data = ? WHERE id = 0", (json.dumps(article),))
        db.execute("UPDATE statements SET data = ? WHERE id = 0", (json.dumps(st),))
        db.commit()


def _stored_entry(cache: StatementCache) -> CorpusEntry:
    """A corpus of one statement stored under "c", with its one topic laid out."""
    from debate_tui.corpus_store import TopicTable

    entry = CorpusEntry([ArticleMeta("a.txt", "Talks", date="2023-01-02")], [statement()], ["w"])
    table = TopicTable([0], [("Vienna talks", 0, None, "")], (1, 0))
    assert cache.put_corpus("c", entry, {"crimea": table}, ("blinken", "lavrov"))
    assert cache.get_corpus("c") == entry
    return entry


@pytest.mark.parametrize("case", sorted(CORPUS_DAMAGE))
def test_a_damaged_corpus_entry_is_one_warning(tmp_path: Path, case: str) -> None:
    warnings: list[str] = []
    cache = StatementCache(tmp_path / "cache", warn=warnings.append)
    _stored_entry(cache)
    damage_store(cache.corpus_path("c"), CORPUS_DAMAGE[case])
    assert cache.get_corpus("c") is None
    (message,) = warnings
    assert message.startswith("corpus: cache entry c.sqlite is corrupt (entry")
    assert not cache.corpus_path("c").exists(), "removed: the next start rebuilds it"


@pytest.mark.parametrize("case", sorted(CORPUS_SQL_DAMAGE))
def test_a_damaged_corpus_database_is_one_warning(tmp_path: Path, case: str) -> None:
    sql, reason = CORPUS_SQL_DAMAGE[case]
    warnings: list[str] = []
    cache = StatementCache(tmp_path / "cache", warn=warnings.append)
    _stored_entry(cache)
    with closing(sqlite3.connect(cache.corpus_path("c"))) as db:
        db.execute(sql)
        db.commit()
    assert cache.get_corpus("c") is None
    (message,) = warnings
    assert message.startswith("corpus: cache entry c.sqlite is corrupt (")
    assert reason in message and message.endswith("); rebuilding it")


def test_a_truncated_corpus_database_is_one_warning(tmp_path: Path) -> None:
    warnings: list[str] = []
    cache = StatementCache(tmp_path / "cache", warn=warnings.append)
    _stored_entry(cache)
    path = cache.corpus_path("c")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])
    assert cache.get_corpus("c") is None
    (message,) = warnings
    assert message.startswith("corpus: cache entry c.sqlite is corrupt (")


def test_a_damaged_corpus_entry_never_survives_a_build(tmp_path: Path, own_cache: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, "utf-8")
    config = default_config()
    # Read before the damage: a debate reads its store as it goes, and this damage is
    # done in place, where a rebuild replaces the file.
    first_build = list(build_debate(corpus, config, warn=lambda _m: None).statements)
    assert first_build
    (entry,) = own_cache.glob("corpus-*.sqlite")
    damage_store(entry, lambda d: first(d).update(confidence="high"))
    warnings: list[str] = []
    second = build_debate(corpus, config, warn=warnings.append)
    assert len(warnings) == 1 and "is corrupt" in warnings[0]
    assert second.statements == first_build
    assert second.warnings == warnings
    third_warnings: list[str] = []
    third = build_debate(corpus, config, warn=third_warnings.append)
    assert third_warnings == [] and third.warnings == []
    assert third.statements == first_build


def built_with_a_paired_topic(tmp_path: Path) -> tuple[Path, Config, Debate, str]:
    """A one-article corpus built into the cache, with the id of a topic that has rows."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, "utf-8")
    config = default_config()
    built = build_debate(corpus, config, warn=lambda _m: None)
    topic = next(t.id for t in built.all_topics() if built.pairing(t.id).rows)
    return corpus, config, built, topic


def test_damage_found_while_reading_a_topic_is_one_warning_and_a_rebuild_next_time(
    tmp_path: Path, own_cache: Path
) -> None:
    corpus, config, built, topic = built_with_a_paired_topic(tmp_path)
    statements = list(built.statements)
    (entry,) = own_cache.glob("corpus-*.sqlite")
    damage_store(entry, lambda d: first(d).update(kind="speech"))
    warm = cached_debate(corpus, config)  # opened, not read: the damage is not seen yet
    assert warm is not None and warm.warnings == []
    rows = list(warm.pairing(topic).rows)  # read a page at a time: the damage shows here
    assert rows and all(row.left is None and row.right is None for row in rows)
    (message,) = warm.warnings
    assert "is corrupt" in message and "rebuilding it" in message
    assert cached_debate(corpus, config) is None  # the next start builds it again
    again: list[str] = []
    assert build_debate(corpus, config, warn=again.append).statements == statements
    assert again == []


def test_damage_found_after_a_warm_build_reaches_that_debates_warnings(
    tmp_path: Path, own_cache: Path
) -> None:
    corpus, config, _, topic = built_with_a_paired_topic(tmp_path)
    said: list[str] = []
    warm = build_debate(corpus, config, warn=said.append)  # the store, checked and trusted
    assert warm.warnings == [] and said == []
    (entry,) = own_cache.glob("corpus-*.sqlite")
    damage_store(entry, lambda d: first(d).update(kind="speech"))
    rows = list(warm.pairing(topic).rows)  # read a page at a time: the damage shows here
    assert rows and all(row.left is None and row.right is None for row in rows)
    (message,) = warm.warnings  # what the reader counts and says, not only the callback
    assert "is corrupt" in message and "rebuilding it" in message


def test_a_cache_folder_that_cannot_be_written_is_said_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", "utf-8")
    monkeypatch.setenv("DEBATE_TUI_CACHE", str(blocker))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        (corpus / name).write_text(TEXT, "utf-8")
    warnings: list[str] = []
    debate = build_debate(corpus, default_config(), warn=warnings.append)
    assert debate.statements
    said = [w for w in warnings if "cache folder cannot be written" in w]
    assert len(said) == 1 and str(blocker) in said[0]
    assert blocker.read_text("utf-8") == "a file where the cache folder should be"


def test_a_folder_where_the_corpus_entry_goes_is_named_not_blamed_on_the_cache_folder(
    tmp_path: Path,
) -> None:
    warnings: list[str] = []
    cache = StatementCache(tmp_path / "cache", warn=warnings.append)
    (tmp_path / "cache").mkdir()
    cache.corpus_path("corpus-key").mkdir()  # a folder by the entry's name
    assert not cache.put_corpus("corpus-key", CorpusEntry([], [], []))
    (message,) = warnings
    assert "corpus-key.sqlite" in message and "is a folder" in message
    assert "cache folder cannot be written" not in message
    assert cache.corpus_path("corpus-key").is_dir(), "nothing there is removed"
    assert list((tmp_path / "cache").glob("*.tmp")) == []


def test_a_parsed_toml_entry_of_nothing_is_parsed_again(own_cache: Path) -> None:
    expected = default_config()
    entries = list(own_cache.glob("toml*.json"))
    assert entries
    for path in entries:
        path.write_text("{}", "utf-8")
    assert default_config() == expected
    for path in entries:  # rewritten: the next start finds a good entry
        assert json.loads(path.read_text("utf-8")) != {}


def test_a_parsed_toml_entry_edited_to_other_data_is_not_trusted(
    tmp_path: Path, own_cache: Path
) -> None:
    path = tmp_path / "debate.toml"
    path.write_text('[debate]\nname = "Mine"\n', "utf-8")
    assert load_config(path).name == "Mine"
    for entry in own_cache.glob("toml*.json"):
        data = json.loads(entry.read_text("utf-8"))
        if data.get("toml", {}).get("debate"):
            data["toml"] = {}  # the defaults would win, silently
            entry.write_text(json.dumps(data), "utf-8")
    assert load_config(path).name == "Mine"
