"""Open steps: many short contributions, like sticky notes, each from a partner (or nobody)."""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from screens.commands import bindings
from screens.widgets.base import PromptInput
from screens.widgets.contributions import ContributionList, contribution_line
from screens.widgets.entry import Entry as Input
from screens.widgets.lines import Item
from screens.widgets.who import PartnerDialog, WhoPicker, problem_line
from workshop.core.session.changes import AddContribution, Change, EditContribution
from workshop.core.text.i18n import N_, _
from workshop.core.typed.attribution import Attribution, cards_of
from workshop.core.typed.interests import (
    LATEST_POSITION,
    Typed,
    behind,
    level_label,
    next_level,
    no_position,
    position_behind,
    read_typed,
)


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
        yield Static(id="who-problem", classes="who-problem -empty")

    def placeholder(self) -> str:
        if self.step.levels:
            return _("Type a contribution, Enter saves it ('Name: {level}: …', F4: level, F2: partner)").format(
                level=self.text_of(self.step.levels[-1].text))
        if self.step.anonymous:
            return _("Type a contribution, Enter saves it")
        return _("Type a contribution, Enter saves it (↑↓ or F2: partner, or start with 'Name: ')")

    def on_mount(self) -> None:
        self.show(self.view)

    shown: list = []  # the contributions the list shows now (the objects themselves)

    def show(self, view) -> None:
        super().show(view)
        # A contribution waiting for moderation is not shown (nor projected) until the facilitator
        # shows it from the participants' panel.
        contributions = [c for c in view.contributions(self.step.id) if not view.is_held(c.uid)]
        shown, listing = self.shown, self.query_one(ContributionList)
        # An edit makes a new Contribution object and a move reorders the list, so "the same
        # objects in the same order" means nothing changed, and "the same plus some at the end"
        # means they were just added: then only the new lines are built (a step of 500 stays quick).
        unchanged = len(contributions) >= len(shown) and all(a is b for a, b in zip(shown, contributions))
        if unchanged and len(contributions) > len(shown):
            listing.add_options(self.lines(contributions[len(shown):], contributions, first_number=len(shown) + 1))
            if shown:  # just added: the room sees it appear, however long the list already is
                listing.scroll_end(animate=False, immediate=True)
        elif not unchanged:
            listing.show(self.lines(contributions, contributions))
        self.shown = contributions

    def lines(self, contributions: list, everything: list, first_number: int = 1) -> list[Item]:
        """The list's lines for `contributions`, numbered (a position by its place in `everything`)."""
        numbers = {c.uid: number for number, c in enumerate(everything, start=1)} \
            if any(behind(c) for c in contributions) else {}
        return [Item(contribution_line(c, self.step.anonymous, number, self.tag(c, numbers)), c.uid)
                for number, c in enumerate(contributions, start=first_number)]

    def tag(self, contribution, numbers: dict[str, int]) -> str:
        """The level, 'Standpunt', and for an interest behind a position that position's number."""
        label = level_label(self.step, contribution.item, self.view.lang)
        position = numbers.get(behind(contribution))
        return f"{label} ↳ {position}".strip() if position else label

    level = ""  # the level the next contribution gets, unless a typed prefix says another (F4)

    def action_cycle_level(self) -> None:
        """F4: the next level for the chosen contribution (the list has focus) or the next one typed."""
        if not self.step.levels or self.read_only:
            self.notify(_("This step has no levels."), severity="warning")
            return
        listing = self.query_one(ContributionList)
        chosen = listing.highlighted_option
        if listing.has_focus:  # the chosen contribution's level, never the next one's unseen
            if chosen is not None:
                old = self.view.contribution(str(chosen.id))
                self.want(EditContribution(old.uid, {"item": next_level(self.step, old.item)}))
            return
        self.level = next_level(self.step, self.level)
        self.show_level(self.level)

    def show_level(self, level: str, why: bool = False) -> None:
        """Beside the partner: the level the line gets and, for 'waarom:', the position it goes under."""
        if self.step.anonymous:
            return
        picker = self.query_one(WhoPicker)
        label = level_label(self.step, level, self.view.lang)
        if why:
            shown = self.shown
            who = picker.credited or picker.who
            position = position_behind(shown, who.partner)
            label = f"{label} ↳ {shown.index(position) + 1 if position else '?'}".strip()
        picker.level = label

    def action_cycle_who(self, step: int) -> None:
        if not self.step.anonymous:
            self.query_one(WhoPicker).cycle(step)

    def read(self, text: str) -> Typed:
        """Who, which level, a position or the answer to "why?": the prefixes of a typed line."""
        if self.step.anonymous:  # no one is credited: a name stays in the text
            return read_typed(text, self.step, [])
        return read_typed(text, self.step, self.view.partners, self.view.participants, cards_of(self.view.meta),
                          self.view.labels)

    def attribute(self, text: str) -> Attribution:
        return self.read(text).who

    def on_input_changed(self, event: Input.Changed) -> None:
        """As the facilitator types, the picker shows who a prefix names: visible before Enter."""
        event.stop()
        if self.step.anonymous or event.input.id != "entry":
            return
        read = self.read(event.value) if ":" in event.value else None
        typed = read.who if read is not None else None
        picker = self.query_one(WhoPicker)
        if typed != picker.typed:
            picker.typed = typed
        self.show_level(read.level if read is not None and read.level else self.level, read is not None and read.why)
        if typed is None or not typed.prefix or typed.matched:
            self.show_problem(None)

    kept_as_text = ""  # a line with an unknown prefix, Enter pressed once: Enter again keeps it

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value  # taken (and the entry emptied) when Enter arrived: see Entry
        if not text.strip():
            self.next_waiting()
            return
        partner = participant = ""
        read = self.read(text)
        text = read.text
        if not self.step.anonymous:
            picker = self.query_one(WhoPicker)
            typed = read.who
            if typed.speaker is not None:  # matched
                picker.who, text = typed.speaker, typed.text
            elif typed.ambiguous or (typed.unknown and event.value != self.kept_as_text):
                # never credited by a guess: nothing saved, the text stays, the problem is named
                self.kept_as_text = event.value if typed.unknown else ""
                self.give_back(event.value)
                self.show_problem(typed)
                return
            self.kept_as_text = ""
            self.show_problem(None)
            if not typed.labelled:  # a labelled line ('Ontbreekt: …') is nobody's in particular
                partner, participant = picker.who.partner, picker.who.participant
        level = read.level or (self.level if self.step.levels else "")
        # 'waarom: …' goes under the position it answers, found as the change is made: keys typed in
        # a burst may get here before the position typed just before it is on screen
        self.want(AddContribution(self.step.id, text, partner, participant, item=level,
                                  value=LATEST_POSITION if read.why else None), typed=event.value)

    problem_shown = False

    def show_problem(self, typed: Attribution | None) -> None:
        if typed is None and not self.problem_shown:
            return  # nothing to clear: an update would re-lay-out the screen on every key typed
        self.problem_shown = typed is not None
        line = self.query_one("#who-problem", Static)
        who = self.query_one(WhoPicker).who
        line.update(problem_line(typed, "Enter", "F2", who) if typed is not None else "")
        line.set_class(typed is None, "-empty")

    waiting: tuple[str, ...] = ()  # lines given back while the entry held another (keys in a burst)

    def give_back(self, text: str) -> None:
        entry = self.query_one("#entry", Input)
        if entry.value and entry.value != text:  # not over what is there: this one waits its turn
            self.waiting += (text,)
            self.notify(_("A typed line waits its turn: it comes back here after this one."), severity="warning")
            return
        entry.value = text
        entry.cursor_position = len(text)

    def next_waiting(self) -> None:
        if self.waiting and not self.query_one("#entry", Input).value:
            text, self.waiting = self.waiting[0], self.waiting[1:]
            self.give_back(text)

    def saved(self, change) -> None:
        self.next_waiting()

    def action_pick_who(self) -> None:
        """F2: pick a partner by typing part of its name; a prefix typed in the entry is the start."""
        if self.step.anonymous or self.read_only:
            return
        entry = self.query_one("#entry", Input)
        typed = self.attribute(entry.value)

        def picked(who) -> None:
            if who is None:
                return
            picker = self.query_one(WhoPicker)
            picker.who = who
            if typed.prefix and not typed.matched:  # the unknown or unclear prefix is replaced by the pick
                entry.value = re.sub(re.escape(typed.prefix) + r"\s*:\s*", "", entry.value, count=1)
            self.show_problem(None)
            entry.focus()

        self.app.push_screen(PartnerDialog(self.view.partners, cards_of(self.view.meta), typed.prefix), picked)

    def on_contribution_list_edit(self, event: ContributionList.Edit) -> None:
        event.stop()
        anonymous = self.step.anonymous

        def change_for(text: str) -> Change | None:
            if not text.strip():
                return None
            read = self.read(text)
            fields: dict = {"text": read.text}
            if read.level:  # 'Organisatie: …' or 'Standpunt: …' sets it, as when typing it
                fields["item"] = read.level
            if read.why:
                position = position_behind(self.shown, self.view.contribution(event.uid).partner)
                if position is None or position.uid == event.uid:
                    raise ValueError(no_position())
                fields["value"] = position.uid
            if not anonymous:  # 'Bram: …' says it was Bram after all, as when typing it
                typed = read.who
                if typed.ambiguous:
                    raise ValueError(_("'{prefix}' could be: {names}. Type more of the name.").format(
                        prefix=typed.prefix, names=", ".join(c.label() for c in typed.candidates)))
                if typed.speaker is not None:  # matched
                    fields.update({"text": typed.text, "partner": typed.speaker.partner,
                                   "participant": typed.speaker.participant})
                elif typed.labelled:  # 'Ontbreekt: …' is nobody's in particular, as when typing it
                    fields.update({"partner": "", "participant": ""})
            return EditContribution(event.uid, fields)

        title = _("Edit the contribution") if anonymous else \
            _("Edit the contribution (start with 'Name: ' to change who said it)")
        if self.step.levels and not anonymous:
            title = _("Edit the contribution ('Name: ', a level or '{word}: ' before it changes them)").format(
                word=_("Position"))
        self.post_message(self.Asks(title, self.view.contribution(event.uid).text, change_for))

    def refused(self, typed: str) -> None:
        """The save was refused (bad input): give the text back so nothing typed is lost."""
        self.give_back(typed)
