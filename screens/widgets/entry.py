"""The one-line text input used everywhere: no blinking cursor under tests (stable screenshots)."""

from __future__ import annotations

from textual.widgets import Input


class Entry(Input):
    def on_mount(self) -> None:
        if self.app.is_headless:
            self.cursor_blink = False
