"""Preparing a new session: the collaboration, who is at the table, the guide and the language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Label, Select, Static, TextArea

from screens.commands import bindings
from screens.widgets.entry import Entry
from screens.widgets.footer import TranslatedFooter
from workshop.core.machine import clock
from workshop.core.making.prepare import (
    Plan,
    PrepareError,
    collaboration_details,
    collaborations,
    partner_specs,
    prepare_session,
)
from workshop.core.model import Participant, PartnerCard
from workshop.core.store import StoreError
from workshop.core.text.i18n import _

if TYPE_CHECKING:
    from screens.app import WorkshopApp


class NewSessionScreen(ModalScreen[str | None]):
    """Dismisses with the new session's id, or None when cancelled."""

    if TYPE_CHECKING:
        app = getters.app(WorkshopApp)  # the type checker reads the app's own attributes

    PLACE = "new"
    BINDINGS = bindings("new")

    def compose(self) -> ComposeResult:
        store, shelf = self.app.store, self.app.shelf
        self.known = sorted(collaborations(store))
        with VerticalScroll(id="new-session", classes="dialog"):
            yield Static(Text(_("A new session"), style="bold"), classes="dialog-title")
            yield Label(_("Collaboration (an existing one brings its partners and participants)"))
            yield Entry(id="collaboration", suggester=SuggestFromList(self.known, case_sensitive=False),
                        placeholder=_("e.g. Zorgnetwerk Rivierenland"))
            yield Label(_("Partners, one per line (NAME, or NAME=SHORT NAME)"))
            yield TextArea(id="partners", soft_wrap=True)
            yield Label(_("Participants, one per line: NAME@PARTNER or NAME@PARTNER:ROLE"))
            yield TextArea(id="participants", soft_wrap=True)
            yield Label(_("Guide"))
            guides = [(f"{guide.title.get(self.app.lang)} ({guide_id})", guide_id)
                      for guide_id, guide in shelf.guides.items()]
            yield Select(guides, id="guide", allow_blank=False,
                         value="procesregie" if "procesregie" in shelf.guides else guides[0][1])
            yield Label(_("Language of the session"))
            yield Select([("Nederlands", "nl"), ("English", "en")], id="lang", allow_blank=False, value=self.app.lang)
            yield Label(_("Title (empty: the guide's title)"))
            yield Entry(id="title")
            yield Label(_("Date"))
            yield Entry(clock.today().isoformat(), id="date")
            yield Static(id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(_("Prepare and open"), variant="primary", id="start")
                yield Button(_("Cancel"), id="cancel")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#error").display = False
        for area in self.query(TextArea):
            area.cursor_blink = not self.app.is_headless
        self.query_one("#collaboration").focus()

    def on_input_submitted(self, event: Entry.Submitted) -> None:
        event.stop()
        if event.input.id == "collaboration":
            self.fill_from(event.value)
            self.query_one("#partners").focus()
        elif event.input.id == "date":
            self.action_start()
        else:
            self.focus_next()

    def on_descendant_blur(self, event) -> None:
        if getattr(event.widget, "id", None) == "collaboration":
            self.fill_from(event.widget.value)

    def fill_from(self, name: str) -> None:
        """Reuse the partners and participants of an existing collaboration (if the fields are empty)."""
        name = name.strip()
        if name not in self.known:
            return
        details = collaboration_details(self.app.store, name)
        partners, participants = self.query_one("#partners", TextArea), self.query_one("#participants", TextArea)
        if not partners.text.strip():
            partners.text = "\n".join(f"{p}={details.cards[p].short}" if p in details.cards and details.cards[p].short
                                       else p for p in details.partners)
        if not participants.text.strip():
            participants.text = "\n".join(
                f"{p.name}@{p.partner}" + (f":{p.role}" if p.role else "") for p in details.participants)

    def plan(self) -> Plan:
        lines = lambda widget_id: [line.strip() for line in self.query_one(widget_id, TextArea).text.splitlines()  # noqa: E731
                                   if line.strip()]
        participants = []
        for line in lines("#participants"):
            try:
                participants.append(Participant.parse(line))
            except ValueError as problem:
                raise PrepareError(str(problem)) from None
        partners, typed = partner_specs(lines("#partners"))  # "Gemeente Arnhem=Arnhem" gives a short name
        earlier = collaboration_details(self.app.store, self.query_one("#collaboration", Entry).value.strip()).cards
        cards = {}
        for name in partners:  # the short name as typed now; the group as the collaboration had it
            short = typed[name].short if name in typed else ""
            group = earlier[name].group if name in earlier else ""
            if short or group:
                cards[name] = PartnerCard(name, short, [], group)
        return Plan(
            collaboration=self.query_one("#collaboration", Entry).value,
            guide=self.app.shelf.guides[str(self.query_one("#guide", Select).value)],
            partners=partners,
            cards=cards,
            participants=participants,
            lang=str(self.query_one("#lang", Select).value),  # allow_blank=False: "nl" or "en"
            title=self.query_one("#title", Entry).value,
            date=self.query_one("#date", Entry).value,
        )

    def action_start(self) -> None:
        error = self.query_one("#error", Static)
        try:
            session_id = prepare_session(self.app.store, self.plan())
        except (PrepareError, ValueError, StoreError) as problem:
            error.update(Text("⚠ " + str(problem).splitlines()[0]))
            error.display = True
            return
        self.dismiss(session_id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)
