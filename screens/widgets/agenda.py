"""The agenda: every step with its progress and time spent; jump, skip, reorder, add."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets.option_list import Option

from screens.commands import bindings
from screens.text import literal
from screens.widgets.measured import MeasuredOnce
from workshop.i18n import N_, _
from workshop.session import SessionView
from workshop.timer import clock_text


class Agenda(MeasuredOnce):
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

    # A long title is cut with … at the agenda's edge, whatever its width: so the steps are shown
    # before the agenda is first laid out, in the screen's first frame (not one frame later).
    DEFAULT_CSS = "Agenda { text-wrap: nowrap; text-overflow: ellipsis; scrollbar-size-vertical: 1; }"

    def show(self, view: SessionView, showing: str, now: float) -> None:
        touched = {c.step for c in view.contributions()}
        options = []
        for number, step in enumerate(view.agenda, start=1):
            box = view.timebox(step.id)
            line = Text()
            if step.id == showing:
                line.append("▶ ", style="bold")
            elif view.is_skipped(step.id):
                line.append("⤼ ", style="dim")
            elif step.id in touched:
                line.append("✔ ")
            else:
                line.append("  ")
            title = literal(f"{number}. {view.text(step.title)}")
            if view.is_skipped(step.id):
                title.stylize("dim strike")
            elif step.id == showing:
                title.stylize("bold")
            line.append(title)
            spent = box.spent(now)
            line.append(f"\n    {clock_text(spent)} / {box.minutes + box.extra} " + _("min"), style="dim")
            if view.is_skipped(step.id):
                line.append("  " + _("skipped"), style="dim italic")
            options.append(Option(line, id=step.id))
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
        ids = [option.id for option in self._options]
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
