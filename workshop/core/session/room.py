"""The room participants join, kept in the session's meta (`ROOM`) through the one change path:
its join codes, the secret its devices' cookies are signed with, and the seats taken. A restarted
app or `workshop serve` finds the same room, so a phone keeps its seat; a closed session keeps
no room (it takes no one)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop.core.session import changes as c

if TYPE_CHECKING:
    from workshop.core.session.live import LiveSession

ROOM_CHANGES = (c.OpenRoom, c.TakeSeat, c.FreeSeat)  # the room's bookkeeping, not what participants sent
ROOM = "room"  # meta: {"code", "scribe_code", "secret", "seats": {seat id: {"name", "partner", …}}}


def room_of(meta: dict[str, Any]) -> dict[str, Any] | None:
    room = meta.get(ROOM)
    return room if isinstance(room, dict) and room.get("code") and room.get("secret") else None


def listening(meta: dict[str, Any]) -> bool:
    """The room was open to phones when the app last let the session go (a restart, a crash,
    leaving the session): opening the session opens it again."""
    room = room_of(meta)
    return room is not None and room.get("listening", True) is not False


def open_room(live: LiveSession, change: c.OpenRoom) -> None:
    seats = (room_of(live.meta) or {}).get("seats", {})
    live._set_meta(**{ROOM: {"code": change.code, "scribe_code": change.scribe_code, "secret": change.secret,
                             "listening": change.listening, "seats": dict(seats)}})


def take_seat(live: LiveSession, change: c.TakeSeat) -> None:
    room = room_of(live.meta)
    if room is None:
        return  # no room in the file (a session let go meanwhile): the seat lives in memory only
    seat = {"name": change.name, "partner": change.partner, "scribe": change.scribe, "registered": change.registered,
            "at": change.at}
    live._set_meta(**{ROOM: {**room, "seats": {**room.get("seats", {}), change.seat: seat}}})


def free_seat(live: LiveSession, change: c.FreeSeat) -> None:
    room = room_of(live.meta)
    if room is not None and change.seat in room.get("seats", {}):
        seats = {key: value for key, value in room["seats"].items() if key != change.seat}
        live._set_meta(**{ROOM: {**room, "seats": seats}})
