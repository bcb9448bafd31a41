"""Facts about a comparison that every way of showing it needs (the screen, the board page, the
Markdown): written once, here, with the comparison they are read from."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from workshop.core.compare import ActionLine, ActionRound, Comparison

Value = TypeVar("Value")

STILL_OPEN = ("open", "not_reviewed")  # verdicts that leave a carried action open


def stages(values: Iterable[tuple[str, Value | None]]) -> list[tuple[str, Value]]:
    """(session, value) pairs with the gaps and repeats left out: the sessions where a role's
    holder or a consent status changed, with what it became."""
    found: list[tuple[str, Any]] = []
    for session_id, value in values:
        if value is not None and (not found or found[-1][1] != value):
            found.append((session_id, value))
    return found


def role_stages(comparison: Comparison, holders: Iterable) -> list[tuple[str, tuple[str, str]]]:
    """Where a role changed hands: (session, (who, rhythm))."""
    ids = [s.id for s in comparison.sessions]
    return stages((sid, (h.who, h.when) if h else None) for sid, h in zip(ids, holders))


def consent_stages(comparison: Comparison, marks: Iterable) -> list[tuple[str, tuple[str, str, str]]]:
    """Where a consent changed: (session, (status, date, the review's verdict on it))."""
    ids = [s.id for s in comparison.sessions]
    return stages((sid, (m.status, m.when, m.review) if m else None) for sid, m in zip(ids, marks))


def still_open(latest: ActionRound) -> list[ActionLine]:
    """What is open after a session: carried actions not done or dropped, and what it agreed
    (roles, carried to be confirmed, the pilot and consents, counted apart, are no actions)."""
    still_open = [line for line in latest.reviewed if line.status in STILL_OPEN and line.kind == "action"]
    return still_open + list(latest.agreed)


def one_year(dates: Iterable[str]) -> bool:
    """Whether every date falls in one year (then a column heading can leave the year out)."""
    return len({d[:4] for d in dates}) <= 1
