"""Mutual dependence over the sessions: per pair of partners, how much each depends on the other,
and whether that is one-sided in the latest session that scored both ways."""

from __future__ import annotations

from workshop.dependence import ONE_SIDED, is_partner_item
from workshop.model import PromptKind

from workshop.compare.indexed import Indexed
from workshop.compare.result import DependencePair

REFERENCE_STEPS = 4  # a 1–5 scale has four steps between its ends


def dependence(sessions: list[Indexed]) -> tuple[DependencePair, ...]:
    """Every pair of partners scored both ways in some session, one-sided ones first."""
    # per session: (who depends, on whom) → score, and the size of the scale
    scored: list[dict[tuple[str, str], int]] = []
    steps_of_scale: dict[tuple[str, str], int] = {}
    for s in sessions:
        found: dict[tuple[str, str], int] = {}
        for step in s.steps(PromptKind.SCALE):
            on = {item.id: item.text.get(s.view.lang) for item in step.items if is_partner_item(item)}
            for c in s.of(step.id):
                if c.item in on and c.partner and c.partner != on[c.item] and isinstance(c.value, int) \
                        and not isinstance(c.value, bool):
                    found[(c.partner, on[c.item])] = c.value
                    steps_of_scale[(c.partner, on[c.item])] = step.scale.max - step.scale.min
        scored.append(found)
    pairs: dict[tuple[str, str], None] = {}
    for found in scored:
        for a, b in found:
            if (b, a) in found:
                pairs.setdefault(tuple(sorted((a, b), key=str.casefold)), None)
    result = []
    for a, b in pairs:
        a_on_b = tuple(found.get((a, b)) for found in scored)
        b_on_a = tuple(found.get((b, a)) for found in scored)
        both = [(x, y) for x, y in zip(a_on_b, b_on_a) if x is not None and y is not None]
        gap = both[-1][0] - both[-1][1]
        needed = ONE_SIDED * steps_of_scale.get((a, b), REFERENCE_STEPS) / REFERENCE_STEPS
        result.append(DependencePair(a, b, a_on_b, b_on_a, one_sided=abs(gap) >= needed - 1e-9,
                                     more_dependent=a if gap > 0 else b if gap < 0 else ""))
    result.sort(key=lambda pair: not pair.one_sided)
    return tuple(result)
