"""How much the phones may add: per device (contributions per step, bytes as stored) and for all
of them together, so that no phone, nor all of them, can fill the session past what the store
reads (workshop/core/store/check.py MAX_SESSION_BYTES), and the facilitator's own typing keeps room.

Bytes are counted as the session file stores them: ASCII-only JSON, where an emoji costs 12
bytes (two \\uXXXX escapes) and a plain letter one, plus what every contribution carries besides
its text.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from workshop.core.store.check import MAX_SESSION_BYTES
from workshop.core.text.i18n import _
from workshop.serve.seats import Joined, Refused

PER_STEP = 30  # contributions one device may send to one step
PER_DEVICE = 128 * 1024  # bytes one device may add to the session, as stored
ROOM = MAX_SESSION_BYTES // 4  # bytes all devices together may add in one run of the server
RESERVE = MAX_SESSION_BYTES // 4  # kept for the facilitator's own typing, however full the file
RECORD = 400  # bytes a contribution carries besides its text (uid, step, names, times, …)


def stored_size(*texts: str) -> int:
    """What `texts` take in the session file, with the record around them."""
    return RECORD + sum(len(json.dumps(text, ensure_ascii=True)) for text in texts)


@dataclass
class Budget:
    file_bytes: int = 0  # the session file when the server started
    room_used: int = 0  # bytes the devices added since
    per_step: int = PER_STEP
    per_device: int = PER_DEVICE
    room: int = ROOM
    sent: dict[tuple[str, str], int] = field(default_factory=dict)  # (seat, step) → contributions
    device_used: dict[str, int] = field(default_factory=dict)  # seat → bytes

    @classmethod
    def for_file(cls, path: os.PathLike[str] | str) -> Budget:
        try:
            return cls(file_bytes=os.stat(path).st_size)
        except OSError:
            return cls()

    @property
    def room_left(self) -> int:
        return max(0, min(self.room - self.room_used, MAX_SESSION_BYTES - RESERVE - self.file_bytes - self.room_used))

    def take(self, who: Joined, step: str, size: int, contribution: bool) -> None:
        """Counted at once (so that sends on their way together cannot all pass), given back with
        `give_back` when the submission is not kept; Refused (429) with one line when it would go
        past a budget, and then nothing is counted."""
        if contribution and self.sent.get((who.id, step), 0) >= self.per_step:
            raise Refused(_("You have sent {limit} contributions to this step, the most one device can. "
                            "Say the rest out loud.").format(limit=self.per_step), 429)
        if self.device_used.get(who.id, 0) + size > self.per_device:
            raise Refused(_("You have sent as much as one device can in this meeting ({limit} KB). "
                            "Say the rest out loud.").format(limit=self.per_device // 1024), 429)
        if size > self.room_left:
            raise Refused(_("The room has sent as much as this meeting can take from phones. "
                            "Say the rest out loud."), 429)
        self._count(who, step, size, 1 if contribution else 0)

    def give_back(self, who: Joined, step: str, size: int, contribution: bool) -> None:
        self._count(who, step, -size, -1 if contribution else 0)

    def _count(self, who: Joined, step: str, size: int, contributions: int) -> None:
        if contributions:
            self.sent[(who.id, step)] = self.sent.get((who.id, step), 0) + contributions
        self.device_used[who.id] = self.device_used.get(who.id, 0) + size
        self.room_used += size

    def left_on_step(self, who: Joined, step: str) -> int:
        return max(0, self.per_step - self.sent.get((who.id, step), 0))
