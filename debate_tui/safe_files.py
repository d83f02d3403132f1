"""Reading a file someone else put there: regular files only, and only so much of them.

A corpus folder, a `--config` path or the cache folder may hold a named pipe (FIFO), a
device node or a socket, or a symlink to one: reading a FIFO blocks until someone writes to
it, and `/dev/zero` never ends. Every article, configuration and cache file is read through
`read_regular`, which looks at the file (following symlinks) before reading, opens it
without blocking, checks again what it opened, and stops at a size limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_CACHE_BYTES",
    "MAX_CONFIG_BYTES",
    "MAX_SIDECAR_BYTES",
    "RefusedFile",
    "read_regular",
]

MB = 1024 * 1024
# Far above any news article (a long one is well under 1 MB even as a full HTML page).
MAX_ARTICLE_BYTES = 5 * MB
# Speakers, topics and metadata: a large one is a few kB.
MAX_CONFIG_BYTES = 1 * MB
# sources.toml: about 350 bytes an article, so 50,000 articles take about 17 MB.
MAX_SIDECAR_BYTES = 32 * MB
# The finished statements of a very large corpus: tens of MB at 50,000 articles.
MAX_CACHE_BYTES = 512 * MB

_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class RefusedFile(Exception):
    """A file that is not read: not a regular file, or over its size limit.

    The message says what the file is, without its name (the caller names it).
    """


def describe(mode: int) -> str:
    """What kind of file a stat mode is, in words ("a named pipe (FIFO)")."""
    for test, words in _KINDS:
        if test(mode):
            return words
    return "not a regular file"


def _not_regular(path: Path, mode: int) -> RefusedFile:
    kind = describe(mode)
    try:
        linked = stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        linked = False
    where = f"a symlink to {kind}" if linked else kind
    return RefusedFile(f"is {where}, not a regular file")


def _too_large(size: int, limit: int, what: str) -> RefusedFile:
    shown = f"{size / MB:.1f} MB" if size < 1024 * MB else "more"
    return RefusedFile(f"is {shown}, over the {limit // MB} MB limit for {what}")


def read_regular(path: Path, limit: int, what: str) -> bytes:
    """The bytes of `path` if it is (or links to) a regular file of at most `limit` bytes.

    Raises RefusedFile for anything else (`what` names the limit: "an article"), and
    OSError when the file cannot be opened at all (missing, no permission).
    """
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(path, info.st_mode)
    if info.st_size > limit:
        raise _too_large(info.st_size, limit, what)
    # O_NONBLOCK: if the name was swapped for a FIFO since the stat, opening still returns.
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(path, info.st_mode)
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(MB, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # the file grew while it was read
                raise _too_large(size, limit, what)
        return b"".join(chunks)
    finally:
        os.close(fd)
