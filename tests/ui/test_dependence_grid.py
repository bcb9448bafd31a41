"""The dependence grid in the meeting: a partner's own cell is not applicable, and the one-sided
pairs appear under the grid and on the projector as the scores come in."""

from __future__ import annotations

from tests.ui.helpers import go_to, toasts
from tests.ui.screen_words import screen_text

FOUR = ("Zorg Oost", "Woonstichting West", "Gemeente", "Welzijn Noord")


def _text(app, selector: str) -> str:
    return " ".join(str(widget.render()) for widget in app.screen.query(selector))


async def test_scoring_a_dependence_grid_shows_the_one_sided_pair_as_it_arises(make_session, make_app, saved):
    session_id = make_session(guide="uitvoeren", partners=FOUR, participants=())
    app = make_app(session_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "dependence")
        grid = app.screen.query_one("Grid")
        grid.focus()
        own = str(grid.get_row("depends-zorg-oost")[3])  # Zorg Oost's own column on its own row
        first_heading = str(next(iter(grid.columns.values())).label)
        await pilot.press("1", "4", "5")  # how much the others depend on Zorg Oost
        await pilot.pause()
        before = _text(app, "#pairs")
        await pilot.press("5", "3", "3")  # … on Woonstichting West, Zorg Oost first
        await pilot.pause()
        under_grid = _text(app, "#pairs")
        await pilot.press("ctrl+f")  # presentation mode: the room board
        await pilot.pause()
        projector = screen_text(app)
    assert own == "—" and first_heading == "Depends on"  # the row is whom the column depends on
    assert "no two partners have scored each other yet" in before
    line = "Zorg Oost → Woonstichting West: 5, Woonstichting West → Zorg Oost: 1 — one-sided"
    assert line in under_grid and line in projector
    scores = {(c.partner, c.item): c.value for c in saved(session_id).contributions("dependence")}
    assert scores[("Woonstichting West", "depends-zorg-oost")] == 1
    assert scores[("Zorg Oost", "depends-woonstichting-west")] == 5
    assert ("Zorg Oost", "depends-zorg-oost") not in scores and len(scores) == 6


async def test_a_digit_on_a_partners_own_cell_scores_nothing_and_says_why(make_session, make_app, saved):
    session_id = make_session(guide="uitvoeren", partners=FOUR, participants=())
    app = make_app(session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "dependence")
        grid = app.screen.query_one("Grid")
        grid.focus()
        grid.move_cursor(row=1, column=4)  # Woonstichting West's own cell
        await pilot.press("3")
        await pilot.pause()
        notices = toasts(app)
        place = grid.cursor_coordinate
    assert "A partner does not score its own organisation." in notices
    assert saved(session_id).contributions("dependence") == [] and (place.row, place.column) == (1, 5)


async def test_at_27_partners_the_one_sided_pairs_fit_80_columns_and_say_how_many_more(store, shelf, make_app):
    from tests.table27 import PARTNERS, make_table
    from workshop.core.session import LiveSession
    from workshop.core.steps.dependence import partner_item_id

    session_id = make_table(store, shelf, guide="uitvoeren")
    live = LiveSession(store.open_session(session_id))
    try:
        for i, who in enumerate(PARTNERS):
            for j, on in enumerate(PARTNERS):
                if who != on:
                    live.score("dependence", partner_item_id(on, set()), who, 1 + (i * 3 + j) % 5)
    finally:
        live.release()
    app = make_app(session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "dependence")
        shown = screen_text(app).split("\n")
    start = next(n for n, line in enumerate(shown) if "One-sided dependence" in line)
    block = shown[start:start + 4]
    assert "of 351 pairs that scored each other" in block[0]
    assert all(line.rstrip().endswith("— one-sided") for line in block[1:3])
    assert block[3].strip().startswith("… ") and block[3].strip().endswith(" more")
    assert all(len(line) <= 80 for line in shown)
