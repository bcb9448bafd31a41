"""A scale that asks each person, on a table prepared with partners only: the facilitator scores
per partner instead of facing a grid with no one in it."""

from __future__ import annotations

from tests.ui.helpers import SIZE, go_to


async def test_a_per_person_scale_with_no_people_listed_is_scored_per_partner(make_session, make_app, saved):
    session_id = make_session(guide="pulse", participants=())
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        step = next(s for s in app.screen.live.agenda if s.kind.value == "scale")
        assert step.per == "participant"
        await go_to(pilot, step.id)
        grid = app.screen.query_one("Grid")
        headings = [str(column.label) for column in grid.columns.values()]
        assert any("Gemeente" in h for h in headings) and any("Zorggroep" in h for h in headings)
        grid.focus()
        await pilot.press("4")
        await pilot.pause()
    scores = [(c.partner, c.participant, c.value) for c in saved(session_id).contributions(step.id)]
    assert scores == [("Gemeente", "", 4)]
