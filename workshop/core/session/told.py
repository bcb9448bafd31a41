"""What a change did, told to whoever listens: the record `LiveSession` hands its listeners.

`LiveSession.apply` (and `apply_in_memory`, a group of changes at once) notes what its rule
touched: the steps whose contributions it put, edited, moved or removed, and the meta keys whose
value it changed. From those alone `record_of` decides the record, so no caller says by hand what
to redraw or whom to tell. A save tells too: `saved` once a durable write returned and nothing
waits, `saved=False` (with `waiting` and the `problem`) when the disk refused.

Who listens: the session screen (one Textual message per record, redrawn per frame), the
participants' server (a stage record is pushed to the phones), the join panel (through the
screen). Nothing in this package imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from workshop.core.session.frozen import Frozen

# The meta keys that move what the room sees: the step open now, its blind scores revealed, its
# input closed, the session closed. A change of one of them is "the stage moved".
STAGE = frozenset({"current", "revealed", "input_closed", "status"})
ROOM_KEYS = frozenset({"room", "participants"})  # who may join and who has joined
BOOKKEEPING = frozenset({"updated"})  # changes with every write: tells nobody anything

Listener = Callable[["Changed"], None]


class Changed(Frozen):
    """What changed in a live session. Empty sets and False: nothing of that kind."""

    steps: frozenset = frozenset()  # ids of the steps whose contributions changed
    meta: frozenset = frozenset()  # meta keys whose value changed
    stage: bool = False  # the room's stage moved (STAGE)
    room: bool = False  # who joined or answered changed (the room's seats; the server's own count)
    saved: bool | None = None  # True: a durable write returned, nothing waits; False: the disk refused
    waiting: int = 0  # changes waiting to be saved (with saved=False)
    problem: str = ""  # why the disk refused (with saved=False)

    def __or__(self, later: Changed) -> Changed:
        """Two records as one (a frame's worth); the later one's save state wins."""
        saved = later.saved if later.saved is not None else self.saved
        own = later if later.saved is not None else self
        return Changed(steps=self.steps | later.steps, meta=self.meta | later.meta, stage=self.stage or later.stage,
                       room=self.room or later.room, saved=saved, waiting=own.waiting, problem=own.problem)

    def __bool__(self) -> bool:
        return bool(self.steps or self.meta or self.stage or self.room or self.saved is not None)


NOTHING = Changed()


def record_of(steps: Iterable[str], meta: Iterable[str]) -> Changed:
    """The record of what a change (or a group of them) touched: decided here only."""
    keys = frozenset(meta) - BOOKKEEPING
    return Changed(steps=frozenset(steps), meta=keys, stage=bool(keys & STAGE), room=bool(keys & ROOM_KEYS))


class Listeners:
    """A plain list of callbacks, called in the order they listened, on the caller's thread."""

    def __init__(self) -> None:
        self._listening: list[Listener] = []

    def listen(self, listener: Listener) -> None:
        if listener not in self._listening:
            self._listening.append(listener)

    def unlisten(self, listener: Listener) -> None:
        if listener in self._listening:
            self._listening.remove(listener)

    def tell(self, record: Changed) -> None:
        if record:
            for listener in list(self._listening):
                listener(record)
