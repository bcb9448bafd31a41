"""What keeps the join page safe: signed cookies, one-time form tokens, rate limits, the join code
with its lock, and the Host header check (DNS rebinding against 127.0.0.1).

Nothing here knows aiohttp: these are small values and clocks, tested on their own.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud and typed on a phone
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def new_code(length: int = 6) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def same_code(typed: str, code: str) -> bool:
    """Compared in constant time, spaces and case forgiven."""
    cleaned = "".join(typed.split()).upper()
    return hmac.compare_digest(cleaned.encode(), code.encode())


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def shared_address(client: str) -> bool:
    """An address every program on this machine shares (the facilitator's own browser, a tunnel,
    the tests): limited only together with all the others, never on its own."""
    return is_loopback(client)


class Signer:
    """`value.signature` with HMAC-SHA256 under the room's secret (kept with the session, so a
    restarted server knows its cookies)."""

    def __init__(self, secret: bytes | None = None) -> None:
        self.secret = secret or secrets.token_bytes(32)

    def _mac(self, value: str) -> str:
        return hmac.new(self.secret, value.encode(), hashlib.sha256).hexdigest()

    def sign(self, value: str) -> str:
        return f"{value}.{self._mac(value)}"

    def unsign(self, signed: str | None) -> str | None:
        if not signed or "." not in signed:
            return None
        value, _dot, mac = signed.rpartition(".")
        return value if hmac.compare_digest(mac, self._mac(value)) else None


@dataclass
class Bucket:
    tokens: float
    at: float


class RateLimit:
    """A token bucket per key: `burst` requests at once, then `per_second`."""

    def __init__(self, burst: int, per_second: float, clock: Callable[[], float] = time.monotonic,
                 keys: int = 10_000) -> None:
        self.burst, self.per_second, self.clock, self.keys = burst, per_second, clock, keys
        self.buckets: OrderedDict[str, Bucket] = OrderedDict()

    def allow(self, key: str) -> bool:
        now = self.clock()
        bucket = self.buckets.pop(key, None) or Bucket(float(self.burst), now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) * self.per_second)
        bucket.at = now
        self.buckets[key] = bucket
        while len(self.buckets) > self.keys:  # a flood of new keys cannot grow memory without end
            self.buckets.popitem(last=False)
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True


class JoinRate:
    """Seats taken per address (a phone joins once, again after a typo or a freed seat) and in
    the whole room, so that 3,000 joins in a second and a half cannot take the 500 seats."""

    def __init__(self, per_address: RateLimit | None = None, room: RateLimit | None = None,
                 shared: Callable[[str], bool] = shared_address) -> None:
        self.per_address = per_address or RateLimit(burst=5, per_second=1 / 12)
        self.room = room or RateLimit(burst=200, per_second=10)
        self.shared = shared

    def refusal(self, client: str) -> str:
        """Why this join must wait ("address", "room"), or "" when it may go on."""
        if not self.shared(client) and not self.per_address.allow(client):
            return "address"
        return "" if self.room.allow("") else "room"


@dataclass
class JoinAttempts:
    """Wrong join codes per client address: a few per minute, then that address is locked out.
    And in the whole room: after `room_per_minute` wrong codes in a minute, every code (right or
    wrong) is checked at `room_pace` a second for everyone, so that 20,000 addresses guess no
    faster than a few."""

    per_minute: int = 5
    lock_after: int = 10
    clock: Callable[[], float] = time.monotonic
    wrong: dict[str, list[float]] = field(default_factory=dict)
    room_per_minute: int = 60
    room_pace: float = 2.0
    room_wrong: deque[float] = field(default_factory=lambda: deque(maxlen=10_000))

    def __post_init__(self) -> None:
        self._pace = RateLimit(burst=2, per_second=self.room_pace, clock=self.clock)

    def room_busy(self) -> bool:
        """Too many wrong codes in the room this minute, and this check must wait its turn."""
        now = self.clock()
        while self.room_wrong and now - self.room_wrong[0] >= 60:
            self.room_wrong.popleft()
        return len(self.room_wrong) >= self.room_per_minute and not self._pace.allow("")

    def locked(self, client: str) -> bool:
        return len(self.wrong.get(client, [])) >= self.lock_after

    def too_fast(self, client: str) -> bool:
        now = self.clock()
        return sum(1 for at in self.wrong.get(client, []) if now - at < 60) >= self.per_minute

    def failed(self, client: str) -> None:
        self.wrong.setdefault(client, []).append(self.clock())
        self.room_wrong.append(self.clock())


class FormTokens:
    """One-time tokens against cross-site requests: each form carries one, each is taken once,
    for one submission: the same form sent again (its reply was lost, or it was refused) names
    the same submission id and passes again, so the server can answer it "already received"."""

    def __init__(self, keep: int = 64) -> None:
        self.keep = keep
        self.open: OrderedDict[str, None] = OrderedDict()
        self.taken: OrderedDict[str, str] = OrderedDict()  # token → the submission id it was taken for

    def issue(self) -> str:
        token = secrets.token_urlsafe(18)
        self.open[token] = None
        while len(self.open) > self.keep:
            self.open.popitem(last=False)
        return token

    def take(self, token: str, submission: str = "") -> bool:
        if token and submission and self.taken.get(token) == submission:
            return True  # the same form again
        if not token or token not in self.open:
            return False
        del self.open[token]
        if submission:
            self.taken[token] = submission
            while len(self.taken) > self.keep * 4:
                self.taken.popitem(last=False)
        return True


def allowed_hosts(bound: str, port: int, also: tuple[str, ...] = ()) -> frozenset[str]:
    """The Host headers a browser sends to this server: its own names only. A page on another
    site that rebinds its name to 127.0.0.1 still sends its own name, and is refused."""
    names = set(LOOPBACK_NAMES) if is_loopback(bound) or bound in ("0.0.0.0", "::") else set()
    names.update(name for name in (bound, *also) if name and name not in ("0.0.0.0", "::"))
    hosts = set()
    for name in names:
        shown = f"[{name}]" if ":" in name and not name.startswith("[") else name
        hosts.add(f"{shown}:{port}".lower())
        if port == 80:
            hosts.add(shown.lower())
    return frozenset(hosts)
