"""What each output shows of whom: the rules that keep names where they belong, in one place.

- A scale's scores go out beside a name (a person's, or a partner's on a step scored per
  partner) only where the guide asks for it (`show_names = true`) or the facilitator does
  (`workshop export --with-names`), and never for a blind step. Elsewhere what is circulated
  (the minutes, the board page, the comparison) shows how many gave each score, the mean, the
  range and the count (`names_beside_scores`, `distribution_words`).
- A group's mean is shown only for a group of `MIN_GROUP` or more scores: the mean of one or
  two people is their own score, or nearly (`group_mean`).
- A contribution held back under moderation is in no output until the facilitator shows it
  (`circulated`). The JSON export and the backup keep it, held (the session's meta lists it),
  so that `import` restores the session exactly.
The screen the facilitator types on shows every cell; the projector and the phones show a
blind scale as counts only (workshop/present/room.py, workshop/serve/pages.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from statistics import fmean

from workshop.core.guides import Step
from workshop.core.model import PromptKind
from workshop.core.session import SessionView
from workshop.core.store.store import CONTRIBUTIONS, META

MIN_GROUP = 3  # the fewest scores a group's mean is shown for


def names_beside_scores(view: SessionView, step: Step, asked: bool = False) -> bool:
    """May a scale step's scores be shown beside the name of who gave them? Only where the guide
    (`show_names`) or the facilitator (`asked`) wants it, and never on a step that is blind in
    this session (by its guide, or because phones joined: SessionView.blind)."""
    return step.kind is PromptKind.SCALE and not view.blind(step.id) and (step.show_names or asked)


def group_mean(values: Iterable[float]) -> float | None:
    """The mean of a group's scores, or None for a group of fewer than MIN_GROUP scores."""
    values = list(values)
    return fmean(values) if len(values) >= MIN_GROUP else None


def score_counts(values: Iterable[int], low: int, high: int) -> dict[int, int]:
    """How many gave each score of the scale, every score from `low` to `high` listed."""
    counts = {value: 0 for value in range(low, high + 1)}
    for value in values:
        counts[int(value)] = counts.get(int(value), 0) + 1
    return counts


def distribution_words(counts: dict[int, int]) -> str:
    """'1: 0 · 2: 2 · 3: 1 · 4: 2 · 5: 0': how many gave each score, in any language."""
    return " · ".join(f"{value}: {count}" for value, count in counts.items())


def circulated(view: SessionView) -> SessionView:
    """The session as it may go out: without the contributions held back under moderation."""
    held = set(view.meta.get("held", []))
    if not held:
        return view
    kept = {key: doc for key, doc in view.tables()[CONTRIBUTIONS].items() if doc.get("uid") not in held}
    return SessionView({META: {"1": view.meta}, CONTRIBUTIONS: kept}, source=view.source)
