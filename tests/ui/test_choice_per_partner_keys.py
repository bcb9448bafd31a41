"""A per-partner choice is typed as a scale is: a digit picks that option for the partner and moves
to the next partner, Enter moves on without changing a pick, space gives the next option."""

from __future__ import annotations

from tests.ui.helpers import SIZE, go_to, written


async def test_a_digit_picks_and_moves_on_enter_moves_on_and_space_cycles(make_session, make_app, saved):
    session_id = make_session(guide="verkenning")  # its welcome step asks the phase per partner
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "welcome")
        await pilot.press("home", "2", "enter", "3")  # Gemeente delen; Zorggroep left; Woonstede overeenkomen
        await written(pilot)
        assert saved(session_id).partner_picks("welcome") == {"Gemeente": "delen", "Woonstede": "overeenkomen"}
        await pilot.press("home", "down", "space", "space")  # Zorggroep: verkennen, then delen; the cursor stays
        await written(pilot)
    assert saved(session_id).partner_picks("welcome") == {"Gemeente": "delen", "Zorggroep": "delen",
                                                          "Woonstede": "overeenkomen"}
