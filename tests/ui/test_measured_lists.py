"""The agenda and the contribution list measure and draw their lines once per width: they follow
a real change of width, keep what they drew when only the height changes, and the agenda's
steps are cut with … at its edge."""

from __future__ import annotations

from textual.style import Style
from textual.visual import RenderOptions

from screens.widgets.agenda import BOLD, DIM, PLAIN, STRUCK, AgendaLine
from screens.widgets.contributions import wrap

LONG = "Waiting lists for specialist youth care keep growing while the partners talk past each other"


def with_pains(make_session, store, count: int) -> str:
    """A session open on its pain points, with `count` long ones from Gemeente."""
    from workshop.session import LiveSession

    session_id = make_session()
    live = LiveSession(store.open_session(session_id))
    live.go_to("pains")
    for number in range(count):
        live.add("pains", f"{number} {LONG}", "Gemeente")
    live.release()
    return session_id


def draw(line: AgendaLine, width: int) -> list[str]:
    return [strip.text for strip in line.render_strips(width, None, Style(), RenderOptions(Style.parse, {}))]


def test_a_step_in_the_agenda_is_two_lines_cut_with_an_ellipsis_at_the_edge():
    line = AgendaLine((("▶ ", BOLD), ("11. Pain points and other things that chafe", BOLD)),
                      (("    03:04 / 10 min", DIM),))
    assert line.get_height({}, 10) == line.get_height({}, 200) == 2
    assert draw(line, 200) == ["▶ 11. Pain points and other things that chafe", "    03:04 / 10 min"]
    assert draw(line, 20) == ["▶ 11. Pain points a…", "    03:04 / 10 min"]
    assert draw(line, 12) == ["▶ 11. Pain …", "    03:04 /…"]
    assert all(len(text) <= 5 for text in draw(line, 5))
    assert str(line) == "▶ 11. Pain points and other things that chafe\n    03:04 / 10 min"


def test_a_wide_character_is_never_cut_in_half_and_the_styles_are_kept():
    line = AgendaLine((("  ", PLAIN), ("7. 協力のステップ", STRUCK)), (("    00:00 / 5 min", DIM),))
    strips = line.render_strips(9, None, Style(), RenderOptions(Style.parse, {}))
    assert all(strip.cell_length <= 9 for strip in strips)
    assert strips[0].text.endswith("…")
    assert any(segment.style and segment.style.strike for segment in strips[0])
    assert line == AgendaLine((("  ", PLAIN), ("7. 協力のステップ", STRUCK)), (("    00:00 / 5 min", DIM),))
    assert line != AgendaLine((("  ", PLAIN), ("7. 協力のステップ", BOLD)), (("    00:00 / 5 min", DIM),))


async def test_the_lists_are_measured_again_when_their_width_changes_and_only_then(make_app, make_session, store):
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
            return sum(len(wrap(str(contributions.get_option_at_index(index).prompt), width))
                       for index in range(contributions.option_count))

        wide = contributions.virtual_size.height
        assert wide == measured_height()
        cache = contributions._option_render_cache
        drawn = {key: cache.get(key) for key in list(cache.keys())}
        assert drawn

        await pilot.resize_terminal(160, 40)  # only the height changes: what was drawn still holds
        await pilot.pause()
        assert contributions.virtual_size.height == wide
        assert all(cache.get(key) is strips for key, strips in drawn.items())

        await pilot.resize_terminal(80, 24)  # narrower: measured and drawn again at the new width
        await pilot.pause()
        assert contributions.virtual_size.height == measured_height() > wide
        from textual.geometry import Region

        lines = agenda.render_lines(Region(0, 0, *agenda.size))
        assert any(line.text.rstrip().endswith("…") for line in lines)  # long titles are cut at 26 columns
        assert all(line.cell_length <= agenda.size.width for line in lines)


async def test_a_layout_that_leaves_a_list_as_it_was_does_not_redraw_its_scrollbar(make_app, make_session, store):
    """Textual redrew both lists' scrollbars on every layout of the screen: one more frame each time."""
    from screens.widgets.agenda import Agenda
    from screens.widgets.contributions import ContributionList

    session_id = with_pains(make_session, store, 40)

    app = make_app(session_id=session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lists = [app.screen.query_one(ContributionList), app.screen.query_one(Agenda)]
        redrawn: list[str] = []
        for widget in lists:
            bar = widget.vertical_scrollbar
            assert widget.show_vertical_scrollbar and bar.window_virtual_size == widget.virtual_size.height
            bar.refresh = lambda *args, name=type(widget).__name__, **kwargs: redrawn.append(name)  # type: ignore[method-assign]  # noqa: B008
        app.screen.refresh(layout=True)
        await pilot.pause()
        assert redrawn == []

        await pilot.resize_terminal(120, 30)  # a real change of height: the scrollbars follow it
        await pilot.pause()
        assert sorted(set(redrawn)) == ["Agenda", "ContributionList"]
        for widget in lists:
            assert widget.vertical_scrollbar.window_size == widget.container_size.height


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
