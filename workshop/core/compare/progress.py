"""Roles, consents and actions over the sessions, with what each review decided.

A review's verdict counts where it was given: a consent marked done in the review is settled
from that session on, an action marked done is done; a role confirmed in the review still holds."""

from __future__ import annotations

from datetime import date
from typing import Any

from workshop.core.compare.indexed import Indexed
from workshop.core.compare.result import (
    ActionLine,
    ActionRound,
    ActionTrail,
    ConsentMark,
    ConsentTrail,
    Holder,
    LateGroup,
    RoleTrail,
)
from workshop.core.compare.similar import fold
from workshop.core.model import Action, PromptKind, ReviewStatus, RoleStatus
from workshop.core.typed.due import due_date

NOT_REVIEWED = "not_reviewed"
STILL_OPEN = (ReviewStatus.OPEN.value, NOT_REVIEWED)


def verdicts(s: Indexed) -> dict[str, str]:
    """Carried uid → the review's verdict in this session."""
    found: dict[str, str] = {}
    for step in s.steps(PromptKind.REVIEW):
        found.update({c.item: str(c.value) for c in s.of(step.id)})
    return found


def roles(sessions: list[Indexed], lang: str) -> tuple[RoleTrail, ...]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    key_of_uid: dict[str, tuple[str, str]] = {}
    for index, s in enumerate(sessions):
        for step in s.steps(PromptKind.ASSIGN):
            if step.actions:
                continue
            for c in s.of(step.id):
                if not c.text.strip():
                    continue
                key = (step.id, c.item or fold(c.text))
                key_of_uid[c.uid] = key
                entry = found.setdefault(key, {"title": step.title.get(lang), "holders": [None] * len(sessions)})
                entry["role"] = c.text
                entry["holders"][index] = Holder(str(c.value or ""), c.when)
        said = verdicts(s)
        for action in s.view.carried:  # not set again, but confirmed in the review
            confirmed = key_of_uid.get(action.uid)
            if action.kind != "role" or confirmed is None or confirmed not in found:
                continue
            holders = found[confirmed]["holders"]
            if holders[index] is None and said.get(action.uid) in (ReviewStatus.DONE, ReviewStatus.OPEN,
                                                                           RoleStatus.VALID):
                holders[index] = Holder(action.who, action.when, confirmed=True)
    return tuple(RoleTrail(step_id, entry["title"], entry["role"], tuple(entry["holders"]))
                 for (step_id, _key), entry in found.items())


def consents(sessions: list[Indexed], lang: str) -> tuple[ConsentTrail, ...]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    key_of_uid: dict[str, tuple[str, str]] = {}
    for index, s in enumerate(sessions):
        set_here: set[tuple[str, str]] = set()
        for step in s.steps(PromptKind.CONSENT):
            labels = {body.id: body.text.get(lang) for body in step.bodies}
            latest = {(c.partner, c.item): c for c in s.of(step.id)}
            set_here.update(latest)
            for (partner, body), c in latest.items():
                key_of_uid[c.uid] = (partner, body)
                entry = found.setdefault((partner, body), {"label": labels.get(body, body),
                                                           "marks": [None] * len(sessions), "last": None})
                entry["marks"][index] = entry["last"] = ConsentMark(str(c.value), c.when)
        said = verdicts(s)
        for action in s.view.carried:
            key = key_of_uid.get(action.uid)
            verdict = said.get(action.uid)
            if action.kind != "consent" or key is None or key not in found or not verdict:
                continue
            if key in set_here:  # the consent step of this session gave the latest status
                continue
            entry = found[key]
            mark = entry["marks"][index] or entry["last"]
            entry["marks"][index] = entry["last"] = ConsentMark(mark.status, mark.when, review=verdict)
    return tuple(ConsentTrail(partner, body, entry["label"], tuple(entry["marks"]))
                 for (partner, body), entry in sorted(found.items(), key=lambda kv: kv[0][0].casefold()))


def pilot_reviews(sessions: list[Indexed]) -> tuple[str | None, ...]:
    """Per session, what its review said of the carried pilot (running, adjusted, finished,
    stopped; older sessions done, open, dropped), `NOT_REVIEWED`, or None when none was carried."""
    found: list[str | None] = []
    for s in sessions:
        said = verdicts(s)
        pilot = next((a for a in s.view.carried if a.kind == "pilot"), None)
        found.append(None if pilot is None else said.get(pilot.uid, NOT_REVIEWED))
    return tuple(found)


def agreed_actions(s: Indexed) -> list[ActionLine]:
    return [ActionLine(c.uid, c.text, str(c.value or ""), c.when, "action", ReviewStatus.OPEN.value)
            for step in s.steps(PromptKind.ASSIGN) if step.actions
            for c in s.of(step.id) if c.text.strip()]


def action_round(s: Indexed) -> ActionRound:
    said = verdicts(s)
    reviewed = tuple(ActionLine(a.uid, a.text, a.who, a.when, a.kind, said.get(a.uid, NOT_REVIEWED))
                     for a in s.view.carried)
    return ActionRound(s.id, tuple(agreed_actions(s)), reviewed)


def action_trails(sessions: list[Indexed], today: date) -> tuple[ActionTrail, ...]:
    """Every action agreed in (or carried into) the compared sessions, with its verdicts."""
    dates = {s.id: s.view.date for s in sessions}
    origin: dict[str, tuple[ActionLine, str]] = {}
    statuses: dict[str, list[str | None]] = {}
    for index, s in enumerate(sessions):
        said = verdicts(s)
        carried: list[Action] = [a for a in s.view.carried if a.kind == "action"]
        for a in carried:
            origin.setdefault(a.uid, (ActionLine(a.uid, a.text, a.who, a.when, a.kind, ""), a.session))
            statuses.setdefault(a.uid, [None] * len(sessions))[index] = said.get(a.uid, NOT_REVIEWED)
        for line in agreed_actions(s):
            origin.setdefault(line.uid, (line, s.id))
            statuses.setdefault(line.uid, [None] * len(sessions))[index] = ReviewStatus.OPEN.value
    trails = []
    for uid, (line, agreed_in) in origin.items():
        marks = statuses[uid]
        status = next(m for m in reversed(marks) if m is not None)
        due = due_date(line.when)
        agreed_on = dates.get(agreed_in, "")
        start = due_date(agreed_on)
        overdue = (today - due).days if due is not None and due < today and status in STILL_OPEN else None
        trails.append(ActionTrail(
            uid=uid, text=line.text, who=line.who, due=due.isoformat() if due else "", due_text=line.when,
            agreed_in=agreed_in, agreed_on=agreed_on, statuses=tuple(marks), status=status,
            age_days=(today - start).days if start else 0, overdue_days=overdue))
    return tuple(trails)


def late_groups(trails: tuple[ActionTrail, ...]) -> tuple[LateGroup, ...]:
    """The late actions by owner: the owner with the longest overdue first, and within an owner
    the longest overdue first."""
    by_owner: dict[str, list[ActionTrail]] = {}
    for trail in trails:
        if trail.late:
            by_owner.setdefault(trail.who, []).append(trail)
    groups = [LateGroup(owner, tuple(sorted(items, key=lambda t: -(t.overdue_days or 0))))
              for owner, items in by_owner.items()]
    groups.sort(key=lambda g: (-(g.actions[0].overdue_days or 0), g.owner.casefold()))
    return tuple(groups)
