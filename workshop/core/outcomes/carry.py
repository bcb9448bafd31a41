"""Carry-over: what one session of a collaboration hands to the next.

The next session's review step holds the open actions, the pending consents, the pilot and the
roles and rhythm (kind "role": still valid?) and the parking lot (kind "parked") of the previous
session; statements marked `carry_over` (the ambition) start from their last agreed text, and the
roles, rhythm, team and consent steps from what the group last adopted. `late_first` orders a long
review: what is late first, grouped by owner.
"""

from __future__ import annotations

from datetime import date

from workshop.core.model import (
    GOES_ON,
    Action,
    ConsentStatus,
    Contribution,
    PromptKind,
    ReviewStatus,
    RoleStatus,
    now_iso,
)
from workshop.core.outcomes.summary import consent_label, consents_set
from workshop.core.session import SessionView
from workshop.core.steps.statements import settled
from workshop.core.text.i18n import _, language
from workshop.core.typed.due import due_date

PILOT_STEP = "pilot"
PARKING_STEP = "break"  # the break, with its parking lot: its points come back in the next review
CARRIED_MARK = "carried"  # `item` of a statement revision that came from the last session


def carried_from(previous: SessionView) -> list[Action]:
    """The things the next session must review, from `previous`."""
    carried: list[Action] = []
    reviews: dict[str, str] = {}
    for step in previous.steps:
        if step.kind is PromptKind.REVIEW:
            reviews.update(previous.reviews(step.id))
    new_pilot = _new_pilot(previous)
    settled = _consents_given_again(previous)
    # What was carried last time and not marked done or dropped goes round again (also through
    # a pulse check that has no pilot or consent step) unless the session itself replaced it:
    # a rewritten pilot replaces the old one, a consent set again in the consent step replaces
    # the carried status of that body.
    roles_set = _roles_set(previous)
    lapsed = {(_role_key(a.text), a.who) for a in previous.carried
              if a.kind == "role" and reviews.get(a.uid) in (RoleStatus.LAPSED, ReviewStatus.DROPPED)}
    for action in previous.carried:
        verdict = reviews.get(action.uid, ReviewStatus.OPEN)
        if action.kind == "role":
            # a role confirmed (done) or not looked at still holds; dropped, or set again, it does not
            if verdict in (ReviewStatus.DROPPED, RoleStatus.LAPSED) or _role_key(action.text) in roles_set:
                continue
        elif verdict not in GOES_ON:  # done or dropped; a pilot finished or stopped
            continue
        if action.kind == "pilot" and new_pilot is not None:
            continue
        if action.kind == "consent" and (action.who, action.text.rpartition(": ")[0]) in settled:
            continue
        carried.append(Action.from_dict({**action.to_dict(), "status": ReviewStatus.OPEN}))
    for step in previous.agenda:
        if step.kind is PromptKind.ASSIGN and step.actions:
            for c in previous.contributions(step.id):
                if c.text.strip():
                    carried.append(Action(uid=c.uid, text=c.text, who=str(c.value or ""), when=c.when,
                                          kind="action", session=previous.id))
        elif step.kind is PromptKind.ASSIGN:  # roles and rhythm: still valid next time?
            for c in previous.contributions(step.id):
                if (_role_key(c.text), str(c.value or "")) in lapsed:
                    continue  # the review called it lapsed; the step still held it as it came in
                if c.text.strip() and str(c.value or "").strip():
                    carried.append(Action(uid=c.uid, text=c.text, who=str(c.value), when=c.when,
                                          kind="role", session=previous.id))
        elif step.kind is PromptKind.CONSENT:
            bodies = {body.id: previous.text(body.text) for body in step.bodies}
            for (partner, body), c in previous.consents(step.id).items():
                if _pending(c):
                    name = bodies.get(body, body)
                    with language(previous.lang):  # "Ondernemingsraad (OR): aan te vragen", in words
                        status = consent_label(str(c.value))
                    carried.append(Action(uid=c.uid, text=f"{name}: {status}", who=partner, when=c.when,
                                          kind="consent", session=previous.id))
    carried.extend(_parked(previous))
    if new_pilot is not None:
        carried.append(new_pilot)
    seen: set[str] = set()
    unique = []
    for action in carried:
        if action.uid not in seen:
            seen.add(action.uid)
            unique.append(action)
    return unique


