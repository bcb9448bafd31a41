"""The session screen hears what changed: each record the session tells (workshop/core/session/told.py)
becomes one Textual message; the records that arrive before the screen gets to them (a burst of
keys, a group of phones) are merged, and it redraws once, before the frame is painted, only what
they name: the step's input, the agenda, the timer, the saved state, the join panel. Whoever made
the change (a key, a phone, the compare screen, the join panel's controls) need not know what
shows it."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Protocol

from textual.message import Message

from workshop.core.session.told import NOTHING, Changed
from workshop.core.text.i18n import _

if TYPE_CHECKING:
    from screens.session_like import SessionLike

    class Hearing(SessionLike, Protocol):
        """The screen, with what HearsChanges keeps itself (for the type checker)."""

        _heard: Changed
        _redraw_asked: bool
        swapping: asyncio.Lock  # the screen's: held while the step's input is replaced

        def session_told(self, record: Changed) -> None: ...

        async def redraw_heard(self) -> None: ...

# What each part of the screen shows of the meta (the rest of it is the step input's).
STEP_PARTS = frozenset({"notes", "steps", "attendance", "status", "order", "skipped", "added_bodies"})  # show_step
AGENDA = frozenset({"current", "order", "skipped", "steps", "timers", "visited", "status"})
TIMER = frozenset({"timers"})
NOT_THE_INPUT = frozenset({"timers", "visited", "notes", "next_meeting", "room", "links", "not_same", "solved",
                           "order", "current", "partner_cards"})


class SessionChanged(Message):
    """One record of what changed in the open session."""

    def __init__(self, record: Changed) -> None:
        super().__init__()
        self.record = record


class HearsChanges:
    """Mixed into SessionScreen: `live`, `step_id` and the screen's widgets are the screen's."""

    _heard: Changed = NOTHING
    _redraw_asked = False
    swapping: asyncio.Lock  # the screen's: held while the step's input is replaced

    def listen_to_session(self: Hearing) -> None:
        self.live.listen(self.session_told)

    def stop_listening(self: Hearing) -> None:
        self.live.unlisten(self.session_told)

    def session_told(self: SessionLike, record: Changed) -> None:
        """The session's listener: called by the core on the event loop, as the change is made."""
        self.post_message(SessionChanged(record))

    def on_session_changed(self: Hearing, event: SessionChanged) -> None:
        self._heard = self._heard | event.record
        if not self._redraw_asked:
            self._redraw_asked = True
            self.call_later(self.redraw_heard)  # after the messages waiting now: once for all of them

    async def redraw_heard(self: Hearing) -> None:
        """Once a frame: redraw what the records since the last one name."""
        if self.swapping.locked():  # the step's input is being replaced: there is none to redraw, or
            async with self.swapping:  # one not composed yet; it shows the session as it is once
                pass  # it is there, and what is told meanwhile is redrawn with this
        record, self._heard, self._redraw_asked = self._heard, NOTHING, False
        live = self.live
        if record.stage and live.closed and not self.prompt_input.read_only:  # closed: read-only from now on
            self.stop_accepting()
            await self.open_step(self.step_id)
            self.show_session()
            self.notify(_("The session is closed. Export the minutes with ctrl+p → 'Export minutes'."), timeout=8)
        elif record.stage and not live.read_only and live.current.id != self.step_id:
            await self.open_step(live.current.id)  # the meeting moved on (a skip): the screen goes with it
        elif record.meta & STEP_PARTS:
            self.show_step()
        else:
            step = live.step(self.step_id)
            if record.steps & {step.id, step.source} or record.meta - NOT_THE_INPUT:
                self.prompt_input.show(live)
            if record.meta & AGENDA or record.steps:
                self.tick(agenda=True)
            elif record.meta & TIMER:
                self.tick()
        if record.saved is not None:
            self.show_save_state(record)
        if record.steps or record.meta or record.room:
            self.show_panels()
        if self.server is not None and self.server.hub is not None and self.server.hub.stopping.is_set():
            await self.stop_serving()  # the session was closed: its server stopped taking anything
