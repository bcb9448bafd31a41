"""The contributions of a step as a list the facilitator can edit, remove and reorder."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.geometry import Size
from textual.reactive import Reactive
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from screens.commands import bindings
from screens.text import literal
from workshop.i18n import N_
from workshop.model import Contribution


def attribution(contribution: Contribution, anonymous: bool = False) -> str:
    if anonymous:
        return ""
    if contribution.participant and contribution.partner:
        return f"{contribution.partner} · {contribution.participant}"
    return contribution.partner or contribution.participant


def contribution_line(contribution: Contribution, anonymous: bool = False, number: int | None = None) -> Text:
    line = Text()
    if number is not None:
        line.append(f"{number:>2}. ", style="dim")
    who = attribution(contribution, anonymous)
    if who:
        line.append(literal(who, style="bold"))
        line.append("  ")
    line.append(literal(contribution.text))
    return line


class ContributionList(OptionList):
    """Options are contributions, their ids the contribution uids. The screen does the saving.

    Its height is set by the screen (`.contributions { height: 1fr }`), never by its content, so
    a contribution more or less needs no re-layout of the whole screen (Textual does one when a
    widget's virtual size changes): it scrolls further, that is all."""
    HELP_TITLE = N_("List of contributions")
    virtual_size = Reactive(Size(0, 0), layout=False)


    PLACE = "contributions"
    BINDINGS = bindings("contributions")

    @dataclass
    class Edit(Message):
        uid: str

    @dataclass
    class Remove(Message):
        uid: str

    @dataclass
    class Move(Message):
        uid: str
        offset: int

    def show(self, options: list[Option]) -> None:
        """Replace the options, keeping the highlight on the same contribution if it is still there."""
        keep = self.highlighted_option.id if self.highlighted_option is not None else None
        index = self.highlighted
        self.set_options(options)
        if not options:
            return
        ids = [option.id for option in options]
        if keep in ids:
            self.highlighted = ids.index(keep)
        elif index is not None:
            self.highlighted = min(index, len(options) - 1)

    def _chosen(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def action_edit(self) -> None:
        if (uid := self._chosen()) is not None:
            self.post_message(self.Edit(uid))

    def action_remove(self) -> None:
        if (uid := self._chosen()) is not None:
            self.post_message(self.Remove(uid))

    def action_move(self, offset: int) -> None:
        if (uid := self._chosen()) is not None:
            self.post_message(self.Move(uid, offset))