def _parked(previous: SessionView) -> list[Action]:
    """The parking lot (the break step's points) as open points for the next review, each as
    written: where it went is in its text ('…, naar het bestuurlijk overleg'). What the review
    does not mark done or dropped comes back again, as an open action does."""
    if PARKING_STEP not in {step.id for step in previous.agenda}:
        return []
    with language(previous.lang):
        label = _("Parking lot")
    found = []
    for c in previous.contributions(PARKING_STEP):
        text = c.text.strip()
        if not text:
            continue
        if not text.casefold().startswith(label.casefold()):
            text = f"{label}: {text}"
        who = " / ".join(part for part in (c.partner, c.participant) if part)
        found.append(Action(uid=c.uid, text=text, who=who, kind="parked", session=previous.id))
    return found


def _role_key(text: str) -> str:
    return " ".join(text.casefold().split())


def _roles_set(view: SessionView) -> set[str]:
    """The roles (and rhythms) `view` set itself, by their folded names."""
    return {_role_key(c.text) for step in view.agenda if step.kind is PromptKind.ASSIGN and not step.actions
            for c in view.contributions(step.id) if c.text.strip()}


def late_first(actions: list[Action], today: date, reviews: dict[str, str] | None = None
               ) -> tuple[list[tuple[str, list[tuple[Action, int]]]], list[Action]]:
    """A review's items with the late ones first: (owner, [(action, days overdue)]) groups, the
    owner with the longest overdue first, then everything else in its order.

    An action is late when its due date has passed and the review has not marked it done or
    dropped (`reviews`: uid → verdict)."""
    reviews = reviews or {}
    late: dict[str, list[tuple[Action, int]]] = {}
    rest = []
    for action in actions:
        due = due_date(action.when) if action.kind == "action" else None
        if due is not None and due < today and reviews.get(action.uid, ReviewStatus.OPEN) == ReviewStatus.OPEN:
            late.setdefault(action.who, []).append((action, (today - due).days))
        else:
            rest.append(action)
    groups = [(owner, sorted(items, key=lambda pair: -pair[1])) for owner, items in late.items()]
    groups.sort(key=lambda group: (-group[1][0][1], group[0].casefold()))
    return groups, rest


def _new_pilot(previous: SessionView) -> Action | None:
    """The pilot as this session wrote it; None when it has none or kept the carried-in text
    unchanged (then the carried pilot's own review decides whether it goes round again)."""
    try:
        if previous.step(PILOT_STEP).kind is not PromptKind.STATEMENT:
            return None
    except KeyError:
        return None
    revision = settled(previous.revisions(PILOT_STEP))
    if revision is None or not revision.text.strip() or revision.item == CARRIED_MARK:
        return None
    return Action(uid=revision.uid, text=revision.text, kind="pilot", session=previous.id)


def _consents_given_again(previous: SessionView) -> set[tuple[str, str]]:
    """(partner, body name) of every consent status set in `previous`'s own consent steps.

    A carried consent action has no body id, only its text "<body name>: <status>"."""
    return set(consents_set(previous))


def _pending(contribution: Contribution) -> bool:
    try:
        return ConsentStatus(str(contribution.value)).pending
    except ValueError:
        return False


def adopted_steps(earlier: list[SessionView], step_ids: list[str]) -> tuple[list[Contribution], dict[str, str]]:
    """The rows of the roles, rhythm, team and consent steps as the group last adopted them
    (`earlier` newest first), to start the new session's steps from; and step id → the date of
    the session that adopted it. A role the review called lapsed since then stays out."""
    rows: list[Contribution] = []
    dates: dict[str, str] = {}
    for step_id in step_ids:
        lapsed: set[str] = set()
        for view in earlier:
            for step in view.steps:
                if step.kind is PromptKind.REVIEW:
                    lapsed |= {_role_key(a.text) for a in view.carried
                               if a.kind == "role" and view.reviews(step.id).get(a.uid) in (RoleStatus.LAPSED,
                                                                                           ReviewStatus.DROPPED)}
            if not view.adopted(step_id):
                continue
            for c in view.contributions(step_id):
                if view.step(step_id).kind is PromptKind.ASSIGN and (not c.text.strip() or _role_key(c.text) in lapsed):
                    continue
                rows.append(Contribution(step=step_id, text=c.text, partner=c.partner, participant=c.participant,
                                         item=c.item, value=c.value, when=c.when, position=c.position))
            dates[step_id] = view.date
            break
    return rows, dates


def starting_statements(previous: SessionView, step_ids: list[str]) -> list[Contribution]:
    """First revisions for the new session's carried statements: last time's agreed text.

    A statement never agreed starts from its last draft, still a draft: carrying it over must
    not make it look agreed."""
    found = []
    for step_id in step_ids:
        try:
            previous.step(step_id)
        except KeyError:
            continue
        revision = settled(previous.revisions(step_id))
        if revision is not None and revision.text:
            found.append(Contribution(step=step_id, text=revision.text, value=revision.value is True,
                                      item=CARRIED_MARK, created=now_iso()))
    return found
