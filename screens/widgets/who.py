"""Who said it: a partner picked by cycling, or named by a typed prefix like 'Gem: …'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from screens.text import literal
from workshop.i18n import _
from workshop.model import Participant

PREFIX = re.compile(r"^\s*([^:\n]{1,40}?)\s*:\s*(.+)$", re.DOTALL)


@dataclass(frozen=True)
class Who:
    partner: str = ""
    participant: str = ""

    def label(self) -> str:
        if self.participant:
            return f"{self.participant} ({self.partner})" if self.partner else self.participant
        return self.partner or _("nobody in particular")


def split_prefix(text: str, partners: list[str], participants: list[Participant]) -> tuple[Who | None, str]:
    """'Gem: we need time' -> (Who('Gemeente'), 'we need time') when 'Gem' names one partner
    or one participant; otherwise (None, text) and the text is kept whole."""
    match = PREFIX.match(text)
    if not match:
        return None, text
    wanted, rest = match.group(1).casefold(), match.group(2)
    people = [p for p in participants if p.name.casefold() == wanted] or \
        [p for p in participants if p.name.casefold().startswith(wanted)]
    if len(people) == 1:
        return Who(people[0].partner, people[0].name), rest
    organisations = [p for p in partners if p.casefold() == wanted] or \
        [p for p in partners if p.casefold().startswith(wanted)]
    if len(organisations) == 1 and not people:
        return Who(organisations[0], ""), rest
    return None, text


class WhoPicker(Static):
    """Shows who the next contribution is from; the owner cycles it with ↑/↓."""

    who: reactive[Who] = reactive(Who, init=False)

    def __init__(self, partners: list[str], **kwargs) -> None:
        super().__init__("", **kwargs)
        self.choices = [Who(p) for p in partners] + [Who()]
        self.who = self.choices[0]

    def cycle(self, step: int) -> None:
        plain = Who(self.who.partner)
        index = self.choices.index(plain) if plain in self.choices else 0
        self.who = self.choices[(index + step) % len(self.choices)]

    def watch_who(self, who: Who) -> None:
        self.update(Text.assemble(("▲▼ ", "dim"), literal(who.label(), style="bold")))

    def on_mount(self) -> None:
        self.watch_who(self.who)
