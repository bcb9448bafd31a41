"""Home: the sessions per collaboration, the demo for newcomers, preparing and opening sessions."""

from __future__ import annotations

from textual.widgets import Select, TextArea

from screens.home import HomeScreen
from screens.session import SessionScreen
from screens.widgets.session_list import SessionList
from tests.ui.helpers import SIZE, type_text


async def wait_for_list(pilot) -> SessionList:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return pilot.app.screen.query_one("#sessions", SessionList)


async def test_an_empty_store_offers_the_demo_and_makes_it(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_list(pilot)
        assert "demo" in str(app.screen.query_one("#empty").render())
        await pilot.press("d")
        table = await wait_for_list(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert table.row_count == 3
        assert not app.screen.query_one("#empty").display
    closed = [info for info in store.catalogue() if info.status == "closed"]
    assert len(closed) == 2 and closed[0].contributions > 20
    assert [info.status for info in store.catalogue()].count("open") == 1  # the next meeting, to run


async def test_a_closed_session_opens_read_only(make_app, store):
    from workshop.core.making.demo import make_demo

    make_demo(store, next_meeting=False)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_list(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and app.screen.live.read_only
        # read once, its lock let go at once: another window may open it as well
        other = store.open_session(app.screen.live.id)
        assert not other.read_only
        other.release()
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_damaged_files_are_named_on_the_home_screen(make_app, store, make_session):
    make_session()
    (store.sessions_dir / "20260101-abcdef.json").write_text("{ not json")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_list(pilot)
        problems = app.screen.query_one("#problems")
        assert problems.display and "20260101-abcdef.json" in str(problems.render())


async def test_a_wrongly_typed_session_file_is_named_and_the_others_listed(make_app, store, make_session):
    import json

    make_session()
    bad = store.session_path(make_session(collaboration="Kapot"))
    tables = json.loads(bad.read_text())
    tables["meta"]["1"]["order"] = 7  # valid JSON, the wrong type: once a blank home without a word
    bad.write_text(json.dumps(tables))
    (store.root / "catalogue.json").unlink()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = await wait_for_list(pilot)
        problems = app.screen.query_one("#problems")
        assert problems.display and bad.name in str(problems.render()) and "order" in str(problems.render())
        assert table.row_count == 1


async def test_a_new_session_reuses_the_partners_of_its_collaboration(make_app, make_session, saved, store):
    make_session(collaboration="Zorg Oost", date="2026-10-01")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_list(pilot)
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Zorg Oost")
        await pilot.press("enter")
        await pilot.pause()
        assert "Zorggroep" in app.screen.query_one("#partners", TextArea).text
        app.screen.query_one("#lang", Select).value = "en"
        app.screen.query_one("#title").value = "Second round"
        app.screen.query_one("#date").value = "2026-11-26"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        session_id = app.screen.live.id
    view = saved(session_id)
    assert (view.collaboration, view.title, view.date, view.lang) == ("Zorg Oost", "Second round", "2026-11-26", "en")
    assert view.partners == ["Gemeente", "Zorggroep", "Woonstede"]
    assert [p.name for p in view.participants] == ["Anna", "Bram", "Cem"]


async def test_a_bad_participant_line_is_one_clear_line_not_a_crash(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_list(pilot)
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "New")
        app.screen.query_one("#partners", TextArea).text = "Gemeente"
        app.screen.query_one("#participants", TextArea).text = "Anna without a partner"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#error").render())
        assert "NAME@PARTNER" in error and "\n" not in error.strip()


async def test_the_command_palette_offers_the_screen_actions(make_app, make_session):
    app = make_app(make_session())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for wanted in ("Next step", "Presentation", "Summary of what was agreed; the session closes when the group "
                       "confirms", "Skip the current step",
                       "Add an extra step", "High-contrast theme on/off", "Go to step 10: Pain points"):
            assert wanted in titles, wanted
        await pilot.press("f3")
        assert app.theme == "workshop-high-contrast"


async def test_export_writes_the_minutes_next_to_the_store(make_app, store):
    import pytest

    pytest.importorskip("workshop.present.export")
    from workshop.core.making.demo import make_demo

    _first, second = make_demo(store, next_meeting=False)  # the newest is listed first
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_list(pilot)
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
    markdown = store.root / "exports" / f"{second}.md"
    assert markdown.exists() and (store.root / "exports" / f"{second}.html").exists()
    assert "Jeugdnetwerk Rivierstad" in markdown.read_text(encoding="utf-8")


async def test_compare_opens_from_home_when_it_is_available(make_app, store):
    import pytest

    compare = pytest.importorskip("screens.compare")
    from workshop.core.making.demo import make_demo

    make_demo(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_list(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, compare.CompareScreen)


def info(session_id: str, collaboration: str, date: str, status: str = "closed"):
    from workshop.core.model import SessionInfo

    return SessionInfo(id=session_id, collaboration=collaboration, date=date, status=status)


def test_a_long_history_shows_the_newest_sessions_every_open_one_and_a_row_for_the_rest():
    from screens.home import home_rows

    history = [info(f"2026{month:02d}01-aaaaa{month:x}", "Zorg Oost", f"2026-{month:02d}-01") for month in range(1, 10)]
    history[0] = info("20260101-aaaaa1", "Zorg Oost", "2026-01-01", status="open")  # the oldest is still open
    short = [info("20260301-bbbbbb", "Alliantie Noord", "2026-03-01"), info("20260401-bbbbbc", "Alliantie Noord", "2026-04-01")]
    rows = home_rows(history + short)
    assert [(row.collaboration, row.info.date if row.info else row.hidden) for row in rows] == [
        ("Alliantie Noord", "2026-04-01"), ("Alliantie Noord", "2026-03-01"),
        ("Zorg Oost", "2026-09-01"), ("Zorg Oost", "2026-08-01"), ("Zorg Oost", "2026-07-01"),
        ("Zorg Oost", "2026-01-01"),  # open: never hidden
        ("Zorg Oost", 5),
    ]
    assert len(home_rows(history + short, expanded={"Zorg Oost"})) == 11
    # Four sessions are all shown: a row saying "1 earlier session" would hide nothing worth hiding.
    assert all(row.info for row in home_rows(history[5:]))


async def test_enter_on_the_earlier_sessions_row_shows_them_and_compare_ignores_it(make_app, make_session, store):
    from workshop.core.session import LiveSession

    for month in range(1, 7):
        session_id = make_session(collaboration="Zorg Oost", date=f"2026-{month:02d}-01")
        live = LiveSession(store.open_session(session_id))
        live.close()
        live.release()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = await wait_for_list(pilot)
        assert table.row_count == 4
        await pilot.press("down", "down", "down")
        assert app.screen.chosen_session() is None
        await pilot.press("c")  # compare needs a session: the row of earlier sessions is none
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert table.row_count == 6
        assert app.screen.chosen_session() is not None  # the cursor is on the first earlier session
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and app.screen.live.date == "2026-03-01"


async def test_a_session_that_cannot_be_opened_at_start_leaves_the_home_with_its_list(make_app, make_session):
    make_session()
    app = make_app(session_id="20990101-zzzzzz")
    async with app.run_test(size=SIZE) as pilot:
        table = await wait_for_list(pilot)
        assert isinstance(app.screen, HomeScreen) and table.row_count == 1


async def test_leaving_the_session_the_app_was_started_on_shows_the_home_with_its_list(make_app, make_session, store):
    session_id = make_session()
    make_session(collaboration="Alliantie Noord")
    app = make_app(session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape")
        table = await wait_for_list(pilot)
        assert isinstance(app.screen, HomeScreen) and table.row_count == 2
        # The session's lock was given back: it can be opened again, for writing.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and not app.screen.live.read_only
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [type(screen) for screen in app.screen_stack].count(HomeScreen) == 1
        assert not any(isinstance(screen, SessionScreen) for screen in app.screen_stack)


async def test_escape_with_text_typed_but_not_entered_asks_once_before_leaving(make_app, make_session, store):
    session_id = make_session()
    app = make_app(session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Ontbreekt: de woningcorporatie")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)  # still there, the line still in the entry
        assert app.screen.query_one("#entry").value == "Ontbreekt: de woningcorporatie"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
    assert all(not table.get("contributions") for table in [store.read_session(session_id)])


async def test_escape_after_enter_leaves_at_once(make_app, make_session, store):
    session_id = make_session()
    app = make_app(session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Wat brengt iedereen mee?", "enter", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
    texts = [c["text"] for c in store.read_session(session_id)["contributions"].values()]
    assert texts == ["Wat brengt iedereen mee?"]


async def test_after_a_restore_the_list_is_read_in_the_background_and_shown(make_app, make_session, store, monkeypatch):
    import screens.home

    monkeypatch.setattr(screens.home, "QUICK_REREADS", 0)
    for day in (1, 2):
        make_session(date=f"2026-11-{day:02d}")
    (store.root / "catalogue.json").unlink()  # every session file is unknown to the catalogue
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = await wait_for_list(pilot)
        assert table.row_count == 2
