"""Mutual dependence: how much each partner depends on each other partner for the ambition.

A scale step in a guide may say `items = "partners"`; when a session is prepared, that becomes
one item per partner at the table (`for_partners`), each scored per partner: the score partner A
gives the item of partner B is how much A depends on B. The comparison pairs the partners and
calls a pair one-sided when the two scores differ by at least `ONE_SIDED` points on a 1–5 scale
(the same share of another scale)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from workshop.guides import Choice, Step, Text
from workshop.model import PromptKind

PARTNER_ITEMS = "partners"  # the guide's word for "one item per partner"
PREFIX = "depends-"  # the id of a partner's item: depends-<partner, as an id>
ONE_SIDED = 2  # points apart on a 1–5 scale


def partner_item_id(partner: str, taken: set[str]) -> str:
    """A stable item id for `partner` (the same name gives the same id in every session)."""
    base = PREFIX + (re.sub(r"[^a-z0-9]+", "-", partner.casefold()).strip("-")[:48] or "partner")
    ident, number = base, 2
    while ident in taken:
        ident, number = f"{base}-{number}", number + 1
    return ident


def for_partners(steps: Iterable[Step], partners: list[str]) -> list[Step]:
    """The steps with every `items = "partners"` turned into one item per partner."""
    result = []
    for step in steps:
        if step.kind is PromptKind.SCALE and [item.id for item in step.items] == [PARTNER_ITEMS]:
            taken: set[str] = set()
            items = []
            for partner in partners:
                ident = partner_item_id(partner, taken)
                taken.add(ident)
                items.append(Choice(ident, Text({"nl": partner, "en": partner})))
            step = replace(step, items=tuple(items))
        result.append(step)
    return result


def is_partner_item(item: Choice) -> bool:
    return item.id.startswith(PREFIX)
