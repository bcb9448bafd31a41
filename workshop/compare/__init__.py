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
- the phase the group chose.

`compare_collaborations(store, guide)` puts the latest session of every collaboration side by
side; `select_sessions(store, ...)` turns what a user named into the sessions to compare.
Everything here is plain data: the command line, the screen and the html render it.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from workshop import clock
from workshop.due import due_date, parse_due
from workshop.i18n import _, language
from workshop.session import SessionView
from workshop.store import Store

from workshop.compare.attendance import attendance
from workshop.compare.headline import headlines
from workshop.compare.indexed import PAIN_FIELD, PAIN_STEPS, Indexed, collects_pains, pain_steps, ref_of, session_order
from workshop.compare.links import find_pain, link_pains, mark_solved, reject_match, unlink_pains
from workshop.compare.interests import interests
from workshop.compare.lessons import collects_lessons, lessons
from workshop.compare.mutual import dependence
from workshop.compare.pains import links_of, pains
from workshop.compare.perspectives import PERSPECTIVE_NAMES, perspective_name, perspectives
from workshop.compare.progress import NOT_REVIEWED, action_round, action_trails, consents, late_groups, pilot_reviews, roles
from workshop.compare.result import (
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
from workshop.compare.select import find_collaboration, latest_of_each, select_sessions
from workshop.compare.similar import SUGGEST_FROM, fold, similarity
from workshop.compare.statements import MAX_DIFF_TOKENS, statements, word_diff
from workshop.compare.trends import DOWN, GAP, MIN_CHANGE, SPARKS, STEADY, TREND_RULE, UP, direction, sparkline, trends

normalise = fold  # the older name

__all__ = [
    "DOWN", "GAP", "MAX_DIFF_TOKENS", "MIN_CHANGE", "NOT_REVIEWED", "PAIN_FIELD", "PAIN_STEPS", "SPARKS", "STEADY",
    "SUGGEST_FROM", "TREND_RULE", "UP", "ActionLine", "ActionRound", "ActionTrail", "Change", "Comparison",
    "ConsentMark", "ConsentTrail", "DependencePair", "Headline", "Holder", "InterestTrail", "LateGroup", "Lesson", "PainPoint", "PainRef", "PainRound",
    "PainSuggestion", "PainTrail", "PERSPECTIVE_NAMES", "PerspectivePoint", "PerspectiveTrail", "RoleTrail", "ScorePoint", "SessionRef", "SideBySide", "StatementTrail",
    "StatementVersion", "Trend", "collects_lessons", "collects_pains", "compare_collaborations", "compare_sessions",
    "direction", "due_date", "find_collaboration", "find_pain", "fold", "link_pains", "links_of", "mark_solved",
    "normalise", "pain_steps", "parse_due", "perspective_name", "perspectives", "reject_match", "select_sessions", "session_order", "similarity",
    "sparkline", "unlink_pains", "word_diff",
]


def compare_sessions(views: Iterable[SessionView], lang: str | None = None, today: date | None = None) -> Comparison:
    """Line the sessions up (by date) and compare them; guide texts in `lang` (default: the
    latest session's language); overdue and age counted up to `today` (default: today)."""
    ordered = sorted(views, key=session_order)
    if not ordered:
        raise ValueError(_("nothing to compare"))
    lang = lang or ordered[-1].lang
    today = today or clock.today()
    indexed = [Indexed(view) for view in ordered]
    refs = tuple(ref_of(s, lang) for s in indexed)
    said = statements(indexed, lang)
    scored = trends(indexed, lang, arrows=True)
    rounds, trails = pains(indexed)
    progress = action_trails(indexed, today)
    lenses = perspectives(indexed, lang)
    with language(lang):
        rule = _(TREND_RULE)
    return Comparison(
        lang=lang, sessions=refs, statements=said, trends=scored, pains=rounds,
        roles=roles(indexed, lang), consents=consents(indexed, lang),
        actions=tuple(action_round(s) for s in indexed),
        pain_trails=trails, action_trails=progress, late=late_groups(progress),
        headlines=headlines(lang, refs, scored, rounds, trails, progress, said, lenses),
        today=today.isoformat(), trend_rule=rule, perspectives=lenses, pilot_reviews=pilot_reviews(indexed),
        lessons=lessons(indexed), dependence=dependence(indexed), interests=interests(indexed, lang),
        attendance=attendance(indexed))


def compare_collaborations(store: Store, guide_id: str | None = None, lang: str | None = None) -> SideBySide:
    """The latest session of each collaboration (run from `guide_id`, or any guide) side by side."""
    views = latest_of_each(store, guide_id)
    lang = lang or views[0].lang
    indexed = [Indexed(view) for view in views]
    return SideBySide(guide=guide_id or "", lang=lang, sessions=tuple(ref_of(s, lang) for s in indexed),
                      trends=trends(indexed, lang, arrows=False))
