"""Typed text made safe to show: the one place that decides, for the screen, the command line and
every export alike ("shown literally, saved exactly, exported escaped").

Every character that could steer a terminal or reorder what follows it is written out as a
visible escape in Python's own notation, so it reads the same everywhere: ESC is `\\x1b`, the
C1 CSI `\\x9b`, a right-to-left override `\\u202e`, a zero-width space `\\u200b`, a lone surrogate
`\\ud800`. That covers C0 and C1 controls (newline and tab stay, where lines are wanted), bidi
controls, zero-width characters and lone surrogates. Rich markup is never interpreted: `literal`
builds a rich `Text`, and Markdown escaping lives here too. Nothing here changes what is saved.
"""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text

from workshop.core.text.characters import SHOWN_CHARACTERS, SPECIAL, escape, visible  # noqa: F401 (the core's rule)


def literal(value: Any, style: str = "", limit: int | None = None) -> Text:
    """A rich Text that shows `value` literally: markup like [bold] stays as typed."""
    return Text(visible(value, limit), style=style)


def one_line(value: Any, limit: int = 200) -> str:
    """A single-line form of at most `limit` characters (for tables and lists): a longer text
    ends in "…"; the whole text is one Enter away (editing, the minutes)."""
    text = str(value)
    flat = visible(text[: limit + 1]).replace("\n", " ⏎ ")
    if len(text) > limit or len(flat) > limit:
        flat = flat[: max(limit - 1, 0)].rstrip() + "…"
    return flat


# --- Markdown --------------------------------------------------------------------------------

# "&" only where it would start an entity ("&amp;"): a lone "&" stays as it is, no stray "\&"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
_MD_LINE_START = re.compile(r"^([#+\-=])|^(\d+)([.)])")


def md_escape(value: Any) -> str:
    """Typed text as Markdown that shows it literally: `**x**`, `[a](b)` and `<script>` stay text.

    Line breaks become hard breaks (empty lines are dropped so a list or table stays whole)."""
    out = []
    for line in visible(value).replace("\t", " ").split("\n"):
        line = line.strip()
        if line:
            line = _MD_SPECIAL.sub(r"\\\1", line)
            out.append(_MD_LINE_START.sub(_escape_line_start, line))
    return "\\\n".join(out)


def _escape_line_start(match: re.Match[str]) -> str:
    # "# x", "- x", "+ x", "=" (a heading underline) and "1." or "1)" would start a block.
    return f"\\{match.group(1)}" if match.group(1) else f"{match.group(2)}\\{match.group(3)}"


def md_cell(value: Any) -> str:
    """Typed text for a table cell: one line."""
    return md_escape(value).replace("\\\n", " ")


def md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table of cells already escaped (or written by us)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _h in headers) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]
