"""The grids believe the attendance: typing scores in a row passes by those absent or excused,
their cells say so, and the counter counts those present. Without attendance, everyone counts."""

from __future__ import annotations

from tests.ui.helpers import SIZE, go_to, toasts
from workshop.core.session import LiveSession
from workshop.core.session.changes import SetAttendance

PARTNERS = ("Gemeente", "Zorggroep", "Woonstede", "Welzijn", "Vivare", "Portaal", "Siza", "Talis")
PEOPLE = ("Anna@Gemeente", "Bram@Zorggroep", "Cem@Woonstede", "Dewi@Welzijn", "Eva@Vivare", "Fenna@Portaal",
          "Gijs@Siza", "Hans@Talis")


def _session(store, make_session, marks: dict[str, str]) -> str:
    session_id = make_session(partners=PARTNERS, participants=PEOPLE)
    live = LiveSession(store.open_session(session_id))
    try:
        for partner, status in marks.items():
            live.apply(SetAttendance(partner, status))
    finally:
        live.release()
    return session_id


async def test_seven_scores_in_a_row_land_with_the_seven_present_and_the_counter_counts_them(
        store, make_session, make_app, saved):
    session_id = _session(store, make_session, {"Woonstede": "excused"})  # Cem sent notice
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "interaction")
        grid = app.screen.query_one("#scores")
        assert "excused" in str(grid.get_row("threshold")[5])  # Cem's cell says why it stays empty
        await pilot.press("3", "4", "5", "2", "4", "3", "5")  # seven fingers, in the order of the table
        await pilot.pause()
        assert grid.here() == ("questions", "Anna")  # on to the next item: nobody was skipped
        await pilot.press("up")
        await pilot.pause()
        assert "7 of 7 present" in str(app.screen.query_one("#detail").render())
    scores = {who: c.value for who, c in saved(session_id).scores("interaction", "threshold").items()}
    assert scores == {"Anna": 3, "Bram": 4, "Dewi": 5, "Eva": 2, "Fenna": 4, "Gijs": 3, "Hans": 5}


async def test_a_digit_in_the_column_of_someone_absent_gives_no_score_and_says_why(
        store, make_session, make_app, saved):
    session_id = _session(store, make_session, {"Gemeente": "absent"})
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "interaction")
        grid = app.screen.query_one("#scores")
        assert grid.here() == ("threshold", "Bram")  # the first one present, not Anna
        await pilot.press("home")
        assert grid.here() == ("threshold", "Bram")
        await pilot.press("left", "4")
        await pilot.pause()
        assert any("Anna is marked absent" in message for message in toasts(app))
    assert saved(session_id).scores("interaction", "threshold") == {}


async def test_without_attendance_recorded_everyone_is_in_the_typing_order_as_before(
        store, make_session, make_app, saved):
    session_id = _session(store, make_session, {})
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "interaction")
        await pilot.press("3", "4", "5")
        await pilot.pause()
        assert "3 of 8 scores" in str(app.screen.query_one("#detail").render())
    scores = {who: c.value for who, c in saved(session_id).scores("interaction", "threshold").items()}
    assert scores == {"Anna": 3, "Bram": 4, "Cem": 5}


async def test_the_compare_screen_shows_a_partner_present_in_session_one_and_absent_in_two(store, make_session):
    from tests.ui.test_compare_screen import _Host, loaded, shown_text

    first = make_session(date="2026-09-01", partners=PARTNERS, participants=())
    second = make_session(date="2026-11-20", partners=PARTNERS, participants=())
    for session_id, marks in ((first, {p: "present" for p in PARTNERS}), (second, {"Zorggroep": "absent", "Gemeente": "present"})):
        live = LiveSession(store.open_session(session_id))
        for partner, status in marks.items():
            live.apply(SetAttendance(partner, status))
        live.release()
    app = _Host(store, second)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        shown = shown_text(screen, "#compare-attendance")
    rows = {line.split()[0]: line.split()[1:] for line in shown.splitlines() if line.strip()}
    assert rows["Zorggroep"] == ["present", "absent"]
    assert "7 of 8" in shown and "Gemeente" not in rows


async def test_a_partner_marked_absent_gives_no_dots_and_the_vote_grid_starts_past_it(
        store, make_session, make_app, saved, live):
    session_id = make_session()
    session = live(session_id)
    first = session.add("pains", "meetings", "Zorggroep")
    session.apply(SetAttendance("Gemeente", "absent"))
    session.release()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "priorities")
        grid = app.screen.query_one("#dots")
        assert grid.here() == (first.uid, "Zorggroep")  # the first partner present
        await pilot.press("left", "plus")  # Gemeente's column: absent
        await pilot.pause()
        assert any("Gemeente is marked absent" in message for message in toasts(app))
    assert saved(session_id).dots("priorities", "Gemeente") == {}
