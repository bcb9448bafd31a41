"""Scale items over the sessions: mean, range, standard deviation, how many scored, and an arrow only where the
change is more than noise.

The rule (`TREND_RULE`): ↑ or ↓ only when the mean moved by more than the combined standard
error of both sessions (√(se₁² + se₂²), se = sample standard deviation / √count) AND by at least
`MIN_CHANGE` points on a 1–5 scale (the same share of other scales); otherwise →."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from dataclasses import replace

from workshop.core.compare.indexed import Indexed
from workshop.core.compare.result import ScorePoint, Trend
from workshop.core.guides import Choice, Step
from workshop.core.guides.direction import declares_direction, with_direction
from workshop.core.model import Contribution, PromptKind
from workshop.core.outcomes.disclosure import group_mean
from workshop.core.outcomes.summary import THRESHOLD_ITEM
from workshop.core.text.i18n import N_

SPARKS = "▁▂▃▄▅▆▇█"
GAP = "·"  # a session in which the item was not scored
UP, DOWN, STEADY = "↑", "↓", "→"
MIN_CHANGE = 0.3  # points on a 1–5 scale (a quarter of this per step of a scale of another length)
REFERENCE_STEPS = 4  # a 1–5 scale has four steps between its ends
TREND_RULE = N_("↑ or ↓ only when the mean moved by more than the differences between the scores can explain "
                "(the combined standard error of both sessions) and by at least 0.3 points on a 1–5 "
                "scale (the same share of other scales); otherwise →. The number beside each mean is "
                "how many scored; * marks a different set of scorers than the session before.")


def trends(sessions: list[Indexed], lang: str, arrows: bool) -> tuple[Trend, ...]:
    # key → (step id, item id, text); and per session key → point
    known: dict[str, tuple[str, str, str]] = {}
    directed: dict[str, Choice] = {}  # the latest item of each key that declares its direction
    order: list[str] = []
    per_session: list[dict[str, ScorePoint]] = []
    scorers: dict[str, dict[str, frozenset[str]]] = {}  # session → key → who scored (not passed on)
    for s in reversed(sessions):  # the latest session's wording and item order lead
        points: dict[str, ScorePoint] = {}
        seen: set[str] = set()
        for step in s.steps(PromptKind.SCALE):
            by_item: dict[str, dict[str, Contribution]] = {}
            for c in s.of(step.id):
                if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    by_item.setdefault(c.item, {})[c.participant or c.partner] = c
            for item in step.items:
                key = item.id if item.id not in seen else f"{step.id}/{item.id}"
                seen.add(key)
                if key not in known:
                    known[key] = (step.id, item.id, item.text.get(lang))
                    order.append(key)
                if key not in directed and declares_direction(declared := with_direction(item)):
                    directed[key] = declared
                scores = by_item.get(item.id)
                if scores:
                    points[key] = _point(s.id, scores, step)
                    scorers.setdefault(s.id, {})[key] = frozenset(scores)
        per_session.append(points)
    per_session.reverse()
    keys = sorted(order, key=lambda key: known[key][1] != THRESHOLD_ITEM)  # stable: the key question first
    found = []
    for key in keys:
        step_id, item_id, text = known[key]
        series = [of_session.get(key) for of_session in per_session]
        if not any(series):
            continue
        if arrows:
            series = with_arrows(series, [scorers.get(p.session, {}).get(key, frozenset()) if p else frozenset()
                                          for p in series])
        present = [p for p in series if p is not None]
        said = directed.get(key)
        found.append(Trend(
            key=key, step=step_id, item=item_id, text=text, key_question=item_id == THRESHOLD_ITEM,
            points=tuple(series), who=_everyone(sessions, present), sparkline=sparkline(series),
            arrow=present[-1].arrow if arrows else "", good=said.good if said else "",
            rising=said.rising.get(lang) if said else "", falling=said.falling.get(lang) if said else ""))
    return tuple(found)


def _point(session_id: str, scores: dict[str, Contribution], step: Step) -> ScorePoint:
    values = [c.value for c in scores.values()]
    return ScorePoint(session=session_id, count=len(values), mean=statistics.fmean(values),
                      low=min(values), high=max(values),
                      stdev=statistics.pstdev(values) if len(values) > 1 else 0.0,
                      scale_min=step.scale.min, scale_max=step.scale.max, by_partner=per_partner(scores, step),
                      arrow="")


def per_partner(scores: dict[str, Contribution], step: Step) -> dict[str, float | None]:
    """Partner → what the comparison may show of it: a partner's own score on a step scored per
    partner that is not blind; else the mean of its people's scores, for 3 or more of them only."""
    given: dict[str, list[Contribution]] = {}
    for c in scores.values():
        given.setdefault(c.partner, []).append(c)
    shown: dict[str, float | None] = {}
    for partner, said in given.items():
        own = not step.blind and len(said) == 1 and not said[0].participant
        shown[partner] = float(said[0].value) if own else group_mean(c.value for c in said)
    return shown


def with_arrows(points: list[ScorePoint | None], scorers: list[frozenset[str]]) -> list[ScorePoint | None]:
    """Each point's arrow against the one before it; `scorers` (who scored each point) marks a
    point whose set of scorers is not the one before's."""
    result: list[ScorePoint | None] = []
    before: ScorePoint | None = None
    before_scorers: frozenset[str] = frozenset()
    for point, who in zip(points, scorers):
        if point is not None:
            if before is not None:
                point = replace(point, arrow=direction(before, point), scorers_changed=who != before_scorers)
            before, before_scorers = point, who
        result.append(point)
    return result


def direction(before: ScorePoint, after: ScorePoint) -> str:
    """↑ or ↓ when the change of the mean beats the noise (see TREND_RULE), else →.
    Measured in points of the later scale, so a 1–5 and a 1–10 item still compare."""
    steps = after.scale_max - after.scale_min
    change = (after.level - before.level) * steps
    before_error = before.standard_error / (before.scale_max - before.scale_min) * steps
    noise = math.hypot(before_error, after.standard_error)
    smallest = MIN_CHANGE * steps / REFERENCE_STEPS
    if abs(change) <= noise + 1e-9 or abs(change) < smallest - 1e-9:
        return STEADY
    return UP if change > 0 else DOWN


def sparkline(points: Iterable[ScorePoint | None]) -> str:
    """One block per session, as high as the mean on its scale; · where the item was not scored."""
    line = []
    for point in points:
        if point is None:
            line.append(GAP)
        else:
            line.append(SPARKS[min(len(SPARKS) - 1, max(0, round(point.level * (len(SPARKS) - 1))))])
    return "".join(line)


def _everyone(sessions: list[Indexed], points: list[ScorePoint]) -> tuple[str, ...]:
    scored: dict[str, None] = {}
    for point in points:
        scored.update(dict.fromkeys(point.by_partner))
    first = [p for p in sessions[-1].view.partners if p in scored]
    rest = [who for who in scored if who not in first]
    return tuple(first + rest)
