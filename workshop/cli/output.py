"""Printing for the command line: rich for people, plain JSON for scripts.

Text that users typed is always passed as `rich.text.Text` (never as markup), so a partner
who writes `[bold]` or an ANSI escape sees it literally.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.text import Text

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def literal(value: Any, style: str = "") -> Text:
    """User text made safe to print: no markup, control characters shown as escapes."""
    text = str(value)
    cleaned = "".join(ch if ch in "\n\t" or ch.isprintable() else ch.encode("unicode_escape", "backslashreplace").decode("ascii") for ch in text)
    return Text(cleaned, style=style)


def print_json(data: Any) -> None:
    # ASCII-escaped JSON survives any terminal encoding and lone surrogates; jq decodes it.
    sys.stdout.write(json.dumps(data, ensure_ascii=True, indent=2) + "\n")


def fail(message: str) -> None:
    """One clear line on stderr; the caller exits with status 2."""
    err.print(literal(f"workshop: {message}", style="bold red"))
