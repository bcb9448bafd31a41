"""What the facilitator (or, later, a participant's browser) wants changed: one small value per
intent. `LiveSession.apply(change)` validates it, updates the session and saves it durably.

Changes are plain data: a change not yet on disk waits in `LiveSession.pending` as itself, so
what waits can be shown, counted and retried in order.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any, TypeAlias

from workshop.core.session.frozen import Frozen

# --- contributions ------------------------------------------------------------------------------


class AddContribution(Frozen):
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


class EditContribution(Frozen):
    """New values for some fields of a contribution (text, partner, value, when, …)."""

    uid: str
    fields: dict[str, Any] = field(default_factory=dict)


class RemoveContribution(Frozen):
    uid: str


class Restore(Frozen):
    """A removed contribution comes back as it was (its uid, place and time): Delete's undo."""

    contribution: dict[str, Any]


class MoveContribution(Frozen):
    """Up (negative offset) or down within its step."""

    uid: str
    offset: int


# --- per prompt kind ----------------------------------------------------------------------------


class Revise(Frozen):
    """A new version of a statement; every version is kept."""

    step: str
    text: str
    agreed: bool = False


class Agree(Frozen):
    """The group agrees on the latest version of a statement."""

    step: str


class Score(Frozen):
    """One partner's (or participant's) score on a scale item; a new score replaces the old."""

    step: str
    item: str
    who: str
    value: int
    comment: str | None = None
    device: bool = False  # given on a phone: the facilitator's typing passes it by (screens/widgets/scale_input.py)


class ClearScore(Frozen):
    step: str
    item: str
    who: str


class Vote(Frozen):
    """A partner gives (positive change) or takes back (negative) dots on a contribution."""

    step: str
    target: str
    partner: str
    change: int = 1


class Assign(Frozen):
    """A role or task, who takes it and when; `row` fills a guide's row, `uid` changes a given one."""

    step: str
    text: str
    who: str
    when: str = ""
    row: str = ""
    uid: str = ""


class SetConsent(Frozen):
    step: str
    partner: str
    body: str
    status: str
    when: str = ""


class AddBody(Frozen):
    """A formal body the guide does not list (a GMR, the huurdersorganisatie of one partner), added
    to a consent step of this session; its id is made from its name (workshop/core/steps/bodies.py)."""

    step: str
    name: str


class RenameBody(Frozen):
    """A new name for a body added in a session (the guide's own keep theirs); its id stays."""

    step: str
    body: str
    name: str


class RemoveBody(Frozen):
    """A body added in a session goes; one that has statuses only `with_statuses` (they go too)."""

    step: str
    body: str
    with_statuses: bool = False


class Choose(Frozen):
    step: str
    option: str
    partner: str = ""  # on a step with per = "partner": this partner's pick


class Adopt(Frozen):
    """The group adopts (stelt vast) the proposal a roles, rhythm, team or consent step holds, as it
    stands; `adopted=False` takes that back. The next session's step starts from it."""

    step: str
    adopted: bool = True


class Mark(Frozen):
    """The group's verdict on something carried over: done, still open or dropped."""

    step: str
    carried: str
    status: str


# --- participants' input (workshop/serve) -------------------------------------------------------


class Reveal(Frozen):
    """A blind scale's scores are shown to the room (as a distribution, never by name)."""

    step: str


class DevicesJoined(Frozen):
    """Someone joined from their own device: from now on a blind scale's scores are hidden on the
    facilitator's screen and the room view too, until the reveal (SessionView.hidden)."""


class OpenRoom(Frozen):
    """Participants may join: the room's join codes and the secret its cookies are signed with,
    kept in the session file (0600) so a restart finds the same room. Seats taken stay."""

    code: str
    scribe_code: str
    secret: str
    listening: bool = True  # False: the facilitator stopped it (F8); a restart does not start it again


class TakeSeat(Frozen):
    """A device joined: its seat (the id its signed cookie names) is kept with the room."""

    seat: str
    name: str
    partner: str = ""
    scribe: bool = False
    registered: bool = False
    at: float = 0.0  # when it joined (seconds since the epoch)


