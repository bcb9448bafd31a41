"""Closing the attendance list gives the keys back to the step's entry, not to the agenda (where a
typed line became the title of a new agenda step and was lost)."""

from __future__ import annotations

from tests.ui.helpers import SIZE, type_text


async def test_a_line_typed_after_escape_from_the_attendance_list_is_a_contribution_of_the_step(
        make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g", "p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await type_text(pilot, "a good start")
        await pilot.press("enter")
        await pilot.pause()
    view = saved(session_id)
    assert [c.text for c in view.contributions("checkin")] == ["a good start"]
    assert len(view.agenda) == len(view.guide_steps())
