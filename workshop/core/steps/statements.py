"""The rule for a statement (the ambition, the pilot) that is revised and agreed over a session."""

from __future__ import annotations

from collections.abc import Sequence

from workshop.core.model import Contribution


def settled(revisions: Sequence[Contribution]) -> Contribution | None:
    """What a session settled on: the last agreed revision, else the last one (None without any)."""
    agreed = [r for r in revisions if r.value is True]
    return agreed[-1] if agreed else (revisions[-1] if revisions else None)
