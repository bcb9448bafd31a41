"""One or two plain sentences per collaboration, made of facts the comparison already holds."""

from __future__ import annotations

from workshop.core.compare.result import (
    ActionTrail,
    ConsentTrail,
    Headline,
    PainRound,
    PainTrail,
    PerspectiveTrail,
    ScorePoint,
    SessionRef,
    StatementTrail,
    Trend,
)
from workshop.core.compare.trends import DOWN, UP, direction
from workshop.core.text.i18n import _, language, ngettext, number

AMBITION_STEP = "ambition"


def headlines(lang: str, sessions: tuple[SessionRef, ...], trends: tuple[Trend, ...],
              rounds: tuple[PainRound, ...], trails: tuple[PainTrail, ...],
              actions: tuple[ActionTrail, ...], statements: tuple[StatementTrail, ...],
              lenses: tuple[PerspectiveTrail, ...] = (),
              consents: tuple[ConsentTrail, ...] = ()) -> tuple[Headline, ...]:
    """A headline per collaboration among the sessions (usually one)."""
    names = list(dict.fromkeys(s.collaboration for s in sessions))
    found = []
    for name in names:
        ids = {s.id for s in sessions if s.collaboration == name}
        threshold = next((t for t in trends if t.key_question), None)
        points = [p for p in threshold.points if p is not None and p.session in ids] if threshold else []
        arrow = direction(points[0], points[-1]) if len(points) > 1 else ""
        collected = [r for r in rounds if r.session in ids]
        latest = collected[-1].session if collected else None
        recurring = sum(1 for t in trails if t.times > 1 and latest in t.sessions and t.sessions[0] in ids)
        suggested = len(collected[-1].suggestions) if collected else 0  # reworded in the latest round
        mine = [a for a in actions if a.agreed_in in ids or any(st is not None for st in a.statuses)]
        late = sum(1 for a in mine if a.late)
        still_open = sum(1 for a in mine if a.status in ("open", "not_reviewed"))
        pending = pending_consents(sessions, consents, ids)  # counted apart: a consent is no action
        ambition = next((t for t in statements if t.step == AMBITION_STEP), None)
        contested = bool(ambition and ambition.versions and ambition.versions[-1].session in ids
                         and ambition.contested)
        lowest = [t for t in lenses if t.attention and t.latest is not None and t.latest.session in ids]
        with language(lang):
            score = (score_sentence(threshold, points[0], points[-1], arrow, len(points))
                     if threshold and len(points) > 1 else "")
            sentences = (_sentences(score, recurring, suggested, late, still_open, contested, pending)
                         + _attention(lowest))
        found.append(Headline(collaboration=name, sessions=len(ids),
                              threshold_from=points[0].mean if points else None,
                              threshold_to=points[-1].mean if points else None, threshold_arrow=arrow,
                              recurring_pains=recurring, suggested_pains=suggested, late_actions=late,
                              open_actions=still_open, ambition_contested=contested, sentences=sentences,
                              attention=tuple(t.name for t in lowest),
                              threshold_verdict=threshold.verdict(arrow) if threshold and arrow else "",
                              pending_consents=pending))
    return tuple(found)


def score_sentence(trend: Trend, start: ScorePoint, end: ScorePoint, arrow: str, count: int) -> str:
    """What the change of an item's mean means, then the score it is read from, in its own words:
    "The threshold got lower: the score on ‘…is low’ rose from 2.9 to 3.7 (2 meetings)." Better
    or worse only for an item that declares its good end (`Trend.good`); else only rose or fell."""
    values = {"item": trend.text.strip().rstrip("."), "start": number(start.mean), "end": number(end.mean),
              "count": count}
    if arrow == UP:
        score = ngettext("the score on ‘{item}’ rose from {start} to {end} ({count} meeting)",
                         "the score on ‘{item}’ rose from {start} to {end} ({count} meetings)", count)
    elif arrow == DOWN:
        score = ngettext("the score on ‘{item}’ fell from {start} to {end} ({count} meeting)",
                         "the score on ‘{item}’ fell from {start} to {end} ({count} meetings)", count)
    else:
        score = ngettext("the score on ‘{item}’ stayed about the same ({start} to {end}, {count} meeting)",
                         "the score on ‘{item}’ stayed about the same ({start} to {end}, {count} meetings)", count)
    words = trend.rising if arrow == UP else trend.falling if arrow == DOWN else ""
    if not words:
        words = {"better": _("an improvement"), "worse": _("a setback")}.get(trend.verdict(arrow), "")
    score = score.format(**values)
    return _sentence(_("{meaning}: {score}").format(meaning=words, score=score) if words else score)


def _sentences(score: str, recurring: int, suggested: int, late: int, still_open: int,
               contested: bool, pending: int = 0) -> tuple[str, ...]:
    first: list[str] = [score] if score else []
    pains = []
    if recurring:
        pains.append(ngettext("{count} pain point keeps coming back", "{count} pain points keep coming back",
                              recurring).format(count=recurring))
    if suggested and recurring:
        pains.append(ngettext("{count} more reads like an earlier one", "{count} more read like earlier ones",
                              suggested).format(count=suggested))
    elif suggested:
        pains.append(ngettext("{count} pain point reads like an earlier one (to confirm)",
                              "{count} pain points read like earlier ones (to confirm)",
                              suggested).format(count=suggested))
    if pains:
        first.append(_sentence(", ".join(pains)))
    second: list[str] = []
    if late:
        second.append(ngettext("{late} of {open} open actions is late", "{late} of {open} open actions are late",
                               late).format(late=late, open=still_open))
    if pending:
        second.append(ngettext("{count} request for advice or consent is still pending",
                               "{count} requests for advice or consent are still pending",
                               pending).format(count=pending))
    if contested:
        second.append(_("the ambition is contested: a newer text was not agreed"))
    if second:
        first.append(_sentence("; ".join(second)))
    return tuple(first)


def pending_consents(sessions: tuple[SessionRef, ...], consents: tuple[ConsentTrail, ...], ids: set[str]) -> int:
    """How many bodies' advice or consent is still to be requested or awaited after the latest of
    the sessions `ids` (the latest status of each, whichever session gave it)."""
    count = 0
    for trail in consents:
        last = next((mark for ref, mark in reversed(list(zip(sessions, trail.marks)))
                     if mark is not None and ref.id in ids), None)
        if last is not None and not last.settled:
            count += 1
    return count


def _attention(lowest: list[PerspectiveTrail]) -> tuple[str, ...]:
    """The lowest perspective of the latest scan, as where attention is needed."""
    if not lowest:
        return ()
    mean = number(lowest[0].latest.mean) if lowest[0].latest else ""
    if len(lowest) == 1:
        return (_("Attention is needed on the perspective {perspective}: "
                  "it scored lowest in the latest scan ({mean}).").format(
            perspective=lowest[0].name, mean=mean),)
    names = ", ".join(t.name for t in lowest)
    return (_("Attention is needed on the perspectives {names}: "
              "they scored lowest in the latest scan ({mean}).").format(
        names=names, mean=mean),)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
