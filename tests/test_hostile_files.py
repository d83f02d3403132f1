"""Special and oversized files never hang, never exhaust memory, and are never replaced.

FIFOs, device nodes, sockets and symlinks to them, in the corpus, as a configuration file,
inside the cache folder or where an export should go; articles and configs over their size
limit; standard output on a full disk. Each case is made in a temporary folder. A test that
would hang on a blocking read runs the call in a thread and fails when it does not return.
Everything here is SYNTHETIC.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from debate_tui.build import corpus_key
from debate_tui.cache import StatementCache
from debate_tui.config import ConfigError, default_config, load_config
from debate_tui.corpus import load_corpus
from debate_tui.export import ExportError, ExportExistsError, write_text_atomic
from debate_tui.safe_files import MAX_ARTICLE_BYTES, MAX_CONFIG_BYTES

T = TypeVar("T")
GOOD = "Talks in Vienna\nSecretary of State Antony Blinken said the talks on Crimea failed.\n"


def finishes(call: Callable[[], T], timeout: float = 30) -> T:
    """The call's result; fails (instead of hanging the run) when it blocks."""
    box: dict[str, T | BaseException] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), "the call hung on a special file"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    yield path
    # Unblock any reader left hanging by a failing test.
    fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK) if _has_reader(path) else None
    if fd is not None:
        os.close(fd)


def _has_reader(path: Path) -> bool:
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        return False
    return True


