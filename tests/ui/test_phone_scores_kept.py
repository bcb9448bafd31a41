"""A score a phone gave is the phone's: paper scores typed in a row pass its cell by, a digit on
it changes nothing and says why, and Delete (or Enter) changes it on purpose."""

from __future__ import annotations

import pytest

from tests.ui.helpers import go_to, toasts, written
from workshop.core.session import LiveSession
from workshop.core.session.changes import DevicesJoined, Score

PARTNERS = ("Gemeente", "Zorggroep", "Woonstede", "Welzijn")
PEOPLE = ("Anna@Gemeente", "Bram@Zorggroep", "Cem@Woonstede", "Dewi@Welzijn")


def _session(store, make_session) -> str:
    session_id = make_session(partners=PARTNERS, participants=PEOPLE)
    live = LiveSession(store.open_session(session_id))
    try:
        live.apply(DevicesJoined())
        live.apply(Score("interaction", "threshold", "Bram", 1, device=True))  # Bram answered on his phone
    finally:
        live.release()
    return session_id


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_paper_scores_typed_in_a_row_pass_the_phone_score_by(store, make_session, make_app, saved, size):
    session_id = _session(store, make_session)
    app = make_app(session_id)
    async with app.run_test(size=size) as pilot:
        await go_to(pilot, "interaction")
        grid = app.screen.query_one("#scores")
        assert grid.here() == ("threshold", "Anna")
        assert "●" in str(grid.get_row("threshold")[4])  # phones joined: procesregie's scale is blind until the reveal
        await pilot.press("3", "4", "5")  # Anna's, Cem's and Dewi's paper slips
        await pilot.pause()
        assert grid.here() == ("questions", "Anna")
    scores = saved(session_id).scores("interaction", "threshold")
    assert {who: c.value for who, c in scores.items()} == {"Anna": 3, "Bram": 1, "Cem": 4, "Dewi": 5}
    assert scores["Bram"].device and not scores["Anna"].device


async def test_a_digit_on_a_phone_score_says_so_and_delete_first_changes_it(store, make_session, make_app, saved):
    session_id = _session(store, make_session)
    app = make_app(session_id)
    async with app.run_test(size=(160, 48)) as pilot:
        await go_to(pilot, "interaction")
        grid = app.screen.query_one("#scores")
        await pilot.press("right")
        assert grid.here() == ("threshold", "Bram")
        await pilot.press("4")
        await written(pilot)
        assert any("Bram scored this on a phone" in message for message in toasts(app))
        assert saved(session_id).scores("interaction", "threshold")["Bram"].value == 1
        await pilot.press("delete")
        await pilot.pause()
        assert grid.here() == ("threshold", "Bram")
        await pilot.press("4")
        await pilot.pause()
    given = saved(session_id).scores("interaction", "threshold")["Bram"]
    assert given.value == 4 and not given.device  # typed on purpose: the keyboard's now
