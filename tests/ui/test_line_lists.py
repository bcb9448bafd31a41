"""The agenda and the contribution list, drawn on Textual's Line API (screens/widgets/lines.py):
a step in two cut lines, entries measured once per width, the cursor's keys, a click, the newest
contribution in view, and a key on a long list that lays out nothing."""

from __future__ import annotations

from textual.style import Style

from screens.widgets.agenda import BOLD, DIM, PLAIN, STRUCK, AgendaLine
from screens.widgets.contributions import wrap

LONG = "Waiting lists for specialist youth care keep growing while the partners talk past each other"


def with_pains(make_session, store, count: int) -> str:
    """A session open on its pain points, with `count` long ones from Gemeente."""
    from workshop.core.session import LiveSession

    session_id = make_session()
    live = LiveSession(store.open_session(session_id))
    live.go_to("pains")
    for number in range(count):
        live.add("pains", f"{number} {LONG}", "Gemeente")
    live.release()
    return session_id


def draw(line: AgendaLine, width: int) -> list[str]:
    return [strip.text for strip in line.strips(width, Style())]


def test_a_step_in_the_agenda_is_two_lines_cut_with_an_ellipsis_at_the_edge():
    line = AgendaLine((("▶ ", BOLD), ("11. Pain points and other things that chafe", BOLD)),
                      (("    03:04 / 10 min", DIM),))
    assert line.height(10) == line.height(200) == 2
    assert draw(line, 200) == ["▶ 11. Pain points and other things that chafe", "    03:04 / 10 min"]
    assert draw(line, 20) == ["▶ 11. Pain points a…", "    03:04 / 10 min"]
    assert draw(line, 12) == ["▶ 11. Pain …", "    03:04 /…"]
    assert all(len(text) <= 5 for text in draw(line, 5))
    assert str(line) == "▶ 11. Pain points and other things that chafe\n    03:04 / 10 min"


def test_a_wide_character_is_never_cut_in_half_and_the_styles_are_kept():
    line = AgendaLine((("  ", PLAIN), ("7. 協力のステップ", STRUCK)), (("    00:00 / 5 min", DIM),))
    strips = line.strips(9, Style())
    assert all(strip.cell_length <= 9 for strip in strips)
    assert strips[0].text.endswith("…")
    assert any(segment.style and segment.style.strike for segment in strips[0])
    assert line == AgendaLine((("  ", PLAIN), ("7. 協力のステップ", STRUCK)), (("    00:00 / 5 min", DIM),))
    assert line != AgendaLine((("  ", PLAIN), ("7. 協力のステップ", BOLD)), (("    00:00 / 5 min", DIM),))


async def test_the_lists_are_measured_again_when_their_width_changes_and_only_then(make_app, make_session, store):
    from textual.geometry import Region

    from screens.session import SessionScreen
    from screens.widgets.agenda import Agenda
    from screens.widgets.contributions import ContributionList

    session_id = with_pains(make_session, store, 12)

    app = make_app(session_id=session_id)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        contributions, agenda = screen.query_one(ContributionList), screen.query_one(Agenda)

        def measured_height() -> int:  # the lines each contribution takes at the list's width now
            width = contributions.scrollable_content_region.width
            return sum(len(wrap(str(item.prompt), width)) for item in contributions.options)

        wide = contributions.virtual_size.height
        assert wide == measured_height() == contributions.line_count
        drawn = dict(contributions.drawn)
        assert drawn

        await pilot.resize_terminal(160, 40)  # only the height changes: what was drawn still holds
        await pilot.pause()
        assert contributions.virtual_size.height == wide
        assert all(contributions.drawn.get(key) is lines for key, lines in drawn.items())

        await pilot.resize_terminal(80, 24)  # narrower: measured and drawn again at the new width
        await pilot.pause()
        assert contributions.virtual_size.height == measured_height() > wide
        assert not any(contributions.drawn.get(key) is lines for key, lines in drawn.items())
        lines = agenda.render_lines(Region(0, 0, *agenda.size))
        assert any(line.text.rstrip().endswith("…") for line in lines)  # long titles are cut at 26 columns
        assert all(line.cell_length <= agenda.size.width for line in lines)


