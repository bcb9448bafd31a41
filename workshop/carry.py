"""Carry-over: what one session of a collaboration hands to the next.

The next session's review step holds the open actions, the pending consents and the pilot of
the previous session; statements marked `carry_over` (the ambition) start from their last
agreed text.
"""

from __future__ import annotations

from workshop.model import Action, ConsentStatus, Contribution, PromptKind, ReviewStatus, now_iso
from workshop.session import SessionView

PILOT_STEP = "pilot"
CARRIED_MARK = "carried"  # `item` of a statement revision that came from the last session


def carried_from(previous: SessionView) -> list[Action]:
    """The things the next session must review, from `previous`."""
    carried: list[Action] = []
    reviews: dict[str, str] = {}
    for step in previous.steps:
        if step.kind is PromptKind.REVIEW:
            reviews.update(previous.reviews(step.id))
    # What was reviewed last time and is still open goes round again.
    for action in previous.carried:
        if reviews.get(action.uid, ReviewStatus.OPEN) == ReviewStatus.OPEN and action.kind != "pilot":
            carried.append(Action.from_dict({**action.to_dict(), "status": ReviewStatus.OPEN}))
    for step in previous.agenda:
        if step.kind is PromptKind.ASSIGN and step.actions:
            for c in previous.contributions(step.id):
                if c.text.strip():
                    carried.append(Action(uid=c.uid, text=c.text, who=str(c.value or ""), when=c.when,
                                          kind="action", session=previous.id))
        elif step.kind is PromptKind.CONSENT:
            bodies = {body.id: previous.text(body.text) for body in step.bodies}
            for (partner, body), c in previous.consents(step.id).items():
                if _pending(c):
                    name = bodies.get(body, body)
                    carried.append(Action(uid=c.uid, text=f"{name}: {c.value}", who=partner, when=c.when,
                                          kind="consent", session=previous.id))
        elif step.kind is PromptKind.STATEMENT and step.id == PILOT_STEP:
            text = previous.agreed_statement(step.id)
            if text.strip():
                latest = previous.statement(step.id)
                carried.append(Action(uid=latest.uid if latest else step.id, text=text, kind="pilot",
                                      session=previous.id))
    seen: set[str] = set()
    unique = []
    for action in carried:
        if action.uid not in seen:
            seen.add(action.uid)
            unique.append(action)
    return unique


def _pending(contribution: Contribution) -> bool:
    try:
        return ConsentStatus(str(contribution.value)).pending
    except ValueError:
        return False


def starting_statements(previous: SessionView, step_ids: list[str]) -> list[Contribution]:
    """First revisions for the new session's carried statements: last time's agreed text."""
    found = []
    for step_id in step_ids:
        try:
            previous.step(step_id)
        except KeyError:
            continue
        text = previous.agreed_statement(step_id)
        if text:
            found.append(Contribution(step=step_id, text=text, value=True, item=CARRIED_MARK, created=now_iso()))
    return found
