"""Printing for the command line: rich for people, plain JSON for scripts.

Text that users typed is always passed through `literal` (`workshop.present.text`, the same
rule as the screen and the exports), so a partner who writes `[bold]`, an ANSI escape or a
right-to-left override sees it literally.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console

from workshop.present.text import literal

__all__ = ["err", "fail", "literal", "out", "print_json"]

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    # ASCII-escaped JSON survives any terminal encoding and lone surrogates; jq decodes it.
    sys.stdout.write(json.dumps(data, ensure_ascii=True, indent=2) + "\n")


def fail(message: str) -> None:
    """One clear line on stderr; the caller exits with status 2."""
    err.print(literal(f"workshop: {message}", style="bold red"))
