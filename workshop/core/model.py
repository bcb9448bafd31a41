"""The facilitator's words as plain, typed data.

Nothing here touches disk or screen. Records convert to and from the plain dicts that
the store keeps in TinyDB, so any TinyDB (or `jq`) can read a session file.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from enum import StrEnum
from functools import cache
from typing import Any, cast, get_args, get_origin, get_type_hints

from workshop.core.text.i18n import LANGUAGES, N_, _  # noqa: F401 (LANGUAGES: the store's check and the wizard read it here)


class PromptKind(StrEnum):
    """How a step collects its answers."""

    OPEN = "open"
    STATEMENT = "statement"
    SCALE = "scale"
    VOTE = "vote"
    ASSIGN = "assign"
    CONSENT = "consent"
    CHOICE = "choice"
    REVIEW = "review"


KIND_WORDS = {
    PromptKind.OPEN: N_("open"), PromptKind.STATEMENT: N_("statement"), PromptKind.SCALE: N_("scale"),
    PromptKind.VOTE: N_("vote"), PromptKind.ASSIGN: N_("assign"), PromptKind.CONSENT: N_("consent"),
    PromptKind.CHOICE: N_("choice"), PromptKind.REVIEW: N_("review"),
}


def kind_label(kind: PromptKind) -> str:
    """A prompt kind in the current language (`workshop show`, `guide show`)."""
    return _(KIND_WORDS[kind])


class ConsentStatus(StrEnum):
    """Where the say of a formal body stands: advice (OR, cliëntenraad), consent (instemming),
    approval (goedkeuring: RvT, RvC) or a council's wensen en bedenkingen (gemeenteraad)."""

    NOT_NEEDED = "not_needed"
    TO_REQUEST = "to_request"
    REQUESTED = "requested"
    ADVICE_POSITIVE = "advice_positive"
    ADVICE_CONDITIONS = "advice_conditions"  # positive, with conditions
    ADVICE_NEGATIVE = "advice_negative"
    CONSENT_GIVEN = "consent_given"
    APPROVED = "approved"  # goedkeuring
    WISHES_GIVEN = "wishes_given"  # wensen en bedenkingen ingebracht
    REFUSED = "refused"  # consent or approval refused
    ADVICE_GIVEN = "advice_given"  # older sessions: advice without saying which; still read, no longer offered

    @classmethod
    def offered(cls) -> tuple[ConsentStatus, ...]:
        """The statuses a facilitator can set, in the order of the keys 1 to 9 and 0."""
        return tuple(status for status in cls if status is not cls.ADVICE_GIVEN)

    @property
    def pending(self) -> bool:
        return self in (ConsentStatus.TO_REQUEST, ConsentStatus.REQUESTED)


class ReviewStatus(StrEnum):
    """What the group says about something carried over from last time."""

    DONE = "done"
    OPEN = "open"
    DROPPED = "dropped"


class PilotStatus(StrEnum):
    """What the group says about a carried pilot: a pilot is a learning cycle, not a task."""

    RUNNING = "running"  # loopt
    ADJUSTED = "adjusted"  # bijgesteld
    FINISHED = "finished"  # afgerond
    STOPPED = "stopped"  # gestopt


class RoleStatus(StrEnum):
    """What the group says about a carried role or rhythm: a role is not a task, it is never done."""

    VALID = "valid"  # nog geldig
    CHANGED = "changed"  # gewijzigd
    LAPSED = "lapsed"  # vervallen


# The statuses a review offers per kind of carried thing, in the order of its keys. A pilot or a
# role reviewed in an older session may still hold done, open or dropped: those are still read.
REVIEW_CHOICES: dict[str, tuple[str, ...]] = {"pilot": tuple(PilotStatus), "role": tuple(RoleStatus)}
# A pilot marked with an action's status (an older caller, a key) gets the pilot's own status.
PILOT_FOR: dict[str, PilotStatus] = {ReviewStatus.DONE: PilotStatus.FINISHED, ReviewStatus.OPEN: PilotStatus.RUNNING,
                                      ReviewStatus.DROPPED: PilotStatus.STOPPED}
# A role marked with an action's key: d (done) and o (open) mean it still holds, a changed, x lapsed.
ROLE_FOR: dict[str, RoleStatus] = {ReviewStatus.DONE: RoleStatus.VALID, ReviewStatus.OPEN: RoleStatus.VALID,
                                   PilotStatus.ADJUSTED: RoleStatus.CHANGED, ReviewStatus.DROPPED: RoleStatus.LAPSED}
GOES_ON = frozenset({ReviewStatus.OPEN, PilotStatus.RUNNING, PilotStatus.ADJUSTED})  # reviewed again next time


def review_choices(kind: str) -> tuple[str, ...]:
    """The statuses a carried thing of `kind` (action, consent, pilot, role) can be given."""
    return REVIEW_CHOICES.get(kind, tuple(ReviewStatus))


def is_review_status(status: str) -> bool:
    return status in set(ReviewStatus) | set(PilotStatus) | set(RoleStatus)


class SessionStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


PHASES = ("verkennen", "delen", "overeenkomen", "vormgeven", "uitvoeren")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_uid() -> str:
    return uuid.uuid4().hex


@cache
def _field_names(cls: type) -> frozenset[str]:
    # Read once per class: a session of 500 contributions is read record by record.
    return frozenset(f.name for f in fields(cls))


BIG_NUMBER = 10**15  # no count, score or position comes near; a larger number in a file is damage


