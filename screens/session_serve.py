"""The session screen's part in letting participants join: start and stop the server on the
app's event loop, the join panel, and the facilitator's controls (show or hide what waits,
reveal blind scores, close the step to input). Every control is a change through `write`; the
panel redraws when the session tells what changed (screens/session_told.py), like the rest."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Protocol

from screens.serve_warm import warm_soon, warmed
from screens.text import one_line
from workshop.core.session.changes import CloseInput, Moderate, Reveal
from workshop.core.text.i18n import _

if TYPE_CHECKING:  # the server (and aiohttp) load when the facilitator first starts it, not before
    from screens.session_like import SessionLike
    from workshop.serve import Server

    class Serving(SessionLike, Protocol):
        """The screen, with what ServesParticipants calls of its own (for the type checker)."""

        async def action_serve(self) -> None: ...

        def _free_seat(self, seat_id: str | None) -> None: ...


def _panels(screen):
    if "screens.widgets.join_panel" not in sys.modules:
        return []  # never served: no panel, and leaving need not load the web server to know it
    from screens.widgets.join_panel import JoinPanel

    return screen.query(JoinPanel)


class ServesParticipants:
    """Mixed into SessionScreen."""

    server: Server | None = None

    async def action_serve(self: SessionLike) -> None:
        if self.server is not None and self.server.running:
            await self.stop_serving(pause=True)
            self.notify(_("Participants can no longer join or send."))
            return
        if self.live.read_only:
            self.notify(_("This session cannot take participants' input: it is closed or open elsewhere."),
                        severity="warning")
            return
        await warmed()  # loaded by a thread, not here: the screen does not freeze on the first F8
        from screens.widgets.join_panel import JoinPanel
        from workshop.serve import Server

        # Loopback unless the facilitator opened the app with WORKSHOP_SERVE_HOST (e.g. 0.0.0.0).
        host, port = self.app.config.serve_host, self.app.config.serve_port
        from workshop.serve import doors

        doors.more_descriptors()  # a Mac starts at 256: room for the phones, and for saving beside them
        server = Server(self.live, host=host, port=port)
        try:
            await server.start()
        except OSError as problem:
            self.notify(str(problem), severity="error")
            return
        self.server = server
        await self.query_one("#body").mount(JoinPanel(server, id="join-panel"))
        self.notify(_("Participants join at {address} with code {code}").format(
            address=server.address, code=server.code), timeout=8)

    def serve_again(self: Serving) -> None:
        """On opening the session: its room was open to phones when the app let it go (a restart,
        a crash, leaving the session), so it opens again with the same code and seats."""
        from workshop.core.session.room import listening

        if not self.live.read_only and listening(self.live.meta):
            self.run_worker(self.action_serve())
        elif not self.live.read_only:
            warm_soon(self)  # the first F8 then finds the server loaded

    async def stop_serving(self: SessionLike, pause: bool = False) -> None:
        server, self.server = self.server, None
        if server is not None:
            await (server.pause() if pause else server.stop())
        for panel in _panels(self):
            await panel.remove()

    def stop_accepting(self) -> None:
        """The session is let go: from now on the server refuses everything (it stops soon after)."""
        if self.server is not None and self.server.hub is not None:
            self.server.hub.stopping.set()

    async def on_unmount(self: SessionLike) -> None:
        await self.stop_serving()

    # --- the facilitator's controls (keys on the join panel, and the palette) ----------------

    def action_seats(self: Serving) -> None:
        server = self.server
        if server is None or server.hub is None:
            self.notify(_("Nobody can join now: F8 lets participants join."))
            return
        from screens.seats import SeatsDialog, seat_line

        now = time.time()
        seats = [(seat.id, seat_line(seat.name, seat.partner, seat.scribe, int((now - seat.joined_at) // 60)))
                 for seat in sorted(server.hub.joined.values(), key=lambda seat: seat.name.casefold())]
        self.app.push_screen(SeatsDialog(seats), self._free_seat)

    def action_new_code(self: SessionLike) -> None:
        """Another join code, on the panel and in its QR code; the old one lets nobody in any
        more, and the phones already seated stay in (free one on the seats list)."""
        server = self.server
        if server is None or not server.running:
            self.notify(_("Nobody can join now: F8 lets participants join."))
            return
        code = server.rotate_code()  # kept with the room: the panel hears it
        self.notify(_("New join code: {code}. The old code no longer works; who joined stays in.").format(code=code),
                    timeout=8)

    def action_move_participant(self: SessionLike) -> None:
        """A listed person joins for the organisation the list gives them; here the facilitator
        changes it (typed as 'name, organisation'; an empty organisation: none)."""
        from screens.dialogs import ask
        from workshop.core.session.changes import MoveParticipant

        def accept(answer: str) -> bool:
            name, _comma, typed = answer.partition(",")
            partner = _partner_named(self.live, typed.strip())
            if partner is None:
                self.notify(_("No partner is called '{name}'.").format(name=one_line(typed.strip(), 40)),
                            severity="warning")
                return False
            return self.write(MoveParticipant(" ".join(name.split()), partner))

        ask(self.app, _("Put a listed person with another organisation, as: name, organisation"), "",
            _("e.g. Anna de Vries, Zorggroep Oost"), accept)

    def _free_seat(self: SessionLike, seat_id: str | None) -> None:
        if not seat_id or self.server is None or self.server.hub is None:
            return
        freed = self.server.hub.free(seat_id)
        if freed is not None:
            self.notify(_("{name}'s seat is free: that device is out.").format(name=one_line(freed.name, 40)))

    def show_panels(self: SessionLike) -> None:
        for panel in _panels(self):
            panel.show()

    def action_reveal(self: SessionLike) -> None:
        self.write(Reveal(self.step_id))

    def action_close_input(self: SessionLike) -> None:
        self.write(CloseInput(self.step_id, closed=not self.live.input_closed(self.step_id)))

    def action_show_held(self: SessionLike) -> None:
        held = self.live.held()
        if held:
            self.write(Moderate(held[0].uid, shown=True))
        else:
            self.notify(_("No contribution is waiting."))

    def action_hide_last_shown(self: SessionLike) -> None:
        """On a moderated step: hold back again the latest contribution that is shown."""
        if not self.live.step(self.step_id).moderate:
            self.notify(_("This step is not moderated."))
            return
        shown = [x for x in self.live.contributions(self.step_id) if not self.live.is_held(x.uid)]
        if shown:
            self.write(Moderate(shown[-1].uid, shown=False))



def _partner_named(live, typed: str) -> str | None:
    """The partner `typed` names (its whole name, or words of it, a short name, accents and case
    left out, as the picker's filter finds them); "" for none typed; None for no partner or several."""
    if not typed:
        return ""
    from workshop.core.typed.attribution import cards_of, fold, matching

    whole = [p for p in live.partners if fold(p) == fold(typed)]
    found = whole or matching(typed, live.partners, cards_of(live.meta))
    return found[0] if len(found) == 1 else None
