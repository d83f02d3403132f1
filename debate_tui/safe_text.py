"""Text from outside made safe to show: no character of it can drive the terminal.

Article text, file and folder names, titles and metadata come from strangers. A control
character (ESC starting a CSI or OSC sequence, BEL, any other C0 or C1 control) written raw
to a terminal can retitle its window, recolour it or worse; a bidi override (U+202A-U+202E,
U+2066-U+2069) reorders what the eye sees. `visible` swaps each such character for one
visible character of its own, so the text keeps its length: an offset into the original
text is the same offset into what is shown, and highlights stay exact. Stored data (the
cache, `text` in JSON) keeps the original; only what is displayed or exported is made safe.
"""

from __future__ import annotations

import re

__all__ = ["json_safe", "visible"]

# C0 controls except tab and newline, DEL, C1 controls, and the bidi embeddings, overrides
# and isolates. Tab and newline only move the cursor within the text.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_OR_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# U+FFFD for the C1 controls and the bidi controls, which have no picture of their own.
REPLACEMENT = "\ufffd"


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC shows as ␛, BEL as ␇
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


def visible(text: str, *, one_line: bool = False) -> str:
    """`text` with every control and bidi character shown as one visible character.

    Same length as `text`, so offsets carry over. With `one_line`, tab and newline become
    pictures too (for names, titles and table cells that must stay on one line).
    """
    pattern = _UNSAFE_OR_LINE if one_line else _UNSAFE
    return pattern.sub(_picture, text) if pattern.search(text) else text


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def json_safe(dumped: str) -> str:
    """JSON text with DEL, C1 and bidi controls written as `\\uXXXX` escapes.

    `json.dumps(..., ensure_ascii=False)` escapes C0 controls but writes these raw. In JSON
    they can only occur inside strings, where the escape decodes to the very same
    character: the data is unchanged, the terminal showing it is safe.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
