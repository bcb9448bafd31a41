"""A session's data, read-only: every question asked about it is answered here, once.

`SessionView` reads any session's tables (no lock needed); `LiveSession` (live.py) adds the
changes made during a meeting on top of the same in-memory model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workshop.core.guides import GuideError, Step, Text, steps_from_dicts
from workshop.core.model import Action, Contribution, Participant, PromptKind, SessionStatus
from workshop.core.session.index import ByUid
from workshop.core.session.timer import Timebox
from workshop.core.steps.bodies import with_added
from workshop.core.steps.statements import settled
from workshop.core.store import StoreError
from workshop.core.store.store import CONTRIBUTIONS, META

PICK = "pick"  # the item of a participant's own pick on a choice step
PARTNER_PICK = "partner-pick"  # the item of a partner's pick on a choice step with per = "partner"
DEVICES_JOINED = "devices_joined"  # meta: someone joined from their own device (blind scales hide)
ADOPTED = "adopted"  # meta: the steps whose proposal (roles, rhythm, team, consent grid) the group adopted
ADOPTED_BEFORE = "adopted_before"  # meta: step id → the date of the earlier session whose adopted rows it starts from


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


def is_closed(meta: dict[str, Any]) -> bool:
    """Whether a session's meta record says it is closed (read only its meta: no view is built)."""
    return meta.get("status") == SessionStatus.CLOSED


