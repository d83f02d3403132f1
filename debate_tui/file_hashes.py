"""Each corpus file's content digest, read again only when the file changed.

A warm start keys the corpus by every file's bytes. At 50,000 articles reading and hashing
them all took seconds before the first frame, though nothing had changed. So each file's
digest is kept in the cache with what `stat` says of the file (size, modification and
change times in nanoseconds, inode); a file that stats the same is not read again. Any
difference (an edit, even one restoring size and modification time, changes the change
time) and the file is read and hashed as before.

A file modified within the last `RACY_SECONDS` is never kept: another write in the same
clock tick could leave its times as they were (as git does with its "racily clean" files).
The kept digests are input like any cache entry: an entry of the wrong shape is not used.
"""

from __future__ import annotations

import os
import re
import stat
import time
from pathlib import Path
from typing import Any

from debate_tui.digest import hexdigest
from debate_tui.safe_files import read_regular

RACY_SECONDS = 2.0

_HEX_DIGEST = re.compile("[0-9a-f]{32}").fullmatch
# What a kept entry must look like: [size, mtime_ns, ctime_ns, inode, digest].
Kept = list[Any]


def _valid(entry: Any) -> bool:
    """[size, mtime_ns, ctime_ns, inode, digest]: four whole numbers and 32 hex digits
    (checked for each of tens of thousands of files on a warm start: kept plain)."""
    if type(entry) is not list or len(entry) != 5:
        return False
    size, mtime, ctime, inode, digest = entry
    return (
        type(size) is int
        and type(mtime) is int
        and type(ctime) is int
        and type(inode) is int
        and type(digest) is str
        and _HEX_DIGEST(digest) is not None
    )


class FileHashes:
    """Digests of one corpus's files, by relative path, with their `stat` signatures."""

    def __init__(self, kept: Any) -> None:
        # Checked entry by entry as files are looked up (see `_valid`).
        self._kept: dict[Any, Any] = kept if type(kept) is dict else {}
        self._now: dict[str, Kept] = {}

    def digest(self, path: str, name: str, limit: int) -> str:
        """The digest of the bytes of the file at `path` (`name` in the corpus); raises
        RefusedFile (a special or too large file) or OSError as `read_regular` does."""
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            read_regular(Path(path), limit, "")  # raises the refusal that names why
        signature = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
        kept = self._kept.get(name)
        if kept is not None and _valid(kept) and kept[:4] == signature and info.st_size <= limit:
            self._now[name] = kept
            return str(kept[4])
        found = hexdigest(read_regular(Path(path), limit, ""))
        if time.time() - max(info.st_mtime, info.st_ctime) > RACY_SECONDS:
            self._now[name] = [*signature, found]
        return found

    def changed(self) -> bool:
        """Whether what should be kept now differs from what was kept."""
        return self._now != self._kept

    def to_keep(self) -> dict[str, Kept]:
        """The entries of the files seen this time (files gone are forgotten)."""
        return self._now


__all__ = ["RACY_SECONDS", "FileHashes"]
