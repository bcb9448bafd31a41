"""A session opened for the meeting: every change goes through `apply`, one path.

`apply(change)` checks the change, updates the one in-memory model (the meta record and the
contributions of `SessionView`), tells its listeners what changed (a `Changed` record,
workshop/core/session/told.py) and puts the session on disk through the one save path
(workshop/core/session/saving.py): on an event loop without waiting for the disk, the outcome told
as a record; without one, durably before it returns. When the disk refuses, the change stays in
`pending`, in the order it was made, and is retried.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from operator import attrgetter
from typing import Any

from workshop.core.guides import Step
from workshop.core.model import Contribution, PromptKind, now_iso
from workshop.core.session import changes as c
from workshop.core.session.rules import APPLY, ID_PREFIX_EXTRA, MAX_TEXT  # noqa: F401 (names kept importable)
from workshop.core.session.saving import SaveFailed, Saves
from workshop.core.session.timer import Timebox
from workshop.core.session.told import Changed, record_of
from workshop.core.session.view import SessionView
from workshop.core.store import SessionFile, StoreError, check
from workshop.core.store.atomic import encode
from workshop.core.text.i18n import _

__all__ = ["Changed", "LiveSession", "SaveFailed", "SessionClosed", "SessionFull"]
_GONE = object()
POSITION = attrgetter("position")


class SessionFull(ValueError):
    """A change refused because the session file would grow past what the store reads back."""


# A session file never grows past what the store reads back (check.MAX_SESSION_BYTES): the
# facilitator's own typing may use all of it but MARGIN; what participants send through
# `apply_in_memory` stops RESERVE earlier, so phones can never take the facilitator's last room.
MARGIN = 256 * 1024
RESERVE = 8 * 1024 * 1024


class SessionClosed(StoreError):
    """A closed session (or one open elsewhere) cannot be changed."""


class LiveSession(Saves, SessionView):
    """A session opened for the meeting. The methods named after intents (add, score, …) are
    shorthands that make a change and apply it."""

    def __init__(self, file: SessionFile, clock: Callable[[], float] = time.time) -> None:
        super().__init__(file.tables(), source=file.path.name)
        self.file = file
        self.clock = clock
        self.pending: list[c.Change] = []  # applied in memory, not yet on disk, oldest first
        self._start_saving()
        self._changed = False
        self._steps_touched: set[str] = set()  # what the change being applied touched: its record
        self._meta_touched: set[str] = set()
        # What the file will hold, counted from its size as opened and grown by each record put
        # since (an edit counts its growth only; nothing shrinks the count: it errs on the safe side).
        self._bytes = _size_of(file)
        self._keep_free = MARGIN

    @property
    def read_only(self) -> bool:
        return self.file.read_only or self.closed

    # --- the one change path ------------------------------------------------------------------

    def apply(self, change: c.Change) -> Any:
        """Check a change, make it, save the session durably; returns what it made (the new
        contribution, the step gone to, the timer, …). ValueError: refused, nothing changed."""
        if isinstance(change, (c.Link, c.Annotate)):
            if self.file.read_only:  # these annotate the comparison: allowed on a closed session
                raise SessionClosed(_("This session is open elsewhere; it is shown read-only."))
        else:
            self._guard()
        self._changed = False
        self._steps_touched, self._meta_touched = set(), set()
        outcome = APPLY[type(change)](self, change)
        if self._changed:
            self._pend(change)
        self.tell(record_of(self._steps_touched, self._meta_touched))
        if self._changed:
            self._save()
        return outcome

    def apply_all(self, changes: list[c.Change]) -> list[Any]:
        """Several changes, one durable write (a group commit for participants' submissions).
        Each outcome is what `apply` returns, or the ValueError that refused that change alone;
        SaveFailed or SessionClosed concern them all."""
        outcomes = self.apply_in_memory(changes)
        self.retry()
        return outcomes

    def apply_in_memory(self, changes: list[c.Change], keep_free: int = RESERVE) -> list[Any]:
        """Make the changes in memory only, told as one record; they wait in `pending` until a
        write (`await save_pending()`, or `retry`) puts them on disk. Outcomes as for `apply_all`.
        This is the participants' path: a change that would leave less than `keep_free` bytes of
        the session's room is refused (SessionFull), so the facilitator can always go on."""
        self._guard()
        outcomes: list[Any] = []
        self._keep_free = keep_free
        self._steps_touched, self._meta_touched = set(), set()
        try:
            for change in changes:
                self._changed = False
                try:
                    outcomes.append(APPLY[type(change)](self, change))
                except (ValueError, KeyError) as refused:
                    outcomes.append(refused if isinstance(refused, ValueError) else ValueError(str(refused)))
                    continue
                if self._changed:
                    self._pend(change)
        finally:
            self._keep_free = MARGIN
            self.tell(record_of(self._steps_touched, self._meta_touched))
        return outcomes

    def room(self) -> int:
        """Bytes the session file can still grow by before the store would refuse to read it."""
        return check.MAX_SESSION_BYTES - self._bytes

    def _guard(self) -> None:
        if self.file.read_only:
            raise SessionClosed(_("This session is open elsewhere; it is shown read-only."))
        if self.closed:
            raise SessionClosed(_("This session is closed; it can be read but not changed."))

    # --- updating the model (nothing here writes) ---------------------------------------------

    def _put(self, contribution: Contribution) -> Contribution:
        old = self._by_uid.get(contribution.uid)
        grows = _record_bytes(contribution) - (_record_bytes(old) if old is not None else 0)
        if grows > 0 and self._bytes + grows > check.MAX_SESSION_BYTES - self._keep_free:
            raise SessionFull(_("Not saved: this session has reached its size limit ({limit}). "
                                "Start a new session to go on.").format(
                limit=check.size_label(check.MAX_SESSION_BYTES)))
        self._bytes += max(grows, 0)
        self._by_uid[contribution.uid] = contribution
        self._moved(contribution.step)
        if old is not None and old.step != contribution.step:
            self._steps_touched.add(old.step)
        return contribution

    def _drop(self, uid: str) -> None:
        gone = self._by_uid.pop(uid, None)
        if gone is not None:
            self._moved(gone.step)

    def _moved(self, step_id: str) -> None:
        """A contribution of the step was put, taken out or moved in place."""
        self._steps_touched.add(step_id)
        self._changed = True

    def _set_meta(self, **fields: Any) -> None:
        self._meta_touched.update(key for key, value in fields.items() if self.meta.get(key, _GONE) != value)
        self.meta.update(fields, updated=now_iso())
        self._changed = True

    def _forget(self, key: str) -> None:
        if self.meta.pop(key, _GONE) is not _GONE:
            self._meta_touched.add(key)
            self._changed = True

    def _clean(self, text: str) -> str:
        if not isinstance(text, str):
            raise ValueError(_("A contribution must be text."))
        if len(text) > MAX_TEXT:
            raise ValueError(_("That text is too long ({count} characters; at most {limit}).").format(
                count=len(text), limit=MAX_TEXT))
        return text

    def _add(self, step_id: str, text: str, partner: str = "", participant: str = "", **fields: Any) -> Contribution:
        step = self.step(step_id)
        if step.kind is PromptKind.OPEN and step.anonymous:
            partner = participant = ""
        position = max(map(POSITION, self._by_uid.step(step_id).values()), default=-1) + 1
        return self._put(Contribution(step=step_id, text=self._clean(text), partner=partner,
                                      participant=participant, position=position, **fields))

    def _edit(self, uid: str, **fields: Any) -> Contribution:
        old = self._by_uid[uid]
        if "text" in fields:
            fields["text"] = self._clean(fields["text"])
        # A new object, never a change in place: the screen spots edits by object identity.
        return self._put(Contribution.from_dict({**old.to_dict(), **fields, "updated": now_iso()}))

    def _upsert(self, step_id: str, match: Callable[[Contribution], bool], **fields: Any) -> Contribution:
        # Unsorted first (a burst of participants' scores upserts hundreds at once); the earliest
        # match wins when there are several, as in the step's order.
        matches = [x for x in self._by_uid.step(step_id).values() if match(x)]
        if matches:
            existing = min(matches, key=lambda x: (x.position, x.created))
            return self._edit(existing.uid, **fields)
        return self._add(step_id, fields.pop("text", ""), **fields)

    def _go_to(self, step_id: str) -> Step:
        self.step(step_id)
        now = self.clock()
        timers = {**self.meta.get("timers", {})}
        old = self.current.id
        if old != step_id and old in timers:
            box = Timebox.from_dict(self.step(old).timebox, timers[old])
            box.pause(now)
            timers[old] = box.to_dict()
        box = Timebox.from_dict(self.step(step_id).timebox, timers.get(step_id))
        if self.meta.get("autostart", True) and (step_id != old or box.spent(now) == 0):
            box.start(now)
            timers[step_id] = box.to_dict()
        visited = list(dict.fromkeys([*self.meta.get("visited", []), step_id]))
        self._set_meta(current=step_id, timers=timers, visited=visited)
        return self.step(step_id)

    def _timer(self, step_id: str, change: Callable[[Timebox, float], None]) -> Timebox:
        box = self.timebox(step_id)
        change(box, self.clock())
        self._set_meta(timers={**self.meta.get("timers", {}), step_id: box.to_dict()})
        return box

    def _partner_of(self, participant: str) -> str:
        # Read once per stored list (a change stores a new one): a burst of phones' scores asks it
        # for every score, and `participants` builds the people again on every call.
        listed = self.meta.get("participants", [])
        read = getattr(self, "_partners_read", None)
        if read is None or read[0] is not listed:
            read = self._partners_read = (listed, {p.name: p.partner for p in reversed(self.participants)})
        return read[1].get(participant, "")

    # --- the shorthands, kept for callers that name the intent --------------------------------

    def add(self, step_id: str, text: str, partner: str = "", participant: str = "", **fields: Any) -> Contribution:
        return self.apply(c.AddContribution(step_id, text, partner, participant, **fields))

    def edit(self, uid: str, **fields: Any) -> Contribution:
        return self.apply(c.EditContribution(uid, fields))

    def remove(self, uid: str) -> None:
        self.apply(c.RemoveContribution(uid))

    def move(self, uid: str, offset: int) -> None:
        self.apply(c.MoveContribution(uid, offset))

    def revise(self, step_id: str, text: str, agreed: bool = False) -> Contribution:
        return self.apply(c.Revise(step_id, text, agreed))

    def agree(self, step_id: str) -> Contribution | None:
        return self.apply(c.Agree(step_id))

    def score(self, step_id: str, item: str, who: str, value: int, comment: str | None = None) -> Contribution:
        return self.apply(c.Score(step_id, item, who, value, comment))

    def vote(self, step_id: str, target: str, partner: str, change: int = 1) -> int:
        return self.apply(c.Vote(step_id, target, partner, change))

    def assign(self, step_id: str, text: str, who: str, when: str = "", row: str = "") -> Contribution:
        return self.apply(c.Assign(step_id, text, who, when, row))

    def set_consent(self, step_id: str, partner: str, body: str, status: str, when: str = "") -> Contribution:
        return self.apply(c.SetConsent(step_id, partner, body, status, when))

    def choose(self, step_id: str, option: str, partner: str = "") -> Contribution:
        return self.apply(c.Choose(step_id, option, partner))

    def mark(self, step_id: str, carried_uid: str, status: str) -> Contribution:
        return self.apply(c.Mark(step_id, carried_uid, status))

    def link_same(self, uid_a: str, uid_b: str) -> None:
        self.apply(c.Link(uid_a, uid_b))

    def go_to(self, step_id: str) -> Step:
        return self.apply(c.GoTo(step_id))

    def next_step(self) -> Step | None:
        target = self.neighbour(self.current.id, +1)
        return self.go_to(target.id) if target else None

    def previous_step(self) -> Step | None:
        target = self.neighbour(self.current.id, -1)
        return self.go_to(target.id) if target else None

    def skip(self, step_id: str) -> None:
        self.apply(c.Skip(step_id))

    def move_step(self, step_id: str, offset: int) -> None:
        self.apply(c.MoveStep(step_id, offset))

    def add_step(self, title: str, prompt: str = "", minutes: int = 10, after: str | None = None) -> Step:
        return self.apply(c.AddStep(title, prompt, minutes, after))

    def set_note(self, step_id: str, text: str) -> None:
        self.apply(c.SetNote(step_id, text))

    def start_timer(self, step_id: str) -> Timebox:
        return self.apply(c.StartTimer(step_id))

    def pause_timer(self, step_id: str) -> Timebox:
        return self.apply(c.PauseTimer(step_id))

    def add_minutes(self, step_id: str, minutes: int) -> Timebox:
        return self.apply(c.AddMinutes(step_id, minutes))

    def close(self) -> None:
        self.apply(c.Close())

    def release(self) -> None:
        """Write what waits, then let go of the session file (and its lock); the catalogue learns
        the latest state."""
        self._stop_saving()
        self.file.release()


def _size_of(file: SessionFile) -> int:
    try:
        return file.path.stat().st_size
    except OSError:  # not on disk yet, or gone: what was read is the best measure
        return len(encode(file.tables()))


def _record_bytes(contribution: Contribution) -> int:
    """What a record takes in the file: its JSON (as the store writes it) and its key."""
    return len(encode(vars(contribution))) + len(contribution.uid) + 4  # as tables() hands it to the file
