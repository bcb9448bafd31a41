"""The step's timebox in large digits, coloured as time runs out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from screens.widgets.steady import update_steadily
from workshop.core.session.timer import Timebox, TimeLeft, TimerState, clock_text
from workshop.core.text.i18n import _


class StepTimer(Vertical):
    """Shows a Timebox at a moment; the screen calls `show` every second."""

    DEFAULT_CSS = """
    StepTimer { height: auto; width: auto; }
    StepTimer Digits { width: auto; }
    StepTimer .timer-state { width: 100%; text-align: center; color: $text-muted; }
    StepTimer.nearly-up Digits { color: $warning; }
    StepTimer.over Digits { color: $error; text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        yield Digits("00:00", id="digits")
        yield Static("", classes="timer-state")

    def show(self, box: Timebox, now: float) -> TimeLeft:
        warning = box.warning(now)
        self.query_one(Digits).update(clock_text(box.left(now)))
        state = box.state()
        words = {TimerState.IDLE: "○ " + _("ready"), TimerState.PAUSED: "⏸ " + _("paused"),
                 TimerState.RUNNING: "▶"}[state]
        update_steadily(self.query_one(".timer-state", Static), f"{words} {box.minutes + box.extra} " + _("min"))
        self.set_class(warning is TimeLeft.NEARLY_UP, "nearly-up")
        self.set_class(warning is TimeLeft.OVER, "over")
        self.set_class(state is not TimerState.RUNNING, "stopped")
        return warning
