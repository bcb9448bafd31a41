"""Consent steps: per partner, the formal bodies whose advice or consent is needed, with status and date."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from screens.commands import bindings
from screens.text import literal, one_line
from screens.widgets.base import PromptInput
from screens.widgets.grid import Grid
from screens.widgets.room import RoomBoard
from workshop.summary import consent_label
from workshop.i18n import N_, _
from workshop.model import ConsentStatus
from workshop.session.changes import SetConsent

ORDER = list(ConsentStatus.offered())  # keys 1 to 9 and 0, in this order


class ConsentInput(PromptInput):
    FOCUS = "Grid"
    HELP_TITLE = N_("Consent step")

    PLACE = "consent"
    BINDINGS = bindings("consent")

    def compose(self) -> ComposeResult:
        legend = "  ".join(f"{number % 10} {consent_label(s.value)}" for number, s in enumerate(ORDER, start=1))
        yield Static(Text(_("In a partner's column: a number sets the status, space the next one, d a date"),
                          style="italic") + Text("\n" + legend, style="dim"), classes="legend")
        yield Grid(id="consents")
        yield RoomBoard(self.view, self.step, classes="room")

    def on_mount(self) -> None:
        self.show(self.view)

    def show(self, view) -> None:
        super().show(view)
        if self.is_mounted:
            self.query_one(RoomBoard).show(view)
        consents = view.consents(self.step.id)
        columns = [("body", _("Body"))] + [(p, literal(p, limit=24)) for p in view.partners]
        rows = []
        for body in self.step.bodies:
            cells: list[Text | str] = [literal(one_line(self.text_of(body.text), 28))]
            for partner in view.partners:
                given = consents.get((partner, body.id))
                if given is None:
                    cells.append(Text("·", justify="center"))
                else:
                    cell = Text(consent_label(str(given.value)))
                    if given.when:
                        cell.append(" " + one_line(given.when, 20), style="dim")
                    cells.append(cell)
            rows.append((body.id, cells))
        self.query_one(Grid).fill(columns, rows)

    def _here(self) -> tuple[str, str, str, str] | None:
        place = self.query_one(Grid).here()
        if place is None or place[1] == "body":
            return None
        body, partner = place
        given = self.view.consents(self.step.id).get((partner, body))
        return partner, body, str(given.value) if given else "", given.when if given else ""

    def action_status(self, number: int) -> None:
        if (here := self._here()) is not None:
            partner, body, _status, when = here
            self.want(SetConsent(self.step.id, partner, body, ORDER[number - 1].value, when))

    def action_cycle(self) -> None:
        if (here := self._here()) is not None:
            partner, body, status, when = here
            index = ORDER.index(ConsentStatus(status)) + 1 if status in ORDER else 0
            self.want(SetConsent(self.step.id, partner, body, ORDER[index % len(ORDER)].value, when))

    def on_data_table_cell_selected(self, event: Grid.CellSelected) -> None:
        event.stop()
        self.action_cycle()

    def action_date(self) -> None:
        if (here := self._here()) is not None:
            partner, body, status, when = here
            status = status or ConsentStatus.TO_REQUEST.value
            self.post_message(self.Asks(
                _("Date for {partner}").format(partner=partner), when,
                lambda answer: SetConsent(self.step.id, partner, body, status, answer.strip()),
                placeholder="2026-12-01"))
