"""A session: what the group said, step by step, and the facilitator's moves through it.

`SessionView` answers questions about a session's data (from any file, no lock needed);
`LiveSession` adds the changes made during a meeting. Every change is written to disk before
the method returns (see workshop/store/atomic.py); when the disk refuses, the change is kept
in `pending`, `SaveFailed` is raised, and `retry()` writes it later.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from typing import Any, Callable

from tinydb import Query

from workshop.guides import GuideError, Step, Text, steps_from_dicts
from workshop.i18n import _
from workshop.model import (
    Action,
    ConsentStatus,
    Contribution,
    Participant,
    PromptKind,
    ReviewStatus,
    SessionStatus,
    new_uid,
    now_iso,
)
from workshop.store import SessionFile, StoreError
from workshop.store.store import CONTRIBUTIONS, META
from workshop.timer import Timebox

ID_PREFIX_EXTRA = "extra-"
MAX_TEXT = 200_000  # characters; a 100 KB paste fits, a runaway clipboard does not


class SaveFailed(StoreError):
    """The disk refused a change; it is kept in memory and retried."""


class SessionClosed(StoreError):
    """A closed session (or one open elsewhere) cannot be changed."""


@dataclass(frozen=True)
class Spread:
    """How far apart the scores on one scale item are."""

    count: int
    mean: float
    low: int
    high: int
    stdev: float

    @property
    def range(self) -> int:
        return self.high - self.low


class SessionView:
    """A session's data, read-only: meta, steps and contributions."""

    def __init__(self, tables: dict[str, Any], source: str = "session") -> None:
        self.meta: dict[str, Any] = dict(tables[META]["1"])
        try:
            self.steps: tuple[Step, ...] = steps_from_dicts(self.meta.get("steps", []), source)
        except GuideError as error:
            raise StoreError(str(error)) from None
        self._by_uid: dict[str, Contribution] = {}
        for doc in tables.get(CONTRIBUTIONS, {}).values():
            contribution = Contribution.from_dict(doc)
            self._by_uid[contribution.uid] = contribution

    # --- who and what -------------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self.meta["id"]

    @property
    def lang(self) -> str:
        return self.meta.get("lang", "nl")

    @property
    def collaboration(self) -> str:
        return self.meta.get("collaboration", "")

    @property
    def title(self) -> str:
        return self.meta.get("title", "")

    @property
    def date(self) -> str:
        return self.meta.get("date", "")

    @property
    def guide_id(self) -> str:
        return self.meta.get("guide", "")

    @property
    def partners(self) -> list[str]:
        return list(self.meta.get("partners", []))

    @property
    def participants(self) -> list[Participant]:
        return [Participant.from_dict(p) for p in self.meta.get("participants", [])]

    @property
    def closed(self) -> bool:
        return self.meta.get("status") == SessionStatus.CLOSED

    @property
    def carried(self) -> list[Action]:
        return [Action.from_dict(a) for a in self.meta.get("carried", [])]

    def text(self, value: Text) -> str:
        return value.get(self.lang)

    # --- the agenda ---------------------------------------------------------------------------

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    @property
    def agenda(self) -> list[Step]:
        """The steps in the order the meeting runs them (reordering changes this)."""
        order = self.meta.get("order") or [step.id for step in self.steps]
        known = {step.id: step for step in self.steps}
        return [known[step_id] for step_id in order if step_id in known]

    @property
    def current(self) -> Step:
        agenda = self.agenda
        wanted = self.meta.get("current")
        for step in agenda:
            if step.id == wanted:
                return step
        return agenda[0]

    def is_skipped(self, step_id: str) -> bool:
        return step_id in self.meta.get("skipped", [])

    def note(self, step_id: str) -> str:
        return self.meta.get("notes", {}).get(step_id, "")

    def timebox(self, step_id: str) -> Timebox:
        return Timebox.from_dict(self.step(step_id).timebox, self.meta.get("timers", {}).get(step_id))

    # --- contributions ------------------------------------------------------------------------

    def contributions(self, step_id: str | None = None) -> list[Contribution]:
        found = [c for c in self._by_uid.values() if step_id is None or c.step == step_id]
        found.sort(key=lambda c: (c.position, c.created))
        return found

    def contribution(self, uid: str) -> Contribution:
        return self._by_uid[uid]

    def count(self) -> int:
        return len(self._by_uid)

    def revisions(self, step_id: str) -> list[Contribution]:
        """A statement's saved versions, oldest first."""
        return sorted(self.contributions(step_id), key=lambda c: c.created)

    def statement(self, step_id: str) -> Contribution | None:
        revisions = self.revisions(step_id)
        return revisions[-1] if revisions else None

    def agreed_statement(self, step_id: str) -> str:
        """The last agreed text, else the last text."""
        revisions = self.revisions(step_id)
        for revision in reversed(revisions):
            if revision.value is True:
                return revision.text
        return revisions[-1].text if revisions else ""

    def scores(self, step_id: str, item: str) -> dict[str, Contribution]:
        """Who gave what on one scale item: partner (or participant) → contribution."""
        found = {}
        for c in self.contributions(step_id):
            if c.item == item and isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                found[c.participant or c.partner] = c
        return found

    def spread(self, step_id: str, item: str) -> Spread | None:
        values = [c.value for c in self.scores(step_id, item).values()]
        if not values:
            return None
        return Spread(
            count=len(values),
            mean=statistics.fmean(values),
            low=min(values),
            high=max(values),
            stdev=statistics.pstdev(values) if len(values) > 1 else 0.0,
        )

    def dots(self, step_id: str, partner: str | None = None) -> dict[str, int]:
        """Dots per voted contribution (of one partner, or of everyone)."""
        totals: dict[str, int] = {}
        for c in self.contributions(step_id):
            if partner is not None and c.partner != partner:
                continue
            if isinstance(c.value, int) and c.value > 0:
                totals[c.item] = totals.get(c.item, 0) + c.value
        return totals

    def dots_left(self, step_id: str, partner: str) -> int:
        return self.step(step_id).dots - sum(self.dots(step_id, partner).values())

    def ranking(self, step_id: str) -> list[tuple[Contribution, int]]:
        """The voted step's source contributions, most dots first (ties keep their order)."""
        step = self.step(step_id)
        totals = self.dots(step_id)
        ranked = [(c, totals.get(c.uid, 0)) for c in self.contributions(step.source)]
        return sorted(ranked, key=lambda pair: -pair[1])

    def consents(self, step_id: str) -> dict[tuple[str, str], Contribution]:
        """(partner, body) → the latest status."""
        return {(c.partner, c.item): c for c in self.contributions(step_id)}

    def choice(self, step_id: str) -> str:
        chosen = self.contributions(step_id)
        return str(chosen[-1].value) if chosen else ""

    def reviews(self, step_id: str) -> dict[str, str]:
        """Carried-over uid → the status the group gave it."""
        return {c.item: str(c.value) for c in self.contributions(step_id)}

    def progress(self) -> tuple[int, int]:
        """(steps with something in them or visited, steps on the agenda)."""
        agenda = self.agenda
        touched = {c.step for c in self._by_uid.values()} | set(self.meta.get("visited", []))
        return sum(1 for s in agenda if s.id in touched or self.is_skipped(s.id)), len(agenda)

    def to_dict(self) -> dict[str, Any]:
        """The whole session as plain data (the JSON export and `show --json`)."""
        return {"meta": self.meta, "contributions": [c.to_dict() for c in self.contributions()]}


