"""Writing exports: atomic, never clobbering without --force, clear one-line errors."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from debate_tui import atomic_files
from debate_tui.export import (
    ExportError,
    ExportExistsError,
    default_filename,
    write_text_atomic,
)


def _one_line(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message


def test_default_filenames() -> None:
    assert default_filename("crimea") == "crimea.md"
    assert default_filename("crimea", "markdown") == "crimea.md"
    assert default_filename("new-start", "json") == "new-start.json"
    assert default_filename(None) == "debate.md"
    assert default_filename(None, "json") == "debate.json"
    assert "/" not in default_filename("../../etc/x")


def test_writes_utf8_text_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "crimea.md"
    write_text_atomic(target, "# Crimea\n“quoted” – é\n", force=False)
    assert target.read_bytes() == "# Crimea\n“quoted” – é\n".encode()
    assert os.listdir(tmp_path) == ["crimea.md"]


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "a.md", "x", force=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o644


def test_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "crimea.md"
    target.write_text("mine")
    with pytest.raises(ExportExistsError) as caught:
        write_text_atomic(target, "new", force=False)
    _one_line(str(caught.value))
    assert str(target) in str(caught.value) and "--force" in str(caught.value)
    assert target.read_text() == "mine"
    assert os.listdir(tmp_path) == ["crimea.md"]


def test_existing_file_is_replaced_with_force(tmp_path: Path) -> None:
    target = tmp_path / "crimea.md"
    target.write_text("mine")
    write_text_atomic(target, "new", force=True)
    assert target.read_text() == "new"
    assert os.listdir(tmp_path) == ["crimea.md"]


def test_file_appearing_during_the_write_is_not_clobbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "crimea.md"
    real_write_temp = atomic_files._write_temp

    def write_then_race(path: Path, data: bytes) -> Path:
        written = real_write_temp(path, data)
        target.write_text("someone else")
        return written

    monkeypatch.setattr(atomic_files, "_write_temp", write_then_race)
    with pytest.raises(ExportExistsError):
        write_text_atomic(target, "mine", force=False)
    assert target.read_text() == "someone else"
    assert os.listdir(tmp_path) == ["crimea.md"]


def test_file_system_without_hard_links_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    write_text_atomic(tmp_path / "a.md", "text", force=False)
    assert (tmp_path / "a.md").read_text() == "text"
    assert os.listdir(tmp_path) == ["a.md"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "crimea.md"
    with pytest.raises(ExportError) as caught:
        write_text_atomic(target, "x", force=True)
    message = str(caught.value)
    _one_line(message)
    assert str(target) in message and "does not exist" in message
    assert not (tmp_path / "no").exists()


def test_file_in_place_of_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(ExportError) as caught:
        write_text_atomic(tmp_path / "notes.txt" / "a.md", "x", force=True)
    _one_line(str(caught.value))
    assert "not a folder" in str(caught.value)


def test_folder_as_target_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        write_text_atomic(tmp_path, "x", force=True)
    _one_line(str(caught.value))
    assert "folder" in str(caught.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError) as caught:
            write_text_atomic(folder / "a.md", "x", force=False)
    finally:
        folder.chmod(0o700)
    _one_line(str(caught.value))
    assert os.listdir(folder) == []


def test_permission_denied_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same refusal as a read-only folder, forced so it also runs as root."""
    real_open = os.open

    def refuse(path: str, flags: int, mode: int = 0o777, **kwargs: object) -> int:
        if Path(path).parent == tmp_path:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ExportError) as caught:
        write_text_atomic(tmp_path / "a.md", "x", force=False)
    message = str(caught.value)
    _one_line(message)
    assert "permission denied" in message and str(tmp_path / "a.md") in message
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_failure_mid_write_keeps_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    target = tmp_path / "crimea.md"
    target.write_text("old")

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, where, disk_full)
    with pytest.raises(ExportError) as caught:
        write_text_atomic(target, "new", force=True)
    _one_line(str(caught.value))
    assert "no space left on device" in str(caught.value)
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["crimea.md"]


def test_interrupted_write_leaves_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(tmp_path / "a.md", "x", force=False)
    assert os.listdir(tmp_path) == []
