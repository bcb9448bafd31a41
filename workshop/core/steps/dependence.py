"""Mutual dependence: how much each partner depends on each other partner for the ambition.

A scale step in a guide may say `items = "partners"`; when a session is prepared, that becomes
one item per partner at the table (`for_partners`), each scored per partner: the score partner A
gives the item of partner B is how much A depends on B. A partner's own item is not scored.

The pairing rule lives here, once, for the live view of a meeting, its minutes and the comparison
over sessions: two partners who scored each other form a pair, and the pair is one-sided when the
two scores differ by at least `ONE_SIDED` points on a 1–5 scale (the same share of another scale)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from workshop.core.guides import Choice, Scale, Step, Text
from workshop.core.model import Contribution, PromptKind

PARTNER_ITEMS = "partners"  # the guide's word for "one item per partner"
PREFIX = "depends-"  # the id of a partner's item: depends-<partner, as an id>
ONE_SIDED = 2  # points apart on a 1–5 scale
REFERENCE_STEPS = 4  # a 1–5 scale has four steps between its ends


def partner_item_id(partner: str, taken: set[str]) -> str:
    """A stable item id for `partner` (the same name gives the same id in every session)."""
    base = PREFIX + (re.sub(r"[^a-z0-9]+", "-", partner.casefold()).strip("-")[:48] or "partner")
    ident, number = base, 2
    while ident in taken:
        ident, number = f"{base}-{number}", number + 1
    return ident


def for_partners(steps: Iterable[Step], partners: list[str]) -> list[Step]:
    """The steps with every `items = "partners"` turned into one item per partner, and every
    assign row with `per = "partner"` into one row per partner ("Alliantiemanager — Gemeente")."""
    result = []
    for step in steps:
        if step.kind is PromptKind.ASSIGN and any(row.per == "partner" for row in step.rows):
            rows: list[Choice] = []
            for row in step.rows:
                if row.per != "partner":
                    rows.append(row)
                    continue
                used: set[str] = set()
                for partner in partners:
                    ident = partner_item_id(partner, used)
                    used.add(ident)
                    rows.append(Choice(f"{row.id}-{ident.removeprefix(PREFIX)}", Text(
                        {lang: f"{words} — {partner}" for lang, words in row.text.values.items()})))
            step = replace(step, rows=tuple(rows))
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


def asks_dependence(step: Step) -> bool:
    """Is this a dependence grid: a scale with an item per partner?"""
    return step.kind is PromptKind.SCALE and any(is_partner_item(item) for item in step.items)


def own_partner(item: Choice, lang: str) -> str:
    """The partner a dependence item is about (its text is the partner's name)."""
    return item.text.get(lang)


def needed_gap(scale: Scale) -> float:
    """How far apart a pair is one-sided: `ONE_SIDED` points on a 1–5 scale, the same share of any other."""
    return ONE_SIDED * (scale.max - scale.min) / REFERENCE_STEPS


def is_one_sided(a_on_b: int, b_on_a: int, scale: Scale) -> bool:
    return abs(a_on_b - b_on_a) >= needed_gap(scale) - 1e-9


def scored(step: Step, contributions: Iterable[Contribution], lang: str) -> dict[tuple[str, str], int]:
    """(who depends, on whom) → score, from one step's contributions. A partner's score on its
    own item does not count; a later score of the same partner replaces an earlier one."""
    on = {item.id: own_partner(item, lang) for item in step.items if is_partner_item(item)}
    found: dict[tuple[str, str], int] = {}
    for c in contributions:
        if c.item in on and c.partner and c.partner != on[c.item] and isinstance(c.value, int) \
                and not isinstance(c.value, bool):
            found[(c.partner, on[c.item])] = c.value
    return found


@dataclass(frozen=True)
class Pair:
    """Two partners who scored each other; `a` depends more (or comes first by name when equal)."""

    a: str
    b: str
    a_on_b: int  # how much a depends on b
    b_on_a: int
    one_sided: bool

    @property
    def gap(self) -> int:
        return self.a_on_b - self.b_on_a


def pair(a: str, b: str, a_on_b: int, b_on_a: int, scale: Scale) -> Pair:
    """The pair of a and b, the one who depends more first."""
    if b_on_a > a_on_b or (b_on_a == a_on_b and b.casefold() < a.casefold()):
        a, b, a_on_b, b_on_a = b, a, b_on_a, a_on_b
    return Pair(a, b, a_on_b, b_on_a, is_one_sided(a_on_b, b_on_a, scale))


def pairs(found: dict[tuple[str, str], int], scale: Scale) -> list[Pair]:
    """Every pair scored both ways, the largest gap first (then by name)."""
    made: dict[frozenset[str], Pair] = {}
    for (a, b), a_on_b in found.items():
        if (b, a) in found and frozenset((a, b)) not in made:
            made[frozenset((a, b))] = pair(a, b, a_on_b, found[(b, a)], scale)
    return sorted(made.values(), key=lambda p: (-p.gap, p.a.casefold(), p.b.casefold()))


def session_pairs(view, step: Step) -> list[Pair]:
    """The pairs of one session's dependence step, as scored so far (`view`: a SessionView)."""
    return pairs(scored(step, view.contributions(step.id), view.lang), step.scale)
