"""Submissions that arrive together share one durable write; an older write never lands over a
newer one; the guide fields of participants' steps are checked."""

from __future__ import annotations

import asyncio

import pytest

from tests.serve.helpers import saved


def test_submissions_waiting_together_share_one_durable_write(store, room_session):
    from workshop.core.session import LiveSession
    from workshop.serve import Hub

    async def scenario():
        live = LiveSession(store.open_session(room_session))
        try:
            hub = Hub(live)
            people = [hub.join(f"P{n}", "Gemeente") for n in range(5)]
            await asyncio.gather(*(hub.send(p, "ideas", hub.contribution(p, "ideas", f"idea {n}", f"u{n}"))
                                   for n, p in enumerate(people)))
            return hub.writes, len(hub.answered_now())
        finally:
            live.release()

    writes, answered = asyncio.run(scenario())
    assert writes == 1 and answered == 5
    assert sorted(x.text for x in saved(store, room_session)) == [f"idea {n}" for n in range(5)]


def test_an_older_version_is_never_written_over_a_newer_one(store, room_session):
    from workshop.core.session import LiveSession

    live = LiveSession(store.open_session(room_session))
    try:
        older = live.file.new_version(live.tables())
        live.add("ideas", "made after the older version was encoded")
        live.file.write_version(*older)  # arrives late, e.g. from a thread
    finally:
        live.release()
    assert [x.text for x in saved(store, room_session)] == ["made after the older version was encoded"]


def test_a_refused_submission_in_a_group_does_not_stop_the_others(store, room_session):
    from workshop.core.session import LiveSession, changes as c
    from workshop.serve import Hub

    async def scenario():
        live = LiveSession(store.open_session(room_session))
        live.go_to("trust")
        try:
            hub = Hub(live)
            who = hub.join("Bram", "Zorggroep")
            good = hub.send(who, "trust", hub.score(who, "trust", "honesty", "4"))
            bad = hub.send(who, "trust", [c.Score("trust", "honesty", "Bram", 99)])
            return await asyncio.gather(good, bad, return_exceptions=True)
        finally:
            live.release()

    good, bad = asyncio.run(scenario())
    assert isinstance(bad, ValueError) and not isinstance(good, Exception)
    assert [(x.item, x.value) for x in saved(store, room_session)] == [("honesty", 4)]


GUIDE = """
[guide]
id = "g"
title = {{ en = "G" }}
[[steps]]
id = "s"
kind = "{kind}"
title = {{ en = "S" }}
prompt = {{ en = "P" }}
{extra}
"""
SCALE_ITEMS = "[[steps.items]]\nid = \"i\"\ntext = { en = \"I\" }"


@pytest.mark.parametrize("kind, extra, problem", [
    ("open", "blind = true", "'blind' does not apply to an open step"),
    ("scale", "moderate = true\n" + SCALE_ITEMS, "'moderate' does not apply to a scale step"),
    ("open", 'answered = "everyone"', "expected one of"),
    ("scale", 'blind = "yes"\n' + SCALE_ITEMS, "expected true or false"),
])
def test_a_wrong_participants_field_in_a_guide_names_the_field(kind, extra, problem):
    from workshop.core.guides import GuideError, load_guide_text

    with pytest.raises(GuideError, match=problem):
        load_guide_text(GUIDE.format(kind=kind, extra=extra), "g.toml")


def test_blind_moderate_and_answered_survive_the_session_file():
    from workshop.core.guides import load_guide_text, step_to_dict, steps_from_dicts

    scale = load_guide_text(GUIDE.format(kind="scale", extra='blind = true\nanswered = "names"\n' + SCALE_ITEMS)).steps[0]
    opened = load_guide_text(GUIDE.format(kind="open", extra="moderate = true\nanonymous = true")).steps[0]
    again = steps_from_dicts([step_to_dict(scale), {**step_to_dict(opened), "id": "t"}], "session")
    assert (again[0].blind, again[0].answered) == (True, "names")
    assert (again[1].moderate, again[1].anonymous, again[1].answered) == (True, True, "count")
