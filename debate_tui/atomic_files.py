"""Writing a file whole or not at all, and never over a file that appeared meanwhile.

Export and `add` both write where the user keeps their own files: the data goes to a
hidden temporary file beside the target (created by os.open, so the umask sets its
mode), is flushed to disk, then takes the target's name in one step. A new file is moved
into place with a hard link, which fails if the name was taken in the meantime, so there
is no window between the check and the write.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

__all__ = ["replace_atomic", "write_new"]


def _open_temp(path: Path) -> tuple[Path, int]:
    for _ in range(100):
        temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return temp, os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
    raise OSError(f"no temporary file could be created in {path.parent}")


def _write_temp(path: Path, data: bytes, mode: int | None = None) -> Path:
    temp, fd = _open_temp(path)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    return temp


def write_new(path: Path, data: bytes) -> None:
    """Create `path` with `data`, whole or not at all; FileExistsError if it exists."""
    temp = _write_temp(path, data)
    try:
        try:
            os.link(temp, path)  # fails when `path` exists: no window to clobber a file
        except FileExistsError:
            raise
        except OSError:  # no hard links on this file system: the checked rename
            if path.exists():
                raise FileExistsError(str(path)) from None
            os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def replace_atomic(path: Path, data: bytes) -> None:
    """Write `path` through a temporary file and one rename: whole or unchanged.

    A regular file replaced keeps its permissions (a private file stays private); a
    symlink at `path` is itself replaced (callers that mean its target resolve it first).
    """
    try:
        info = os.lstat(path)
        mode = stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None
    except FileNotFoundError:
        mode = None
    temp = _write_temp(path, data, mode)
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
