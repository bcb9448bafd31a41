"""The group's verdicts on what it was given: a proposal adopted as it stands (roles, rhythm, a
team, a consent grid), and what was carried over from last time marked (done, open, dropped; a
pilot running or stopped; a role still valid, changed or lapsed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.core.model import PILOT_FOR, ROLE_FOR, Contribution, PilotStatus, PromptKind, ReviewStatus, RoleStatus
from workshop.core.session import changes as c
from workshop.core.session.view import ADOPTED
from workshop.core.text.i18n import _

if TYPE_CHECKING:
    from workshop.core.session.live import LiveSession


def adopt(live: LiveSession, change: c.Adopt) -> None:
    step = live.step(change.step)
    if not (step.kind is PromptKind.CONSENT or (step.kind is PromptKind.ASSIGN and not step.actions)):
        raise ValueError(_("Only roles, a rhythm, a team or a consent grid are adopted as a whole."))
    listed = [x for x in live.meta.get(ADOPTED, []) if x != step.id] + ([step.id] if change.adopted else [])
    if listed != live.meta.get(ADOPTED, []):
        live._set_meta(**{ADOPTED: listed})


def mark(live: LiveSession, change: c.Mark) -> Contribution:
    carried = next((a for a in live.carried if a.uid == change.carried), None)
    status = change.status
    if carried is not None and carried.kind == "pilot":  # loopt, bijgesteld, afgerond, gestopt
        status = PilotStatus(PILOT_FOR.get(status, status))
    elif carried is not None and carried.kind == "role":  # nog geldig, gewijzigd, vervallen
        status = RoleStatus(ROLE_FOR.get(status, status))
    else:
        ReviewStatus(status)
    text = carried.text if carried is not None else ""
    return live._upsert(change.step, lambda x: x.item == change.carried,
                        item=change.carried, value=str(status), text=text)
