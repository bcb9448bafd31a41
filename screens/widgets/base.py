"""What every prompt kind's input has in common."""

from __future__ import annotations

from textual.containers import Vertical

from workshop.guides import Step
from workshop.session import SessionView


class PromptInput(Vertical):
    """One prompt kind's input and what was said so far.

    The screen hands it the session (`show`) after every change; it posts messages saying what
    the facilitator wants, and never saves anything itself."""

    DEFAULT_CSS = """
    PromptInput { height: 1fr; }
    PromptInput Input { margin: 0 0; }
    """

    def __init__(self, view: SessionView, step: Step, read_only: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = view
        self.step = step
        self.read_only = read_only

    def show(self, view: SessionView) -> None:
        """Redraw from the session's current data."""
        self.view = view

    FOCUS = "#entry"  # where the facilitator types next (a selector within the input)

    def focus_input(self) -> None:
        """Put the cursor where the facilitator types next."""
        self.query_one(self.FOCUS).focus()

    def saved(self) -> None:
        """The screen saved what was submitted: clear the entry for the next one."""

    def text_of(self, value) -> str:
        return self.view.text(value)
