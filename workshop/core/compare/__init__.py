"""Comparing sessions: how is this collaboration developing, and what is true about it?

`compare_sessions(views)` lines up sessions (oldest first) and answers, per theme:

- a headline per collaboration: where the threshold went, how many pain points keep coming
  back, how many actions are late, whether the ambition is contested (`headline.py`);
- statements kept from session to session (`carry_over`: the ambition, the pilot): the last
  agreed text, a newer unagreed one beside it as contested, word diffs (`statements.py`);
- every scale item as a trend, matched by item id across guides: per session the mean, the
  range, the standard deviation, how many scored; an arrow only where the change beats the noise
  (`trends.py`);
- pain points (from every step that collects them) that recur, came back, are new, are no
  longer mentioned or were marked solved; likely rewordings suggested for the facilitator to
  confirm or reject (`pains.py`, `similar.py`, `links.py`);
- roles, consents and actions as they progressed, with each review's verdict; actions' due
  dates, age and lateness (`progress.py`);
- the pilot's verdict in each review, and the lessons each session collected (`lessons.py`);
- interests per partner and level, session by session (`interests.py`);
- mutual dependence per pair of partners, one-sided pairs flagged (`mutual.py`);
- the collaboration scan per perspective, the lowest named as where attention is needed
  (`perspectives.py`);
- the phase the group chose, and each partner's phase and readiness for the next (`phases.py`).

`compare_collaborations(store, guide)` puts the latest session of every collaboration side by
side; `select_sessions(store, ...)` turns what a user named into the sessions to compare.
Everything here is plain data: the command line, the screen and the html render it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from workshop.core.compare.attendance import attendance
from workshop.core.compare.headline import headlines
from workshop.core.compare.indexed import (
    PAIN_FIELD,
    PAIN_STEPS,
    Indexed,
    collects_pains,
    pain_steps,
    ref_of,
    session_order,
    was_held,
)
from workshop.core.compare.interests import interests
from workshop.core.compare.lessons import collects_lessons, lessons
from workshop.core.compare.links import find_pain, link_pains, mark_solved, reject_match, unlink_pains
from workshop.core.compare.mutual import dependence
from workshop.core.compare.pains import links_of, pains
from workshop.core.compare.perspectives import PERSPECTIVE_NAMES, perspective_name, perspectives
from workshop.core.compare.phases import phases
from workshop.core.compare.progress import (
    NOT_REVIEWED,
    action_round,
    action_trails,
    consents,
    late_groups,
    pilot_reviews,
    roles,
)
from workshop.core.compare.result import (
    ASKED,
    FROM_SESSION,
    LATEST_HELD,
    TODAY,
    ActionLine,
    ActionRound,
    ActionTrail,
    Change,
    Comparison,
    ConsentMark,
    ConsentTrail,
    DependencePair,
    Headline,
    Holder,
    InterestTrail,
    LateGroup,
    Lesson,
    PainPoint,
    PainRef,
    PainRound,
    PainSuggestion,
    PainTrail,
    PartnerPhase,
    PerspectivePoint,
    PerspectiveTrail,
    RoleTrail,
    ScorePoint,
    SessionRef,
    SideBySide,
    StatementTrail,
    StatementVersion,
    Trend,
)
from workshop.core.compare.select import find_collaboration, latest_of_each, select_sessions
from workshop.core.compare.similar import SUGGEST_FROM, fold, similarity
from workshop.core.compare.statements import MAX_DIFF_TOKENS, statements, word_diff
from workshop.core.compare.trends import (
    DOWN,
    GAP,
    MIN_CHANGE,
    SPARKS,
    STEADY,
    TREND_RULE,
    UP,
    direction,
    sparkline,
    trends,
)
from workshop.core.machine import clock
from workshop.core.session import SessionView
from workshop.core.store import Store
from workshop.core.text.i18n import _, language
from workshop.core.typed.due import due_date, parse_due

normalise = fold  # the older name

__all__ = [
    "ASKED", "FROM_SESSION", "LATEST_HELD", "TODAY", "DOWN", "GAP", "MAX_DIFF_TOKENS", "MIN_CHANGE", "NOT_REVIEWED",
    "PAIN_FIELD", "PAIN_STEPS", "SPARKS", "STEADY", "SUGGEST_FROM", "TREND_RULE", "UP", "ActionLine", "ActionRound",
    "ActionTrail", "Change", "Comparison", "ConsentMark", "ConsentTrail", "DependencePair", "Headline", "Holder",
    "InterestTrail", "LateGroup", "Lesson", "PainPoint", "PainRef", "PainRound", "PainSuggestion", "PainTrail",
    "PartnerPhase",
    "PERSPECTIVE_NAMES", "PerspectivePoint", "PerspectiveTrail", "RoleTrail", "ScorePoint", "SessionRef",
    "SideBySide", "StatementTrail", "StatementVersion", "Trend", "collects_lessons", "collects_pains",
    "compare_collaborations", "compare_sessions", "direction", "due_date", "find_collaboration", "find_pain",
    "fold", "link_pains", "links_of", "mark_solved", "normalise", "pain_steps", "parse_due", "perspective_name",
    "perspectives", "reference_date", "reject_match", "select_sessions", "session_order", "similarity", "sparkline",
    "unlink_pains", "was_held", "word_diff",
]


def compare_sessions(views: Iterable[SessionView], lang: str | None = None, today: date | None = None,
                     from_session: bool = False) -> Comparison:
    """Line the sessions up (by date) and compare them; guide texts in `lang` (default: the
    latest session's language).

    Only sessions that were held are evidence; one prepared and not yet held is listed apart
    (`prepared`) and counts nowhere. Overdue and age are counted up to the reference date
    (`reference_date`): `today` when asked, else the date of the session compared from
    (`from_session`: the latest of `views`, as `compare SESSION` and the screen opened from a
    session do), else that of the latest meeting held."""
    ordered = sorted(views, key=session_order)
    if not ordered:
        raise ValueError(_("nothing to compare"))
    lang = lang or ordered[-1].lang
    held = [view for view in ordered if was_held(view, clock.today())]
    if not held:
        raise ValueError(_("nothing to compare yet: none of these sessions has been held"))
    reference, counted_from = reference_date(held, ordered[-1] if from_session else None, today)
    indexed = [Indexed(view) for view in held]
    refs = tuple(ref_of(s, lang) for s in indexed)
    said = statements(indexed, lang)
    scored = trends(indexed, lang, arrows=True)
    rounds, trails = pains(indexed)
    progress = action_trails(indexed, reference)
    lenses = perspectives(indexed, lang)
    agreed = consents(indexed, lang)
    with language(lang):
        rule = _(TREND_RULE)
    return Comparison(
        lang=lang, sessions=refs, statements=said, trends=scored, pains=rounds,
        roles=roles(indexed, lang), consents=agreed,
        actions=tuple(action_round(s) for s in indexed),
        pain_trails=trails, action_trails=progress, late=late_groups(progress),
        headlines=headlines(lang, refs, scored, rounds, trails, progress, said, lenses, agreed),
        today=reference.isoformat(), trend_rule=rule, perspectives=lenses, pilot_reviews=pilot_reviews(indexed),
        lessons=lessons(indexed), dependence=dependence(indexed), interests=interests(indexed, lang),
        attendance=attendance(indexed), phases=phases(indexed, lang), counted_from=counted_from,
        prepared=tuple(ref_of(Indexed(view), lang) for view in ordered if view not in held))


def reference_date(held: list[SessionView], anchor: SessionView | None = None,
                   asked: date | None = None) -> tuple[date, str]:
    """The day lateness and age are counted up to, and why (`Comparison.counted_from`).

    A comparison is a record of meetings: what it knows of an action is what the latest meeting
    said of it, so by default it counts up to that meeting's date (as that meeting's minutes do),
    not to today, when an action may long have been done without anyone saying so. Opened from a
    session, it counts up to that session's date (held or about to be); asked, to the day asked."""
    if asked is not None:
        return asked, ASKED
    if anchor is not None and (day := due_date(anchor.date)) is not None:
        return day, FROM_SESSION
    for view in reversed(held):
        if (day := due_date(view.date)) is not None:
            return day, LATEST_HELD
    return clock.today(), TODAY


def compare_collaborations(store: Store, guide_id: str | None = None, lang: str | None = None) -> SideBySide:
    """The latest session of each collaboration (run from `guide_id`, or any guide) side by side."""
    views = latest_of_each(store, guide_id)
    lang = lang or views[0].lang
    indexed = [Indexed(view) for view in views]
    return SideBySide(guide=guide_id or "", lang=lang, sessions=tuple(ref_of(s, lang) for s in indexed),
                      trends=trends(indexed, lang, arrows=False))
