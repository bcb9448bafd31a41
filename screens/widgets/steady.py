"""Updating a line of text without re-laying-out the whole screen when its size stays the same.

`Static.update` re-lays-out the screen by default, and on a screen holding a list of 500
contributions that costs more than the rest of a key press together. The save state and the
timer change every second or every keystroke, but rarely change size."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rich.text import Text
from textual.widgets import Static

SIZES: WeakKeyDictionary[Static, tuple[int, int]] = WeakKeyDictionary()  # each widget's size as last updated


def update_steadily(widget: Static, content: Text | str) -> None:
    text = content if isinstance(content, Text) else Text(content)
    size = (text.cell_len, text.plain.count("\n"))
    same_size = SIZES.get(widget) == size
    SIZES[widget] = size
    widget.update(content, layout=not same_size)
