"""The hub owns the server's writes to the session: participants' submissions become changes,
queued, applied in memory through `LiveSession.apply_in_memory` and put on disk by the session's
one save path (`await save_pending()`, several submissions in one write: a group commit); each
is answered only after that write. It listens to the session's records of what changed: a
record that the stage moved is pushed to the phones (`version`, `moved`).

It runs on the event loop of whoever holds the session (the app, or `workshop serve`): the app
stays the single writer, and a keypress and a submission never interleave inside a write.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import time
from typing import Any

from workshop.core.guides import Step
from workshop.core.model import PromptKind
from workshop.core.session import LiveSession, SaveFailed, SessionClosed, changes as c
from workshop.core.session.room import room_of
from workshop.core.session.told import Changed, record_of
from workshop.core.session.view import DEVICES_JOINED, PICK
from workshop.core.text.characters import cleaned
from workshop.core.text.i18n import N_, _
from workshop.core.typed.interests import read_typed
from workshop.serve.budget import Budget, stored_size
from workshop.serve.seats import MAX_JOINED, MAX_NAME, Joined, Refused, seat  # noqa: F401 (importable here)

MAX_TEXT = 2_000  # characters a participant can send at once
KINDS = (PromptKind.OPEN, PromptKind.SCALE, PromptKind.VOTE, PromptKind.CHOICE)
ALREADY = "already received"
SETTLED = N_("The scores have been revealed: this scale is closed. Yours stay as you gave them.")


def settled(live: LiveSession, step: Step) -> bool:
    """A blind scale is closed to phones once it is revealed: a score changed after the room has
    seen the distribution would answer the room, not the statement, and nothing could tell it
    from a blind one. The facilitator can still type a correction."""
    return step.kind is PromptKind.SCALE and live.blind(step.id) and live.revealed(step.id)


class Hub:
    def __init__(self, live: LiveSession) -> None:
        self.live = live
        self.joined: dict[str, Joined] = seated(live)
        self.answered: dict[str, set[str]] = {}  # step id → ids of those who sent something
        self.version = time.time_ns() // 1_000  # unlike any before a restart: open pages load afresh
        self._moved = asyncio.Event()
        self.stopping = asyncio.Event()
        live.listen(self.heard)
        self._waiting: list[tuple[list[c.Change], asyncio.Future]] = []
        self._scheduled = False
        self._sending: dict[tuple[str, str], asyncio.Future] = {}  # (seat, submission id) on its way
        self.budget = Budget.for_file(live.file.path)
        self.writes = 0  # durable writes made for participants (a figure for the bench)

    # --- who is here -------------------------------------------------------------------------

    def join(self, name: str, partner: str, scribe: bool = False) -> Joined:
        return seat(self.live, self.joined, name, partner, scribe)

    def free(self, seat_id: str) -> Joined | None:
        """The facilitator frees a seat: that device is out (its cookie names no one), and its
        name can be taken again. What it sent stays."""
        freed = self.joined.pop(seat_id, None)
        if freed is not None and not self.live.closed:
            with contextlib.suppress(SaveFailed, SessionClosed):  # out of memory now; on disk with the next write
                self.live.apply(c.FreeSeat(seat_id))
        return freed

    def answered_now(self) -> list[Joined]:
        """Who has sent something to the step that is open now."""
        ids = self.answered.get(self.live.current.id, set())
        return [person for person in self.joined.values() if person.id in ids]

    # --- what the room sees moving -------------------------------------------------------------

    def heard(self, record: Changed) -> None:
        """The session told what changed: when the stage moved (another step, a reveal, input
        closed, the session closed), the pages learn it now, through `/events`."""
        if record.stage:
            self.version += 1
            self._wake()
        if self.live.closed:
            self.stop()

    def stop(self) -> None:
        """Refuse everything from now on, and let the pages' event streams end."""
        self.live.unlisten(self.heard)
        self.stopping.set()
        self._wake()

    def _wake(self) -> None:
        moved, self._moved = self._moved, asyncio.Event()
        moved.set()

    async def moved(self, timeout: float) -> bool:
        """Wait until the stage moves (True) or `timeout` seconds pass (False)."""
        try:
            await asyncio.wait_for(self._moved.wait(), timeout)
            return True
        except TimeoutError:
            return False

    # --- what a participant may send -----------------------------------------------------------

    def open_step(self, step_id: str, kinds: tuple[PromptKind, ...] = KINDS) -> Step:
        """The step a submission names, if it is the one open to participants now."""
        live = self.live
        if live.closed or self.stopping.is_set():
            raise Refused(_("This meeting has ended."), 410)
        if step_id != live.current.id:
            raise Refused(_("That step is not open (any more). The page now shows the current step."))
        step = live.current
        if step.kind not in kinds:
            raise Refused(_("This step takes no answers from here."))
        if live.input_closed(step.id):
            raise Refused(_("The facilitator has closed this step to input."))
        return step

    def contribution(self, who: Joined, step_id: str, text: str, form_uid: str, partner: str = "") -> list[c.Change]:
        step = self.open_step(step_id, (PromptKind.OPEN,))
        text = cleaned(text).strip("\n")
        if not text.strip():
            raise Refused(_("Please write something first."), 400)
        if len(text) > MAX_TEXT:
            raise Refused(_("That text is too long ({count} characters; at most {limit}).").format(
                count=len(text), limit=MAX_TEXT), 413)
        if who.scribe:
            if self.live.partners and partner not in self.live.partners:
                raise Refused(_("Pick the organisation this comes from."), 400)
            name = ""
        else:
            partner, name = who.partner, who.name
        uid = who.uid_for(form_uid)
        level = ""
        if step.levels:  # 'Organisatie: …' typed on a phone is that level, as on the facilitator's screen
            typed = read_typed(text, step, [])
            if typed.level and not typed.why:  # 'waarom:' from a phone stays text: the room links it
                level, text = typed.level, typed.text
        wanted: list[c.Change] = [c.AddContribution(step.id, text, partner=partner, participant=name, item=level,
                                                    uid=uid)]
        if step.moderate and uid not in self.live._by_uid:
            wanted.append(c.Moderate(uid, shown=False))
        return wanted

    def score(self, who: Joined, step_id: str, item: str, value: str) -> list[c.Change]:
        """A score of this seat: on a step that asks each person, under the seat's name (someone not
        on the list joins the list with it, so every count of people counts them); on a step
        that asks each organisation, for the organisation the seat joined for."""
        step = self.open_step(step_id, (PromptKind.SCALE,))
        if settled(self.live, step):
            raise Refused(_(SETTLED))
        if who.scribe:
            raise Refused(_("A scribe adds contributions; scores come from the participants."))
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise Refused(_("A score is a whole number."), 400) from None
        if item not in {choice.id for choice in step.items}:
            raise Refused(_("That is not an item of this step."), 400)
        if step.per != "participant":
            if not who.partner:
                raise Refused(_("This step asks each organisation, and you joined without one."), 409)
            return [c.Score(step.id, item, who.partner, number, device=True)]
        joining = [] if who.registered else [c.AddParticipant(who.name, who.partner)]
        return [*joining, c.Score(step.id, item, who.name, number, device=True)]

    def vote(self, who: Joined, step_id: str, target: str, change: str) -> list[c.Change]:
        step = self.open_step(step_id, (PromptKind.VOTE,))
        if who.scribe:
            raise Refused(_("A scribe adds contributions; dots come from the participants."))
        if not who.partner:
            raise Refused(_("Dots are given per organisation, and you joined without one."), 409)
        if self.live.is_held(target):
            raise Refused(_("That is not a contribution of the step being voted on."), 400)
        return [c.Vote(step.id, target, who.partner, -1 if change == "-1" else 1)]

    def pick(self, who: Joined, step_id: str, option: str) -> list[c.Change]:
        step = self.open_step(step_id, (PromptKind.CHOICE,))
        if option not in {choice.id for choice in step.options}:
            raise Refused(_("That is not one of the options."), 400)
        uid = who.uid_for(f"pick:{step.id}")
        if uid in self.live._by_uid:
            return [c.EditContribution(uid, {"value": option})]
        return [c.AddContribution(step.id, "", partner=who.partner, participant=who.name, item=PICK,
                                  value=option, uid=uid)]

    # --- the group commit ----------------------------------------------------------------------

    async def send(self, who: Joined, step_id: str, wanted: list[c.Change], submission: str = "") -> Any:
        """Queue the changes of one submission; returns once they are durably saved (the first
        change's outcome), or ALREADY when this seat's `submission` id is on disk already (a
        resend). Raises Refused, ValueError, SaveFailed or SessionClosed: then nothing of it is
        kept, and the same id may be sent again."""
        if submission:
            if submission in who.received:
                return ALREADY
            if (first := self._sending.get((who.id, submission))) is not None:
                await asyncio.shield(first)  # the same id is on its way: its outcome is this one's
                return ALREADY
        if not who.scribe and not self.live.meta.get(DEVICES_JOINED):
            wanted = [c.DevicesJoined(), *wanted]  # on disk before any score of a device is
        new = [change for change in wanted
               if isinstance(change, c.AddContribution) and change.uid not in self.live._by_uid]
        size = sum(stored_size(x.text, x.participant, x.partner) for x in new) + sum(
            stored_size(x.name, x.partner) for x in wanted if isinstance(x, c.AddParticipant))
        self.budget.take(who, step_id, size, bool(new))
        future = self._queued(wanted)
        if submission:
            self._sending[(who.id, submission)] = future
        try:
            outcomes = await future
        except BaseException:
            self.budget.give_back(who, step_id, size, bool(new))
            raise
        finally:
            self._sending.pop((who.id, submission), None)
        if submission:
            who.got(submission)
        for change in wanted:
            if isinstance(change, c.Score):
                who.given[(change.step, change.item)] = change.value
        if who.id not in self.answered.setdefault(step_id, set()):
            self.answered[step_id].add(who.id)
            self.live.tell(Changed(room=True))  # kept here, not in the session: told here
        return outcomes[1 if isinstance(wanted[0], c.DevicesJoined) else 0] if outcomes else None

    async def joined_from_device(self, who: Joined) -> None:
        """Someone joined: their seat is kept with the room (a restart finds it), and, for someone
        who scores, the mark that from then on a blind scale hides its scores on the facilitator's
        screen too (SessionView.hidden). On a refused write the seat lives in memory only, and the
        mark comes again with this seat's first submission (`send`)."""
        if self.live.closed:
            return
        wanted: list[c.Change] = [c.TakeSeat(who.id, who.name, who.partner, who.scribe, who.registered,
                                             who.joined_at)]
        if not who.scribe and not self.live.meta.get(DEVICES_JOINED):
            wanted.insert(0, c.DevicesJoined())
        await self._queued(wanted)

    def _apply_whole(self, group: list[tuple[list[c.Change], asyncio.Future]]) -> tuple[Undo, list, list[Any]]:
        """The group's changes made in memory. A submission the session refuses in part (one dot
        too many of a form's five) is refused whole: the group is taken back and made again
        without it, so that refused means not kept, also for half a form."""
        while True:
            with Undo(self.live) as undo:
                outcomes = self.live.apply_in_memory([change for wanted, _future in group for change in wanted])
            torn, at = set(), 0
            for number, (wanted, future) in enumerate(group):
                mine, at = outcomes[at:at + len(wanted)], at + len(wanted)
                refused = [outcome for outcome in mine if isinstance(outcome, ValueError)]
                if refused and len(refused) < len(mine):
                    torn.add(number)
                    if not future.done():
                        future.set_exception(refused[0])
            if not torn:
                return undo, group, outcomes
            undo.undo()
            group = [one for number, one in enumerate(group) if number not in torn]

    def _queued(self, wanted: list[c.Change]) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        self._waiting.append((wanted, future))
        if not self._scheduled:
            self._scheduled = True
            asyncio.get_running_loop().create_task(self._writer())
        return future

    async def _writer(self) -> None:
        """One write at a time; what arrives meanwhile waits for the next one (a group commit).
        The changes are made in memory on the loop, the disk's slow part runs in a thread."""
        try:
            while self._waiting:
                group, self._waiting = self._waiting, []
                await self._write(group)
        finally:
            self._scheduled = False

    async def _write(self, group: list[tuple[list[c.Change], asyncio.Future]]) -> None:
        if self.stopping.is_set():  # the session was let go while these waited
            for _wanted, future in group:
                if not future.done():
                    future.set_exception(Refused(_("This meeting has ended."), 410))
            return
        live = self.live
        try:
            undo, group, outcomes = self._apply_whole(group)
            await live.save_pending()  # the one save path: encoded and written off the loop
        except SaveFailed:
            if undo.still_pending():  # refused means not kept: the phones are told, nothing waits
                undo.undo()
                problem = SaveFailed(_("Not saved: the facilitator's computer could not write it. "
                                       "Please send it again in a moment."))
                for _wanted, future in group:
                    if not future.done():
                        future.set_exception(problem)
                return
            # another write (the facilitator's) put these on disk meanwhile: they are saved
        except Exception as problem:  # noqa: BLE001 (SessionClosed: the same answer for the whole group)
            for _wanted, future in group:
                if not future.done():
                    future.set_exception(problem)
            return
        self.writes += 1
        at = 0
        for wanted, future in group:
            mine, at = outcomes[at:at + len(wanted)], at + len(wanted)
            refused = next((outcome for outcome in mine if isinstance(outcome, ValueError)), None)
            if future.done():
                continue
            if refused is not None:
                future.set_exception(refused)
            else:
                future.set_result(mine)


