"""The rules for who sits at the table: the partners' attendance and cards, participants added
or moved to another organisation, and whether phones joined (part of the rule table in rules.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.core.model import Attendance
from workshop.core.session import changes as c
from workshop.core.session.view import DEVICES_JOINED
from workshop.core.text.i18n import _
from workshop.core.typed.attribution import cards_of

if TYPE_CHECKING:
    from workshop.core.session.live import LiveSession


def set_attendance(live: LiveSession, change: c.SetAttendance) -> None:
    if change.partner not in live.partners:
        raise ValueError(_("'{partner}' is not one of the partners.").format(partner=change.partner))
    attendance = {**live.meta.get("attendance", {})}
    if change.status:
        attendance[change.partner] = str(Attendance(change.status))  # a wrong status stays loud
    else:
        attendance.pop(change.partner, None)
    live._set_meta(attendance=attendance)


def set_partner_card(live: LiveSession, change: c.SetPartnerCard) -> None:
    if change.partner not in live.partners:
        raise ValueError(_("'{partner}' is not one of the partners.").format(partner=change.partner))
    short, group = live._clean(change.short).strip(), live._clean(change.group).strip()
    for name, card in cards_of(live.meta).items():
        if name != change.partner and short and short.casefold() in (name.casefold(), card.short.casefold()):
            raise ValueError(_("'{short}' already names {other}.").format(short=short, other=name))
    cards = {**live.meta.get("partner_cards", {})}
    old = cards.get(change.partner, {})
    cards[change.partner] = {**old, "name": change.partner, "short": short, "group": group}
    live._set_meta(partner_cards=cards)


def devices_joined(live: LiveSession, change: c.DevicesJoined) -> None:
    if not live.meta.get(DEVICES_JOINED):
        live._set_meta(**{DEVICES_JOINED: True})


def add_participant(live: LiveSession, change: c.AddParticipant) -> None:
    listed = live.meta.get("participants", [])
    if any(str(person.get("name", "")).casefold() == change.name.casefold() for person in listed):
        return
    live._set_meta(participants=[*listed, {"name": change.name, "partner": change.partner, "role": ""}])


def move_participant(live: LiveSession, change: c.MoveParticipant) -> None:
    listed = live.meta.get("participants", [])
    wanted = " ".join(change.name.split()).casefold()
    found = [n for n, person in enumerate(listed) if " ".join(str(person.get("name", "")).split()).casefold() == wanted]
    if not found:
        raise ValueError(_("{name} is not on the list of participants.").format(name=change.name[:80]))
    if change.partner and change.partner not in live.partners:
        raise ValueError(_("{partner} is not a partner of this session.").format(partner=change.partner[:80]))
    live._set_meta(participants=[{**person, "partner": change.partner} if n in found else person
                                 for n, person in enumerate(listed)])