def device_node(path: Path) -> Path:
    """A character device like /dev/null at `path` (needs root), else a symlink to one:
    either is refused wherever a file is read or written."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        path.symlink_to("/dev/null")
    return path


# --- the corpus -----------------------------------------------------------------------------


@pytest.fixture
def special_corpus(tmp_path: Path, fifo: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, "utf-8")
    os.mkfifo(corpus / "fifo.txt")
    (corpus / "to-fifo.txt").symlink_to(fifo)
    (corpus / "zero.txt").symlink_to("/dev/zero")
    device_node(corpus / "device.txt")
    return corpus


def test_special_files_in_the_corpus_are_skipped_with_one_warning_each(
    special_corpus: Path,
) -> None:
    warnings: list[str] = []
    articles = finishes(lambda: load_corpus(special_corpus, warnings.append))
    assert [a.source for a in articles] == ["good.txt"]
    assert articles[0].text == GOOD
    by_file = {message.split(":", 1)[0]: message for message in warnings}
    assert sorted(by_file) == ["device.txt", "fifo.txt", "to-fifo.txt", "zero.txt"]
    assert "is a named pipe (FIFO), not a regular file; skipped" in by_file["fifo.txt"]
    assert "is a symlink to a named pipe (FIFO)" in by_file["to-fifo.txt"]
    assert "is a symlink to a character device" in by_file["zero.txt"]
    assert len(warnings) == 4


def test_the_corpus_key_never_reads_a_special_file(special_corpus: Path) -> None:
    assert finishes(lambda: corpus_key(special_corpus, default_config())) is None


def test_an_article_over_the_size_limit_is_skipped_naming_the_limit(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, "utf-8")
    with (corpus / "huge.txt").open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: costs no disk
    warnings: list[str] = []
    articles = load_corpus(corpus, warnings.append)
    assert [a.source for a in articles] == ["good.txt"]
    (message,) = warnings
    assert message.startswith("huge.txt: is 5.0 MB, over the 5 MB limit for an article; skipped")


def test_a_metadata_file_that_is_a_fifo_is_ignored_with_a_warning(
    tmp_path: Path, fifo: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, "utf-8")
    (corpus / "sources.toml").symlink_to(fifo)
    warnings: list[str] = []
    articles = finishes(lambda: load_corpus(corpus, warnings.append))
    assert [a.source for a in articles] == ["good.txt"]
    (message,) = warnings
    assert "sources.toml: metadata ignored" in message
    assert "named pipe" in message


# --- configuration --------------------------------------------------------------------------


def test_a_config_that_is_a_fifo_is_refused_naming_it(fifo: Path) -> None:
    with pytest.raises(ConfigError, match=r"pipe: is a named pipe \(FIFO\), not a regular file"):
        finishes(lambda: load_config(fifo))


def test_a_config_that_links_to_dev_zero_is_refused_naming_it(tmp_path: Path) -> None:
    link = tmp_path / "debate.toml"
    link.symlink_to("/dev/zero")
    with pytest.raises(ConfigError, match=r"debate.toml: is a symlink to a character device"):
        finishes(lambda: load_config(None, tmp_path))  # found beside the corpus


def test_a_config_over_the_size_limit_is_refused_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text("# padding\n" * (MAX_CONFIG_BYTES // 10 + 1), "utf-8")
    with pytest.raises(ConfigError, match=r"big.toml: is 1.0 MB, over the 1 MB limit"):
        load_config(path)


# --- the cache ------------------------------------------------------------------------------


def test_a_cache_entry_that_is_a_special_file_is_a_corrupt_entry(
    tmp_path: Path, fifo: Path
) -> None:
    warnings: list[str] = []
    cache = StatementCache(tmp_path / "cache", warn=warnings.append)
    cache.directory.mkdir()
    (cache.directory / "k1.json").symlink_to(fifo)
    (cache.directory / "k2.json").symlink_to("/dev/zero")
    (cache.directory / "k2.sqlite").symlink_to("/dev/zero")  # a corpus entry
    assert finishes(lambda: cache.get("k1", "a.txt")) is None
    assert finishes(lambda: cache.get("k2", "b.txt")) is None
    assert finishes(lambda: cache.get_corpus("k2")) is None
    assert len(warnings) == 3
    assert all("is corrupt" in message and "rebuilding it" in message for message in warnings)
    assert finishes(lambda: cache.get_data("k1")) is None  # silent: the caller recomputes


# --- export ---------------------------------------------------------------------------------


def special_targets(folder: Path) -> dict[str, Path]:
    fifo = folder / "fifo.md"
    os.mkfifo(fifo)
    sock = folder / "s.md"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    server.close()
    sub = folder / "folder.md"
    sub.mkdir()
    to_fifo = folder / "to-fifo.md"
    to_fifo.symlink_to(fifo)
    return {
        "a named pipe": fifo,
        "a socket": sock,
        "a character device": device_node(folder / "dev.md"),
        "a folder": sub,
        "a symlink to a named pipe": to_fifo,
    }


@pytest.mark.parametrize("force", [False, True])
def test_export_never_replaces_a_special_file(tmp_path: Path, force: bool) -> None:
    for kind, target in special_targets(tmp_path).items():
        before = os.lstat(target)
        with pytest.raises(ExportError) as raised:
            finishes(lambda target=target: write_text_atomic(target, "# x\n", force=force))
        assert not isinstance(raised.value, ExportExistsError)
        message = str(raised.value)
        assert message.startswith(f"{target}:")
        assert "\n" not in message
        if kind != "a folder":
            assert kind in message
        after = os.lstat(target)
        assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_export_force_replaces_a_symlink_itself_and_never_writes_through_it(
    tmp_path: Path,
) -> None:
    target = tmp_path / "notes.md"
    target.write_text("my own notes\n", "utf-8")
    link = tmp_path / "crimea.md"
    link.symlink_to(target)
    with pytest.raises(ExportExistsError):
        write_text_atomic(link, "# export\n", force=False)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(ExportExistsError):
        write_text_atomic(dangling, "# export\n", force=False)
    assert not (tmp_path / "nowhere.md").exists()
    write_text_atomic(link, "# export\n", force=True)
    assert not link.is_symlink()
    assert link.read_text("utf-8") == "# export\n"
    assert target.read_text("utf-8") == "my own notes\n"


# --- standard output on a full disk -----------------------------------------------------------


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("small")
    (corpus / "good.txt").write_text(GOOD, "utf-8")
    return corpus


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["parse"],
        ["parse", "--format", "table"],
        ["topics"],
        ["export", "--topic", "crimea", "-o", "-"],
    ],
)
def test_a_full_standard_output_is_one_line_and_exit_1(small_corpus: Path, args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "debate_tui", args[0], str(small_corpus), *args[1:]],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [
        "debate-tui: error: cannot write the output (no space left on device); "
        "free some space or write elsewhere"
    ]


def test_a_closed_pipe_stays_silent(small_corpus: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "debate_tui", "parse", str(small_corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # nobody reads: the first write meets a closed pipe
    stderr = process.stderr.read().decode()
    assert process.wait(300) == 0
    assert stderr.strip() == ""


def test_config_dev_null_is_an_empty_configuration_the_defaults(tmp_path: Path) -> None:
    # The usual way to say "no configuration file", even beside a corpus with its own.
    (tmp_path / "debate.toml").write_text('[debate]\nname = "Mine"\n', "utf-8")
    assert load_config(Path(os.devnull), tmp_path) == default_config()
    assert load_config(None, tmp_path).name == "Mine"


def test_config_dev_null_from_the_command_line_reads_the_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from debate_tui.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    assert main(["topics", "--config", os.devnull, str(corpus)]) == 0
    out, err = capsys.readouterr()
    assert default_config().name in out and err == ""