def seated(live: LiveSession) -> dict[str, Joined]:
    """The seats kept with the session's room (a server started again finds them)."""
    seats = (room_of(live.meta) or {}).get("seats", {})
    return {seat_id: Joined(seat_id, str(seat.get("name", "")), str(seat.get("partner", "")),
                            bool(seat.get("scribe")), joined_at=float(seat.get("at") or time.time()),
                            registered=bool(seat.get("registered")))
            for seat_id, seat in seats.items() if isinstance(seat, dict)}


class _Gone(enum.Enum):
    """Not there, before or after the changes (a sentinel the type checker tells apart from a value)."""

    GONE = enum.auto()


class Undo:
    """What a group of changes did in memory, so that it can be taken back when the disk refuses
    it: the contributions and meta fields it made, and its changes waiting in `pending`. Taken
    back only where nothing else (the facilitator) changed the same thing meanwhile."""

    _GONE = _Gone.GONE

    def __init__(self, live: LiveSession) -> None:
        self.live = live

    def __enter__(self) -> Undo:
        live = self.live
        self.by_uid, self.meta, self.waiting = dict(live._by_uid), dict(live.meta), len(live.pending)
        return self

    def __exit__(self, *problem: Any) -> None:
        live, gone = self.live, self._GONE
        self.made = live.pending[self.waiting:]
        now = live._by_uid
        self.contributions = {uid: (old, now.get(uid, gone)) for uid in {*self.by_uid, *now}
                              if (old := self.by_uid.get(uid, gone)) is not now.get(uid, gone)}
        self.fields = {key: (old, live.meta.get(key, gone)) for key in {*self.meta, *live.meta}
                       if (old := self.meta.get(key, gone)) is not live.meta.get(key, gone)}
        del self.by_uid, self.meta

    def still_pending(self) -> bool:
        waiting = {id(change) for change in self.live.pending}
        return any(id(change) in waiting for change in self.made)

    def undo(self) -> None:
        live, gone = self.live, self._GONE
        for uid, (old, new) in self.contributions.items():
            if live._by_uid.get(uid, gone) is new:
                if old is gone:
                    live._by_uid.pop(uid, None)
                else:
                    live._by_uid[uid] = old
        for key, (old, new) in self.fields.items():
            if live.meta.get(key, gone) is new:
                if old is gone:
                    live.meta.pop(key, None)
                else:
                    live.meta[key] = old
        made = {id(change) for change in self.made}
        live.pending = [change for change in live.pending if id(change) not in made]
        steps = {x.step for pair in self.contributions.values() for x in pair if x is not gone}
        undone = record_of(steps, self.fields)  # what the screen showed of it goes, and what waits
        live.tell(undone | (Changed(saved=False, waiting=len(live.pending), problem=live.problem) if live.pending
                            else Changed(saved=True)))
