"""Choice steps: the group picks one of a list; or, with per = "partner", each partner picks one
and the group's choice is the one picked most (the spread is shown beside it)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screens.commands import bindings
from screens.text import literal
from screens.widgets.base import PromptInput
from workshop.core.outcomes.phase import phase_step, suggestion
from workshop.core.session.changes import Choose
from workshop.core.text.i18n import N_, _, ngettext


class ChoiceInput(PromptInput):
    FOCUS = "OptionList"
    HELP_TITLE = N_("Choice step")

    PLACE = "choice"
    BINDINGS = bindings("choice")

    @property
    def per_partner(self) -> bool:
        return self.step.per == "partner"

    def compose(self) -> ComposeResult:
        if self.per_partner:
            yield Static(Text(_("Per partner: a number picks that option and moves to the next partner, as in a "
                                "scale; Enter the next partner, space the next option"), style="italic"),
                         classes="legend")
            # which number is which option: kept in view on a narrow screen too (the legend is cut there)
            keys = Text()
            for number, option in enumerate(self.step.options[:9], start=1):
                keys.append(f"{' · ' if number > 1 else ''}{number} ", style="bold")
                keys.append(literal(self._label(option.id)))
            yield Static(keys, classes="choice-keys")
        yield OptionList(id="options", classes="options")
        if self.per_partner:
            yield Static(id="spread")
        yield Static(id="phones")  # the participants' own picks, counted (the room sees this too)
        yield Static(id="pickers", classes="detail")  # who picked what: the facilitator's, not the room's

    def on_mount(self) -> None:
        self.show(self.view)

    def show(self, view) -> None:
        super().show(view)
        listing = self.query_one(OptionList)
        keep = listing.highlighted
        self._show_phones(view)
        if self.per_partner:
            self._show_partners(view, listing, keep)
            return
        chosen = view.choice(self.step.id)
        picks = view.picks(self.step.id)
        options = []
        for option in self.step.options:
            mark = "● " if option.id == chosen else "○ "
            line = literal(mark + self.text_of(option.text), style="bold" if option.id == chosen else "")
            if option.id in picks:
                line.append("  " + ngettext("{count} pick", "{count} picks", picks[option.id]).format(
                    count=picks[option.id]), style="bold cyan")
            options.append(Option(line, id=option.id))
        listing.set_options(options)
        ids = [o.id for o in self.step.options]
        listing.highlighted = keep if keep is not None else (ids.index(chosen) if chosen in ids else 0)

    def _label(self, option_id: str) -> str:
        """An option's words up to a colon: "Delen: de partners …" → "Delen"."""
        return self.view.option_words(self.step.id, option_id, short=True)

    def _show_phones(self, view) -> None:
        """The participants' own picks from their phones: how many per option, for everyone; who
        picked what below it, on the facilitator's screen only and not on an anonymous step."""
        picks = view.picks(self.step.id)
        counted = Text()
        if picks:
            counted.append(ngettext("{count} participant picked", "{count} participants picked",
                                    sum(picks.values())).format(count=sum(picks.values())), style="bold")
            if self.per_partner:  # the options are not listed: their counts come here
                counted.append(": ")
                counted.append_text(literal(" · ".join(f"{self._label(o)} {n}" for o, n in picks.items())))
        self.query_one("#phones", Static).update(counted)
        named = Text()
        if picks and not self.step.anonymous:
            for option, names in view.pickers(self.step.id).items():
                named.append(("\n" if named else "") + self._label(option) + ": ", style="dim")
                named.append_text(literal(", ".join(names), style="dim"))
        self.query_one("#pickers", Static).update(named)

    def _show_partners(self, view, listing: OptionList, keep: int | None) -> None:
        picks = view.partner_picks(self.step.id)
        rows = []
        for index, partner in enumerate(view.partners):
            line = Text(f"{index + 1:>2}. ", style="dim").append(literal(partner, style="bold"))
            line.append("  ")
            line.append(literal(self._label(picks[partner])) if partner in picks
                        else Text(_("not picked yet"), style="italic dim"))
            rows.append(Option(line, id=f"partner-{index}"))
        listing.set_options(rows)
        listing.highlighted = min(keep, len(rows) - 1) if keep is not None and rows else 0
        spread = Text()
        if picks:
            counts = [(o.id, list(picks.values()).count(o.id)) for o in self.step.options]
            spread.append(_("Distribution:") + " ", style="bold")
            spread.append(literal(" · ".join(f"{self._label(option)} {count}" for option, count in counts if count)))
            if self.step.id != phase_step(view):  # a per-partner question of another kind (ready for the next phase?)
                spread.append("\n" + _("Chosen most: {option}").format(option=self._label(view.choice(self.step.id))),
                              style="bold")
                self.query_one("#spread", Static).update(spread)
                return
            spread.append("\n" + _("The group's phase: {phase}").format(phase=self._label(view.choice(self.step.id))),
                          style="bold")
            shelf = getattr(self.app, "shelf", None)
            found = suggestion(view, shelf) if shelf is not None else None
            if found is not None:
                spread.append("\n" + _("This guide is written for another phase; the guide for this group's phase is "
                                       "‘{title}’ ({guide}).").format(title=found.title, guide=found.guide),
                              style="yellow")
        self.query_one("#spread", Static).update(spread)

    def _partner(self) -> str | None:
        index = self.query_one(OptionList).highlighted
        partners = self.view.partners
        return partners[index] if index is not None and 0 <= index < len(partners) else None

    def action_pick(self, number: int) -> None:
        """Number `number` of the options: the highlighted partner's pick, or the group's choice."""
        if not 1 <= number <= len(self.step.options):
            return
        option = self.step.options[number - 1].id
        if not self.per_partner:
            self.want(Choose(self.step.id, option))
        elif (partner := self._partner()) is not None:
            self.want(Choose(self.step.id, option, partner))
            self.query_one(OptionList).action_cursor_down()  # on to the next partner, as a scale's digits do

    def action_cycle(self) -> None:
        """space: the highlighted partner's next option (the group's choice: the highlighted one)."""
        if not self.per_partner:
            option = self.query_one(OptionList).highlighted_option
            if option is not None and option.id:
                self.want(Choose(self.step.id, option.id))
            return
        if (partner := self._partner()) is None:
            return
        ids = [o.id for o in self.step.options]
        current = self.view.partner_picks(self.step.id).get(partner)
        following = ids[(ids.index(current) + 1) % len(ids)] if current in ids else ids[0]
        self.want(Choose(self.step.id, following, partner))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not self.per_partner:
            if event.option.id:
                self.want(Choose(self.step.id, event.option.id))
            return
        self.query_one(OptionList).action_cursor_down()  # Enter: the next partner, as in a scale
