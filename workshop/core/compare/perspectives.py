"""The collaboration scan per perspective: the mean per perspective in each session, and the
lowest perspective of the latest scan as where attention is needed.

An item counts for a perspective when its guide says so (`perspective = "relatie"` on a scale
item). A perspective's mean in a session is the mean of its items' means, so an item scored by
fewer people weighs as much as the others. The lowest is named only from a session that scored
at least two perspectives: one perspective alone is always the lowest and says nothing.
"""

from __future__ import annotations

import statistics

from workshop.core.compare.indexed import Indexed
from workshop.core.compare.result import PerspectivePoint, PerspectiveTrail
from workshop.core.guides.check import PERSPECTIVES
from workshop.core.model import PromptKind
from workshop.core.text.i18n import N_, _, language

PERSPECTIVE_NAMES = {
    "ambitie": N_("ambition"),
    "belangen": N_("interests"),
    "relatie": N_("relationship"),
    "organisatie": N_("organisation"),
    "proces": N_("process"),
}


def perspective_name(perspective: str) -> str:
    """The perspective in the current language."""
    return _(PERSPECTIVE_NAMES[perspective]) if perspective in PERSPECTIVE_NAMES else perspective


def perspectives(sessions: list[Indexed], lang: str) -> tuple[PerspectiveTrail, ...]:
    """One trail per perspective that any session scored, in the fixed order of the five."""
    per_session = [_means(s) for s in sessions]
    scanned = [means for means in per_session if len(means) >= 2]
    latest = scanned[-1] if scanned else {}
    lowest = min(latest.values(), key=lambda point: point.mean).mean if latest else None
    found = []
    with language(lang):
        for perspective in PERSPECTIVES:
            points = tuple(means.get(perspective) for means in per_session)
            if not any(points):
                continue
            mine = latest.get(perspective)
            found.append(PerspectiveTrail(
                perspective=perspective, name=perspective_name(perspective), points=points,
                attention=mine is not None and lowest is not None and abs(mine.mean - lowest) < 1e-9))
    return tuple(found)


def _means(s: Indexed) -> dict[str, PerspectivePoint]:
    items: dict[str, list[float]] = {}
    for step in s.steps(PromptKind.SCALE):
        lens = {item.id: item.perspective for item in step.items if item.perspective}
        if not lens:
            continue
        scores: dict[str, list[float]] = {}
        for c in s.of(step.id):
            if c.item in lens and isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                scores.setdefault(c.item, []).append(c.value)
        for item_id, values in scores.items():
            items.setdefault(lens[item_id], []).append(statistics.fmean(values))
    return {perspective: PerspectivePoint(session=s.id, mean=statistics.fmean(means), items=len(means))
            for perspective, means in items.items()}
