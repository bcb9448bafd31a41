"""Start and stop the participants' server on the running event loop (the app's, or the one of
`workshop serve`): its address, its join codes and the QR code that carries the address."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import socket
from dataclasses import dataclass, field
from typing import cast

from aiohttp import web

from workshop.core.session import LiveSession, SaveFailed, SessionClosed
from workshop.core.session.changes import OpenRoom
from workshop.core.session.room import room_of
from workshop.core.text.i18n import _
from workshop.serve.app import DOORS, SETTINGS, make_app
from workshop.serve.doors import IDLE_TIMEOUT, Doors
from workshop.serve.guard import allowed_hosts, is_loopback, new_code
from workshop.serve.hub import Hub

# Housekeeping, not a look at the meeting: the doors close connections idle for longer than
# IDLE_TIMEOUT on this slow timer. What the phones see moving comes with the session's records.
SWEEP_EVERY = 1.0  # seconds
BACKLOG = 1_024  # connections the system holds until accepted: 200 phones joining at once wait in it


def local_address() -> str:
    """This machine's address on the local network (no packet is sent)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: routing only
        return probe.getsockname()[0]
    return "127.0.0.1"


class _Counted(web.RequestHandler):
    """aiohttp's protocol for one connection, let in by the doors (or closed at once)."""

    def __init__(self, doors: Doors, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.doors = doors
        self.admitted = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        stream = cast(asyncio.Transport, transport)  # a stream server's connection: as aiohttp casts it too
        peer = stream.get_extra_info("peername")
        address = str(peer[0]) if isinstance(peer, tuple) and peer else ""
        if not self.doors.admit(self, address, stream.abort):
            stream.abort()  # no descriptor is kept for it
            return
        self.admitted = True
        super().connection_made(transport)

    def connection_lost(self, exc: BaseException | None) -> None:
        if self.admitted:
            self.doors.left(self)
            super().connection_lost(exc)


@dataclass
class Server:
    live: LiveSession
    host: str = "127.0.0.1"
    port: int = 8765
    code: str = field(default_factory=new_code)
    scribe_code: str = field(default_factory=new_code)
    secret: str = ""  # the room's cookie-signing secret (hex), kept with the session
    hub: Hub | None = None
    runner: web.AppRunner | None = None
    doors: Doors | None = None  # the connection limits (made at start, from the descriptors free then)
    _listening: asyncio.AbstractServer | None = None
    _sweeping: asyncio.Task | None = None

    @property
    def shown_host(self) -> str:
        if self.host in ("0.0.0.0", "::"):
            return local_address()
        return f"[{self.host}]" if ":" in self.host else self.host

    @property
    def address(self) -> str:
        return f"http://{self.shown_host}:{self.port}/"

    @property
    def join_link(self) -> str:
        """The address with the code filled in (for the QR code)."""
        return f"{self.address}?code={self.code}"

    def rotate_code(self) -> str:
        """Another join code: the old one no longer lets anyone join; phones already seated stay in."""
        self.code = new_code()
        self._keep_room()
        if self.runner is not None:
            self.runner.app[SETTINGS]["code"] = self.code
        return self.code

    def _keep_room(self, listening: bool = True) -> None:
        """The room's codes and secret, kept in the session file: a restart finds the same room."""
        with contextlib.suppress(SaveFailed, SessionClosed):  # kept in memory; on disk with the next write
            self.live.apply(OpenRoom(self.code, self.scribe_code, self.secret, listening))

    async def pause(self) -> None:
        """The facilitator stops letting phones in (F8 again): the room, its code and seats stay
        for the next F8, but opening the session later does not open it by itself."""
        await self.stop()
        if not self.live.closed and room_of(self.live.meta) is not None:
            self._keep_room(listening=False)

    @property
    def running(self) -> bool:
        return self.runner is not None

    async def start(self) -> None:
        """Listen; raises OSError (port taken, address not here) with a readable message."""
        if self.live.read_only:
            raise OSError(_("This session cannot take participants' input: it is closed or open elsewhere."))
        room = room_of(self.live.meta)
        if room is None:
            self.secret = secrets.token_hex(32)
            self._keep_room()
        else:  # the same room as before a restart: its codes, its seats, its cookies
            self.code, self.scribe_code, self.secret = room["code"], str(room.get("scribe_code", "")), room["secret"]
            if room.get("listening") is False:
                self._keep_room()
        self.hub = Hub(self.live)
        also = (self.shown_host.strip("[]"),) if not is_loopback(self.host) else ()
        application = make_app(self.hub, self.code, self.scribe_code, allowed_hosts(self.host, self.port, also),
                               secret=bytes.fromhex(self.secret))
        doors = self.doors = self.doors or Doors()
        application[DOORS] = doors
        runner = web.AppRunner(application, access_log=None, shutdown_timeout=1.0, handle_signals=False)
        await runner.setup()
        loop = asyncio.get_running_loop()
        assert runner.server is not None

        def connection() -> _Counted:
            return _Counted(doors, runner.server, loop=loop, access_log=None, keepalive_timeout=IDLE_TIMEOUT)

        try:
            self._listening = await loop.create_server(connection, self.host, self.port, reuse_address=True,
                                                          backlog=BACKLOG)
        except OSError as error:
            await runner.cleanup()
            raise OSError(_("Cannot listen on {host} port {port}: {problem}").format(
                host=self.host, port=self.port, problem=error.strerror or error)) from None
        if self.port == 0:  # a free port chosen by the system (tests, the bench)
            self.port = self._listening.sockets[0].getsockname()[1]
            application[SETTINGS]["hosts"] = allowed_hosts(self.host, self.port, also)
        self.runner = runner
        self._sweeping = asyncio.get_running_loop().create_task(self._sweep(doors))

    async def _sweep(self, doors: Doors) -> None:
        """Close idle connections now and then: the doors' housekeeping (the meeting is not looked at)."""
        while True:
            await asyncio.sleep(SWEEP_EVERY)
            doors.sweep()

    async def stop(self) -> None:
        if self.hub is not None:
            self.hub.stop()
        if self._sweeping is not None:
            self._sweeping.cancel()
            self._sweeping = None
        if self._listening is not None:
            self._listening.close()
            self._listening = None
        if self.runner is not None:
            runner, self.runner = self.runner, None
            await runner.cleanup()

    async def serve_until_stopped(self) -> None:
        assert self.hub is not None
        await self.hub.stopping.wait()
        await self.stop()
