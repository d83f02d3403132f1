"""Speakers, aliases and topics: built-in defaults plus an optional user TOML file.

A user file (``--config FILE`` or ``debate.toml`` inside the corpus) replaces each
top-level table it defines. Errors name the file and the line to fix.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from debate_tui.cache import StatementCache
from debate_tui.digest import hexdigest
from debate_tui.model import OTHER_TOPIC, Speaker, TopicSpec
from debate_tui.safe_files import MAX_CONFIG_BYTES, RefusedFile, read_regular

CORPUS_CONFIG_NAME = "debate.toml"
# fullmatch: "$" alone would let an id end in a newline
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


class ConfigError(Exception):
    """A configuration file the user must fix; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Config:
    name: str
    speakers: tuple[Speaker, Speaker]
    topics: tuple[TopicSpec, ...]
    source: str = "built-in defaults"
    warnings: tuple[str, ...] = ()  # keys nobody knows, named with file and line

    @property
    def version(self) -> str:
        """A short hash of everything extraction depends on, for cache keys."""
        payload = json.dumps(
            {
                "speakers": [s._asdict() for s in self.speakers],
                "topics": [t._asdict() for t in self.topics],
            },
            sort_keys=True,
        )
        return hexdigest(payload.encode())[:16]

    def speaker(self, speaker_id: str) -> Speaker:
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker
        raise KeyError(speaker_id)


def _defaults_text() -> str:
    return Path(__file__).with_name("defaults.toml").read_text("utf-8")


def _line_of(text: str, table: str, occurrence: int = 0) -> int:
    """1-based line of the n-th `[[table]]` header, or 1 when absent.

    Only real headers count: a comment mentioning `[[speakers]]` must not shift the line.
    """
    header = re.compile(rf"^[ \t]*\[\[[ \t]*{re.escape(table)}[ \t]*\]\]", re.MULTILINE)
    for index, match in enumerate(header.finditer(text)):
        if index == occurrence:
            return text.count("\n", 0, match.start()) + 1
    return 1


