"""Small questions asked over the current screen: a line of text or a note."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, TextArea

from screens.widgets.entry import Entry
from workshop.i18n import N_, _


class TextDialog(ModalScreen[str | None]):
    """Ask for one line (Enter saves) or a longer text (ctrl+s saves); Escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="dialog.cancel"),
        Binding("ctrl+s", "save", N_("Save"), id="dialog.save"),
    ]

    def __init__(self, title: str, value: str = "", multiline: bool = False, placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.multiline = multiline
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text, style="bold"), classes="dialog-title")
            if self.multiline:
                area = TextArea(self.value, id="value", soft_wrap=True, show_line_numbers=False)
                area.cursor_blink = not self.app.is_headless
                yield area
                yield Label(Text(_("ctrl+s saves · Escape cancels"), style="dim"))
            else:
                field = Entry(self.value, placeholder=self.placeholder, id="value", select_on_focus=False)
                field.cursor_blink = not self.app.is_headless
                yield field
                yield Label(Text(_("Enter saves · Escape cancels"), style="dim"))

    def on_mount(self) -> None:
        self.query_one("#value").focus()

    answered = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.answered:  # a second Enter in the same burst finds the answer given
            self.answered = True
            self.dismiss(event.value)

    def action_save(self) -> None:
        widget = self.query_one("#value")
        self.dismiss(widget.text if isinstance(widget, TextArea) else widget.value)

    def action_cancel(self) -> None:
        self.dismiss(None)

