"""Adding, renaming and removing a formal body in a consent step, read back from the file with
stock TinyDB (the app's own reader is not trusted to check itself)."""

from __future__ import annotations

import pytest
from textual.app import App
from tinydb import TinyDB

from screens.widgets.grid import Grid
from tests.ui.helpers import SIZE, go_to, submit

HOSTILE = "GMR \u202eevil\u202c [bold]x[/] 🏫"


@pytest.fixture
def notices(monkeypatch) -> list[str]:
    """Every line the app shows as a notification, in order."""
    shown: list[str] = []
    monkeypatch.setattr(App, "notify", lambda self, message, **kw: shown.append(str(message)))
    return shown


def on_disk(store, session_id: str) -> tuple[dict, list[dict]]:
    with TinyDB(store.session_path(session_id), access_mode="r") as db:
        return dict(db.table("meta").get(doc_id=1)), [dict(doc) for doc in db.table("contributions").all()]


def rows(app) -> list[str]:
    grid = app.screen.query_one("#consents", Grid)
    return [str(key.value) for key in grid.rows]


async def test_a_body_added_with_a_key_is_a_new_row_whose_status_is_saved(make_session, make_app, store):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "consent")
        guide_rows = rows(app)
        await pilot.press("a")
        await pilot.pause()
        await submit(pilot, "Huurdersorganisatie Vivare")
        assert rows(app) == [*guide_rows, "huurdersorganisatie-vivare"]
        await pilot.press("right", "right", "4")  # the cursor is on the new row: Woonstede, positive advice
        await pilot.pause()
        assert "Huurdersorganisatie Vivare" in str(app.screen.query_one("#detail").render())
    meta, docs = on_disk(store, session_id)
    assert meta["added_bodies"] == {"consent": [{"id": "huurdersorganisatie-vivare",
                                                 "name": "Huurdersorganisatie Vivare"}]}
    assert [(d["partner"], d["item"], d["value"]) for d in docs if d["step"] == "consent"] == [
        ("Woonstede", "huurdersorganisatie-vivare", "advice_positive")]


async def test_an_empty_name_is_refused_with_one_line_and_nothing_is_saved(make_session, make_app, store, notices):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "consent")
        before = rows(app)
        await pilot.press("a")
        await pilot.pause()
        await submit(pilot, "  ")
        assert notices == ["A body needs a name."]
        await pilot.press("escape")  # the dialog came back to be corrected; Escape gives up
        await pilot.pause()
        assert rows(app) == before
    assert "added_bodies" not in on_disk(store, session_id)[0]


async def test_a_hostile_name_is_shown_literally_and_saved_exactly(make_session, make_app, store):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "consent")
        await pilot.press("a")
        await pilot.pause()
        await submit(pilot, HOSTILE)
        await pilot.press("left")  # the bodies' column: the name in full under the grid
        await pilot.pause()
        shown = str(app.screen.query_one("#detail").render())
        assert "\\u202e" in shown and "\u202e" not in shown and "[bold]x[/]" in shown
        await pilot.press("e")  # the rename dialog names it the same way
        await pilot.pause()
        title = str(app.screen.query_one(".dialog-title").render())
        assert "\\u202e" in title and "\u202e" not in title
        await pilot.press("escape")
        await pilot.press("right", "d")  # and so does the date dialog of its first partner
        await pilot.pause()
        title = str(app.screen.query_one(".dialog-title").render())
        assert "\\u202e" in title and "\u202e" not in title
        await pilot.press("escape")
    assert on_disk(store, session_id)[0]["added_bodies"]["consent"][0]["name"] == HOSTILE


async def test_renaming_and_removing_an_added_body_asks_before_its_statuses_go(make_session, make_app, store):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "consent")
        await pilot.press("a")
        await pilot.pause()
        await submit(pilot, "MR")
        await pilot.press("3")  # Gemeente: requested
        await pilot.press("e")
        await pilot.pause()
        await submit(pilot, "GMR Primair Onderwijs")
        assert on_disk(store, session_id)[0]["added_bodies"]["consent"][0]["name"] == "GMR Primair Onderwijs"
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("n")  # not after all: it stays
        await pilot.pause()
        assert "mr" in rows(app)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "mr" not in rows(app)
    meta, docs = on_disk(store, session_id)
    assert meta["added_bodies"] == {"consent": []}
    assert not [d for d in docs if d["item"] == "mr"]


async def test_a_guide_body_is_not_renamed_and_says_why(make_session, make_app, store, notices):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "consent")
        await pilot.press("e")
        await pilot.pause()
        assert [line for line in notices if "comes from the guide" in line] == [
            "'Works council (OR)' comes from the guide; only bodies added in a session can be renamed or removed."]
        assert not app.screen.is_modal


async def test_the_header_keeps_its_columns_widths_when_a_row_is_added(make_session, make_app):
    app = make_app(make_session())
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "consent")
        grid = app.screen.query_one("#consents", Grid)
        header = grid.render_line(0).text
        await pilot.press("a")
        await pilot.pause()
        await submit(pilot, "GMR")
        await pilot.pause()
        assert grid.render_line(0).text == header


async def test_a_closed_session_opens_no_dialog_to_add_a_body_and_says_why(make_session, make_app, store, notices):
    from workshop.core.session import LiveSession
    from workshop.core.session.changes import GoTo

    session_id = make_session()
    live = LiveSession(store.open_session(session_id))
    live.apply(GoTo("consent"))
    live.close()
    live.release()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert not app.screen.is_modal
        assert notices[-1:] == ["This session is read-only: its bodies cannot be changed."]


async def test_a_refused_name_comes_back_in_the_dialog_to_be_corrected(make_session, make_app, store, notices):
    from screens.dialogs import TextDialog

    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "consent")
        await pilot.press("a")
        await pilot.pause()
        await submit(pilot, "GMR")
        await pilot.press("a")
        await pilot.pause()
        await submit(pilot, "GMR")  # there is one already
        assert len(notices) == 1 and isinstance(app.screen, TextDialog)
        typed = app.screen.query_one("Input").value
        assert typed == "GMR"  # nothing typed is lost: add to it and try again
        await submit(pilot, typed + " De Regenboog")
        assert not isinstance(app.screen, TextDialog)
    names = [body["name"] for body in on_disk(store, session_id)[0]["added_bodies"]["consent"]]
    assert names == ["GMR", "GMR De Regenboog"]
