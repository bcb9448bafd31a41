"""Showing what people typed exactly as they typed it: never as markup, never as terminal codes."""

from __future__ import annotations

import re

from rich.text import Text

from workshop.i18n import _

SHOWN_CHARACTERS = 2_000  # a 100 KB paste is saved whole but shown shortened
# Every character `visible` changes; most text has none, and then it is returned as it is.
SPECIAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def visible(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """`text` with control characters made visible (␛ for ESC …) and lone surrogates replaced.

    Newlines stay; tabs become spaces. Nothing here changes what is saved, only what is drawn."""
    shown = text if len(text) <= limit else text[:limit]
    if len(text) <= limit and SPECIAL.search(shown) is None:
        return shown
    out = []
    for ch in shown:
        code = ord(ch)
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append("    ")
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif 0x80 <= code < 0xA0:
            out.append("\ufffd")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(ch)
    result = "".join(out)
    if len(text) > limit:
        result += " " + _("… ({count} more characters)").format(count=len(text) - limit)
    return result


def literal(text: str, style: str = "", limit: int = SHOWN_CHARACTERS) -> Text:
    """A rich Text that shows `text` literally: markup like [bold] stays as typed."""
    return Text(visible(text, limit), style=style)


def one_line(text: str, limit: int = 200) -> str:
    """A single-line form of at most `limit` characters (for tables and lists): a longer text
    ends in "…"; the whole text is one Enter away (editing, the minutes)."""
    flat = visible(text[: limit + 1], limit + 1).replace("\n", " ⏎ ")
    if len(text) > limit or len(flat) > limit:
        flat = flat[: max(limit - 1, 0)].rstrip() + "…"
    return flat
