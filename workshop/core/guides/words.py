"""Small helpers for the checker's messages, and the rule on characters a guide text may hold."""

from __future__ import annotations

import re
from typing import Any

from workshop.core.text.i18n import _

# Characters no guide text may hold: they can steer a terminal (ESC starts an escape sequence),
# reverse the text after them on a projector (bidi controls) or cannot be written as UTF-8.
# Newline and tab are allowed only in texts that may run over several lines.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
CONTROL_ONE_LINE = re.compile(f"[{_CONTROL}\t\n]")
CONTROL_MULTI_LINE = re.compile(f"[{_CONTROL}]")
_SHORT_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def forbidden_character(text: str, multiline: bool) -> str | None:
    """The first character `text` may not hold, or None."""
    found = (CONTROL_MULTI_LINE if multiline else CONTROL_ONE_LINE).search(text)
    return found.group() if found else None


def spellings(char: str) -> tuple[str, ...]:
    """How `char` can appear in a TOML file: as itself or as an escape."""
    code = ord(char)
    found = [char, f"\\u{code:04x}", f"\\u{code:04X}", f"\\U{code:08x}", f"\\U{code:08X}"]
    if char in _SHORT_ESCAPES:
        found.append(_SHORT_ESCAPES[char])
    return tuple(found)


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def short(value: Any, limit: int = 40) -> str:
    text = str(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(value: Any) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("{value} (a boolean)").format(value=str(value).lower())
    if isinstance(value, str):
        return f"'{short(value)}'"
    if isinstance(value, (int, float)):
        return _("{value} (a number)").format(value=value)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a table")
    return type(value).__name__
