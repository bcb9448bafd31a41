"""Interests per partner and level across sessions, from every open step that declares levels
(verkenning's and procesregie's `interests`): the same level ids line up across guides."""

from __future__ import annotations

from workshop.core.compare.indexed import Indexed
from workshop.core.compare.result import InterestTrail
from workshop.core.model import PromptKind


def interests(sessions: list[Indexed], lang: str) -> tuple[InterestTrail, ...]:
    """Per partner (in the order they first appear) and level (in the latest guide's order)."""
    labels: dict[str, str] = {}
    order: list[str] = []
    said: dict[tuple[str, str], list[list[str]]] = {}
    partners: list[str] = []
    for number, s in enumerate(sessions):
        for step in s.steps(PromptKind.OPEN):
            if not step.levels:
                continue
            for level in step.levels:
                labels[level.id] = level.text.get(lang)  # the latest session's words win
                if level.id not in order:
                    order.append(level.id)
            for c in s.of(step.id):
                if c.item in labels and c.text.strip():
                    if c.partner not in partners:
                        partners.append(c.partner)
                    trail = said.setdefault((c.partner, c.item), [[] for _s in sessions])
                    trail[number].append(c.text)
    return tuple(InterestTrail(partner, level, labels[level], tuple(tuple(texts) for texts in said[(partner, level)]))
                 for partner in partners for level in order if (partner, level) in said)
