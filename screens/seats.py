"""The seats taken from devices, one line each (name, organisation, when joined): the facilitator
frees one (that device is out, its name can be taken again by the person who asks for it)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from screens.commands import bindings
from screens.text import literal, one_line
from workshop.core.text.i18n import _


def seat_line(name: str, partner: str, scribe: bool, minutes: int) -> Text:
    line = literal(one_line(name, 40), style="bold")
    line.append("  ")
    if scribe:
        line.append(_("scribe"), style="italic")
    else:
        line.append_text(literal(one_line(partner, 40)) if partner else Text(_("no organisation"), style="italic"))
    line.append("  " + _("joined {minutes} min ago").format(minutes=minutes), style="dim")
    return line


class SeatsDialog(ModalScreen[str | None]):
    """Every seat; Delete frees the highlighted one (the dialog answers with its id)."""

    PLACE = "seats"
    BINDINGS = bindings("seats")

    def __init__(self, seats: list[tuple[str, Text]]) -> None:
        super().__init__()
        self.seats = seats

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="seats-dialog"):
            yield Label(Text(_("Seats taken from a device"), style="bold"), classes="dialog-title")
            if self.seats:
                yield OptionList(*(Option(line, id=seat_id) for seat_id, line in self.seats), id="seats", markup=False)
            else:
                yield Label(Text(_("Nobody has joined yet."), style="italic"))
            yield Label(Text(_("Delete frees the seat: that device is out, and the name can be taken again. "
                               "What it sent stays. Escape closes."), style="dim"))

    def on_mount(self) -> None:
        if self.seats:
            seats = self.query_one("#seats", OptionList)
            seats.highlighted = 0
            seats.focus()

    def action_free(self) -> None:
        if not self.seats:
            return
        seats = self.query_one("#seats", OptionList)
        if seats.highlighted is not None:
            self.dismiss(seats.get_option_at_index(seats.highlighted).id)

    def action_cancel(self) -> None:
        self.dismiss(None)
