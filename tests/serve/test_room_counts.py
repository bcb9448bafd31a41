"""The count under a blind scale is of those who can score: the registered people at the table
and every seat taken on a phone (not only the people listed before the meeting)."""

from __future__ import annotations

import asyncio

import pytest

from tests.serve.helpers import join, send
from tests.serve.test_join_panel import make_app
from tests.ui.screen_words import screen_text


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_a_blind_scale_counts_the_seated_phones(store, room_session, size):
    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=size) as pilot:
            await app.screen.open_step("trust")
            await pilot.pause()
            await pilot.press("f8")
            await pilot.pause()
            server = app.screen.server
            phones = [await join(server, name=name) for name in ("Bram", "Cem", "Dewi")]
            for phone in phones[:2]:
                status, _answer = await send(phone, what="score", step="trust", item="honesty", value="4")
                assert status == 200
            for phone in phones:
                await phone.close()
            await asyncio.sleep(1.2)
            await pilot.pause()
            detail = str(app.screen.query_one("#detail").render())
            await pilot.press("ctrl+f")  # presentation mode: what the room sees
            await pilot.pause()
            board = screen_text(app)
            await pilot.press("f8")
            await pilot.pause()
            return detail, board

    detail, board = asyncio.run(scenario())
    # Anna (listed) and the three phones: four can score, two have
    assert "2 of 4 scores in" in detail
    assert "2 of 4 scores in" in board  # at 80 columns too: the join panel folds to one line


def test_scores_never_outnumber_those_who_can_score(store, make_session):
    """The '45 of 1' of a room: scores under names nobody listed still count among those who can."""
    from workshop.core.outcomes.attendance import expected
    from workshop.core.session import LiveSession, SessionView
    from workshop.core.session.changes import Score

    session_id = make_session(partners=("Gemeente",), participants=())
    live = LiveSession(store.open_session(session_id))
    try:
        for name in ("Bram", "Cem", "Dewi"):
            live.apply(Score("interaction", "threshold", name, 3, device=True))
    finally:
        live.release()
    view = SessionView(store.read_session(session_id))
    step = view.step("interaction")
    assert expected(view, step) == 4  # Gemeente and the three who scored
    assert expected(view, step, seated=[("Bram", "Gemeente"), ("Eva", "Gemeente")]) == 4  # by partner: no new one
