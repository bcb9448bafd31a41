"""What the room sees in presentation mode for a scale, vote or consent step: the whole screen,
every item in full with its distribution, mean and spread (drawn by workshop/present/room.py)."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static

from workshop.core.guides import Step
from workshop.core.model import PromptKind
from workshop.core.session import SessionView
from workshop.present.room import room_consent, room_scale, room_vote

ROOMY_HEIGHT = 40  # from this height on, a blank line and the group means under each item


def seated(screen) -> tuple[tuple[str, str], ...]:
    """(name, partner) of each seat taken on a device that scores, while participants can join:
    they count among those who can score (workshop/core/outcomes/attendance.py expected)."""
    server = getattr(screen, "server", None)
    if server is None or not getattr(server, "running", False):
        return ()
    return tuple((seat.name, seat.partner) for seat in server.hub.joined.values() if not seat.scribe)


class RoomBoard(VerticalScroll):
    """Shown instead of the grid while presenting (the session's .tcss switches them)."""

    can_focus = False

    def __init__(self, view: SessionView, step: Step, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view, self.step = view, step

    def compose(self):
        yield Static(id="room-board")

    def on_mount(self) -> None:
        self.show(self.view)

    def on_resize(self) -> None:
        self.show(self.view)

    def show(self, view: SessionView) -> None:
        self.view = view
        width = max(40, self.size.width - 2 if self.size.width else 78)
        kind = self.step.kind
        if kind is PromptKind.SCALE:
            roomy = self.app.size.height >= ROOMY_HEIGHT
            drawn = room_scale(view, self.step, width, roomy=roomy, pairs=8 if roomy else 4,
                               seated=seated(self.screen))
        elif kind is PromptKind.VOTE:
            drawn = room_vote(view, self.step, width)
        else:
            drawn = room_consent(view, self.step, width)
        self.query_one("#room-board", Static).update(drawn)