class LiveSession(SessionView):
    """A session opened for the meeting: every method that changes it saves at once."""

    def __init__(self, file: SessionFile, clock: Callable[[], float] = time.time) -> None:
        super().__init__(file.tables(), source=file.path.name)
        self.file = file
        self.clock = clock
        self.pending: list[Callable[[], None]] = []
        self._doc_ids: dict[str, int] = {}
        for doc in file.db.table(CONTRIBUTIONS).all():
            self._doc_ids[doc["uid"]] = doc.doc_id
        self.saved_at: str = ""

    @property
    def read_only(self) -> bool:
        return self.file.read_only or self.closed

    # --- saving -------------------------------------------------------------------------------

    def _guard(self) -> None:
        if self.file.read_only:
            raise SessionClosed(_("This session is open elsewhere; it is shown read-only."))
        if self.closed:
            raise SessionClosed(_("This session is closed; it can be read but not changed."))

    def _save(self, operation: Callable[[], None]) -> None:
        """Write one change; on failure keep it for `retry` and tell the caller."""
        if self.pending:
            self.pending.append(operation)
            self.retry()
            return
        try:
            operation()
        except OSError as error:
            self.pending.append(operation)
            raise SaveFailed(_("Not saved yet: {problem}. It will be retried.").format(
                problem=error.strerror or str(error))) from None
        self.saved_at = now_iso()

    def retry(self) -> bool:
        """Write what the disk refused earlier, in order. True when nothing is pending."""
        while self.pending:
            try:
                self.pending[0]()
            except OSError as error:
                raise SaveFailed(_("Not saved yet: {problem}. It will be retried.").format(
                    problem=error.strerror or str(error))) from None
            self.pending.pop(0)
        self.saved_at = now_iso()
        return True

    def _write_contribution(self, contribution: Contribution) -> None:
        data = contribution.to_dict()

        def operation() -> None:
            table = self.file.db.table(CONTRIBUTIONS)
            doc_id = self._doc_ids.get(contribution.uid)
            if doc_id is not None and table.contains(doc_id=doc_id):
                table.update(data, doc_ids=[doc_id])
            else:
                self._doc_ids[contribution.uid] = table.insert(data)

        self._by_uid[contribution.uid] = contribution
        self._save(operation)

    def _delete_contribution(self, uid: str) -> None:
        self._by_uid.pop(uid, None)

        def operation() -> None:
            doc_id = self._doc_ids.get(uid)
            table = self.file.db.table(CONTRIBUTIONS)
            if doc_id is not None and table.contains(doc_id=doc_id):
                table.remove(doc_ids=[doc_id])
            self._doc_ids.pop(uid, None)

        self._save(operation)

    def _write_meta(self, **changes: Any) -> None:
        changes["updated"] = now_iso()
        self.meta.update(changes)
        snapshot = {key: _copy(value) for key, value in changes.items()}

        def operation() -> None:
            self.file.db.table(META).update(snapshot, doc_ids=[1])

        self._save(operation)

    # --- contributions ------------------------------------------------------------------------

    def _clean(self, text: str) -> str:
        if not isinstance(text, str):
            raise ValueError(_("A contribution must be text."))
        if len(text) > MAX_TEXT:
            raise ValueError(_("That text is too long ({count} characters; at most {limit}).").format(
                count=len(text), limit=MAX_TEXT))
        return text

    def _next_position(self, step_id: str) -> int:
        return max((c.position for c in self.contributions(step_id)), default=-1) + 1

    def _who(self, step: Step, partner: str, participant: str) -> tuple[str, str]:
        if step.kind is PromptKind.OPEN and step.anonymous:
            return "", ""
        return partner, participant

    def add(self, step_id: str, text: str, partner: str = "", participant: str = "", **fields: Any) -> Contribution:
        """Add a contribution (a sticky note on an open step, a row of an assign step, …)."""
        self._guard()
        step = self.step(step_id)
        partner, participant = self._who(step, partner, participant)
        contribution = Contribution(
            step=step_id,
            text=self._clean(text),
            partner=partner,
            participant=participant,
            position=self._next_position(step_id),
            **fields,
        )
        self._write_contribution(contribution)
        return contribution

    def edit(self, uid: str, **changes: Any) -> Contribution:
        self._guard()
        old = self._by_uid[uid]
        if "text" in changes:
            changes["text"] = self._clean(changes["text"])
        data = {**old.to_dict(), **changes, "updated": now_iso()}
        contribution = Contribution.from_dict(data)
        self._write_contribution(contribution)
        return contribution

    def remove(self, uid: str) -> None:
        self._guard()
        if uid in self._by_uid:
            self._delete_contribution(uid)

    def move(self, uid: str, offset: int) -> None:
        """Move a contribution up (negative) or down within its step."""
        self._guard()
        moving = self._by_uid[uid]
        ordered = self.contributions(moving.step)
        index = ordered.index(moving)
        target = max(0, min(len(ordered) - 1, index + offset))
        if target == index:
            return
        ordered.insert(target, ordered.pop(index))
        renumbered = {c.uid: position for position, c in enumerate(ordered) if c.position != position}
        for c in ordered:
            if c.uid in renumbered:
                c.position = renumbered[c.uid]

        def operation() -> None:
            entry = Query()
            self.file.db.table(CONTRIBUTIONS).update_multiple(
                [({"position": position}, entry.uid == c_uid) for c_uid, position in renumbered.items()]
            )

        self._save(operation)

    def _upsert(self, step_id: str, match: Callable[[Contribution], bool], **fields: Any) -> Contribution:
        for existing in self.contributions(step_id):
            if match(existing):
                return self.edit(existing.uid, **fields)
        return self.add(step_id, fields.pop("text", ""), **fields)

    # --- per prompt kind ----------------------------------------------------------------------

    def revise(self, step_id: str, text: str, agreed: bool = False) -> Contribution:
        """Save a new version of a statement; every version is kept."""
        return self.add(step_id, text, value=bool(agreed))

    def agree(self, step_id: str) -> Contribution | None:
        """Mark the latest version of a statement as agreed by the group."""
        latest = self.statement(step_id)
        if latest is None:
            return None
        return self.edit(latest.uid, value=True)

    def score(self, step_id: str, item: str, who: str, value: int, comment: str | None = None) -> Contribution:
        """One partner's (or participant's) score on one scale item; a new score replaces the old."""
        step = self.step(step_id)
        if item not in {choice.id for choice in step.items}:
            raise ValueError(_("'{item}' is not an item of this step.").format(item=item))
        if (refused := step.scale.refuses(value)) is not None:
            raise ValueError(refused)
        per_participant = step.per == "participant"
        partner = self._partner_of(who) if per_participant else who
        participant = who if per_participant else ""
        fields: dict[str, Any] = {"value": int(value), "partner": partner, "participant": participant, "item": item}
        if comment is not None:
            fields["text"] = comment
        return self._upsert(
            step_id, lambda c: c.item == item and (c.participant or c.partner) == who, **fields
        )

    def _partner_of(self, participant: str) -> str:
        for person in self.participants:
            if person.name == participant:
                return person.partner
        return ""

    def vote(self, step_id: str, target: str, partner: str, change: int = 1) -> int:
        """Give (or take back, with a negative change) a partner's dots on a contribution.

        Returns the partner's dots on it afterwards; refuses more dots than the step allows."""
        step = self.step(step_id)
        current = self.dots(step_id, partner).get(target, 0)
        wanted = max(0, current + change)
        if wanted - current > self.dots_left(step_id, partner):
            raise ValueError(_("{partner} has no dots left.").format(partner=partner))
        if target not in {c.uid for c in self.contributions(step.source)}:
            raise ValueError(_("That is not a contribution of the step being voted on."))
        self._upsert(step_id, lambda c: c.item == target and c.partner == partner,
                     item=target, partner=partner, value=wanted)
        return wanted

    def assign(self, step_id: str, text: str, who: str, when: str = "", row: str = "") -> Contribution:
        """A role or task, who takes it, and when (a date) or how often (a rhythm)."""
        if row:
            return self._upsert(step_id, lambda c: c.item == row, text=text, value=who, when=when, item=row)
        return self.add(step_id, text, value=who, when=when)

    def set_consent(self, step_id: str, partner: str, body: str, status: str, when: str = "") -> Contribution:
        ConsentStatus(status)  # a wrong status is a programming error: stay loud
        return self._upsert(step_id, lambda c: c.partner == partner and c.item == body,
                            partner=partner, item=body, value=str(status), when=when)

    def choose(self, step_id: str, option: str) -> Contribution:
        step = self.step(step_id)
        if option not in {choice.id for choice in step.options}:
            raise ValueError(_("'{option}' is not one of the options.").format(option=option))
        return self._upsert(step_id, lambda c: True, value=option)

    def mark(self, step_id: str, carried_uid: str, status: str) -> Contribution:
        """The group's verdict on something carried over: done, still open or dropped."""
        ReviewStatus(status)
        text = next((a.text for a in self.carried if a.uid == carried_uid), "")
        return self._upsert(step_id, lambda c: c.item == carried_uid,
                            item=carried_uid, value=str(status), text=text)

    def link_same(self, uid_a: str, uid_b: str) -> None:
        """Declare two contributions (pain points of this and an earlier session) the same, for
        the comparison; kept in `meta["links"]`. Allowed on a closed session too: it annotates
        the comparison, it does not change what was said."""
        if self.file.read_only:
            raise SessionClosed(_("This session is open elsewhere; it is shown read-only."))
        if not uid_a or not uid_b or uid_a == uid_b:
            raise ValueError(_("Link two different contributions."))
        links = [list(pair) for pair in self.meta.get("links", [])]
        if [uid_a, uid_b] not in links and [uid_b, uid_a] not in links:
            self._write_meta(links=[*links, [uid_a, uid_b]])

    # --- moving through the agenda -------------------------------------------------------------

    def go_to(self, step_id: str) -> Step:
        self._guard()
        self.step(step_id)
        now = self.clock()
        timers = _copy(self.meta.get("timers", {}))
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
        self._write_meta(current=step_id, timers=timers, visited=visited)
        return self.step(step_id)

    def _neighbour(self, direction: int) -> Step | None:
        agenda = self.agenda
        index = agenda.index(self.current) + direction
        while 0 <= index < len(agenda):
            if not self.is_skipped(agenda[index].id):
                return agenda[index]
            index += direction
        return None

    def next_step(self) -> Step | None:
        target = self._neighbour(+1)
        return self.go_to(target.id) if target else None

    def previous_step(self) -> Step | None:
        target = self._neighbour(-1)
        return self.go_to(target.id) if target else None

    def skip(self, step_id: str) -> None:
        """Skip a step (or bring it back); the meeting moves on if it was the current one."""
        self._guard()
        skipped = list(self.meta.get("skipped", []))
        if step_id in skipped:
            skipped.remove(step_id)
        else:
            skipped.append(step_id)
        self._write_meta(skipped=skipped)
        if step_id in skipped and self.current.id == step_id:
            self.next_step()

    def move_step(self, step_id: str, offset: int) -> None:
        """Reorder the agenda: move a step earlier (negative) or later."""
        self._guard()
        order = [s.id for s in self.agenda]
        index = order.index(step_id)
        target = max(0, min(len(order) - 1, index + offset))
        order.insert(target, order.pop(index))
        self._write_meta(order=order)

    def add_step(self, title: str, prompt: str = "", minutes: int = 10, after: str | None = None) -> Step:
        """An extra open step made up during the meeting, placed after `after` (or the current)."""
        self._guard()
        title = self._clean(title).strip()
        if not title:
            raise ValueError(_("A step needs a title."))
        step_id = f"{ID_PREFIX_EXTRA}{new_uid()[:8]}"
        raw = {
            "id": step_id,
            "kind": "open",
            "title": {self.lang: title},
            "prompt": {self.lang: prompt.strip() or title},
            "timebox": max(1, min(240, int(minutes))),
        }
        steps = [*self.meta.get("steps", []), raw]
        order = [s.id for s in self.agenda]
        anchor = after or self.current.id
        order.insert(order.index(anchor) + 1, step_id)
        self.steps = steps_from_dicts(steps, self.file.path.name)
        self._write_meta(steps=steps, order=order)
        return self.step(step_id)

    def set_note(self, step_id: str, text: str) -> None:
        """The facilitator's private note on a step (never shown in presentation mode)."""
        self._guard()
        notes = {**self.meta.get("notes", {}), step_id: self._clean(text)}
        self._write_meta(notes=notes)

    # --- the timer ----------------------------------------------------------------------------

    def _timer(self, step_id: str, change: Callable[[Timebox, float], None]) -> Timebox:
        self._guard()
        box = self.timebox(step_id)
        change(box, self.clock())
        timers = {**self.meta.get("timers", {}), step_id: box.to_dict()}
        self._write_meta(timers=timers)
        return box

    def start_timer(self, step_id: str) -> Timebox:
        return self._timer(step_id, lambda box, now: box.start(now))

    def pause_timer(self, step_id: str) -> Timebox:
        return self._timer(step_id, lambda box, now: box.pause(now))

    def add_minutes(self, step_id: str, minutes: int) -> Timebox:
        return self._timer(step_id, lambda box, now: box.add_minutes(minutes))

    # --- the end ------------------------------------------------------------------------------

    def close(self) -> None:
        """The group confirmed the summary: the session is closed and read-only from now on."""
        self._guard()
        now = self.clock()
        timers = _copy(self.meta.get("timers", {}))
        for step_id, data in timers.items():
            try:
                box = Timebox.from_dict(self.step(step_id).timebox, data)
            except KeyError:
                continue
            box.pause(now)
            timers[step_id] = box.to_dict()
        self._write_meta(status=str(SessionStatus.CLOSED), closed=now_iso(), timers=timers)

    def release(self) -> None:
        """Let go of the session file (and its lock); the catalogue learns the latest state."""
        self.file.release()


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value

