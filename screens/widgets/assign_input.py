"""Assign steps: rows of role or task → who → when (a date) or how often (a rhythm)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import Static

from screens.commands import bindings
from screens.text import literal
from screens.widgets.base import PromptInput
from screens.widgets.contributions import ContributionLine, ContributionList
from screens.widgets.entry import Entry as Input
from screens.widgets.lines import Item
from workshop.core.session.changes import Adopt, Assign, Change
from workshop.core.text.characters import cleaned
from workshop.core.text.i18n import N_, _, day
from workshop.core.typed.attribution import attribute, cards_of

ROW = "row:"


def adopted_words(view, step) -> Text:
    """The line above a roles, rhythm, team or consent step: adopted, as adopted before, or a proposal."""
    if view.adopted(step.id):
        return Text("✔ " + _("Adopted in this meeting (ctrl+r takes it back)"), style="bold")
    if before := view.adopted_before(step.id):
        return Text(_("As adopted on {date}: change what differs, then ctrl+r adopts it again").format(
            date=day(before)), style="italic")
    if view.contributions(step.id) and not step.actions:
        return Text(_("A proposal: ctrl+r adopts it as it stands"), style="italic")
    return Text("")


class AssignInput(PromptInput):
    """Enter in the task moves to who, Enter in who moves to when, Enter in when saves.
    Enter on a row in the list fills the inputs with it, to assign or change it."""
    FOCUS = "#entry"
    HELP_TITLE = N_("Assign step")
    PLACE = "assign"
    BINDINGS = bindings("assign")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.editing_row = ""
        self.editing_uid = ""

    def compose(self) -> ComposeResult:
        yield Static(id="adopted", classes="legend")
        yield ContributionList(id="contributions", classes="contributions")
        names = self.view.partners + [p.name for p in self.view.participants]
        when = _("when (a date)") if self.step.when == "date" else _("how often (a rhythm)")
        with Horizontal(classes="entry-row assign-row"):
            yield Input(placeholder=_("role or task"), id="entry", disabled=self.read_only,
                        select_on_focus=False)
            yield Input(placeholder=_("who"), id="who", disabled=self.read_only,
                        suggester=SuggestFromList(names, case_sensitive=False), select_on_focus=False)
            yield Input(placeholder=when, id="when", disabled=self.read_only, select_on_focus=False,
                        clear_on_enter=True)

    def on_mount(self) -> None:
        self.show(self.view)

    def show(self, view) -> None:
        super().show(view)
        given = view.contributions(self.step.id)
        by_row = {c.item: c for c in given if c.item}
        options = []
        for row in self.step.rows:
            found = by_row.get(row.id)
            line = Text("▸ ", style="dim")
            if found:
                line.append(literal(found.text, style="bold"))
                line.append(self._assignment(found.value, found.when))
                options.append(Item(ContributionLine(line), found.uid))
            else:
                line.append(literal(self.text_of(row.text), style="bold"))
                line.append("  → " + _("(nobody yet)"), style="italic")
                options.append(Item(ContributionLine(line), ROW + row.id))
        for c in given:
            if not c.item:
                line = Text("• ", style="dim")
                line.append(literal(c.text, style="bold"))
                line.append(self._assignment(c.value, c.when))
                options.append(Item(ContributionLine(line), c.uid))
        self.query_one(ContributionList).show(options)
        adopted = self.query_one("#adopted", Static)
        adopted.update(adopted_words(view, self.step))
        adopted.display = bool(adopted_words(view, self.step))

    def action_adopt(self) -> None:
        """ctrl+r: the group adopts the rows as they stand; again takes it back."""
        if self.step.actions:
            self.notify(_("Actions are agreed one by one; there is nothing to adopt as a whole."))
        elif not self.view.contributions(self.step.id):
            self.notify(_("There is nothing to adopt yet."))
        else:
            self.want(Adopt(self.step.id, not self.view.adopted(self.step.id)))

    @staticmethod
    def _assignment(who, when) -> Text:
        text = Text("  → ")
        text.append(literal(str(who or "?")))
        if when:
            text.append("  · ")
            text.append(literal(str(when)))
        return text

    def on_contribution_list_edit(self, event: ContributionList.Edit) -> None:
        """Load a row into the inputs (nothing is saved until Enter in 'when')."""
        event.stop()
        entry, who, when = (self.query_one(f"#{name}", Input) for name in ("entry", "who", "when"))
        self.editing_row = self.editing_uid = ""
        if event.uid.startswith(ROW):
            self.editing_row = event.uid[len(ROW):]
            row = next(r for r in self.step.rows if r.id == self.editing_row)
            entry.value, who.value, when.value = self.text_of(row.text), "", ""
            who.focus()
            return
        found = self.view.contribution(event.uid)
        self.editing_uid = found.uid
        self.editing_row = found.item
        # a stored text goes into an editable field without anything that could steer the terminal
        entry.value, who.value, when.value = (cleaned(found.text, lines=False),
                                              cleaned(str(found.value or ""), lines=False),
                                              cleaned(found.when, lines=False))
        who.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        entry, who, when = (self.query_one(f"#{name}", Input) for name in ("entry", "who", "when"))
        if event.input is entry:
            if event.value.strip():
                who.focus()
        elif event.input is who:
            who.value = self.complete_name(event.value)
            when.focus()
        elif entry.value.strip():  # 'when' was taken (and emptied) at Enter; keys go to it, not here
            row = self.editing_row or (self.predefined_row(entry.value) if not self.editing_uid else "")
            self.want(Assign(self.step.id, entry.value, who.value, event.value, row, self.editing_uid))
        else:
            when.value = when.value or event.value
            entry.focus()

    def predefined_row(self, typed: str) -> str:
        """A guide's row whose text was typed (not picked from the list) fills that row: no
        second, free row with the same text."""
        wanted = " ".join(typed.split()).casefold()
        return next((r.id for r in self.step.rows if " ".join(self.text_of(r.text).split()).casefold() == wanted), "")

    def complete_name(self, typed: str) -> str:
        """'gem' -> 'Gemeente' when it starts exactly one partner's or participant's name."""
        wanted = typed.strip().casefold()
        if not wanted:
            return typed
        names = [p.name for p in self.view.participants] + self.view.partners
        exact = [n for n in names if n.casefold() == wanted]
        found = exact or [n for n in names if n.casefold().startswith(wanted)]
        if len(set(found)) == 1:
            return found[0]
        named = attribute(f"{typed.strip()}: -", self.view.partners, self.view.participants, cards_of(self.view.meta))
        if named.speaker is not None:  # matched: a word of the name, or a short name: 'Arnhem' is Gemeente Arnhem
            return named.speaker.participant or named.speaker.partner
        return typed

    def saved(self, change: Change) -> None:
        for name in ("entry", "who"):  # 'when' was emptied at Enter; what was typed since stays
            self.query_one(f"#{name}", Input).value = ""
        self.editing_row = self.editing_uid = ""
        self.query_one("#entry", Input).focus()
