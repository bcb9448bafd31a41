"""The one-line text input used everywhere: no blinking cursor under tests (stable screenshots)."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class Entry(Input):
    # Textual re-lays-out the whole screen when a widget's virtual size changes; an Input's
    # changes with every character typed (its text scrolls inside it), though the Input itself
    # never changes size. On a screen with a long list that layout was most of each keystroke.
    virtual_size = Reactive(Size(0, 0), layout=False)
    show_horizontal_scrollbar = Reactive(False, layout=False)

    def on_mount(self) -> None:
        if self.app.is_headless:
            self.cursor_blink = False
