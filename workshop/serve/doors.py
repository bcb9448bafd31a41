"""How many connections the participants' server holds open, in all and per address, so that no
number of idle or half-open connections takes the file descriptors a save needs.

A connection that is not in a request (it has not sent its header yet, or waits between two
requests) is idle. When the server is full, a new connection closes the longest-idle one to get
in, so a flood of idle connections cannot lock the phones out; when every open connection is in a
request, the new one is refused. Idle connections are also closed after IDLE_TIMEOUT.

Nothing here knows aiohttp: a connection is any object, closed through the callable it came with.
"""

from __future__ import annotations

import os
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from workshop.serve.guard import shared_address

MAX_CONNECTIONS = 1_000  # however many descriptors the system gives
PER_ADDRESS = 32  # a phone's browser opens about six; more from one address is not a phone
RESERVE = 64  # descriptors never given to a connection: the store's save, the app, its log
IDLE_TIMEOUT = 10.0  # seconds a connection may take to send its header, or wait between requests
BODY_TIMEOUT = 10.0  # seconds a request may take to send its form
RAISE_TO = 4_096  # the soft descriptor limit is raised this far where the hard limit allows


def descriptor_limit() -> int | None:
    """The soft limit on open descriptors, None where the system has none to tell (Windows)."""
    try:
        import resource
    except ImportError:
        return None
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return None if soft == resource.RLIM_INFINITY else soft


def more_descriptors() -> None:
    """Raise the soft descriptor limit towards RAISE_TO where the hard limit allows (a Mac starts
    at 256). Called where a server is started for a person, not by the server itself."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = RAISE_TO if hard == resource.RLIM_INFINITY else min(RAISE_TO, hard)
        if soft != resource.RLIM_INFINITY and soft < wanted:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    except (ImportError, ValueError, OSError):
        pass  # the limit stays as it is; the cap below follows it


def descriptors_open() -> int:
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            return len(os.listdir(folder))
        except OSError:
            continue
    return 0


def connections_allowed(most: int = MAX_CONNECTIONS) -> int:
    """How many connections fit beside what is open now and the reserve kept for saving."""
    limit = descriptor_limit()
    if limit is None:
        return most
    return max(8, min(most, limit - descriptors_open() - RESERVE))


@dataclass
class Door:
    address: str
    close: Callable[[], None]
    since: float  # when it last became idle
    busy: int = 0  # requests it is in now


@dataclass
class Doors:
    total: int = field(default_factory=connections_allowed)
    per_address: int = PER_ADDRESS
    shared: Callable[[str], bool] = shared_address
    idle_timeout: float = IDLE_TIMEOUT
    clock: Callable[[], float] = time.monotonic
    open: OrderedDict[Hashable, Door] = field(default_factory=OrderedDict)  # longest idle first
    by_address: Counter[str] = field(default_factory=Counter)
    refused: int = 0
    closed_idle: int = 0

    def admit(self, connection: Hashable, address: str, close: Callable[[], None]) -> bool:
        """Let a new connection in (True), closing the longest-idle one where the server or its
        address is full; False when every connection in the way is in a request."""
        limited = not self.shared(address)
        if limited and self.by_address[address] >= self.per_address and not self._close_idle(address):
            self.refused += 1
            return False
        if len(self.open) >= self.total and not self._close_idle(None):
            self.refused += 1
            return False
        self.open[connection] = Door(address, close, self.clock())
        self.by_address[address] += 1
        return True

    def left(self, connection: Hashable) -> None:
        door = self.open.pop(connection, None)
        if door is not None:
            self.by_address[door.address] -= 1
            if not self.by_address[door.address]:
                del self.by_address[door.address]

    def request_started(self, connection: Hashable) -> None:
        if (door := self.open.get(connection)) is not None:
            door.busy += 1

    def request_ended(self, connection: Hashable) -> None:
        if (door := self.open.get(connection)) is not None:
            door.busy = max(0, door.busy - 1)
            door.since = self.clock()
            self.open.move_to_end(connection)  # idle from now: the last to make way

    def sweep(self) -> None:
        """Close the connections idle for longer than `idle_timeout` (no header yet, or none since
        the last request). Called on a short interval."""
        cutoff = self.clock() - self.idle_timeout
        for connection, door in list(self.open.items()):
            if door.busy:
                continue
            if door.since > cutoff:
                break  # the idle ones are in the order they became idle
            self.left(connection)
            self.closed_idle += 1
            door.close()

    def _close_idle(self, address: str | None) -> bool:
        for connection, door in self.open.items():
            if not door.busy and (address is None or door.address == address):
                self.left(connection)
                self.closed_idle += 1
                door.close()
                return True
        return False
