"""The pieces that make the app start quickly keep behaving: the home's list, contributions
measured from their words, and inputs imported by kind."""

from __future__ import annotations

from textual.app import App, ComposeResult

from screens.widgets.contributions import ContributionLine, contribution_line, wrap
from screens.widgets.kinds import INPUTS
from screens.widgets.session_list import ListRow, SessionList
from workshop.core.model import Contribution, PromptKind


def rows(count: int) -> list[ListRow]:
    from rich.text import Text

    return [ListRow(f"id-{number}", (Text(f"Session {number}"), Text("2026-11-28"))) for number in range(count)]


class ListApp(App):
    def compose(self) -> ComposeResult:
        yield SessionList(id="sessions")

    def on_mount(self) -> None:
        self.chosen: list[str] = []
        listing = self.query_one(SessionList)
        listing.show(["Title", "Date"], rows(100))
        listing.focus()

    def on_session_list_selected(self, event: SessionList.Selected) -> None:
        self.chosen.append(event.key)


async def test_the_session_list_moves_its_cursor_and_keeps_it_in_view():
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        listing = app.query_one(SessionList)
        await pilot.press("down", "down")
        assert listing.cursor_key == "id-2"
        await pilot.press("end")
        await pilot.pause()
        assert listing.cursor_key == "id-99"
        assert listing.scroll_offset.y > 80  # the last row is in view
        await pilot.press("pageup", "home")
        assert listing.cursor_key == "id-0" and listing.scroll_offset.y == 0


async def test_the_session_list_keeps_the_cursor_in_place_when_the_rows_change():
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        listing = app.query_one(SessionList)
        await pilot.press("down", "down", "down")
        listing.show(["Title", "Date"], rows(100))
        assert listing.cursor_key == "id-3"
        listing.show(["Title", "Date"], rows(2))
        assert listing.cursor_key == "id-1" and listing.row_count == 2
        listing.show(["Title", "Date"], [])
        assert listing.cursor_key is None


async def test_enter_opens_the_row_under_the_cursor():
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.chosen == ["id-1"]


async def test_clicking_a_row_chooses_it_and_clicking_it_again_opens_it():
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        listing = app.query_one(SessionList)
        await pilot.click(SessionList, offset=(3, 3))  # the header is line 0
        assert listing.cursor_key == "id-2" and app.chosen == []
        await pilot.click(SessionList, offset=(3, 3))
        await pilot.pause()
        assert app.chosen == ["id-2"]


async def test_the_session_list_draws_the_header_and_rows_padded_to_their_columns():
    app = ListApp()
    async with app.run_test(size=(60, 12)):
        listing = app.query_one(SessionList)
        assert listing.render_line(0).text.startswith(" Title       Date ")  # "Session 10" is the widest
        assert listing.render_line(1).text.startswith(" Session 0   2026-11-28 ")
        assert listing.render_line(1).cell_length == listing.scrollable_content_region.width


async def test_the_session_list_keeps_the_look_of_each_cell():
    from rich.text import Text

    app = ListApp()
    async with app.run_test(size=(60, 12)):
        listing = app.query_one(SessionList)
        listing.show(["Title", "Status"], [ListRow("a", (Text("Zorg Oost", style="bold"), Text("closed", style="dim")))] * 2)
        line = listing.render_line(2)  # the second row: not under the cursor
        styles = {segment.text: segment.style for segment in line if segment.text.strip()}
        assert styles["Zorg Oost"].bold and styles["closed"].dim


def test_wrapping_breaks_at_spaces_cuts_long_words_and_keeps_newlines():
    text = "we need more time between partners\nand a very-long-word-indeed here"
    assert [text[start:end] for start, end in wrap(text, 12)] == [
        "we need more ", "time between ", "partners", "and a ", "very-long-wo", "rd-indeed ", "here"]
    assert wrap("", 10) == [(0, 0)]
    assert wrap("short", 10) == [(0, 5)]


def test_a_contribution_is_drawn_on_as_many_lines_as_it_is_measured():
    from textual.style import Style

    line = contribution_line(Contribution(uid="c1", step="pains", text="Waiting lists " * 12, partner="Gemeente"),
                             number=7)
    assert isinstance(line, ContributionLine)
    assert str(line).startswith(" 7. Gemeente  Waiting lists")
    for width in (10, 33, 80, 400):
        strips = line.strips(width, Style())
        assert len(strips) == line.height(width)
        assert all(strip.cell_length <= width for strip in strips)


def test_every_prompt_kind_has_an_input():
    from screens.widgets.base import PromptInput

    for kind in PromptKind:
        assert issubclass(INPUTS[kind], PromptInput) and INPUTS[kind].FOCUS
    assert set(INPUTS) == set(PromptKind)


async def test_the_session_screen_follows_a_real_resize_but_is_not_laid_out_again_for_the_same_size(
        make_app, make_session):
    from screens.session import SessionScreen
    from screens.widgets.agenda import Agenda

    app = make_app(session_id=make_session())
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.has_class("-wide")
        agenda = screen.query_one(Agenda)
        assert agenda.option_count and agenda.outer_size.width == 34
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.has_class("-narrow") and not screen.has_class("-wide")
        assert agenda.outer_size.width == 26 and screen.size == (80, 24)


async def test_a_session_the_app_starts_on_is_the_first_screen_drawn_and_escape_goes_home(make_app, make_session):
    from screens.home import HomeScreen
    from screens.session import SessionScreen

    make_session(collaboration="Jeugdnetwerk Rivierstad")
    app = make_app(session_id=make_session())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        beneath, session = app.screen_stack
        assert isinstance(session, SessionScreen) and not beneath.children  # nothing composed beneath
        assert not any(isinstance(screen, HomeScreen) for screen in app.screen_stack)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert session.size == (100, 30)
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Jeugdnetwerk Rivierstad" in app.screen.query_one("#sessions").render_line(1).text
