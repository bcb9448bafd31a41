"""Mutual dependence over the sessions: per pair of partners, how much each depends on the other,
and whether that is one-sided in the latest session that scored both ways. The pairing rule is
the one of a single session (workshop/core/steps/dependence.py)."""

from __future__ import annotations

from workshop.core.compare.indexed import Indexed
from workshop.core.compare.result import DependencePair
from workshop.core.guides import Scale
from workshop.core.model import PromptKind
from workshop.core.steps.dependence import asks_dependence, pair, scored


def dependence(sessions: list[Indexed]) -> tuple[DependencePair, ...]:
    """Every pair of partners scored both ways in some session, one-sided ones first."""
    # per session: (who depends, on whom) → score, and the scale each was given on
    found_in: list[dict[tuple[str, str], int]] = []
    scale_of: dict[tuple[str, str], Scale] = {}
    for s in sessions:
        found: dict[tuple[str, str], int] = {}
        for step in s.steps(PromptKind.SCALE):
            if asks_dependence(step):
                given = scored(step, s.of(step.id), s.view.lang)
                found.update(given)
                scale_of.update(dict.fromkeys(given, step.scale))
        found_in.append(found)
    names: dict[tuple[str, str], None] = {}
    for found in found_in:
        for a, b in found:
            if (b, a) in found:
                first, second = sorted((a, b), key=str.casefold)
                names.setdefault((first, second), None)
    result = []
    for a, b in names:
        a_on_b = tuple(found.get((a, b)) for found in found_in)
        b_on_a = tuple(found.get((b, a)) for found in found_in)
        x, y = [(x, y) for x, y in zip(a_on_b, b_on_a) if x is not None and y is not None][-1]
        latest = pair(a, b, x, y, scale_of.get((a, b), Scale()))
        result.append(DependencePair(a, b, a_on_b, b_on_a, one_sided=latest.one_sided,
                                     more_dependent=latest.a if latest.gap else ""))
    result.sort(key=lambda p: not p.one_sided)
    return tuple(result)
