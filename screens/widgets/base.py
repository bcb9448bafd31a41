"""What every prompt kind's input has in common, and the two messages they all post."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.containers import Vertical
from textual.message import Message

from screens.widgets.contributions import ContributionList
from workshop.core.guides import Step
from workshop.core.session import Change, SessionView
from workshop.core.session.changes import MoveContribution, RemoveContribution, Restore
from workshop.core.text.i18n import _


class PromptInput(Vertical):
    """One prompt kind's input and what was said so far.

    The screen hands it the session (`show`) after every change; it posts what the facilitator
    wants as a change (`Wants`), or a question whose answer makes one (`Asks`), and never saves
    anything itself."""

    DEFAULT_CSS = """
    PromptInput { height: 1fr; }
    PromptInput Input { margin: 0 0; }
    """

    @dataclass
    class Wants(Message):
        """Make this change (workshop/core/session/changes.py). `typed` is what the facilitator typed,
        given back to the entry when the change is refused, so nothing typed is lost."""

        change: Change
        typed: str = ""

    @dataclass
    class Asks(Message):
        """Ask the facilitator for a line of text first; `change_for(answer)` makes the change
        (None: nothing to do; ValueError: the answer is wrong, its text says why)."""

        title: str
        start: str
        change_for: Callable[[str], Change | None]
        placeholder: str = ""

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

    def want(self, change: Change, typed: str = "") -> None:
        self.post_message(self.Wants(change, typed))

    def saved(self, change: Change) -> None:
        """The screen made what was wanted (after `Wants`): saved, or queued to be saved."""

    def refused(self, typed: str) -> None:
        """The change was refused (bad input): give back what was typed."""

    def text_of(self, value) -> str:
        return self.view.text(value)

    # A list of contributions in any input: removing and moving them are changes like any other.

    removed: dict | None = None  # the last contribution removed here, for its undo

    def on_contribution_list_remove(self, event: ContributionList.Remove) -> None:
        event.stop()
        self.removed = self.view.contribution(event.uid).to_dict()
        self.want(RemoveContribution(event.uid))
        self.notify(_("Removed. Press u to bring it back."), timeout=4)

    def on_contribution_list_undo(self, event: ContributionList.Undo) -> None:
        event.stop()
        if self.removed is not None:
            self.want(Restore(self.removed))
            self.removed = None

    def on_contribution_list_move(self, event: ContributionList.Move) -> None:
        event.stop()
        self.want(MoveContribution(event.uid, event.offset))
