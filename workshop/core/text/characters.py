"""The one rule for characters that could steer a terminal or deceive a reader (C0 and C1
controls, bidi controls, zero-width characters, lone surrogates): `visible` writes each out as a
visible escape (\\x1b, \\u202e), `cleaned` leaves them out of what a phone sends. The core and
the participants' server use it here; workshop.present.text shows typed text with it.
"""

from __future__ import annotations

import re
from typing import Any

from workshop.core.text.i18n import _

SHOWN_CHARACTERS = 2_000  # on screen a 100 KB paste is shortened to this (saved and exported whole)
BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
# Every character `visible` changes; most text has none, and is then returned as it is.
SPECIAL = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029{BIDI}{ZERO_WIDTH}]")
_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x85]")
# A zero-width joiner between two pictographs builds one emoji (👩🏽‍⚕️, 🏳️‍🌈): it stays. Anywhere
# else it could hide a difference between two texts that look the same, so it is escaped.
_PICTOGRAPH = re.compile("[\u2600-\u27bf\ufe0f\U0001f000-\U0001faff]")


def escape(ch: str) -> str:
    """One character as its visible escape: \\x1b, \\u202e, \\ud800."""
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(value: Any, limit: int | None = None, lines: bool = True) -> str:
    """`value` as text with nothing raw that a terminal, a bidi algorithm or a reader could be
    fooled by. With `lines`, line breaks (\\r\\n, \\r, U+2028 …) become one \\n; without, a
    newline is escaped too. Beyond `limit` characters the rest is counted, not shown."""
    text = str(value)
    shown = text if limit is None or len(text) <= limit else text[:limit]
    if SPECIAL.search(shown) is not None:
        if lines:
            shown = _NEWLINES.sub("\n", shown)
        shown = SPECIAL.sub(lambda m: m.group() if _kept(m, lines) else escape(m.group()), shown)
    if limit is not None and len(text) > limit:
        shown += " " + _("… ({count} more characters)").format(count=len(text) - limit)
    return shown


def _kept(match: re.Match[str], lines: bool) -> bool:
    ch, text, at = match.group(), match.string, match.start()
    if ch == "\n":
        return lines
    return ch == "\u200d" and 0 < at < len(text) - 1 and \
        _PICTOGRAPH.match(text, at - 1) is not None and _PICTOGRAPH.match(text, at + 1) is not None


def cleaned(text: str, lines: bool = True) -> str:
    """`text` without the characters `visible` would escape (what a phone sends is stored so):
    line breaks become one \\n with `lines` (without: a space, and a tab too), a zero-width
    joiner stays only inside an emoji."""
    if lines:
        text = _NEWLINES.sub("\n", text)
    else:
        text = _NEWLINES.sub(" ", text).replace("\n", " ").replace("\t", " ")
    if SPECIAL.search(text) is None:
        return text
    return SPECIAL.sub(lambda m: m.group() if _kept(m, lines) else "", text)
