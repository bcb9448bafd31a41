"""What the facilitator's screen and the projector show of participants' answers: a blind scale's
scores only after the reveal, a moderated contribution only once it is shown."""

from __future__ import annotations

import asyncio

from tests.serve.test_join_panel import SIZE, make_app
from workshop.session import LiveSession
from workshop.session.changes import AddContribution, Moderate, Reveal, Score


def _answers(store, session_id):
    live = LiveSession(store.open_session(session_id))
    try:
        live.apply(Score("trust", "honesty", "Anna", 2))
        live.apply(Score("trust", "honesty", "Bram", 5))  # joined from a phone
        held = live.apply(AddContribution("secret", "Held back"))
        live.apply(Moderate(held.uid, shown=False))
        live.apply(AddContribution("secret", "Shown"))
    finally:
        live.release()


def _screen_text(app) -> str:
    return " ".join(str(w.render()) for w in app.screen.query("Static, RoomBoard")) + " " + " ".join(
        str(app.screen.query_one("Grid").get_row_at(i)) for i in range(app.screen.query_one("Grid").row_count))


def test_a_blind_scale_shows_dots_not_scores_on_screen_and_projector_until_the_reveal(store, room_session):
    _answers(store, room_session)

    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await app.screen.open_step("trust")
            await pilot.press("ctrl+f")
            await pilot.pause()
            before = _screen_text(app)
            app.screen.change(Reveal("trust"))
            await pilot.pause()
            return before, _screen_text(app)

    before, after = asyncio.run(scenario())
    assert "●" in before and "2 of" in before and "shown when the facilitator reveals them" in before
    assert "'2'" not in before and "'5'" not in before and "3.5" not in before
    assert "3.5" in after and "shown when the facilitator reveals them" not in after


def test_a_contribution_held_for_moderation_is_not_listed_until_it_is_shown(store, room_session):
    _answers(store, room_session)

    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await app.screen.open_step("secret")
            await pilot.pause()
            listing = app.screen.query_one("#contributions")
            return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]

    shown = asyncio.run(scenario())
    assert len(shown) == 1 and "Shown" in shown[0]