async def test_a_scrollbar_shown_again_puts_its_thumb_where_the_list_is(make_app, make_session, store):
    """Scrolled to the end at 80 columns, shown on a wide projector (no scrollbar needed), then
    narrow again: the thumb was left where it had been, halfway down a list shown from the top."""
    from screens.widgets.contributions import ContributionList

    session_id = with_pains(make_session, store, 30)

    app = make_app(session_id=session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        contributions = app.screen.query_one(ContributionList)
        contributions.scroll_end(animate=False)
        await pilot.pause()
        assert contributions.scroll_y > 0 and contributions.vertical_scrollbar.position == contributions.scroll_y
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert not contributions.show_vertical_scrollbar and contributions.scroll_y == 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert contributions.show_vertical_scrollbar
        assert contributions.vertical_scrollbar.position == contributions.scroll_y


async def test_the_cursor_keys_move_through_the_list_and_wrap_around(make_app, make_session, store):
    from screens.widgets.contributions import ContributionList

    session_id = with_pains(make_session, store, 30)
    app = make_app(session_id=session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(ContributionList)
        listing.focus()
        await pilot.pause()
        assert listing.highlighted is None  # no contribution is chosen until the facilitator moves
        await pilot.press("down")
        assert listing.highlighted == 0
        await pilot.press("up")  # from the first to the last, as Textual's option list does
        assert listing.highlighted == 29
        await pilot.pause()
        assert listing.scroll_y == listing.max_scroll_y > 0  # the last one is in view
        await pilot.press("down", "down")
        assert listing.highlighted == 1
        await pilot.press("end")
        assert listing.highlighted == 29
        await pilot.press("pageup")
        assert 0 < listing.highlighted < 29
        await pilot.press("home")
        await pilot.pause()
        assert listing.highlighted == 0 and listing.scroll_y == 0
        await pilot.press("pagedown")
        assert listing.highlighted > 0
        chosen = listing.highlighted_option
        assert chosen is not None and chosen.id == listing.options[listing.highlighted].id


async def test_a_click_puts_the_cursor_on_the_contribution_under_the_pointer(make_app, make_session, store):
    from screens.widgets.contributions import ContributionList

    session_id = with_pains(make_session, store, 5)
    app = make_app(session_id=session_id)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(ContributionList)
        third = listing.starts[2]
        await pilot.click(ContributionList, offset=(4, third))
        await pilot.pause()
        assert listing.highlighted == 2 and listing.has_focus
        assert "2 Waiting lists" in str(listing.highlighted_option.prompt)


async def test_a_line_added_to_a_long_list_is_in_view_and_lays_out_nothing(make_app, make_session, store):
    """A contribution added at the end of a step of 40: the list's new size moves its scrollbar's
    thumb but does not lay the screen out again (on a screen of 500 that cost most of a key press)."""
    from screens.widgets.contributions import ContributionList, contribution_line
    from screens.widgets.lines import Item
    from workshop.core.model import Contribution

    session_id = with_pains(make_session, store, 40)
    app = make_app(session_id=session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await pilot.pause()
        listing = app.screen.query_one(ContributionList)
        layouts: list[object] = []
        app.screen.screen_layout_refresh_signal.subscribe(app.screen, layouts.append)
        listing.add_options([Item(contribution_line(Contribution(uid="new", step="pains", text="one more")), "new")])
        listing.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert listing.option_count == 41 and listing.line_count == listing.starts[-1] + 1
        assert listing.scroll_y == listing.max_scroll_y > 0
        assert "one more" in listing.render_line(listing.scrollable_content_region.height - 1).text
        assert listing.virtual_size.height == listing.vertical_scrollbar.window_virtual_size == listing.line_count
        assert layouts == []


async def test_typing_in_the_entry_lays_out_nothing(make_app, make_session, store):
    """Textual lays out the screen when an Input's virtual size changes, which it does on every
    key; screens/widgets/entry.py redefines that reactive without a layout (no public way)."""
    from tests.ui.helpers import type_text

    session_id = with_pains(make_session, store, 40)
    app = make_app(session_id=session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await pilot.pause()
        layouts: list[object] = []
        app.screen.screen_layout_refresh_signal.subscribe(app.screen, layouts.append)
        await type_text(pilot, "a line typed while the meeting goes on, longer than the entry is wide at all")
        await pilot.pause()
        assert app.focused.value.startswith("a line typed") and layouts == []
