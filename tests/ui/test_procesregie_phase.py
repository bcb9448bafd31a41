"""procesregie at a table of four partners: the phase and the readiness for overeenkomen are asked
per partner, and the guide for the group's phase is named when the group has moved past delen."""

from __future__ import annotations

from tests.ui.helpers import SIZE, go_to

PARTNERS = ("Gemeente", "Zorggroep", "Woonstede", "Regenboog")
PEOPLE = ("Anna@Gemeente", "Bram@Zorggroep", "Cem@Woonstede", "Dana@Regenboog")


def _grid(app) -> str:
    return " ".join(str(option.prompt) for option in app.screen.query_one("#options").options)


async def test_the_welcome_step_of_procesregie_shows_each_partners_phase_and_names_overeenkomen_when_most_see_it(
        make_session, make_app, saved):
    session_id = make_session(partners=PARTNERS, participants=PEOPLE)
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "welcome")
        assert _grid(app).count("not picked yet") == 4  # one row per partner, none picked
        await pilot.press("home", "3", "2", "3", "3")  # 3 agreeing, 2 sharing (a digit moves on)
        await pilot.pause()
        grid, spread = _grid(app), str(app.screen.query_one("#spread").render())
    assert "Gemeente  Agreeing" in grid and "Zorggroep  Sharing" in grid and "Regenboog  Agreeing" in grid
    assert spread.startswith("Distribution: Sharing 1 · Agreeing 3")  # how many picked each: its own word, not "spread"
    assert "The group's phase: Agreeing" in spread
    assert "the guide for this group's phase is ‘Agreeing: towards a written agreement’ (overeenkomen)" in spread
    assert saved(session_id).choice("welcome") == "overeenkomen"


async def test_the_readiness_for_overeenkomen_is_asked_of_every_partner_in_procesregie(make_session, make_app, saved):
    session_id = make_session(partners=PARTNERS, participants=PEOPLE)
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "next-phase")
        await pilot.press("home", "1", "2", "2", "space")  # space: the first option
        await pilot.pause()
        spread = str(app.screen.query_one("#spread").render())
    assert saved(session_id).partner_picks("next-phase") == {"Gemeente": "ready", "Zorggroep": "almost",
                                                             "Woonstede": "almost", "Regenboog": "ready"}
    assert "Ready 2" in spread and "Almost 2" in spread
    assert "written for another phase" not in spread  # readiness is not a phase: nothing is suggested


async def test_the_readiness_step_neither_calls_its_answer_the_groups_phase_nor_repeats_the_phase_suggestion(
        make_session, make_app):
    session_id = make_session(partners=PARTNERS, participants=PEOPLE)
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "welcome")
        await pilot.press("home", "3", "3", "3")  # the group is in overeenkomen …
        await go_to(pilot, "next-phase")
        await pilot.press("home", "2")  # … and Gemeente is almost ready for it
        await pilot.pause()
        spread = str(app.screen.query_one("#spread").render())
    assert "Almost 1" in spread
    assert "The group's phase" not in spread and "written for another phase" not in spread


async def test_the_numbers_of_the_options_stay_in_view_on_a_narrow_screen(make_session, make_app):
    session_id = make_session(partners=PARTNERS, participants=PEOPLE)
    app = make_app(session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "welcome")
        keys = app.screen.query_one(".choice-keys")
        shown, region = str(keys.render()), keys.region
    assert "1 Exploring" in shown and "3 Agreeing" in shown
    assert region.height >= 1 and region.y + region.height <= 24
