"""Typed text on screen: `workshop.present.text` (one rule for the screen, the command line and
every export), with the screen's own limit: a 100 KB paste is saved whole but shown shortened."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from workshop.present import text as present
from workshop.present.text import SHOWN_CHARACTERS, one_line

__all__ = ["SHOWN_CHARACTERS", "literal", "one_line", "visible"]


def visible(value: Any, limit: int = SHOWN_CHARACTERS) -> str:
    return present.visible(value, limit)


def literal(value: Any, style: str = "", limit: int = SHOWN_CHARACTERS) -> Text:
    return present.literal(value, style, limit)
