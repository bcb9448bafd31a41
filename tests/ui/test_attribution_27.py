"""At a table of 27 partners, a typed 'Name:' credits one partner, or nothing is saved."""

from __future__ import annotations

from tests.table27 import make_table
from tests.ui.helpers import go_to, submit

SIZE = (120, 40)


async def test_an_ambiguous_prefix_saves_nothing_keeps_the_text_and_names_the_candidates(store, shelf, make_app, saved):
    session_id = make_table(store, shelf)
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        await submit(pilot, "Ede: wij willen spreiding")
        problem = str(app.screen.query_one("#who-problem").render())
        assert app.screen.query_one("#entry").value == "Ede: wij willen spreiding"
        assert "Gemeente Ede" in problem and "Woonstichting Ede" in problem
    assert saved(session_id).contributions("pains") == []


async def test_a_short_name_lands_on_its_partner_with_the_prefix_removed(store, shelf, make_app, saved):
    session_id = make_table(store, shelf)
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        await submit(pilot, "Arnhem: centrumgemeente")
    [note] = saved(session_id).contributions("pains")
    assert (note.partner, note.text) == ("Gemeente Arnhem", "centrumgemeente")


async def test_an_unknown_prefix_is_not_saved_until_enter_again_keeps_it_as_text(store, shelf, make_app, saved):
    session_id = make_table(store, shelf)
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        await submit(pilot, "Planning: de agenda")
        assert saved(session_id).contributions("pains") == []
        assert "not a partner" in str(app.screen.query_one("#who-problem").render())
        await pilot.press("enter")
        await pilot.pause()
    [note] = saved(session_id).contributions("pains")
    assert note.text == "Planning: de agenda"


async def test_f2_picks_a_partner_by_typing_part_of_its_name(store, shelf, make_app, saved):
    session_id = make_table(store, shelf)
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        await submit(pilot, "Woon: wachtlijsten")
        await pilot.press("f2")
        await pilot.pause()
        app.screen.query_one("#filter").value = "woonstich"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#entry").value == "wachtlijsten"
        await pilot.press("enter")
        await pilot.pause()
    [note] = saved(session_id).contributions("pains")
    assert (note.partner, note.text) == ("Woonstichting Ede", "wachtlijsten")


async def test_the_partner_a_prefix_names_shows_beside_the_entry_before_enter(store, shelf, make_app):
    session_id = make_table(store, shelf)
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        app.screen.query_one("#entry").value = "VHA: meer woningen"
        await pilot.pause()
        assert "Volkshuisvesting Arnhem" in str(app.screen.query_one("#who").render())
