"""What the facilitator's screen and the projector show of participants' answers: a blind scale's
scores only after the reveal once someone joined from a device (typed at the projector with no
one joined, they show as typed), a moderated contribution only once it is shown."""

from __future__ import annotations

import asyncio

from tests.serve.conftest import run
from tests.serve.helpers import join
from tests.serve.test_join_panel import SIZE, make_app
from workshop.core.session import LiveSession, SessionView
from workshop.core.session.changes import AddContribution, DevicesJoined, Moderate, Reveal, Score


def _answers(store, session_id, joined: bool = True):
    live = LiveSession(store.open_session(session_id))
    try:
        if joined:
            live.apply(DevicesJoined())  # what the server records when Bram joins from his phone
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
            app.screen.write(Reveal("trust"))  # the screen redraws because the session tells it
            await pilot.pause()
            return before, _screen_text(app)

    before, after = asyncio.run(scenario())
    assert "●" in before and "2 of" in before and "shown when the facilitator reveals them" in before
    assert "'2'" not in before and "'5'" not in before and "3.5" not in before
    assert "3.5" in after and "shown when the facilitator reveals them" not in after


def test_a_blind_scale_typed_at_the_projector_with_no_one_joined_shows_the_scores_as_typed(store, room_session):
    _answers(store, room_session, joined=False)

    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await app.screen.open_step("trust")
            await pilot.pause()
            grid = _screen_text(app)
            await pilot.press("ctrl+f")
            await pilot.pause()
            return grid, _screen_text(app)

    grid, projector = asyncio.run(scenario())
    assert "'2'" in grid and "'3.5'" in grid and "●" not in grid  # Bram's 5 counts in the mean
    assert "3.5" in projector and "shown when the facilitator reveals them" not in projector


def test_joining_from_a_device_makes_blind_scales_hide_from_then_on_and_a_scribe_does_not(store, serving):
    async def scenario():
        async with serving("trust") as server:
            scribe = await join(server, name="Notulist", partner="", code=server.scribe_code)
            await scribe.close()
            after_scribe = server.live.hidden("trust")
            bram = await join(server)
            await bram.close()
            return after_scribe, server.live.hidden("trust"), server.live.revealed("trust"), server.live.id

    after_scribe, after_bram, revealed, session_id = run(scenario())
    assert (after_scribe, after_bram, revealed) == (False, True, False)
    assert SessionView(store.read_session(session_id)).hidden("trust")  # durably: a restart keeps it blind


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
