"""The baseline of the start-up and memory figures: a bare Textual app (Header, Static, Footer).

    python bench/bare_app.py        # run it by hand
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BareApp(App):
    TITLE = "bare"
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("A bare Textual app: the baseline of `make bench`.")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
