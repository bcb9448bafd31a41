"""The group agrees when it meets next; the date, place and theme go into the minutes, as does
who took them."""

from __future__ import annotations

from tests.ui.helpers import SIZE, type_text
from workshop.present.export import export_session


async def test_the_next_meeting_set_from_the_palette_command_is_saved_and_in_the_minutes(
        make_session, make_app, saved):
    session_id = make_session()  # dated 2026-11-20, in English
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.action_next_meeting()
        await pilot.pause()
        await type_text(pilot, "15-1-2027, town hall; the pilot's first lessons")
        await pilot.press("enter")
        await pilot.pause()
    view = saved(session_id)
    assert view.next_meeting == ("2027-01-15", "town hall")
    assert view.next_theme == "the pilot's first lessons"
    minutes = export_session(view, "md")
    assert "### Next meeting\n\n**15 January 2027, town hall**\\\n**Theme:** the pilot's first lessons" in minutes


async def test_the_minutes_taker_set_from_the_palette_command_is_named_in_the_minutes(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.action_minutes_taker()
        await pilot.pause()
        await type_text(pilot, "Petra  (secretariat)")
        await pilot.press("enter")
        await pilot.pause()
    view = saved(session_id)
    assert view.minutes_taker == "Petra (secretariat)"
    assert "- **Minutes taken by:** Petra (secretariat)" in export_session(view, "md")


async def test_a_next_meeting_that_is_not_a_date_is_refused_and_nothing_is_saved(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.action_next_meeting()
        await pilot.pause()
        await type_text(pilot, "soon")
        await pilot.press("enter")
        await pilot.pause()
    assert saved(session_id).next_meeting is None
