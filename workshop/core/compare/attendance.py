"""Who was at the table, session by session: per partner its attendance in each compared session,
so partners staying away (or leaving the collaboration) are visible in the comparison."""

from __future__ import annotations

from workshop.core.compare.indexed import Indexed
from workshop.core.compare.result import PartnerAttendance
from workshop.core.outcomes.attendance import statuses


def attendance(indexed: list[Indexed]) -> tuple[PartnerAttendance, ...]:
    """Every partner of any compared session: those of the latest session first, in its order,
    then those only earlier sessions had (the ones who left)."""
    marked = [statuses(s.view) for s in indexed]
    partners = list(dict.fromkeys(p for s in reversed(indexed) for p in s.view.partners))
    return tuple(PartnerAttendance(partner, tuple(marks.get(partner) for marks in marked)) for partner in partners)
