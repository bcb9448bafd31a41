"""ctrl+r adopts a roles step as it stands; a carried role takes d, a and x as still valid, changed
and lapsed, and a session after it starts the step from what was adopted."""

from __future__ import annotations

from tests.ui.helpers import SIZE, go_to, written


async def test_ctrl_r_adopts_the_roles_and_the_review_marks_a_carried_role_still_valid(
        make_session, make_app, saved, live):
    earlier_id = make_session(date="2026-10-01")
    earlier = live(earlier_id)
    earlier.assign("roles", "Procesbegeleider", "Fleur", "elke bijeenkomst")
    earlier.release()
    app = make_app(earlier_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "roles")
        await pilot.press("ctrl+r")
        await written(pilot)
        assert saved(earlier_id).adopted("roles")
        shown = str(app.screen.query_one("#adopted").render())
        assert "ctrl+r" in shown
    session_id = make_session(date="2026-11-20")
    assert [c.value for c in saved(session_id).contributions("roles")] == ["Fleur"]  # as it stands
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "review")
        order = [a.kind for a in saved(session_id).carried]
        await pilot.press("home", *["down"] * order.index("role"), "d")
        await written(pilot)
    assert list(saved(session_id).reviews("review").values()) == ["valid"]
