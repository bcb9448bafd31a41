"""The agenda: every step with its progress and time spent; jump, skip, reorder, add."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.message import Message
from textual.strip import Strip
from textual.style import Style

from screens.commands import bindings
from screens.text import visible
from screens.widgets.lines import Item, LineList
from workshop.core.session import SessionView
from workshop.core.session.timer import clock_text
from workshop.core.text.i18n import N_, _

PLAIN, BOLD, DIM = RichStyle(), RichStyle(bold=True), RichStyle(dim=True)
STRUCK, SLANTED = RichStyle(dim=True, strike=True), RichStyle(dim=True, italic=True)
Line = tuple[tuple[str, RichStyle], ...]


class AgendaLine:
    """A step as the agenda shows it: a line with its title, cut with … at the agenda's edge, and
    a line with its time. Drawn straight from its pieces: a step is always two lines high, so
    the agenda is measured without drawing it, and drawing 22 steps costs a third of what
    Textual's general text does (the agenda is drawn as a session opens, and every few seconds)."""

    def __init__(self, *lines: Line) -> None:
        self.lines = lines

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AgendaLine) and other.lines == self.lines

    def __hash__(self) -> int:
        return hash(self.lines)

    def __str__(self) -> str:
        return "\n".join("".join(text for text, _style in line) for line in self.lines)

    def height(self, width: int) -> int:
        return len(self.lines)

    def strips(self, width: int, style: Style) -> list[Strip]:
        base = style.rich_style
        strips = []
        for line in self.lines:
            segments, used = [], 0
            for text, part in line:
                size = cell_len(text)
                if used + size > width:  # the rest does not fit: cut here, with …
                    room = width - used - 1
                    if room > 0:
                        segments.append(Segment(set_cell_size(text, room), base + part))
                    if width > used:
                        segments.append(Segment("…", base + part))
                    used = width
                    break
                segments.append(Segment(text, base + part))
                used += size
            strips.append(Strip(segments, used))
        return strips


class Agenda(LineList):
    HELP_TITLE = N_("Agenda (ctrl+g)")

    PLACE = "agenda"
    BINDINGS = bindings("agenda")

    @dataclass
    class Jump(Message):
        step_id: str

    @dataclass
    class Skip(Message):
        step_id: str

    @dataclass
    class MoveStep(Message):
        step_id: str
        offset: int

    class AddStep(Message):
        pass

    class Attendance(Message):
        """Record who is present, absent or excused (p)."""

    DEFAULT_CSS = "Agenda { scrollbar-size-vertical: 1; }"

    def show(self, view: SessionView, showing: str, now: float) -> None:
        touched = {c.step for c in view.contributions()}
        options = []
        for number, step in enumerate(view.agenda, start=1):
            box = view.timebox(step.id)
            skipped = view.is_skipped(step.id)
            if step.id == showing:
                marker = ("▶ ", BOLD)
            elif skipped:
                marker = ("⤼ ", DIM)
            else:
                marker = ("✔ " if step.id in touched else "  ", PLAIN)
            title = visible(f"{number}. {view.text(step.title)}").replace("\n", " ")
            title_style = STRUCK if skipped else BOLD if step.id == showing else PLAIN
            time_line: Line = ((f"    {clock_text(box.spent(now))} / {box.minutes + box.extra} " + _("min"), DIM),)
            if skipped:
                time_line += (("  " + _("skipped"), SLANTED),)
            options.append(Item(AgendaLine((marker, (title, title_style)), time_line), step.id))
        lines = [(option.id, option.prompt) for option in options]
        if lines == getattr(self, "lines_shown", None):
            return  # as shown: setting the options again re-measures and redraws them all
        self.lines_shown = lines
        keep = self.highlighted_option.id if self.highlighted_option is not None else showing
        self.set_options(options)
        ids = [o.id for o in options]
        self.highlighted = ids.index(keep) if keep in ids else 0

    def point_at(self, step_id: str) -> None:
        """Highlight a step (ctrl+g opens the agenda on the current step, so `s` skips that one)."""
        ids = [option.id for option in self.options]
        if step_id in ids:
            self.highlighted = ids.index(step_id)

    def _chosen(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def action_go(self) -> None:
        if (step_id := self._chosen()) is not None:
            self.post_message(self.Jump(step_id))

    def action_skip(self) -> None:
        if (step_id := self._chosen()) is not None:
            self.post_message(self.Skip(step_id))

    def action_move(self, offset: int) -> None:
        if (step_id := self._chosen()) is not None:
            self.post_message(self.MoveStep(step_id, offset))

    def action_add(self) -> None:
        self.post_message(self.AddStep())

    def action_attendance(self) -> None:
        self.post_message(self.Attendance())
