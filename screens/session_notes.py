"""What the session screen asks the facilitator in a dialog and keeps as part of the session: a
private note for the step (ctrl+o) and the next meeting's date and place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from workshop.i18n import _
from workshop.session.changes import SetNextMeeting, SetNote

if TYPE_CHECKING:
    from textual.app import App

    from workshop.session import Change, LiveSession


class SessionLike(Protocol):
    """What AsksForNotes uses of the screen it is mixed into, for the type checker."""

    live: LiveSession
    step_id: str

    @property
    def app(self) -> App[Any]: ...

    def change(self, change: Change, agenda: bool = False) -> bool: ...


class AsksForNotes:
    """Mixed into SessionScreen: `change`, `live`, `step_id` and `app` are the screen's."""

    def action_note(self: SessionLike) -> None:
        from screens.dialogs import TextDialog  # where a dialog opens: not needed to open a session

        def noted(text: str | None) -> None:
            if text is not None:
                self.change(SetNote(self.step_id, text), agenda=True)

        self.app.push_screen(TextDialog(_("Private note for this step (never shown in presentation mode)"),
                                        self.live.note(self.step_id), multiline=True), noted)

    def action_next_meeting(self: SessionLike) -> None:
        from screens.dialogs import TextDialog  # where a dialog opens: not needed to open a session

        known = self.live.next_meeting
        start = f"{known[0]}, {known[1]}".rstrip(", ") if known else ""

        def answered(text: str | None) -> None:
            if text is not None:
                when, _comma, where = text.partition(",")
                self.change(SetNextMeeting(when.strip(), where.strip()))

        self.app.push_screen(TextDialog(_("Next meeting: the date, then where after a comma (empty clears it)"),
                                        start, placeholder=_("e.g. 15 January, town hall")), answered)
