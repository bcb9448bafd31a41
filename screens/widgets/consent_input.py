"""Consent steps: per partner, the formal bodies whose advice or consent is needed, with status and date."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from screens.commands import bindings
from screens.text import literal, one_line, visible
from screens.widgets.assign_input import adopted_words
from screens.widgets.base import PromptInput
from screens.widgets.grid import Grid
from screens.widgets.room import RoomBoard
from workshop.core.model import ConsentStatus
from workshop.core.outcomes.attendance import away, word as attendance_word
from workshop.core.outcomes.summary import consent_label
from workshop.core.session.changes import AddBody, Adopt, RemoveBody, RenameBody, SetConsent
from workshop.core.steps.bodies import added_ids, not_editable
from workshop.core.text.i18n import N_, _, day, ngettext
from workshop.core.typed.attribution import cards_of, column_headings

ORDER = list(ConsentStatus.offered())  # keys 1 to 9 and 0, in this order
# A short code per status, so 27 partners' columns stay narrow; the legend and the line under the
# grid say it in full.
CODES = {ConsentStatus.NOT_NEEDED: "—", ConsentStatus.TO_REQUEST: "○", ConsentStatus.REQUESTED: "◔",
         ConsentStatus.ADVICE_POSITIVE: "▲", ConsentStatus.ADVICE_CONDITIONS: "△",
         ConsentStatus.ADVICE_NEGATIVE: "▼", ConsentStatus.CONSENT_GIVEN: "●", ConsentStatus.APPROVED: "✔",
         ConsentStatus.WISHES_GIVEN: "✎", ConsentStatus.REFUSED: "✗", ConsentStatus.ADVICE_GIVEN: "◑"}


class ConsentInput(PromptInput):
    FOCUS = "Grid"
    HELP_TITLE = N_("Consent step")

    PLACE = "consent"
    BINDINGS = bindings("consent")

    def compose(self) -> ComposeResult:
        legend = "  ".join(f"{number % 10} {CODES[s]} {consent_label(s.value)}"
                           for number, s in enumerate(ORDER, start=1))
        yield Static(Text(_("In a partner's column: a number sets the status, space the next one, d a date"),
                          style="italic") + Text("\n" + legend, style="dim"), classes="legend")
        yield Static(id="adopted", classes="legend")
        yield Grid(id="consents")
        yield Static(id="detail", classes="detail")
        yield RoomBoard(self.view, self.step, classes="room")

    def on_mount(self) -> None:
        self.query_one(Grid).fixed_columns = 1  # the bodies' names stay while partners scroll
        self.show(self.view)

    shown_bodies: tuple[str, ...] = ()  # the rows last drawn: a row new since then gets the cursor

    def show(self, view) -> None:
        super().show(view)
        self.step = view.step(self.step.id)  # bodies added, renamed or removed since
        if self.is_mounted:
            room = self.query_one(RoomBoard)
            room.step = self.step
            room.show(view)
        consents = view.consents(self.step.id)
        cards = cards_of(view.meta)
        columns = [("body", _("Body"))] + [
            (p, literal(one_line(cards[p].short if cards.get(p) and cards[p].short else heading, 12)))
            for p, heading in column_headings(view.partners).items()]
        rows = []
        for body in self.step.bodies:
            cells: list[Text | str] = [literal(one_line(self.text_of(body.text), 28))]
            for partner in view.partners:
                given = consents.get((partner, body.id))
                if given is None:
                    cells.append(Text("·", justify="center"))
                else:
                    status = ConsentStatus(str(given.value))
                    key = f"{(ORDER.index(status) + 1) % 10} " if status in ORDER else ""
                    cell = Text(f"{key}{CODES[status]}", justify="center")
                    if given.when:
                        cell.append("*", style="dim")  # dated: the line under the grid says when
                    cells.append(cell)
            rows.append((body.id, cells))
        grid = self.query_one(Grid)
        grid.fill(columns, rows)
        ids = tuple(body.id for body in self.step.bodies)
        new = [body for body in ids if body not in self.shown_bodies]
        if self.shown_bodies and new and grid.row_count:  # just added: the cursor on its first partner
            grid.move_cursor(row=ids.index(new[0]), column=1)
        self.shown_bodies = ids
        if self.is_mounted:
            adopted = self.query_one("#adopted", Static)
            adopted.update(words := adopted_words(view, self.step))
            adopted.display = bool(words)
        self.show_detail()

    def action_adopt(self) -> None:
        """ctrl+r: the group adopts the grid as it stands; again takes it back."""
        if not self.view.consents(self.step.id):
            self.notify(_("There is nothing to adopt yet."))
        else:
            self.want(Adopt(self.step.id, not self.view.adopted(self.step.id)))

    def show_detail(self) -> None:
        """The cell under the cursor in full: partner, body, status and date; on the bodies'
        column the body's name in full, and for one added in a session how to change it."""
        here, body = self._here(), self._body()
        line = Text()
        if here is not None:
            partner, body, status, when = here
            line.append_text(literal(partner, style="bold"))
            if status_away := away(self.view).get(partner):  # a status can be known without them: kept fillable
                line.append(" (" + attendance_word(status_away) + ")", style="italic")
            line.append(" · ")
            line.append_text(literal(self.body_name(body)))
            line.append(" · ")
            line.append(consent_label(status) if status else _("no status yet"), style="bold")
            if when:
                line.append(" · ")
                line.append_text(literal(day(when)))
        elif body is not None:
            line.append_text(literal(self.body_name(body), style="bold"))
            if body in added_ids(self.view, self.step.id):
                line.append(" · " + _("added in a session: e renames it, Delete removes it"), style="dim")
        self.query_one("#detail", Static).update(line)

    def body_name(self, body_id: str) -> str:
        return next((self.text_of(b.text) for b in self.step.bodies if b.id == body_id), body_id)

    def on_data_table_cell_highlighted(self, event: Grid.CellHighlighted) -> None:
        self.show_detail()

    def _here(self) -> tuple[str, str, str, str] | None:
        if (place := self.query_one(Grid).to_fill()) is None:
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
                _("Date for {partner}: {body}").format(partner=visible(partner), body=visible(self.body_name(body))),
                when or self.view.date,  # the meeting's date, not today's: minutes are often typed later
                lambda answer: SetConsent(self.step.id, partner, body, status, answer.strip()),
                placeholder=self.view.date or "2026-12-01"))

    # --- bodies added in the session ------------------------------------------------------------

    def _body(self) -> str | None:
        """The body of the row under the cursor, in any column."""
        place = self.query_one(Grid).here()
        return place[0] if place is not None else None

    def _refuse_if_read_only(self) -> bool:
        if self.read_only:
            self.notify(_("This session is read-only: its bodies cannot be changed."), severity="warning")
        return self.read_only

    def action_add_body(self) -> None:
        if self._refuse_if_read_only():
            return
        self.post_message(self.Asks(_("Name of the formal body to add"), "",
                                    lambda answer: AddBody(self.step.id, answer),
                                    placeholder=_("e.g. GMR, tenants' organisation of Vivare")))

    def _editable(self) -> str | None:
        """The body under the cursor when it may be renamed or removed; else None, said why."""
        body = self._body()
        if body is None or self._refuse_if_read_only():
            return None
        refused = not_editable(self.view, self.step.id, body)
        if refused is not None:
            self.notify(refused, severity="warning")
            return None
        return body

    def action_rename_body(self) -> None:
        if (body := self._editable()) is not None:
            self.post_message(self.Asks(_("New name for {body}").format(body=visible(self.body_name(body))),
                                        self.body_name(body), lambda answer: RenameBody(self.step.id, body, answer)))

    def action_remove_body(self) -> None:
        """A body without statuses goes at once; with statuses, only after a yes, and they go with it
        (a body added by mistake should not cost the facilitator a key per partner to clear)."""
        from screens.dialogs import ConfirmDialog  # where a dialog opens: not needed to open a session

        if (body := self._editable()) is None:
            return
        given = sum(1 for (_partner, of), _c in self.view.consents(self.step.id).items() if of == body)
        if not given:
            self.want(RemoveBody(self.step.id, body))
            return
        question = Text(ngettext("Remove {body} and its {count} status?", "Remove {body} and its {count} statuses?",
                                 given).format(body=visible(self.body_name(body)), count=given), style="bold")

        def answered(yes: bool | None) -> None:
            if yes:
                self.want(RemoveBody(self.step.id, body, with_statuses=True))

        self.app.push_screen(ConfirmDialog(question), answered)
