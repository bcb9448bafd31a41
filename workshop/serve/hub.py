"""The hub owns the server's writes to the session: participants' submissions become changes,
queued and applied through `LiveSession.apply_all` in one durable write per group (a group
commit), and each is answered only after that write.

It runs on the event loop of whoever holds the session (the app, or `workshop serve`): the app
stays the single writer, and a keypress and a submission never interleave inside a write.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from workshop.guides import Step
from workshop.i18n import _
from workshop.model import PromptKind
from workshop.session import LiveSession
from workshop.session import changes as c
from workshop.session.view import DEVICES_JOINED, PICK
from workshop.serve.guard import FormTokens

MAX_TEXT = 2_000  # characters a participant can send at once
MAX_NAME = 80
MAX_JOINED = 500
KINDS = (PromptKind.OPEN, PromptKind.SCALE, PromptKind.VOTE, PromptKind.CHOICE)


class Refused(ValueError):
    """A submission the server refuses, with the HTTP status that says why."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Joined:
    """Someone who joined from a browser (kept in memory only, never in the session file)."""

    id: str
    name: str
    partner: str
    scribe: bool = False
    tokens: FormTokens = field(default_factory=FormTokens)
    joined_at: float = field(default_factory=time.time)

    def uid_for(self, form_uid: str) -> str:
        """A contribution uid of this participant's own: one form sent twice is saved once, and
        no one can name another's contribution."""
        return hashlib.sha256(f"{self.id}:{form_uid}".encode()).hexdigest()[:32]


class Hub:
    def __init__(self, live: LiveSession) -> None:
        self.live = live
        self.joined: dict[str, Joined] = {}
        self.answered: dict[str, set[str]] = {}  # step id → ids of those who sent something
        self.saved_listeners: list[Callable[[], None]] = []
        self.version = 0
        self.stage = self._stage()
        self._moved = asyncio.Event()
        self.stopping = asyncio.Event()
        self._waiting: list[tuple[list[c.Change], asyncio.Future]] = []
        self._scheduled = False
        self.writes = 0  # durable writes made for participants (a figure for the bench)

    # --- who is here -------------------------------------------------------------------------

    def join(self, name: str, partner: str, scribe: bool = False) -> Joined:
        name = name.strip()
        if not name:
            raise Refused(_("Please fill in your name."), 400)
        if len(name) > MAX_NAME:
            raise Refused(_("A name has at most {limit} characters.").format(limit=MAX_NAME), 400)
        if self.live.partners and partner not in self.live.partners and not scribe:
            raise Refused(_("Pick your organisation from the list."), 400)
        if len(self.joined) >= MAX_JOINED:
            raise Refused(_("This meeting is full."), 503)
        person = Joined(secrets.token_hex(16), name, partner, scribe)
        self.joined[person.id] = person
        return person

    def answered_now(self) -> list[Joined]:
        """Who has sent something to the step that is open now."""
        ids = self.answered.get(self.live.current.id, set())
        return [person for person in self.joined.values() if person.id in ids]

    # --- what the room sees moving -------------------------------------------------------------

    def _stage(self) -> tuple[Any, ...]:
        live = self.live
        step = live.current.id
        return step, live.revealed(step), live.input_closed(step), live.closed

    def look(self) -> None:
        """Compare the meeting's stage with the last one seen; tell the pages when it moved.
        Called on a short interval, and after each write."""
        stage = self._stage()
        if stage != self.stage:
            self.stage = stage
            self.version += 1
            moved, self._moved = self._moved, asyncio.Event()
            moved.set()
        if self.live.closed:
            self.stopping.set()

    async def moved(self, timeout: float) -> bool:
        """Wait until the stage moves (True) or `timeout` seconds pass (False)."""
        try:
            await asyncio.wait_for(self._moved.wait(), timeout)
            return True
        except asyncio.TimeoutError:
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
            from workshop.interests import read_typed

            typed = read_typed(text, step, [])
            if typed.level and not typed.why:  # 'waarom:' from a phone stays text: the room links it
                level, text = typed.level, typed.text
        wanted: list[c.Change] = [c.AddContribution(step.id, text, partner=partner, participant=name, item=level,
                                                    uid=uid)]
        if step.moderate and uid not in self.live._by_uid:
            wanted.append(c.Moderate(uid, shown=False))
        return wanted

    def score(self, who: Joined, step_id: str, item: str, value: str) -> list[c.Change]:
        step = self.open_step(step_id, (PromptKind.SCALE,))
        if who.scribe:
            raise Refused(_("A scribe adds contributions; scores come from the participants."))
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise Refused(_("A score is a whole number."), 400) from None
        if item not in {choice.id for choice in step.items}:
            raise Refused(_("That is not an item of this step."), 400)
        return [c.Score(step.id, item, who.name if step.per == "participant" else who.partner, number)]

    def vote(self, who: Joined, step_id: str, target: str, change: str) -> list[c.Change]:
        step = self.open_step(step_id, (PromptKind.VOTE,))
        if who.scribe:
            raise Refused(_("A scribe adds contributions; dots come from the participants."))
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

    async def send(self, who: Joined, step_id: str, wanted: list[c.Change]) -> Any:
        """Queue the changes of one submission; returns once they are durably saved (the first
        change's outcome). Raises Refused, ValueError, SaveFailed or SessionClosed."""
        outcome = await self._queued(wanted)
        self.answered.setdefault(step_id, set()).add(who.id)
        return outcome

    async def joined_from_device(self, who: Joined) -> None:
        """Someone who scores joined: recorded once, durably, with the next group write. From
        then on a blind scale hides its scores on the facilitator's screen too (SessionView.hidden).
        Raises SaveFailed or SessionClosed as `send`; the mark stays in memory and is saved later."""
        if not who.scribe and not self.live.meta.get(DEVICES_JOINED) and not self.live.closed:
            await self._queued([c.DevicesJoined()])

    async def _queued(self, wanted: list[c.Change]) -> Any:
        future = asyncio.get_running_loop().create_future()
        self._waiting.append((wanted, future))
        if not self._scheduled:
            self._scheduled = True
            asyncio.get_running_loop().create_task(self._writer())
        return await future

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
        try:
            outcomes = self.live.apply_in_memory([change for wanted, _future in group for change in wanted])
            await self.live.save_pending()
        except Exception as problem:  # SaveFailed, SessionClosed: the same answer for the whole group
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
                future.set_result(mine[0])
        for listener in list(self.saved_listeners):
            listener()
        self.look()
