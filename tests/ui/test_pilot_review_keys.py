"""The review step gives a carried pilot its own statuses with the same keys, plus a for adjusted."""

from __future__ import annotations

from tests.ui.helpers import SIZE, go_to, written


async def test_a_carried_pilot_is_marked_adjusted_with_a_and_finished_with_d(make_session, make_app, saved, live):
    earlier = live(make_session(date="2026-10-01"))
    earlier.revise("pilot", "Eén wijkteam in Oost", agreed=True)
    earlier.assign("actions", "Write the privacy protocol", "Zorggroep")  # no due date: not late, no headings
    earlier.close()
    earlier.release()
    session_id = make_session(date="2026-11-20")
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "review")
        view = saved(session_id)
        order = [a.kind for a in view.carried]
        action_row, pilot_row = order.index("action"), order.index("pilot")
        await pilot.press("home", *["down"] * action_row, "a")  # a is for a pilot only: nothing happens
        await pilot.press("home", *["down"] * pilot_row, "a")
        await written(pilot)
        assert list(saved(session_id).reviews("review").values()) == ["adjusted"]
        await pilot.press("home", *["down"] * pilot_row, "d")
        await pilot.press("home", *["down"] * action_row, "space")
        await pilot.pause()
    view = saved(session_id)
    by_kind = {a.kind: view.reviews("review").get(a.uid) for a in view.carried}
    assert by_kind == {"pilot": "finished", "action": "done"}


async def test_the_phase_is_picked_per_partner_and_the_spread_and_the_fitting_guide_are_shown(
        make_session, make_app, saved):
    session_id = make_session(guide="verkenning")  # its welcome step asks the phase per partner
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "welcome")
        await pilot.press("home", "2", "2", "space")  # Gemeente and Zorggroep: delen; Woonstede the first option
        await pilot.pause()
        spread = str(app.screen.query_one("#spread").render())
    view = saved(session_id)
    assert view.partner_picks("welcome") == {"Gemeente": "delen", "Zorggroep": "delen", "Woonstede": "verkennen"}
    assert view.choice("welcome") == "delen"
    assert "Sharing 2" in spread and "Exploring 1" in spread
    assert "procesregie" in spread