class FreeSeat(Frozen):
    """The facilitator freed a seat: the device that held it is out."""

    seat: str

class MoveParticipant(Frozen):
    """The facilitator puts a listed person with another organisation (an empty `partner`: none).
    A phone joining under that name then joins for it: a listed name keeps the organisation the
    list gives it, and this is how the facilitator changes it."""

    name: str
    partner: str = ""


class AddParticipant(Frozen):
    """Someone who was not on the list takes part from their own device (scores as a person):
    from now on they are at the table, so every count of people counts them. An empty `partner`:
    no organisation. A name on the list already changes nothing."""

    name: str
    partner: str = ""


class CloseInput(Frozen):
    """Participants can no longer send anything to a step (`closed=False` opens it again)."""

    step: str
    closed: bool = True


class Moderate(Frozen):
    """A contribution of a moderated step is held back (`shown=False`) or shown."""

    uid: str
    shown: bool


# --- who is at the table -----------------------------------------------------------------------


class SetAttendance(Frozen):
    """A partner is present, absent or excused (an empty status: not recorded)."""

    partner: str
    status: str


class SetPartnerCard(Frozen):
    """A partner's short name (typed as 'Arnhem: …') and group (for a mean per group)."""

    partner: str
    short: str = ""
    group: str = ""


# --- the agenda, the timer, notes and the end ---------------------------------------------------


class GoTo(Frozen):
    """The meeting moves to a step (its timer starts, the one left pauses)."""

    step: str


class Skip(Frozen):
    """Skip a step, or bring it back."""

    step: str


class MoveStep(Frozen):
    step: str
    offset: int


class AddStep(Frozen):
    """An extra open step made up during the meeting, after `after` (or the current step)."""

    title: str
    prompt: str = ""
    minutes: int = 10
    after: str | None = None


class SetNote(Frozen):
    """The facilitator's private note on a step."""

    step: str
    text: str


class StartTimer(Frozen):
    step: str


class PauseTimer(Frozen):
    step: str


class AddMinutes(Frozen):
    step: str
    minutes: int


class Close(Frozen):
    """The group confirmed the summary: the session is closed."""


class Link(Frozen):
    """Two contributions (of this and an earlier session) are the same, for the comparison."""

    uid_a: str
    uid_b: str


class SetNextMeeting(Frozen):
    """When (and where, and on what theme) the group meets next, as agreed at the end: `when` a
    date as typed (2026-12-01, 1-12-2026, "1 december"); an empty `when` clears it."""

    when: str
    where: str = ""
    theme: str = ""


class SetMinutesTaker(Frozen):
    """Who takes the minutes (the notulist), named in their header; an empty `name` clears it."""

    name: str


class Annotate(Frozen):
    """The facilitator's word on pain points for the comparison: which pairs are the same
    (`links`), which suggested pairs are not (`not_same`), which points the group calls solved
    (`solved`). None leaves a list as it is. Like a link, it changes nothing that was said."""

    links: tuple[tuple[str, str], ...] | None = None
    not_same: tuple[tuple[str, str], ...] | None = None
    solved: tuple[str, ...] | None = None


# What `LiveSession.apply` takes: every class above, once (tests/core/test_change_table.py checks it
# against the classes and the rule table; mypy checks every call against it).
Change: TypeAlias = (
    AddContribution | EditContribution | RemoveContribution | MoveContribution | Revise | Agree | Score | ClearScore |
    Vote | Assign | SetConsent | Choose | Adopt | Mark | GoTo | Skip | MoveStep | AddStep | SetNote | StartTimer |
    PauseTimer | AddMinutes | Close | Link | Annotate | Reveal | DevicesJoined | AddParticipant | CloseInput |
    OpenRoom | TakeSeat | FreeSeat | Moderate | SetAttendance | SetPartnerCard | Restore | AddBody | RenameBody |
    RemoveBody | SetNextMeeting | MoveParticipant | SetMinutesTaker
)