def _strings(value: Any, what: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: {what} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _parse(text: str, origin: str) -> dict[str, Any]:
    """The TOML as data. Text parsed before comes back from the cache: importing tomllib
    and parsing the defaults cost ~5 ms of every start. Only TOML that parsed is stored, so
    a broken file is always parsed again and always reported; validation runs either way.

    The entry holds the data with a digest of it: one that is not of that shape (`{}`, say)
    or whose data no longer matches its digest is corrupt, so the text is parsed again and
    the entry overwritten."""
    store = StatementCache()
    key = "toml-" + hexdigest(text.encode("utf-8"))
    entry = store.get_data(key)
    if entry is not None:
        data = entry.get("toml")
        if isinstance(data, dict) and entry.get("digest") == _digest(data):
            return data
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML ({exc})") from None
    with contextlib.suppress(TypeError, ValueError):  # a TOML date: parsed every time
        store.put_data(key, {"toml": data, "digest": _digest(data)})
    return data


def _digest(data: dict[str, Any]) -> str:
    return hexdigest(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def _speakers(data: list[Any], text: str, origin: str) -> tuple[Speaker, Speaker]:
    if not isinstance(data, list) or len(data) != 2:
        line = _line_of(text, "speakers")
        raise ConfigError(f"{origin}:{line}: give exactly two [[speakers]] tables")
    out: list[Speaker] = []
    for index, entry in enumerate(data):
        where = f"{origin}:{_line_of(text, 'speakers', index)}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: each speaker must be a table")
        missing = [
            key
            for key in ("id", "name")
            if not isinstance(entry.get(key), str) or not entry[key].strip()
        ]
        if missing:
            raise ConfigError(f"{where}: speaker is missing {', '.join(missing)}")
        if not _ID.fullmatch(entry["id"]):
            raise ConfigError(
                f"{where}: speaker id {entry['id']!r} must be lower-case letters, digits, - or _"
            )
        aliases = _strings(entry.get("aliases", []), "aliases", where)
        name = entry["name"].strip()
        surname = name.split()[-1]
        merged = tuple(dict.fromkeys((name, *aliases, surname)))
        out.append(
            Speaker(
                id=entry["id"],
                name=name,
                role=str(entry.get("role", "")).strip(),
                aliases=merged,
                titles=_strings(entry.get("titles", []), "titles", where),
            )
        )
    if out[0].id == out[1].id:
        line = _line_of(text, "speakers", 1)
        raise ConfigError(f"{origin}:{line}: the two speakers need different ids")
    return out[0], out[1]


def _topics(data: list[Any], text: str, origin: str) -> tuple[TopicSpec, ...]:
    if not isinstance(data, list) or not data:
        line = _line_of(text, "topics")
        raise ConfigError(f"{origin}:{line}: give at least one [[topics]] table")
    topics: list[TopicSpec] = []
    for index, entry in enumerate(data):
        where = f"{origin}:{_line_of(text, 'topics', index)}"
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise ConfigError(f"{where}: each topic needs an id")
        topic_id = entry["id"]
        if not _ID.fullmatch(topic_id) or topic_id == OTHER_TOPIC:
            raise ConfigError(
                f"{where}: topic id {topic_id!r} is not allowed (lower-case, not 'other')"
            )
        if any(t.id == topic_id for t in topics):
            raise ConfigError(f"{where}: topic id {topic_id!r} is given twice")
        label = entry.get("label", topic_id)
        if not isinstance(label, str):
            raise ConfigError(f"{where}: label must be a string")
        terms = _strings(entry.get("terms", []), "terms", where)
        if not terms:
            raise ConfigError(f"{where}: topic {topic_id!r} needs at least one term")
        topics.append(TopicSpec(topic_id, label, terms))
    return tuple(topics)


def _build(data: dict[str, Any], text: str, origin: str, base: Config | None) -> Config:
    name = base.name if base else "Debate"
    debate = data.get("debate")
    if isinstance(debate, dict) and isinstance(debate.get("name"), str):
        name = debate["name"]
    if "speakers" in data:
        speakers = _speakers(data["speakers"], text, origin)
    elif base is not None:
        speakers = base.speakers
    else:
        raise ConfigError(f"{origin}: no [[speakers]] given")
    if "topics" in data:
        topics = _topics(data["topics"], text, origin)
    elif base is not None:
        topics = base.topics
    else:
        raise ConfigError(f"{origin}: no [[topics]] given")
    warnings = _unknown_keys(data, text, origin)
    return Config(name, speakers, topics, origin if base else "built-in defaults", warnings)


_KEYS: dict[str, tuple[str, ...]] = {
    "": ("debate", "speakers", "topics"),
    "debate": ("name",),
    "speakers": ("id", "name", "role", "aliases", "titles"),
    "topics": ("id", "label", "terms"),
}


def _unknown_keys(data: dict[str, Any], text: str, origin: str) -> tuple[str, ...]:
    """A warning for every key no part of debate-tui reads, with the nearest valid one."""
    found: list[tuple[str, str, int]] = []  # (table, key, line the search starts on)
    found += [("", key, 0) for key in data if key not in _KEYS[""]]
    debate = data.get("debate")
    if isinstance(debate, dict):
        start = _table_header_line(text, "debate") or 1
        found += [("debate", key, start) for key in debate if key not in _KEYS["debate"]]
    for table in ("speakers", "topics"):
        entries = data.get(table)
        for index, entry in enumerate(entries if isinstance(entries, list) else ()):
            if isinstance(entry, dict):
                unknown = [key for key in entry if key not in _KEYS[table]]
                found += [(table, key, _line_of(text, table, index)) for key in unknown]
    if not found:
        return ()
    from debate_tui.front_matter import key_line, unknown_key  # only for a mistyped key

    warnings: list[str] = []
    for table, key, start in found:
        if not table:
            line = _table_header_line(text, key) or key_line(text, key)
            warnings.append(unknown_key(f"{origin}:{line}", key, _KEYS[""], "table"))
        else:
            line = key_line(text, key, start)
            warnings.append(unknown_key(f"{origin}:{line}", key, _KEYS[table]))
    return tuple(warnings)


def _table_header_line(text: str, table: str) -> int | None:
    """1-based line of a `[table]` or `[[table]]` header, None when absent."""
    header = re.compile(rf"^[ \t]*\[\[?[ \t]*{re.escape(table)}[ \t]*\]\]?", re.MULTILINE)
    match = header.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def default_config() -> Config:
    text = _defaults_text()
    return _build(_parse(text, "defaults.toml"), text, "defaults.toml", None)


def _is_null_device(path: Path) -> bool:
    """The null device (/dev/null), the usual way to say "no configuration file": read as
    the empty file it is. Every other device stays refused (/dev/zero never ends)."""
    try:
        return os.path.samefile(path, os.devnull)
    except OSError:
        return False


def load_config(path: Path | None = None, corpus_dir: Path | None = None) -> Config:
    """Defaults, overridden by `path`, else by `debate.toml` in the corpus when present."""
    base = default_config()
    candidate = path
    beside = corpus_dir / CORPUS_CONFIG_NAME if corpus_dir is not None else None
    if candidate is None and beside is not None and (beside.exists() or beside.is_symlink()):
        candidate = beside  # a FIFO or a device by that name is refused below, not skipped
    if candidate is None or (path is not None and _is_null_device(path)):
        return base  # `--config /dev/null`: an empty configuration, the built-in defaults
    try:
        text = read_regular(candidate, MAX_CONFIG_BYTES, "a config file").decode("utf-8-sig")
    except RefusedFile as exc:
        raise ConfigError(f"{candidate}: {exc}; give a TOML file of speakers and topics") from None
    except FileNotFoundError:
        raise ConfigError(f"{candidate}: config file not found; check the --config path") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.__class__.__name__
        raise ConfigError(
            f"{candidate}: cannot read config ({reason}); save it as UTF-8 text"
        ) from None
    return _build(_parse(text, str(candidate)), text, str(candidate), base)
