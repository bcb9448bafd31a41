"""A carried pilot is reviewed as a learning cycle: running, adjusted, finished or stopped."""

from __future__ import annotations

import pytest

from workshop.core.compare import compare_sessions, select_sessions
from workshop.core.model import PilotStatus, review_choices
from workshop.core.outcomes.summary import review_label
from workshop.core.session import LiveSession, SessionView
from workshop.core.text.i18n import language
from workshop.present.minutes import to_markdown as minutes_markdown

PILOT = "Eén wijkteam in Oost"


def _run(store, session_id: str, fill) -> None:
    live = LiveSession(store.open_session(session_id))
    try:
        fill(live)
        live.close()
    finally:
        live.release()


def _pilot_uid(live: LiveSession) -> str:
    return next(a.uid for a in live.carried if a.kind == "pilot")


@pytest.fixture
def first(store, make_session) -> str:
    session_id = make_session(date="2026-09-01")
    _run(store, session_id, lambda live: live.revise("pilot", PILOT, agreed=True))
    return session_id


def _next(store, make_session, date: str, status: str) -> str:
    session_id = make_session(date=date)
    _run(store, session_id, lambda live: live.mark("review", _pilot_uid(live), status))
    return session_id


def test_a_pilot_offers_its_own_statuses_and_an_action_keeps_done_open_dropped():
    assert review_choices("pilot") == ("running", "adjusted", "finished", "stopped")
    assert review_choices("action") == ("done", "open", "dropped")


@pytest.mark.parametrize("status, again", [("running", True), ("adjusted", True), ("finished", False),
                                           ("stopped", False)])
def test_a_running_or_adjusted_pilot_comes_back_and_a_finished_or_stopped_one_does_not(
        store, make_session, first, status, again):
    _next(store, make_session, "2026-10-01", status)
    third = make_session(date="2026-11-01")
    pilots = [a.text for a in SessionView(store.read_session(third)).carried if a.kind == "pilot"]
    assert pilots == ([PILOT] if again else [])


def test_an_action_status_given_to_a_pilot_is_stored_as_the_pilots_own(store, make_session, first):
    second = _next(store, make_session, "2026-10-01", "open")
    view = SessionView(store.read_session(second))
    assert list(view.reviews("review").values()) == [PilotStatus.RUNNING]


def test_a_pilot_status_given_to_an_action_is_refused(store, make_session):
    first = make_session(date="2026-09-01")
    _run(store, first, lambda live: live.assign("actions", "Wachtlijst delen", "Zorggroep", "2026-09-15"))
    second = make_session(date="2026-10-01")
    live = LiveSession(store.open_session(second))
    try:
        with pytest.raises(ValueError):
            live.mark("review", live.carried[0].uid, "running")
    finally:
        live.release()


def test_the_labels_are_dutch_and_an_old_pilot_verdict_is_still_read():
    with language("nl"):
        assert [review_label(s) for s in review_choices("pilot")] == ["loopt", "bijgesteld", "afgerond", "gestopt"]
        assert review_label("done") == "gedaan"


def test_the_comparison_follows_the_pilots_reviews_session_by_session(store, make_session, first):
    _next(store, make_session, "2026-10-01", "running")
    _next(store, make_session, "2026-11-01", "adjusted")
    comparison = compare_sessions(select_sessions(store, collaboration="Zorg Oost"))
    assert comparison.pilot_reviews == (None, "running", "adjusted")
    from workshop.present.compare_md import comparison_markdown
    markdown = comparison_markdown(comparison)
    assert "The pilot's reviews: running (1 October 2026) · adjusted (1 November 2026)" in markdown
    with language("nl"):  # the verdict first, its date after it, as a Dutch reader says it
        assert "Terugblik op de pilot: loopt (1 oktober 2026) · bijgesteld (1 november 2026)" in comparison_markdown(comparison)


def test_the_minutes_record_a_stopped_pilot_as_a_decision(store, make_session, first):
    second = _next(store, make_session, "2026-10-01", "stopped")
    minutes = minutes_markdown(SessionView(store.read_session(second)))
    decisions = minutes.split("## Decisions", 1)[1]
    assert f"‘{PILOT}’: stopped" in decisions


def test_the_comparison_lists_the_pilots_lessons_per_session(store, make_session):
    ids = []
    for date, said in (("2026-10-01", ("Short lines work", "Data sharing takes months")), ("2026-11-01", ()),
                       ("2026-12-01", ("One contact person per family",))):
        ids.append(make_session(guide="overeenkomen", date=date))
        _run(store, ids[-1], lambda live, said=said: [live.add("pilot-lessons", text, "Gemeente") for text in said])
    comparison = compare_sessions(select_sessions(store, collaboration="Zorg Oost"))
    assert [[lesson.text for lesson in said] for said in comparison.lessons] == [
        ["Short lines work", "Data sharing takes months"], [], ["One contact person per family"]]
    from workshop.present.compare_html import comparison_html
    from workshop.present.compare_md import comparison_markdown
    markdown = comparison_markdown(comparison)
    assert "## Lessons from the pilot" in markdown and "    - Short lines work (Gemeente)" in markdown
    assert "<li>One contact person per family" in comparison_html(comparison)


LESSONS_GUIDE = """[guide]
id = "mine"
title = "Mine"
[[steps]]
id = "learned"
kind = "open"
lessons = {value}
title = "What did we learn?"
prompt = "What did the pilot teach us?"
"""


def test_any_open_step_may_collect_lessons_and_the_session_keeps_the_flag():
    from workshop.core.compare import collects_lessons
    from workshop.core.guides import load_guide_text, step_to_dict, steps_from_dicts

    step = load_guide_text(LESSONS_GUIDE.format(value="true"), "mine.toml").step("learned")
    assert collects_lessons(step)
    assert collects_lessons(steps_from_dicts([step_to_dict(step)], "session")[0])


def test_lessons_must_be_true_or_false():
    from workshop.core.guides import GuideError, load_guide_text

    with pytest.raises(GuideError, match="expected true or false"):
        load_guide_text(LESSONS_GUIDE.format(value='"yes"'), "mine.toml")
