"""Content digests for cache keys, cheap to import.

Importing hashlib loads OpenSSL, 1-2 ms of every start of the reader. Its BLAKE2 is the
interpreter's own `_blake2` module, which loads nothing else: cache keys need a stable,
collision-resistant digest, not a particular algorithm.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # an interpreter built without it: hashlib still has BLAKE2
    from hashlib import blake2b

__all__ = ["hexdigest", "new_digest"]


def new_digest(data: bytes = b"") -> blake2b:
    """A 16-byte BLAKE2b digest to feed with update(): the one every cache key uses."""
    return blake2b(data, digest_size=16)


def hexdigest(data: bytes) -> str:
    """The 32-hex-digit digest of `data`."""
    return new_digest(data).hexdigest()
