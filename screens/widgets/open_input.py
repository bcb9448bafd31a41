"""Open steps: many short contributions, like sticky notes, each from a partner (or nobody)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static
from textual.widgets.option_list import Option

from screens.commands import bindings
from screens.widgets.base import PromptInput
from screens.widgets.entry import Entry as Input
from screens.widgets.contributions import ContributionList, contribution_line
from screens.widgets.who import WhoPicker, split_prefix
from workshop.i18n import N_, _
from workshop.session.changes import AddContribution, Change, EditContribution


class OpenInput(PromptInput):
    FOCUS = "#entry"
    HELP_TITLE = N_("Open step")

    PLACE = "open"
    BINDINGS = bindings("open")

    def compose(self) -> ComposeResult:
        yield ContributionList(id="contributions", classes="contributions")
        with Horizontal(classes="entry-row"):
            if not self.step.anonymous:
                yield WhoPicker(self.view.partners, id="who")
            else:
                yield Static(Text(_("anonymous"), style="italic"), id="anonymous", classes="who")
            yield Input(placeholder=self.placeholder(), id="entry", disabled=self.read_only,
                        select_on_focus=False, clear_on_enter=True, paste_lines=True)

    def placeholder(self) -> str:
        if self.step.anonymous:
            return _("Type a contribution, Enter saves it")
        return _("Type a contribution, Enter saves it (↑↓ partner, or start with 'Name: ')")

    def on_mount(self) -> None:
        self.show(self.view)

    shown: list = []  # the contributions the list shows now (the objects themselves)

    def show(self, view) -> None:
        super().show(view)
        contributions = view.contributions(self.step.id)
        shown, listing = self.shown, self.query_one(ContributionList)
        # An edit makes a new Contribution object and a move reorders the list, so "the same
        # objects in the same order" means nothing changed, and "the same plus some at the end"
        # means they were just added: then only the new lines are built (a step of 500 stays quick).
        unchanged = len(contributions) >= len(shown) and all(a is b for a, b in zip(shown, contributions))
        if unchanged and len(contributions) > len(shown):
            listing.add_options(self.lines(contributions[len(shown):], first_number=len(shown) + 1))
            if shown:  # just added: the room sees it appear, however long the list already is
                listing.scroll_end(animate=False, immediate=True)
        elif not unchanged:
            listing.show(self.lines(contributions))
        self.shown = contributions

    def lines(self, contributions: list, first_number: int = 1) -> list[Option]:
        return [Option(contribution_line(c, self.step.anonymous, number), id=c.uid)
                for number, c in enumerate(contributions, start=first_number)]

    def action_cycle_who(self, step: int) -> None:
        if not self.step.anonymous:
            self.query_one(WhoPicker).cycle(step)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value  # taken (and the entry emptied) when Enter arrived: see Entry
        if not text.strip():
            return
        partner = participant = ""
        if not self.step.anonymous:
            picker = self.query_one(WhoPicker)
            who, rest = split_prefix(text, self.view.partners, self.view.participants)
            if who is not None:
                picker.who, text = who, rest
            partner, participant = picker.who.partner, picker.who.participant
        self.want(AddContribution(self.step.id, text, partner, participant), typed=event.value)

    def on_contribution_list_edit(self, event: ContributionList.Edit) -> None:
        event.stop()
        anonymous = self.step.anonymous

        def change_for(text: str) -> Change | None:
            if not text.strip():
                return None
            fields = {"text": text}
            if not anonymous:  # 'Bram: …' says it was Bram after all, as when typing it
                who, rest = split_prefix(text, self.view.partners, self.view.participants)
                if who is not None:
                    fields = {"text": rest, "partner": who.partner, "participant": who.participant}
            return EditContribution(event.uid, fields)

        title = _("Edit the contribution") if anonymous else \
            _("Edit the contribution (start with 'Name: ' to change who said it)")
        self.post_message(self.Asks(title, self.view.contribution(event.uid).text, change_for))

    def refused(self, typed: str) -> None:
        """The save was refused (bad input): give the text back so nothing typed is lost."""
        entry = self.query_one("#entry", Input)
        if not entry.value:
            entry.value = typed
