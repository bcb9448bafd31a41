"""Who is at the table. Attendance is recorded per partner: present, absent, or excused (absent
with notice). A partner not marked counts as there, so a session whose attendance was never
recorded counts everyone, as it always did; a partner marked absent or excused is never listed
present, never in a grid's typing order and never in a count of who could score.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workshop.core.guides import Step
from workshop.core.model import Attendance, Participant, PromptKind
from workshop.core.session import SessionView
from workshop.core.text.i18n import pgettext

AWAY = (Attendance.ABSENT.value, Attendance.EXCUSED.value)


def word(status: str) -> str:
    """A status in one short word, for a grid's cell or a comparison's column ("" when not marked)."""
    words = {Attendance.PRESENT.value: pgettext("attendance", "present"),
             Attendance.ABSENT.value: pgettext("attendance", "absent"),
             Attendance.EXCUSED.value: pgettext("attendance", "excused")}
    return words.get(status, "")


def statuses(view: SessionView) -> dict[str, str]:
    """Partner → present/absent/excused, as recorded ("" for a partner not marked)."""
    recorded = view.meta.get("attendance", {}) or {}
    return {partner: str(recorded.get(partner, "")) for partner in view.partners}


def recorded(view: SessionView) -> bool:
    """Whether attendance was recorded for any partner of the session."""
    return any(statuses(view).values())


def away(view: SessionView) -> dict[str, str]:
    """The partners absent or excused → which of the two."""
    return {partner: status for partner, status in statuses(view).items() if status in AWAY}


def _per_person(view: SessionView, step: Step) -> bool:
    return step.kind is PromptKind.SCALE and view.scored_by(step) == "participant"


def away_columns(view: SessionView, step: Step) -> dict[str, str]:
    """The columns of a grid that nobody fills, column key → absent/excused: the partners away, or
    on a step scored per person, the people of the partners away."""
    gone = away(view)
    if _per_person(view, step):
        return {person.name: gone[person.partner] for person in view.participants if person.partner in gone}
    return gone


def expected(view: SessionView, step: Step, seated: Iterable[tuple[str, str]] = ()) -> int:
    """How many can score the step: the partners (or people) at the table, those seated on a
    device (`seated`: name and partner of each seat that scores) and anyone who already scored,
    each once: a count of scores never exceeds it."""
    gone = away(view)
    seated = tuple(seated)
    if _per_person(view, step):
        who = {person.name for person in view.participants if person.partner not in gone}
        who |= {name for name, _partner in seated}
    else:
        who = {partner for partner in view.partners if partner not in gone}
        who |= {partner for _name, partner in seated if partner}
    folded = {name.casefold() for name in who}
    for item in step.items:
        folded |= {key.casefold() for key in view.scores(step.id, item.id)}
    return len(folded)


@dataclass(frozen=True)
class Roll:
    """Who was there, for a paper's header: people where the partner sent them, else the partner."""

    present: tuple[Participant | str, ...]
    absent: tuple[Participant | str, ...]
    excused: tuple[Participant | str, ...]


def roll(view: SessionView) -> Roll:
    """The people present, absent and excused. Without attendance recorded everyone listed counts
    as present (as before attendance existed); with it, a partner's people go where the partner
    was marked, and a partner marked present or away that lists no people is named itself."""
    status = statuses(view)
    people: dict[str, list[Participant]] = {}
    for person in view.participants:
        people.setdefault(person.partner, []).append(person)
    groups: dict[str, list[Participant | str]] = {"": [], Attendance.ABSENT.value: [], Attendance.EXCUSED.value: []}
    for person in view.participants:  # in the order they were listed
        groups[status.get(person.partner, "") if status.get(person.partner, "") in AWAY else ""].append(person)
    if recorded(view):
        for partner, marked in status.items():
            if partner not in people and marked:
                groups[marked if marked in AWAY else ""].append(partner)
    return Roll(tuple(groups[""]), tuple(groups[Attendance.ABSENT.value]), tuple(groups[Attendance.EXCUSED.value]))


def at_table(view: SessionView) -> tuple[Participant, ...]:
    """The people whose partner was not marked absent or excused."""
    gone = away(view)
    return tuple(person for person in view.participants if person.partner not in gone)