class SessionView:
    """A session's data, read-only: meta, steps and contributions."""

    def __init__(self, tables: dict[str, Any], source: str = "session") -> None:
        self.meta: dict[str, Any] = dict(tables[META]["1"])
        self.source = source
        self.steps: tuple[Step, ...] = self.read_steps()
        # uid → contribution, with each step's own beside them (workshop/core/session/index.py)
        self._by_uid: ByUid = ByUid(Contribution.from_dict(doc) for doc in tables.get(CONTRIBUTIONS, {}).values())

    def guide_steps(self) -> tuple[Step, ...]:
        """The session's copy of the guide's steps (with the steps added on the fly), as stored.
        Read once per stored list (adding a step stores a new one): a consent grid asks on every
        cursor move which bodies are the guide's."""
        raw = self.meta.get("steps", [])
        cached = getattr(self, "_guide_read", None)
        if cached is not None and cached[0] is raw:
            return cached[1]
        try:
            steps = steps_from_dicts(raw, self.source)
        except GuideError as error:
            raise StoreError(str(error)) from None
        self._guide_read = (raw, steps)
        return steps

    def read_steps(self) -> tuple[Step, ...]:
        """The steps as the meeting uses them: the guide's, with the bodies added in the session."""
        try:
            return with_added(self.guide_steps(), self.meta, self.source)
        except ValueError as error:
            raise StoreError(str(error)) from None

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
        return is_closed(self.meta)

    @property
    def carried(self) -> list[Action]:
        return [Action.from_dict(a) for a in self.meta.get("carried", [])]

    def text(self, value: Text) -> str:
        return value.get(self.lang)

    @property
    def labels(self) -> list[str]:
        """The note-taker's labels the session's guide declares ("Ontbreekt", "Missing", …)."""
        return list(self.meta.get("labels", []))

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

    def neighbour(self, step_id: str, direction: int) -> Step | None:
        """The next (+1) or previous (-1) step on the agenda from `step_id`, skipped ones passed
        over; None at either end."""
        agenda = self.agenda
        index = [step.id for step in agenda].index(step_id) + direction
        while 0 <= index < len(agenda):
            if not self.is_skipped(agenda[index].id):
                return agenda[index]
            index += direction
        return None

    def is_skipped(self, step_id: str) -> bool:
        return step_id in self.meta.get("skipped", [])

    @property
    def next_meeting(self) -> tuple[str, str] | None:
        """(ISO date, where) of the next meeting, as the group agreed it; None when not set."""
        found = self.meta.get("next_meeting")
        if isinstance(found, dict) and isinstance(found.get("date"), str) and found["date"]:
            return found["date"], str(found.get("where", ""))
        return None

    @property
    def next_theme(self) -> str:
        """What the next meeting is about, as agreed with its date ("" when not said)."""
        found = self.meta.get("next_meeting")
        return str(found.get("theme", "")) if isinstance(found, dict) and found.get("date") else ""

    @property
    def minutes_taker(self) -> str:
        """Who takes the minutes (the notulist), "" when not named."""
        return str(self.meta.get("minutes_taker", "") or "")

    def note(self, step_id: str) -> str:
        return self.meta.get("notes", {}).get(step_id, "")

    def timebox(self, step_id: str) -> Timebox:
        return Timebox.from_dict(self.step(step_id).timebox, self.meta.get("timers", {}).get(step_id))

    # --- contributions ------------------------------------------------------------------------

    def contributions(self, step_id: str | None = None) -> list[Contribution]:
        found = list(self._by_uid.values() if step_id is None else self._by_uid.step(step_id).values())
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

    def settled_statement(self, step_id: str) -> Contribution | None:
        """What the statement says now: the last agreed revision, else the last one (the rule
        lives in workshop/core/steps/statements.py)."""
        return settled(self.revisions(step_id))

    def agreed_statement(self, step_id: str) -> str:
        """The settled statement's text ("" when there is none)."""
        settled = self.settled_statement(step_id)
        return settled.text if settled else ""

    def scores(self, step_id: str, item: str) -> dict[str, Contribution]:
        """Who gave what on one scale item: partner (or participant) → contribution."""
        found = {}
        for c in self.contributions(step_id):
            if c.item == item and isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                found[c.participant or c.partner] = c
        return found

    def scored_by(self, step: Step) -> str:
        """Whose scores a scale step's grid takes: "participant" when the step asks each person
        and the session lists people; else "partner" (a table prepared with partners only
        would otherwise have no one to score for)."""
        return "participant" if step.per == "participant" and self.meta.get("participants") else "partner"

    def spread(self, step_id: str, item: str) -> Spread | None:
        from statistics import fmean, pstdev  # here: only a scale needs them

        values = [c.value for c in self.scores(step_id, item).values()]
        if not values:
            return None
        return Spread(
            count=len(values),
            mean=fmean(values),
            low=min(values),
            high=max(values),
            stdev=pstdev(values) if len(values) > 1 else 0.0,
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
        """The group's choice (participants' own picks, item "pick", are not it); on a step with
        per = "partner", the option most partners picked (a tie: the first in the step's order)."""
        chosen = [c for c in self.contributions(step_id) if c.item not in (PICK, PARTNER_PICK)]
        if chosen:
            return str(chosen[-1].value)
        picked = list(self.partner_picks(step_id).values())
        if not picked:
            return ""
        order = [option.id for option in self.step(step_id).options]
        return max(order, key=lambda option: (picked.count(option), -order.index(option)))

    def partner_picks(self, step_id: str) -> dict[str, str]:
        """On a step with per = "partner": partner → the option they picked."""
        return {c.partner: str(c.value) for c in self.contributions(step_id) if c.item == PARTNER_PICK}

    def option_words(self, step_id: str, option_id: str, short: bool = False) -> str:
        """A choice option's words in the session's language; short: up to a colon ("Delen: de
        partners …" → "Delen"). An unknown id comes back as it is."""
        option = next((o for o in self.step(step_id).options if o.id == option_id), None)
        words = self.text(option.text) if option else option_id
        return (words.partition(":")[0].strip() or words) if short else words

    def picks(self, step_id: str) -> dict[str, int]:
        """Participants' own picks on a choice step (from their phones): option → how many picked
        it, in the step's order of options, only those picked. Every view counts them from here."""
        return {option: len(names) for option, names in self.pickers(step_id).items()}

    def pickers(self, step_id: str) -> dict[str, list[str]]:
        """Participants' own picks on a choice step: option → who picked it ("Name (Partner)"),
        in the step's order of options. Names are for the facilitator's screen only, and only on
        a step that is not anonymous."""
        order = [option.id for option in self.step(step_id).options]
        found: dict[str, list[str]] = {}
        for c in self.contributions(step_id):
            if c.item == PICK:
                who = f"{c.participant} ({c.partner})" if c.participant and c.partner else c.participant or c.partner
                found.setdefault(str(c.value), []).append(who)
        return {option: found[option] for option in sorted(found, key=lambda o: order.index(o) if o in order
                                                            else len(order))}

    def blind(self, step_id: str) -> bool:
        """Is this scale blind now? When its guide says `blind = true`; when the guide says
        nothing, once someone joined from a phone (a phone scoring a relationship item must not
        see how the room scored first); never when the guide says `blind = false` or shows
        names beside the scores."""
        step = self.step(step_id)
        if step.blind is not None or step.show_names:
            return bool(step.blind)
        return step.kind is PromptKind.SCALE and bool(self.meta.get(DEVICES_JOINED))

    def revealed(self, step_id: str) -> bool:
        """Are a blind scale's scores shown? (Always, for a scale that is not blind.)"""
        return not self.blind(step_id) or step_id in self.meta.get("revealed", [])

    def hidden(self, step_id: str) -> bool:
        """Are a blind scale's scores hidden on the facilitator's screen and the room view? Only
        once someone has joined from their own device, until the reveal: blind keeps those who
        score on a device from seeing the others first. A facilitator typing at the projector what
        the room says (no one joined) sees the scores as typed. A participant's page stays blind
        until the reveal either way (`revealed`)."""
        return not self.revealed(step_id) and bool(self.meta.get(DEVICES_JOINED))

    def adopted(self, step_id: str) -> bool:
        """The group adopted (stelde vast) this step's proposal as it stands."""
        return step_id in self.meta.get(ADOPTED, [])

    def adopted_before(self, step_id: str) -> str:
        """The date of the earlier session that adopted what this step started from ("" if none)."""
        return str(self.meta.get(ADOPTED_BEFORE, {}).get(step_id, ""))

    def input_closed(self, step_id: str) -> bool:
        return step_id in self.meta.get("input_closed", [])

    def held(self) -> list[Contribution]:
        """Contributions of moderated steps waiting for the facilitator, oldest first."""
        return [self._by_uid[uid] for uid in self.meta.get("held", []) if uid in self._by_uid]

    def is_held(self, uid: str) -> bool:
        return uid in self.meta.get("held", [])

    def reviews(self, step_id: str) -> dict[str, str]:
        """Carried-over uid → the status the group gave it."""
        return {c.item: str(c.value) for c in self.contributions(step_id)}

    def progress(self) -> tuple[int, int]:
        """(steps with something in them or visited, steps on the agenda)."""
        agenda = self.agenda
        touched = self._by_uid.steps() | set(self.meta.get("visited", []))
        return sum(1 for s in agenda if s.id in touched or self.is_skipped(s.id)), len(agenda)

    def tables(self) -> dict[str, Any]:
        """The session as the TinyDB tables of its file (doc ids as string keys, in the order the
        contributions were made). The records are the model's own: encode them, do not keep them."""
        return {
            META: {"1": self.meta},
            CONTRIBUTIONS: {str(number): vars(c) for number, c in enumerate(self._by_uid.values(), start=1)},
        }

    def to_dict(self) -> dict[str, Any]:
        """The whole session as plain data (the JSON export and `show --json`)."""
        return {"meta": self.meta, "contributions": [c.to_dict() for c in self.contributions()]}

