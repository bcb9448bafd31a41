"""What the facilitator (or, later, a participant's browser) wants changed: one small value per
intent. `LiveSession.apply(change)` validates it, updates the session and saves it durably.

Changes are plain data: a change not yet on disk waits in `LiveSession.pending` as itself, so
what waits can be shown, counted and retried in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

# --- contributions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddContribution:
    """A sticky note on an open step, a free row of an assign step, …

    `uid` may be chosen by the sender (a browser, a test): the same change sent twice then adds
    the contribution once."""

    step: str
    text: str
    partner: str = ""
    participant: str = ""
    item: str = ""
    value: Any = None
    when: str = ""
    uid: str = ""


@dataclass(frozen=True)
class EditContribution:
    """New values for some fields of a contribution (text, partner, value, when, …)."""

    uid: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RemoveContribution:
    uid: str


@dataclass(frozen=True)
class Restore:
    """A removed contribution comes back as it was (its uid, place and time): Delete's undo."""

    contribution: dict[str, Any]


@dataclass(frozen=True)
class MoveContribution:
    """Up (negative offset) or down within its step."""

    uid: str
    offset: int


# --- per prompt kind ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Revise:
    """A new version of a statement; every version is kept."""

    step: str
    text: str
    agreed: bool = False


@dataclass(frozen=True)
class Agree:
    """The group agrees on the latest version of a statement."""

    step: str


@dataclass(frozen=True)
class Score:
    """One partner's (or participant's) score on a scale item; a new score replaces the old."""

    step: str
    item: str
    who: str
    value: int
    comment: str | None = None


@dataclass(frozen=True)
class ClearScore:
    step: str
    item: str
    who: str


@dataclass(frozen=True)
class Vote:
    """A partner gives (positive change) or takes back (negative) dots on a contribution."""

    step: str
    target: str
    partner: str
    change: int = 1


@dataclass(frozen=True)
class Assign:
    """A role or task, who takes it and when; `row` fills a guide's row, `uid` changes a given one."""

    step: str
    text: str
    who: str
    when: str = ""
    row: str = ""
    uid: str = ""


@dataclass(frozen=True)
class SetConsent:
    step: str
    partner: str
    body: str
    status: str
    when: str = ""


@dataclass(frozen=True)
class Choose:
    step: str
    option: str


@dataclass(frozen=True)
class Mark:
    """The group's verdict on something carried over: done, still open or dropped."""

    step: str
    carried: str
    status: str


# --- participants' input (workshop/serve) -------------------------------------------------------


@dataclass(frozen=True)
class Reveal:
    """A blind scale's scores are shown to the room (as a distribution, never by name)."""

    step: str


@dataclass(frozen=True)
class CloseInput:
    """Participants can no longer send anything to a step (`closed=False` opens it again)."""

    step: str
    closed: bool = True


@dataclass(frozen=True)
class Moderate:
    """A contribution of a moderated step is held back (`shown=False`) or shown."""

    uid: str
    shown: bool


# --- who is at the table -----------------------------------------------------------------------


@dataclass(frozen=True)
class SetAttendance:
    """A partner is present, absent or excused (an empty status: not recorded)."""

    partner: str
    status: str


@dataclass(frozen=True)
class SetPartnerCard:
    """A partner's short name (typed as 'Arnhem: …') and group (for a mean per group)."""

    partner: str
    short: str = ""
    group: str = ""


# --- the agenda, the timer, notes and the end ---------------------------------------------------


@dataclass(frozen=True)
class GoTo:
    """The meeting moves to a step (its timer starts, the one left pauses)."""

    step: str


@dataclass(frozen=True)
class Skip:
    """Skip a step, or bring it back."""

    step: str


@dataclass(frozen=True)
class MoveStep:
    step: str
    offset: int


@dataclass(frozen=True)
class AddStep:
    """An extra open step made up during the meeting, after `after` (or the current step)."""

    title: str
    prompt: str = ""
    minutes: int = 10
    after: str | None = None


@dataclass(frozen=True)
class SetNote:
    """The facilitator's private note on a step."""

    step: str
    text: str


@dataclass(frozen=True)
class StartTimer:
    step: str


@dataclass(frozen=True)
class PauseTimer:
    step: str


@dataclass(frozen=True)
class AddMinutes:
    step: str
    minutes: int


@dataclass(frozen=True)
class Close:
    """The group confirmed the summary: the session is closed."""


@dataclass(frozen=True)
class Link:
    """Two contributions (of this and an earlier session) are the same, for the comparison."""

    uid_a: str
    uid_b: str


@dataclass(frozen=True)
class SetNextMeeting:
    """When (and where) the group meets next, as agreed at the end: `when` a date as typed
    (2026-12-01, 1-12-2026, "1 december"); an empty `when` clears it."""

    when: str
    where: str = ""


@dataclass(frozen=True)
class Annotate:
    """The facilitator's word on pain points for the comparison: which pairs are the same
    (`links`), which suggested pairs are not (`not_same`), which points the group calls solved
    (`solved`). None leaves a list as it is. Like a link, it changes nothing that was said."""

    links: tuple[tuple[str, str], ...] | None = None
    not_same: tuple[tuple[str, str], ...] | None = None
    solved: tuple[str, ...] | None = None


Change = Union[
    AddContribution, EditContribution, RemoveContribution, MoveContribution, Revise, Agree, Score,
    ClearScore, Vote, Assign, SetConsent, Choose, Mark, GoTo, Skip, MoveStep, AddStep, SetNote,
    StartTimer, PauseTimer, AddMinutes, Close, Link, Annotate, Reveal, CloseInput, Moderate, SetAttendance, SetPartnerCard, Restore,
]
