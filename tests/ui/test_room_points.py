"""The smaller points of a meeting at a big table: agenda, attendance, undo, statement, assign, consent."""

from __future__ import annotations

from tests.table27 import make_table
from tests.ui.helpers import SIZE, go_to, submit, written


async def test_ctrl_g_then_s_skips_the_current_step_not_the_one_last_chosen_in_the_agenda(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g", "down", "down", "down", "escape")  # the agenda's highlight wanders off
        await go_to(pilot, "pains")
        await pilot.press("ctrl+g", "s")
        await pilot.pause()
    view = saved(session_id)
    assert view.meta["skipped"] == ["pains"]


async def test_attendance_is_recorded_per_partner_and_explains_the_number_of_scores(store, shelf, make_app, saved):
    from workshop.present.minutes import to_markdown
    from workshop.present.room import expected

    session_id = make_table(store, shelf)
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g", "p")
        await pilot.pause()
        await pilot.press("ctrl+y")  # everyone present …
        await pilot.press("home", "a", "e")  # … but Gemeente Arnhem absent, Gemeente Ede excused
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    view = saved(session_id)
    assert view.meta["attendance"]["Gemeente Arnhem"] == "absent"
    assert view.meta["attendance"]["Gemeente Ede"] == "excused"
    assert list(view.meta["attendance"].values()).count("present") == 25
    minutes = to_markdown(view)
    assert "### Attendance" in minutes and "| Gemeente Arnhem | absent |" in minutes
    assert "| Gemeente Ede | excused (with notice) |" in minutes
    assert expected(view, a_scale_step()) == 25  # 27 partners, one absent, one excused


def a_scale_step():
    from workshop.core.guides import Step, steps_from_dicts

    raw = {"id": "s", "kind": "scale", "title": {"en": "s"}, "prompt": {"en": "s"},
           "items": [{"id": "a", "text": {"en": "a"}}]}
    step: Step = steps_from_dicts([raw], "test")[0]
    return step


async def test_a_removed_contribution_comes_back_with_u(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        for text in ("one", "two"):
            await submit(pilot, text)
        await pilot.press("shift+tab", "home", "delete")
        await written(pilot)
        assert [c.text for c in saved(session_id).contributions("pains")] == ["two"]
        await pilot.press("u")
        await pilot.pause()
    assert [c.text for c in saved(session_id).contributions("pains")] == ["one", "two"]


async def test_a_statements_earlier_versions_leave_out_the_current_text_and_f9_empties_the_entry(
        make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "ambition")
        await submit(pilot, "first try")
        await submit(pilot, "second try")
        listed = [str(o.prompt) for o in app.screen.query_one("#revisions").options]
        assert len(listed) == 1 and "first try" in listed[0]
        await pilot.press("f9")
        assert app.screen.query_one("#entry").value == ""


async def test_typing_a_guides_row_fills_that_row_instead_of_adding_a_second(make_session, make_app, saved, shelf):
    session_id = make_session()
    row = shelf.get("procesregie").steps[[s.id for s in shelf.get("procesregie").steps].index("roles")].rows[0]
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "roles")
        await submit(pilot, row.text.get("en"))
        await submit(pilot, "Anna")
        await submit(pilot, "2026-12-01")
    given = saved(session_id).contributions("roles")
    assert len(given) == 1 and given[0].item == row.id


async def test_a_consent_date_starts_at_the_sessions_date_and_its_dialog_names_the_body(make_session, make_app):
    session_id = make_session(date="2026-11-20")
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "consent")
        await pilot.press("right", "d")
        await pilot.pause()
        assert app.screen.query_one("#value").value == "2026-11-20"
        title = str(app.screen.query_one(".dialog-title").render())
        assert "Works council" in title


async def test_a_short_name_given_in_the_app_names_that_partner_when_typed(make_session, make_app, saved):
    session_id = make_session(partners=("Gemeente Arnhem", "Gemeente Ede", "Woonstichting Ede"),
                              participants=("Anna@Gemeente Arnhem",))
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g", "p", "down", "n")  # the second partner: Gemeente Ede
        await pilot.pause()
        app.screen.query_one("#value").value = "GE, gemeenten"
        await pilot.press("enter", "escape")
        await go_to(pilot, "pains")
        await submit(pilot, "GE: meer spreiding")
    [note] = saved(session_id).contributions("pains")
    assert (note.partner, note.text) == ("Gemeente Ede", "meer spreiding")
    assert saved(session_id).meta["partner_cards"]["Gemeente Ede"]["group"] == "gemeenten"


def test_a_short_name_that_already_names_another_partner_is_refused(live):
    import pytest

    from workshop.core.session.changes import SetPartnerCard

    session = live()
    with pytest.raises(ValueError):
        session.apply(SetPartnerCard("Gemeente", "Zorggroep"))


async def test_a_long_dialog_title_wraps_at_80_columns_instead_of_being_cut(make_session, make_app):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "pains")
        await submit(pilot, "one")
        await pilot.press("shift+tab", "home", "e")
        await pilot.pause()
        title = app.screen.query_one(".dialog-title")
        assert "said it)" in str(title.render())
        assert title.size.height == 2 and title.region.right <= 80  # two lines, inside the screen
