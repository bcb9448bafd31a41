"""Choice steps: the group picks one of a list."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from screens.text import literal
from screens.widgets.base import PromptInput
from workshop.i18n import N_
from workshop.session.changes import Choose


class ChoiceInput(PromptInput):
    FOCUS = "OptionList"
    HELP_TITLE = N_("Choice step")

    def compose(self) -> ComposeResult:
        yield OptionList(id="options", classes="options")

    def on_mount(self) -> None:
        self.show(self.view)

    def show(self, view) -> None:
        super().show(view)
        chosen = view.choice(self.step.id)
        options = []
        for option in self.step.options:
            mark = "● " if option.id == chosen else "○ "
            options.append(Option(literal(mark + self.text_of(option.text), style="bold" if option.id == chosen else ""),
                                  id=option.id))
        listing = self.query_one(OptionList)
        keep = listing.highlighted
        listing.set_options(options)
        ids = [o.id for o in self.step.options]
        listing.highlighted = keep if keep is not None else (ids.index(chosen) if chosen in ids else 0)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.want(Choose(self.step.id, event.option.id))
