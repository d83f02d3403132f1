"""Metadata at the top of a text or Markdown article, and keys nobody knows.

Two fences, as static-site tools write them: `---` holds YAML-style `key: value` lines or
TOML (`key = "value"`), `+++` holds TOML. Values are strings (a TOML date is taken as
written); anything else is named in a warning and left out. A key that is not one of the
metadata keys is named with its file and line and the nearest valid key ("alias": did you
mean "aliases"?), here and for sources.toml and debate.toml too.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from typing import Any

_FENCED = re.compile(
    r"\A(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)\r?\n(?P=fence)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
_TOML_LINE = re.compile(r"^[ \t]*[\"']?[A-Za-z0-9_.-]+[\"']?[ \t]*=")
_FLOW_SHAPES = {"[]": "a list", "{}": "a map"}


def nearest(key: str, valid: Iterable[str]) -> str | None:
    """The valid key closest to a mistyped one, if any is close."""
    import difflib  # only when a key is unknown

    found = difflib.get_close_matches(key, list(valid), n=1, cutoff=0.6)
    return found[0] if found else None


def unknown_key(where: str, key: str, valid: Iterable[str], what: str = "key") -> str:
    """`FILE:LINE: unknown key "alias"; did you mean "aliases"?` (else the valid keys)."""
    valid = list(valid)
    near = nearest(key, valid)
    hint = f'did you mean "{near}"?' if near else "valid keys: " + ", ".join(valid)
    return f'{where}: unknown {what} "{key}", ignored; {hint}'


def key_line(text: str, key: str, start_line: int = 1) -> int:
    """1-based line (from `start_line` on) where `key` is set, TOML or YAML style."""
    pattern = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*[=:]")
    for number, line in enumerate(text.splitlines()[start_line - 1 :], start=start_line):
        if pattern.match(line):
            return number
    return start_line


def parse_front_matter(
    text: str, name: str, warn: Callable[[str], None], keys: Iterable[str]
) -> tuple[dict[str, str], int]:
    """The metadata of the front matter at the top of `text`, and where the article starts
    (0 when there is none)."""
    match = _FENCED.match(text)
    if not match:
        return {}, 0
    valid = tuple(keys)
    body = match.group("body")
    is_toml = match.group("fence") == "+++" or any(
        _TOML_LINE.match(line) for line in body.splitlines()
    )
    found = _toml(body, name, warn) if is_toml else _yaml_like(body)
    meta: dict[str, str] = {}
    for key, value in found.items():
        if key not in valid:
            line = key_line(body, key) + 1  # the opening fence is line 1
            warn(unknown_key(f"{name}:{line}", key, valid, "front matter key"))
            continue
        if isinstance(value, datetime.date):
            value = value.isoformat()
        if not isinstance(value, str):
            warn(
                f"{name}:{line}: front matter {key} is {_shape(value)}; expected a string, ignored"
            )
            continue
        shape = _FLOW_SHAPES.get(value[:1] + value[-1:]) if not is_toml else None
        if shape:
            warn(f"{name}: front matter {key} is {shape}; expected a string, ignored")
            continue
        meta[key] = value if is_toml else value.strip("\"'")
    return meta, match.end()


def _yaml_like(body: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for line in body.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if sep:
            found.setdefault(key.strip().lower(), value.strip())
    return found


def _toml(body: str, name: str, warn: Callable[[str], None]) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        warn(f"{name}: front matter is not valid TOML ({exc}); metadata ignored")
        return {}


def _shape(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__
