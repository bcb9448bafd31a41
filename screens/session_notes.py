"""What the session screen asks the facilitator in a dialog and keeps as part of the session: a
private note for the step (ctrl+o), the next meeting's date, place and theme, and who takes the
minutes (both from the command palette)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.core.session.changes import SetMinutesTaker, SetNextMeeting, SetNote
from workshop.core.text.i18n import _

if TYPE_CHECKING:
    from screens.session_like import SessionLike


class AsksForNotes:
    """Mixed into SessionScreen: `write`, `live`, `step_id` and `app` are the screen's."""

    def action_note(self: SessionLike) -> None:
        from screens.dialogs import TextDialog  # here: a dialog is not needed to open a session

        def noted(text: str | None) -> None:
            if text is not None:
                self.write(SetNote(self.step_id, text))

        self.app.push_screen(TextDialog(_("Private note for this step (never shown in presentation mode)"),
                                        self.live.note(self.step_id), multiline=True), noted)

    def action_next_meeting(self: SessionLike) -> None:
        from screens.dialogs import TextDialog  # here: a dialog is not needed to open a session

        known = self.live.next_meeting
        start = f"{known[0]}, {known[1]}".rstrip(", ") if known else ""
        if known and self.live.next_theme:
            start += f"; {self.live.next_theme}"

        def answered(text: str | None) -> None:
            if text is not None:
                when, where, theme = next_meeting_parts(text)
                self.write(SetNextMeeting(when, where, theme))

        self.app.push_screen(TextDialog(_("Next meeting: the date, the place after a comma, the theme after a "
                                          "semicolon (empty clears it)"),
                                        start, placeholder=_("e.g. 15 January, town hall; the pilot's first lessons")),
                             answered)

    def action_minutes_taker(self: SessionLike) -> None:
        from screens.dialogs import TextDialog  # here: a dialog is not needed to open a session

        def answered(text: str | None) -> None:
            if text is not None:
                self.write(SetMinutesTaker(text))

        self.app.push_screen(TextDialog(_("Who takes the minutes? (empty clears it)"), self.live.minutes_taker,
                                        placeholder=_("e.g. Petra (secretariat)")), answered)


def next_meeting_parts(typed: str) -> tuple[str, str, str]:
    """"15 January, town hall; the pilot's lessons" → (when, where, theme): the place after the
    first comma, the theme after the first semicolon (either may be left out)."""
    head, _semicolon, theme = typed.partition(";")
    when, _comma, where = head.partition(",")
    return when.strip(), where.strip(), theme.strip()