def _accepts(hint: Any) -> Callable[[Any], bool]:
    """Whether a value read from a file fits a field's declared type (Any fits everything)."""
    if hint is str:
        return lambda value: isinstance(value, str)
    if hint is bool:
        return lambda value: isinstance(value, bool)
    if hint is int:  # bool is an int to Python, not to a session file
        return lambda value: isinstance(value, int) and not isinstance(value, bool) and abs(value) <= BIG_NUMBER
    if get_origin(hint) is list:
        item = get_args(hint)[0]
        check = (lambda value: isinstance(value, dict)) if isinstance(item, type) and issubclass(item, _Record) \
            else _accepts(item)
        return lambda value: isinstance(value, list) and all(check(each) for each in value)
    return lambda value: True


@cache
def _field_checks(cls: type) -> tuple[frozenset[str], dict[str, Callable[[Any], bool]]]:
    """(the text fields, a check for each other field): text is checked inline, as most are."""
    hints = get_type_hints(cls)
    texts = frozenset(name for name in _field_names(cls) if hints[name] is str)
    return texts, {name: _accepts(hints[name]) for name in _field_names(cls) if name not in texts}


class _Record:
    """Shared dict conversion: unknown keys are ignored so newer fields never break reads;
    a known field of the wrong type (a hand-edited file) raises ValueError naming it."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        if not isinstance(data, dict):
            raise ValueError(f"{cls.__name__}: not a record")
        texts, checks = _field_checks(cast(type, cls))  # mypy takes a class for unhashable
        kept = {k: v for k, v in data.items() if k in texts or k in checks}
        for name, value in kept.items():
            if not (isinstance(value, str) if name in texts else checks[name](value)):
                raise ValueError(f"{cls.__name__}.{name}: unexpected {type(value).__name__}")
        try:
            return cls(**kept)
        except TypeError:  # a required field is missing
            raise ValueError(f"{cls.__name__}: incomplete record") from None


@dataclass
class Participant(_Record):
    """A person at the table, from one partner, with an optional role."""

    name: str
    partner: str
    role: str = ""

    @classmethod
    def parse(cls, spec: str) -> Participant:
        """Read ``NAME@PARTNER`` or ``NAME@PARTNER:ROLE`` (the form of ``--participant``)."""
        name, sep, rest = spec.partition("@")
        if not sep or not name.strip() or not rest.strip():
            raise ValueError(_("participant {spec}: expected NAME@PARTNER or NAME@PARTNER:ROLE").format(
                spec=repr(spec)))
        partner, _colon, role = rest.partition(":")
        if not partner.strip():
            raise ValueError(_("participant {spec}: the partner after '@' is empty").format(spec=repr(spec)))
        return cls(name=name.strip(), partner=partner.strip(), role=role.strip())

    def label(self) -> str:
        return f"{self.name} ({self.partner})"


@dataclass
class PartnerCard(_Record):
    """What a session knows of a partner besides its name: a short name ("Arnhem" for
    "Gemeente Arnhem"), other names it goes by, and its group (gemeenten, corporaties, …).
    Kept beside the session's list of partner names (meta "partner_cards"), so session files
    from before cards existed read as they are."""

    name: str
    short: str = ""
    aliases: list[str] = field(default_factory=list)
    group: str = ""

    @classmethod
    def parse(cls, spec: str) -> PartnerCard:
        """Read ``NAME`` or ``NAME=SHORT`` (the form of ``--partner``)."""
        name, _sep, short = spec.partition("=")
        return cls(name=name.strip(), short=short.strip())


class Attendance(StrEnum):
    """Whether a partner is at the table."""

    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


@dataclass
class Collaboration(_Record):
    """A partnership of organisations; the unit that sessions are compared within."""

    name: str
    partners: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    cards: dict[str, PartnerCard] = field(default_factory=dict)  # partner name → its card


@dataclass
class Contribution(_Record):
    """One answer given during a step.

    What the fields hold depends on the step's prompt kind:

    - open: ``text``, attributed to ``partner``/``participant`` (empty when anonymous); on a step
      with levels, ``item`` the level's id or "position" (a standpunt), and ``value`` the uid of
      the position an interest lies behind (workshop/core/typed/interests.py);
    - statement: one revision of the shared ``text``; ``value`` is True once agreed;
    - scale: ``item`` is the scale item id, ``value`` the score, ``text`` a comment, ``device``
      True when a phone gave it (a score typed over it on purpose is the keyboard's);
    - vote: ``item`` is the voted contribution's uid, ``value`` the number of dots;
    - assign: ``text`` the role or task, ``value`` who, ``when`` a date or a rhythm;
    - consent: ``item`` the body id, ``value`` a ConsentStatus, ``when`` its date;
    - choice: ``value`` the chosen option id;
    - review: ``item`` the carried-over thing's uid, ``value`` a ReviewStatus.
    """

    step: str
    text: str = ""
    partner: str = ""
    participant: str = ""
    item: str = ""
    value: Any = None
    when: str = ""
    position: int = 0
    uid: str = field(default_factory=new_uid)
    created: str = field(default_factory=now_iso)
    updated: str = ""
    device: bool = False


@dataclass
class Action(_Record):
    """Who does what by when; carried into the next session to be reviewed."""

    uid: str
    text: str
    who: str = ""
    when: str = ""
    status: str = ReviewStatus.OPEN
    kind: str = "action"  # action | consent | pilot
    session: str = ""  # the session it was agreed in


@dataclass
class SessionInfo(_Record):
    """What the catalogue knows of a session, enough to list it without opening it."""

    id: str
    collaboration: str
    title: str = ""
    date: str = ""
    guide: str = ""
    lang: str = "nl"
    status: str = SessionStatus.OPEN
    steps_total: int = 0
    steps_done: int = 0
    contributions: int = 0
    facilitator: str = ""
    created: str = ""
    updated: str = ""
