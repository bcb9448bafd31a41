"""Preparing a session: check what the facilitator gave, carry over last time, save it.

Used by `workshop new` (flags or the wizard) and by the app's new-session screen alike.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date as Date

from workshop.core.guides import Guide, step_to_dict
from workshop.core.machine import clock
from workshop.core.model import (
    LANGUAGES,
    Collaboration,
    Participant,
    PartnerCard,
    PromptKind,
    SessionInfo,
    SessionStatus,
)
from workshop.core.outcomes.carry import adopted_steps, carried_from, starting_statements
from workshop.core.session import SessionView
from workshop.core.session.view import ADOPTED_BEFORE
from workshop.core.steps.bodies import ADDED, carried_bodies
from workshop.core.steps.dependence import for_partners
from workshop.core.store import Store
from workshop.core.text.i18n import _
from workshop.core.typed.attribution import cards_of

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
    cards: dict[str, PartnerCard] = field(default_factory=dict)  # partner name → short name, group


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
        return clock.today().isoformat()
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
                title or plan.guide.title.get(plan.lang), check_date(plan.date), facilitator,
                check_cards(partners, plan.cards))


def check_cards(partners: list[str], given: dict[str, PartnerCard]) -> dict[str, PartnerCard]:
    """Short names and groups, checked: a short name names one partner only (it may not be
    another partner's name or short name), so a typed 'Arnhem:' can never mean two partners."""
    known = {p.casefold(): p for p in partners}
    cards: dict[str, PartnerCard] = {}
    taken = dict(known)
    for key, card in given.items():
        if key.casefold() not in known:
            raise PrepareError(_("'{name}' has a short name or group but is not one of the partners").format(
                name=key[:60]))
        partner = known[key.casefold()]
        short = clean_name(card.short, _("the short name of {name}").format(name=partner)) if card.short.strip() else ""
        group = clean_name(card.group, _("the group of {name}").format(name=partner)) if card.group.strip() else ""
        if short and taken.get(short.casefold(), partner) != partner:
            raise PrepareError(_("short name '{short}' of {name} is already the name of {other}").format(
                short=short, name=partner, other=taken[short.casefold()]))
        if short:
            taken[short.casefold()] = partner
        aliases = [clean_name(a, _("an alias of {name}").format(name=partner)) for a in card.aliases if a.strip()]
        if short or group or aliases:
            cards[partner] = PartnerCard(partner, short, aliases, group)
    return cards


def partner_specs(specs: list[str], groups: Sequence[str] = ()) -> tuple[list[str], dict[str, PartnerCard]]:
    """`--partner "Gemeente Arnhem=Arnhem"` and `--group "gemeenten=Gemeente Arnhem,Ede"` read
    into partner names and their cards (a group may name partners by name or short name)."""
    partners: list[str] = []
    cards: dict[str, PartnerCard] = {}
    for spec in specs:
        card = PartnerCard.parse(spec)
        partners.append(card.name)
        if card.short:
            cards[card.name] = card
    by_any = {p.casefold(): p for p in partners}
    by_any.update({c.short.casefold(): name for name, c in cards.items() if c.short})
    for spec in groups:
        group, sep, members = spec.partition("=")
        if not sep or not group.strip():
            raise PrepareError(_("group {spec}: expected GROUP=PARTNER,PARTNER").format(spec=repr(spec[:60])))
        for member in filter(None, (m.strip() for m in members.split(","))):
            if member.casefold() not in by_any:
                raise PrepareError(_("group {group}: '{member}' is not one of the partners").format(
                    group=group.strip(), member=member[:60]))
            name = by_any[member.casefold()]
            old = cards.get(name) or PartnerCard(name)
            cards[name] = PartnerCard(name, old.short, old.aliases, group.strip())
    return partners, cards


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
        return Collaboration(name=name, partners=view.partners, participants=view.participants,
                             cards={k: v for k, v in cards_of(view.meta).items() if v.short or v.group or v.aliases})
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
    steps = [step_to_dict(step) for step in for_partners(plan.guide.steps, plan.partners)]  # items = "partners"
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
    # Roles, rhythm, the team and the consent grid start as the group last adopted them.
    adopted, adopted_on = adopted_steps(earlier, [s.id for s in plan.guide.steps if s.kind is PromptKind.CONSENT
                                                  or (s.kind is PromptKind.ASSIGN and not s.actions)])
    first.extend(adopted)
    # Bodies added in an earlier session are there again; one the guide now lists itself is not.
    added = {}
    for step_id, entries in carried_bodies(earlier).items():
        listed = {(b.id, " ".join(b.text.get(plan.lang).casefold().split()))
                  for s in plan.guide.steps if s.id == step_id for b in s.bodies}
        ids, names = {i for i, _n in listed}, {n for _i, n in listed}
        added[step_id] = [e for e in entries
                          if e["id"] not in ids and " ".join(e["name"].casefold().split()) not in names]
    meta = {
        "collaboration": plan.collaboration,
        "partners": plan.partners,
        "participants": [p.to_dict() for p in plan.participants],
        "partner_cards": {name: card.to_dict() for name, card in plan.cards.items()},
        "guide": plan.guide.id,
        "guide_version": plan.guide.version,
        "guide_title": plan.guide.title.to_dict(),
        "phase": plan.guide.phase,
        "labels": plan.guide.label_words,  # the note-taker's labels: such a line is nobody's in particular
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
        **({ADDED: added} if added else {}),  # only where a session before added some
        **({ADOPTED_BEFORE: adopted_on} if adopted_on else {}),  # step id → the date it was adopted
    }
    return store.create_session(meta, [c.to_dict() for c in first])
