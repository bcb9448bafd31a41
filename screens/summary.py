"""The summary: everything agreed, large enough to read out; the group confirms and the session closes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from screens.commands import bindings
from screens.text import literal
from screens.widgets.footer import TranslatedFooter
from workshop.i18n import _
from workshop.present.summary import section_text
from workshop.session import SessionView
from workshop.summary import summarise


class SummaryScreen(ModalScreen[bool]):
    """Dismisses with True when the group confirms (and the session may be closed)."""

    PLACE = "summary"
    BINDINGS = bindings("summary")

    def __init__(self, view: SessionView, can_close: bool = True) -> None:
        super().__init__()
        self.view = view
        self.can_close = can_close

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            yield Static(literal(_("Summary: {title}").format(title=self.view.title), style="bold"),
                         classes="summary-title")
            sections = summarise(self.view)
            if not sections:
                yield Static(Text(_("Nothing was agreed in this session yet."), style="italic"))
            for section in sections:
                yield Static(section_text(section), classes="summary-section")
        with Horizontal(classes="buttons"):
            if self.can_close:
                yield Button(_("The group confirms: close the session"), variant="success", id="confirm")
            yield Button(_("Back"), id="back")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#summary").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "confirm":
            self.action_confirm()
        else:
            self.action_back()

    def action_confirm(self) -> None:
        if self.can_close:
            self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
