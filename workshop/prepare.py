"""Preparing a session: check what the facilitator gave, carry over last time, save it.

Used by `workshop new` (flags or the wizard) and by the app's new-session screen alike.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date as Date

from workshop.carry import carried_from, starting_statements
from workshop.guides import Guide, step_to_dict
from workshop.i18n import _
from workshop.model import LANGUAGES, Collaboration, Participant, PromptKind, SessionInfo, SessionStatus
from workshop.session import SessionView
from workshop.store import Store

MAX_NAME = 120


class PrepareError(ValueError):
    """An answer that cannot make a session; one line for the user."""


@dataclass
class Plan:
    """Everything a new session needs, as the facilitator gave it."""

    collaboration: str
    guide: Guide
    partners: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    lang: str = "nl"
    title: str = ""
    date: str = ""
    facilitator: str = ""


def clean_name(value: str, what: str) -> str:
    """A name as typed, trimmed; refuses empty names, control characters and very long ones."""
    if not isinstance(value, str):
        raise PrepareError(_("{what} must be text").format(what=what))
    value = value.strip()
    if not value:
        raise PrepareError(_("{what} is empty").format(what=what))
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value):
        raise PrepareError(_("{what} contains control characters").format(what=what))
    if len(value) > MAX_NAME:
        raise PrepareError(_("{what} is longer than {limit} characters").format(what=what, limit=MAX_NAME))
    return value


def check_date(value: str) -> str:
    if not value:
        return Date.today().isoformat()
    try:
        return Date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise PrepareError(_("date '{value}' is not a date like 2026-11-26").format(value=value[:40])) from None


def check_plan(plan: Plan) -> Plan:
    collaboration = clean_name(plan.collaboration, _("the collaboration's name"))
    partners: list[str] = []
    for partner in plan.partners:
        name = clean_name(partner, _("a partner's name"))
        if name.casefold() in {p.casefold() for p in partners}:
            raise PrepareError(_("partner '{name}' is given twice").format(name=name))
        partners.append(name)
    participants: list[Participant] = []
    for person in plan.participants:
        name = clean_name(person.name, _("a participant's name"))
        partner = clean_name(person.partner, _("the partner of {name}").format(name=name))
        known = {p.casefold(): p for p in partners}
        if partner.casefold() not in known:
            if partners:
                raise PrepareError(_("participant {name}: '{partner}' is not one of the partners ({known})").format(
                    name=name, partner=partner, known=", ".join(partners)))
            partners.append(partner)
            known[partner.casefold()] = partner
        role = person.role.strip()
        if role:
            role = clean_name(role, _("the role of {name}").format(name=name))
        participants.append(Participant(name=name, partner=known[partner.casefold()], role=role))
    if not partners:
        raise PrepareError(_("a session needs at least one partner (--partner NAME)"))
    if plan.lang not in LANGUAGES:
        raise PrepareError(_("language '{lang}' is not nl or en").format(lang=str(plan.lang)[:20]))
    title = plan.title.strip() if plan.title else ""
    if title:
        title = clean_name(title, _("the title"))
    facilitator = clean_name(plan.facilitator, _("the facilitator's name")) if plan.facilitator.strip() else ""
    return Plan(collaboration, plan.guide, partners, participants, plan.lang,
                title or plan.guide.title.get(plan.lang), check_date(plan.date), facilitator)


def collaborations(store: Store) -> dict[str, list[SessionInfo]]:
    """Collaboration name → its sessions, newest first."""
    found: dict[str, list[SessionInfo]] = {}
    for info in store.catalogue():
        found.setdefault(info.collaboration, []).append(info)
    return found


def collaboration_details(store: Store, name: str) -> Collaboration:
    """The partners and participants a collaboration had in its latest readable session."""
    for info in collaborations(store).get(name, []):
        try:
            view = SessionView(store.read_session(info.id))
        except Exception:  # noqa: BLE001 - an unreadable old session just isn't reused
            continue
        return Collaboration(name=name, partners=view.partners, participants=view.participants)
    return Collaboration(name=name)


def earlier_sessions(store: Store, collaboration: str, before: str) -> list[SessionView]:
    """A collaboration's readable sessions on or before a date, newest first."""
    found = []
    for info in collaborations(store).get(collaboration, []):
        if info.date <= before:
            try:
                found.append(SessionView(store.read_session(info.id)))
            except Exception:  # noqa: BLE001 - a damaged one is reported by the store
                continue
    return found


def prepare_session(store: Store, plan: Plan) -> str:
    """Check the plan, carry over from the last session of the collaboration, save; the new id."""
    plan = check_plan(plan)
    earlier = earlier_sessions(store, plan.collaboration, plan.date)
    previous = earlier[0] if earlier else None
    steps = [step_to_dict(step) for step in plan.guide.steps]
    carried = carried_from(previous) if previous else []
    # A statement (the ambition) starts from the last session that had it, even when a
    # pulse check without it came in between.
    first = []
    for step in plan.guide.steps:
        if step.kind is PromptKind.STATEMENT and step.carry_over:
            for view in earlier:
                found = starting_statements(view, [step.id])
                if found:
                    first.extend(found)
                    break
    meta = {
        "collaboration": plan.collaboration,
        "partners": plan.partners,
        "participants": [p.to_dict() for p in plan.participants],
        "guide": plan.guide.id,
        "guide_version": plan.guide.version,
        "guide_title": plan.guide.title.to_dict(),
        "phase": plan.guide.phase,
        "steps": steps,
        "order": [s["id"] for s in steps],
        "current": steps[0]["id"],
        "skipped": [],
        "visited": [],
        "notes": {},
        "timers": {},
        "lang": plan.lang,
        "title": plan.title,
        "date": plan.date,
        "facilitator": plan.facilitator,
        "status": str(SessionStatus.OPEN),
        "previous": previous.id if previous else "",
        "carried": [a.to_dict() for a in carried],
        "autostart": True,
    }
    return store.create_session(meta, [c.to_dict() for c in first])
