"""Updating a line of text without re-laying-out the whole screen when its size stays the same.

`Static.update` re-lays-out the screen by default, and on a screen holding a list of 500
contributions that costs more than the rest of a key press together. The save state and the
timer change every second or every keystroke, the join panel's counts and a scale's detail with
every write of the phones or move of the grid's cursor, but they rarely change size."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

# each widget's content as last updated, and the cells of each of its lines
SHOWN: WeakKeyDictionary[Static, tuple[tuple, tuple[int, ...]]] = WeakKeyDictionary()


def update_steadily(widget: Static, content: Text | str) -> None:
    """Show `content`; lay out the screen only when a line changes its width or the lines their
    number (the widget's size follows them); the same content again: nothing at all."""
    text = content if isinstance(content, Text) else Text(content)
    sizes = tuple(cell_len(line) for line in text.plain.split("\n"))
    # what it shows, in full (Text's own == leaves out the style of the whole and its layout)
    looks = (text.plain, tuple(text.spans), str(text.style), text.justify, text.overflow, text.no_wrap, text.end)
    shown = SHOWN.get(widget)
    if shown is not None and shown[0] == looks:
        return
    SHOWN[widget] = (looks, sizes)
    widget.update(content, layout=shown is None or shown[1] != sizes)
