"""The compare screen: the session's collaboration over time, read in a thread, closed with Escape."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.geometry import Region
from textual.widgets import OptionList, Static

from screens.compare import CompareScreen, LinkPainsDialog
from screens.compare_links import MatchesDialog
from tests.core.alliance import ALLIANCE, build_alliance
from tests.core.test_compare import COLLABORATION, build_history
from tests.ui.helpers import SIZE
from workshop.core.session import SessionView


class _Host(App):
    """A bare app that opens the compare screen on mount (the real app binds a key to it)."""

    def __init__(self, store, session_id: str | None = None, collaboration: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.session_id = session_id
        self.collaboration = collaboration

    def on_mount(self) -> None:
        self.push_screen(CompareScreen(self.store, self.session_id, collaboration=self.collaboration))


@pytest.fixture
def history(store, make_session) -> dict[str, str]:
    return build_history(store, make_session)


def shown_text(screen, selector: str) -> str:
    """The lines a widget drew on screen, as plain text."""
    widget = screen.query_one(selector, Static)
    size = widget.outer_size
    assert widget.display and size.area, f"{selector} is not shown"
    strips = widget.render_lines(Region(0, 0, size.width, size.height))
    return "\n".join(strip.text.rstrip() for strip in strips)


async def loaded(pilot) -> CompareScreen:
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert screen.comparison is not None
    return screen


async def test_the_compare_screen_shows_the_session_and_its_earlier_ones(store, history):
    app = _Host(store, history["pulse"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert [s.id for s in screen.comparison.sessions] == [history["first"], history["pulse"]]
        title = shown_text(screen, "#compare-title")
        assert COLLABORATION in title and "2 sessions" in title
        trends = shown_text(screen, "#compare-trends")
        assert trends.index("The threshold for approaching") < trends.index("We feel free to be honest")
        assert screen.query_one("#compare-trends").region.bottom <= SIZE[1]  # on the first screenful
        assert "▃▅ ↑" in trends
        assert "Waiting lists for youth care" in shown_text(screen, "#compare-pains")


async def test_every_section_of_the_comparison_is_visible(store, history):
    app = _Host(store, collaboration=COLLABORATION)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert "Exploring" in shown_text(screen, "#compare-sessions")
        assert "with one contact person" in shown_text(screen, "#compare-statements")
        pains = shown_text(screen, "#compare-pains")
        assert "no longer mentioned: Nobody knows whom to call" in pains and "new: Data sharing is unclear" in pains
        assert "resolved" not in pains
        assert "linked" in pains
        progress = shown_text(screen, "#compare-progress")
        assert "Bram" in progress and "Eva" in progress and "advice given" in progress
        actions = shown_text(screen, "#compare-actions")
        assert "Draft the data agreement" in actions


async def test_p_toggles_the_scores_per_partner(store, history):
    app = _Host(store, history["second"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert "Woonstede" not in shown_text(screen, "#compare-trends")
        await pilot.press("p")
        assert screen.per_partner and "Woonstede" in shown_text(screen, "#compare-trends")
        await pilot.press("p")
        assert "Woonstede" not in shown_text(screen, "#compare-trends")


async def test_escape_and_q_close_the_compare_screen(store, history):
    app = _Host(store, history["second"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)
        app.push_screen(CompareScreen(store, history["second"]))
        await loaded(pilot)
        await pilot.press("q")
        assert not isinstance(app.screen, CompareScreen)


async def test_an_unknown_collaboration_is_one_line_on_the_screen(store, history):
    app = _Host(store, collaboration="Nobody Here")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "no collaboration named 'Nobody Here'" in shown_text(app.screen, "#compare-status")


async def test_typed_markup_is_shown_literally(store, make_session):
    from workshop.core.session import LiveSession

    session_id = make_session(partners=("[b]Gemeente[/b]", "Zorggroep"), participants=())
    live = LiveSession(store.open_session(session_id))
    live.add("pains", "[red]Budget[/red] \x1b[31m", "Zorggroep")
    live.release()
    app = _Host(store, session_id)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        pains = shown_text(screen, "#compare-pains")
        assert "[red]Budget[/red] \\x1b[31m" in pains


async def test_l_links_a_new_pain_point_to_an_earlier_one(store, history):
    app = _Host(store, history["second"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LinkPainsDialog)
        later = app.screen.query_one("#later", OptionList)
        assert later.option_count == 1  # "Data sharing is unclear"
        await pilot.press("enter", "enter")  # pick it, then the earlier one highlighted first
        screen = await loaded(pilot)
        assert screen.comparison.pains[-1].gone == ()
    links = SessionView(store.read_session(history["second"])).meta["links"]
    assert len(links) == 2


def test_compare_screen_snapshot_120x40(snap_compare, store, make_session):
    history = build_history(store, make_session)

    async def settle(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(_Host(store, history["second"]), terminal_size=(120, 40), run_before=settle)


async def test_m_shows_what_a_link_links_to_and_u_undoes_it(store, history):
    app = _Host(store, history["second"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MatchesDialog)
        shown = str(app.screen.query_one("#matches", OptionList).get_option_at_index(0).prompt)
        assert "Meetings without decisions" in shown and "Too many meetings" in shown
        await pilot.press("u")
        screen = await loaded(pilot)
        assert "Meetings without decisions" in {p.text for p in screen.comparison.pains[-1].new + screen.comparison.pains[-1].alike}
    assert SessionView(store.read_session(history["second"])).meta["links"] == []


async def test_a_suggested_match_is_confirmed_with_y_and_another_rejected_with_n(store, make_session):
    ids = build_alliance(store, make_session)
    app = _Host(store, collaboration=ALLIANCE)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert len(screen.comparison.pains[-1].suggestions) == 3
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("y")
        screen = await loaded(pilot)
        assert len(screen.comparison.pains[-1].recurring) == 1
        first = screen.comparison.pains[-1].suggestions[0]
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("n")
        screen = await loaded(pilot)
        assert (first.point.uid, first.earlier.uid) not in {
            (s.point.uid, s.earlier.uid) for s in screen.comparison.pains[-1].suggestions}
    meta = SessionView(store.read_session(ids["third"])).meta
    assert len(meta["links"]) == 1 and len(meta["not_same"]) == 1


async def test_w_writes_the_page_for_the_board_into_the_exports_folder(store, history):
    app = _Host(store, history["second"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("w")
        await app.workers.wait_for_complete()
        await pilot.pause()
    pages = list((store.root / "exports").glob("compare-zorg-oost-*.html"))
    assert len(pages) == 1 and "<svg" in pages[0].read_text(encoding="utf-8")


async def test_s_marks_a_point_no_longer_mentioned_solved_and_s_again_takes_it_back(store, make_session):
    ids = build_alliance(store, make_session)
    app = _Host(store, collaboration=ALLIANCE)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        gone = screen.comparison.pains[-1].gone[0]
        await pilot.press("m")
        await pilot.pause()
        matches = app.screen.query_one("#matches", OptionList)
        matches.highlighted = matches.get_option_index(f"gone{gone.uid}")
        await pilot.press("s")
        screen = await loaded(pilot)
        assert gone.uid in {p.uid for p in screen.comparison.pains[-1].solved}
        stored = [SessionView(store.read_session(i)).meta.get("solved", []) for i in ids.values()]
        assert [gone.uid] in stored
        await pilot.press("m")
        await pilot.pause()
        matches = app.screen.query_one("#matches", OptionList)
        matches.highlighted = matches.get_option_index(f"solved{gone.uid}")
        await pilot.press("s")
        screen = await loaded(pilot)
        assert gone.uid not in {p.uid for p in screen.comparison.pains[-1].solved}


async def test_a_link_made_in_the_compare_screen_reaches_the_open_session_s_screen_as_a_record(
        store, history, make_session, make_app, monkeypatch):
    """The compare screen writes to the session open for the meeting through that session; the
    session screen hears it from the session, neither screen knowing the other."""
    from screens.session import SessionScreen
    from workshop.core.session import LiveSession

    third = make_session(collaboration=COLLABORATION, date="2026-12-01")  # open: the meeting of today
    live = LiveSession(store.open_session(third))
    mine = live.add("pains", "Nobody knows whom to phone", "Zorggroep").uid
    live.release()
    earlier = next(c.uid for c in SessionView(store.read_session(history["first"])).contributions("pains"))
    heard = []
    told = SessionScreen.on_session_changed
    monkeypatch.setattr(SessionScreen, "on_session_changed", lambda self, event: (heard.append(event.record),
                                                                                  told(self, event)))
    app = make_app(third)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        screen = await loaded(pilot)
        await screen.save_intent(("link", mine, earlier))  # as the link dialog gives it
        screen = await loaded(pilot)
        assert any(p.link for p in screen.comparison.pains[-1].recurring + screen.comparison.pains[-1].new)
    assert any("links" in record.meta for record in heard)
    assert SessionView(store.read_session(third)).meta["links"] == [[mine, earlier]]


async def test_the_phase_of_each_partner_is_shown_where_partners_were_asked_it(store, history):
    from workshop.core.making.demo import COLLABORATION as DEMO, make_demo

    make_demo(store, next_meeting=False)  # each partner named its phase and readiness in both meetings
    app = _Host(store, collaboration=DEMO)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        phases = shown_text(screen, "#compare-phases")
        assert "Basisschool De Regenboog" in phases and "Exploring · not yet" in phases
        assert "ready: Gemeente Rivierstad" in " ".join(phases.split())
    app = _Host(store, collaboration=COLLABORATION)  # asked of the group only: no table, no heading
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert not screen.query_one("#compare-phases").display and not screen.query_one("#heading-phases").display
