"""The corpus key reads a file again only when it changed (size, times, inode)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from debate_tui import file_hashes
from debate_tui.build import corpus_key
from debate_tui.config import default_config

TEXT = "Headline\nBlinken said the talks on Crimea had failed and would not resume.\n"


class Reads:
    """Counts the article files the key reads, through the real reader."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = file_hashes.read_regular

        def counting(path: Path, limit: int, what: str) -> bytes:
            self.count += 1
            return real(path, limit, what)

        monkeypatch.setattr(file_hashes, "read_regular", counting)


@pytest.fixture
def corpus(tmp_path: Path, own_cache: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.md"):
        (folder / name).write_text(TEXT.replace("Crimea", name), "utf-8")
    return folder


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as settled (their times are not within the window
    where another write could leave them unchanged)."""
    monkeypatch.setattr(file_hashes, "RACY_SECONDS", -1.0)


def test_a_second_key_reads_no_unchanged_article(
    corpus: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = default_config()
    reads = Reads(monkeypatch)
    first = corpus_key(corpus, config)
    assert reads.count == 3
    assert corpus_key(corpus, config) == first
    assert reads.count == 3


def test_an_edit_that_keeps_size_and_modification_time_still_changes_the_key(
    corpus: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = default_config()
    first = corpus_key(corpus, config)
    path = corpus / "a.txt"
    before = path.stat()
    path.write_text(TEXT.replace("Crimea", "a.tx!"), "utf-8")  # the same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    reads = Reads(monkeypatch)
    assert corpus_key(corpus, config) != first
    assert reads.count == 1


def test_a_file_written_just_now_is_read_again(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = default_config()
    first = corpus_key(corpus, config)
    reads = Reads(monkeypatch)
    assert corpus_key(corpus, config) == first
    assert reads.count == 3  # within the racy window nothing is taken on trust


@pytest.mark.parametrize(
    "kept",
    [
        {"files": {"a.txt": [1, 2, 3, 4, "0" * 32], "b.txt": "x", "c.md": [None] * 5}},
        {"files": ["a.txt"]},
        {"files": {"a.txt": [1, 2, 3, 4, 5]}},
        {"files": "all of them"},
    ],
)
def test_kept_digests_of_the_wrong_shape_are_not_used(
    corpus: Path, settled: None, own_cache: Path, kept: object
) -> None:
    config = default_config()
    first = corpus_key(corpus, config)
    (memo,) = own_cache.glob("files-*.json")
    memo.write_text(json.dumps(kept), "utf-8")
    assert corpus_key(corpus, config) == first


def test_a_kept_digest_that_is_not_hex_is_not_used(
    corpus: Path, settled: None, own_cache: Path
) -> None:
    config = default_config()
    first = corpus_key(corpus, config)
    (memo,) = own_cache.glob("files-*.json")
    data = json.loads(memo.read_text("utf-8"))
    for entry in data["files"].values():
        entry[4] = "zz" * 16  # the right signature, a digest that is no digest
    memo.write_text(json.dumps(data), "utf-8")
    assert corpus_key(corpus, config) == first


def test_a_wrong_digest_kept_for_a_changed_file_is_not_used(
    corpus: Path, settled: None, own_cache: Path
) -> None:
    config = default_config()
    corpus_key(corpus, config)
    (corpus / "b.txt").write_text(TEXT + "Lavrov said nothing.\n", "utf-8")
    expected = corpus_key(corpus, config)
    (memo,) = own_cache.glob("files-*.json")
    data = json.loads(memo.read_text("utf-8"))
    for entry in data["files"].values():
        entry[4] = "0" * 32  # kept digests that lie, with signatures that no longer match
        entry[0] += 1
    memo.write_text(json.dumps(data), "utf-8")
    assert corpus_key(corpus, config) == expected
