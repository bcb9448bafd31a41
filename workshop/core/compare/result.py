"""What a comparison says, as plain frozen data: the command line, the screen and the html render it."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from workshop.core.compare.result_pains import ALIKE, PainPoint, PainRef, PainRound, PainSuggestion, PainTrail  # noqa: F401

# Why a comparison counts lateness up to the day it does (`Comparison.counted_from`)
ASKED = "asked"  # the user named the day (`compare --as-of`)
FROM_SESSION = "session"  # the date of the session it was opened from
LATEST_HELD = "latest"  # the date of the latest meeting held
TODAY = "today"  # no session had a date: today


@dataclass(frozen=True)
class SessionRef:
    """One compared session, as the headings show it."""

    id: str
    date: str
    title: str
    collaboration: str
    guide: str
    guide_title: str
    lang: str
    closed: bool
    phase: str  # the option id the group chose ("" when not asked)
    phase_label: str  # the option's name, without its explanation
    partners: tuple[str, ...]
    attendance: tuple[str, ...] = ()  # the participants at the table, "Name (Partner)" (none of a partner away)


@dataclass(frozen=True)
class PartnerAttendance:
    """Whether one partner was at the table, session by session."""

    partner: str
    # per compared session: present | absent | excused, "" when not recorded, None when not a partner then
    marks: tuple[str | None, ...]

    @property
    def always_there(self) -> bool:
        """Present (or not marked) in every compared session, and a partner in each."""
        return all(mark in ("present", "") for mark in self.marks)


@dataclass(frozen=True)
class PartnerPhase:
    """The phase one partner named, and whether it called the collaboration ready for the next,
    session by session (per compared session; None when it was not a partner then)."""

    partner: str
    phases: tuple[str | None, ...]  # the phase's name ("Delen"), "" when not asked of the partner
    ready: tuple[str | None, ...]  # ready | almost | not-yet, "" when not asked
    ready_words: tuple[str | None, ...]  # those in words ("Klaar"), "" when not asked


@dataclass(frozen=True)
class Change:
    """A run of words that stayed (`same`), came in (`added`) or went out (`removed`)."""

    kind: str
    text: str


@dataclass(frozen=True)
class StatementVersion:
    """What one session settled on for a carried statement, and how it differs from before.

    `text` is the last agreed text (else the last draft); `contested` a newer text saved after
    it and not agreed, with `contested_changes` its word diff against `text`."""

    session: str
    text: str
    agreed: bool
    revisions: tuple[str, ...]  # the texts saved in this session, oldest first (not the carried-in one)
    previous: str | None  # the session whose text this is compared with
    changed: bool
    changes: tuple[Change, ...]  # word diff against the previous text (empty for the first)
    contested: str | None = None
    contested_changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class StatementTrail:
    step: str
    title: str
    versions: tuple[StatementVersion, ...]

    @property
    def contested(self) -> str | None:
        """The newest unagreed text of the latest session, if the group has not agreed it."""
        return self.versions[-1].contested if self.versions else None


@dataclass(frozen=True)
class ScorePoint:
    """One scale item in one session."""

    session: str
    count: int  # how many partners (or participants) scored
    mean: float
    low: int
    high: int
    # the standard deviation ("standaardafwijking", population) of the scores; low–high is the range ("bereik")
    stdev: float
    scale_min: int
    scale_max: int
    # partner → its score (a step scored per partner, not blind) or its people's mean; None when
    # fewer than 3 of its people scored (workshop/core/outcomes/disclosure.py): no one's own score goes out
    by_partner: dict[str, float | None]
    arrow: str  # against the previous session that scored the item ("" for the first)
    scorers_changed: bool = False  # not the same partners (or participants) as that previous session

    @property
    def level(self) -> float:
        """The mean as a share of its scale (0..1), so scales of different lengths compare."""
        return (self.mean - self.scale_min) / (self.scale_max - self.scale_min)

    @property
    def standard_error(self) -> float:
        """How far the mean could wander by chance: the sample standard deviation over √count."""
        if self.count < 2:
            return 0.0
        sample_variance = self.stdev ** 2 * self.count / (self.count - 1)
        return math.sqrt(sample_variance / self.count)


@dataclass(frozen=True)
class Trend:
    key: str  # the item id (qualified with the step id where one session has it twice)
    step: str
    item: str
    text: str
    key_question: bool
    points: tuple[ScorePoint | None, ...]  # one per compared session
    who: tuple[str, ...]  # every partner that scored, those of the latest session first
    sparkline: str
    arrow: str  # the latest point against the one before it
    good: str = ""  # the good end of the scale: high | low | neither; "" not declared (see guides/direction.py)
    rising: str = ""  # what a rising score means, in words, in the comparison's language ("" not said)
    falling: str = ""  # what a falling score means, in words

    @property
    def latest(self) -> ScorePoint | None:
        return next((p for p in reversed(self.points) if p is not None), None)

    def verdict(self, arrow: str) -> str:
        """"better" or "worse" for an arrow (↑ or ↓), by the item's good end; "" when the item
        has no good end or the arrow is → or none."""
        if self.good not in ("high", "low") or arrow not in ("↑", "↓"):
            return ""
        return "better" if (arrow == "↑") == (self.good == "high") else "worse"


@dataclass(frozen=True)
class PerspectivePoint:
    """One perspective of the collaboration scan in one session."""

    session: str
    mean: float  # the mean of its items' means
    items: int  # how many of its items were scored


@dataclass(frozen=True)
class PerspectiveTrail:
    perspective: str  # ambitie | belangen | relatie | organisatie | proces
    name: str  # in the comparison's language
    points: tuple[PerspectivePoint | None, ...]  # one per compared session
    attention: bool  # the lowest (or tied lowest) in the latest scan: where attention is needed

    @property
    def latest(self) -> PerspectivePoint | None:
        return next((p for p in reversed(self.points) if p is not None), None)


@dataclass(frozen=True)
class DependencePair:
    """Two partners: how much each depends on the other for the ambition, per session."""

    a: str
    b: str
    a_on_b: tuple[int | None, ...]  # per compared session: how much a depends on b
    b_on_a: tuple[int | None, ...]
    one_sided: bool  # in the latest session that scored both ways, at least 2 points apart (1–5)
    more_dependent: str  # the partner who depends more, then ("" when equal)


@dataclass(frozen=True)
class Lesson:
    """One lesson from the pilot, as said in one session."""

    text: str
    partner: str
    step: str


@dataclass(frozen=True)
class InterestTrail:
    """What one partner said at one level (of the steps that declare levels), session by session."""

    partner: str
    level: str  # the level's id (person, organisation, collaboration)
    label: str  # its text in the comparison's language
    said: tuple[tuple[str, ...], ...]  # per session, in the order of `sessions`; () where nothing


@dataclass(frozen=True)
class Holder:
    who: str
    when: str
    confirmed: bool = False  # not set again, but carried over and confirmed in the review


@dataclass(frozen=True)
class RoleTrail:
    step: str
    step_title: str
    role: str
    holders: tuple[Holder | None, ...]  # one per compared session


@dataclass(frozen=True)
class ConsentMark:
    status: str  # a ConsentStatus value
    when: str
    review: str = ""  # the review's verdict on it in this session: done | open | dropped ("" none)

    @property
    def settled(self) -> bool:
        """Nothing more to do: not pending, or the review said done or dropped."""
        return self.review in ("done", "dropped") or self.status not in ("to_request", "requested")


@dataclass(frozen=True)
class ConsentTrail:
    partner: str
    body: str
    label: str
    marks: tuple[ConsentMark | None, ...]  # one per compared session


@dataclass(frozen=True)
class ActionLine:
    uid: str
    text: str
    who: str
    when: str
    kind: str  # action | consent | pilot | role
    status: str  # done | open | dropped | not_reviewed (carried) or open (agreed this session)


@dataclass(frozen=True)
class ActionRound:
    session: str
    agreed: tuple[ActionLine, ...]
    reviewed: tuple[ActionLine, ...]

    def count(self, status: str) -> int:
        """How many carried actions got `status`. Only actions: roles (reviewed as still valid),
        consents (counted apart, with their own status) and the pilot are none."""
        return sum(1 for line in self.reviewed if line.status == status and line.kind == "action")


@dataclass(frozen=True)
class ActionTrail:
    """One action from the session it was agreed in to its latest review."""

    uid: str
    text: str
    who: str
    due: str  # the due date as an ISO date, "" when none or not a date
    due_text: str  # as it was typed
    agreed_in: str  # session id
    agreed_on: str  # that session's date
    statuses: tuple[str | None, ...]  # per compared session: open | done | dropped | not_reviewed; None before
    status: str  # the latest
    age_days: int  # days since it was agreed
    overdue_days: int | None  # days past its due date while still open; None when not late

    @property
    def late(self) -> bool:
        return self.overdue_days is not None


@dataclass(frozen=True)
class LateGroup:
    owner: str
    actions: tuple[ActionTrail, ...]  # the longest overdue first


@dataclass(frozen=True)
class Headline:
    """The facts one or two opening sentences are made of, for one collaboration."""

    collaboration: str
    sessions: int
    threshold_from: float | None
    threshold_to: float | None
    threshold_arrow: str  # by the noise rule, first against latest scored session
    recurring_pains: int  # raised in more than one session and again in the latest
    suggested_pains: int  # possible matches waiting for the facilitator
    late_actions: int
    open_actions: int
    ambition_contested: bool
    sentences: tuple[str, ...]
    attention: tuple[str, ...] = ()  # the lowest perspective(s) of the latest scan, by name
    threshold_verdict: str = ""  # "better" or "worse" by the item's declared good end; "" when not declared or →
    pending_consents: int = 0  # advice or consent still to request or awaited (no actions: counted apart)


@dataclass(frozen=True)
class Comparison:
    lang: str
    sessions: tuple[SessionRef, ...]
    statements: tuple[StatementTrail, ...]
    trends: tuple[Trend, ...]
    pains: tuple[PainRound, ...]
    roles: tuple[RoleTrail, ...]
    consents: tuple[ConsentTrail, ...]
    actions: tuple[ActionRound, ...]
    pain_trails: tuple[PainTrail, ...] = ()
    action_trails: tuple[ActionTrail, ...] = ()
    late: tuple[LateGroup, ...] = ()
    headlines: tuple[Headline, ...] = ()
    today: str = ""  # the date overdue and age are counted from
    trend_rule: str = ""  # when an arrow shows, in words
    perspectives: tuple[PerspectiveTrail, ...] = ()  # the collaboration scan per perspective
    pilot_reviews: tuple[str | None, ...] = ()  # per session: the review's verdict on the carried pilot
    lessons: tuple[tuple[Lesson, ...], ...] = ()  # per session: the pilot's lessons it collected
    dependence: tuple[DependencePair, ...] = ()  # mutual dependence per pair of partners, one-sided first
    interests: tuple[InterestTrail, ...] = ()  # per partner and level, what each session heard
    attendance: tuple[PartnerAttendance, ...] = ()  # per partner, who was at the table session by session
    phases: tuple[PartnerPhase, ...] = ()  # per partner, its phase and readiness session by session
    counted_from: str = ""  # why `today` is the day it is: ASKED, FROM_SESSION, LATEST_HELD or TODAY
    prepared: tuple[SessionRef, ...] = ()  # prepared and not yet held: listed, no evidence

    def session(self, session_id: str) -> SessionRef:
        return next(s for s in self.sessions if s.id == session_id)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SideBySide:
    """The latest session of each collaboration, on one guide (or any), with the scale means."""

    guide: str
    lang: str
    sessions: tuple[SessionRef, ...]
    trends: tuple[Trend, ...]  # points line up with `sessions`; no arrows across collaborations

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
