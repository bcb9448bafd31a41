"""On the interests step the facilitator types a level, a position and the interest behind it at
pace, beside a name; F4 sets the level of the next contribution or of the chosen one. What lands
on disk is read back with stock TinyDB."""

from __future__ import annotations

from tinydb import TinyDB

from tests.ui.helpers import go_to, type_text
from tests.ui.test_burst_entry import send_burst, settle

SIZE = (80, 24)


def on_disk(store, session_id: str) -> list[dict]:
    with TinyDB(store.session_path(session_id), access_mode="r") as db:
        docs = [doc for doc in db.table("contributions").all() if doc["step"] == "interests"]
    return sorted(docs, key=lambda doc: doc["position"])


async def typed(pilot, line: str) -> None:
    await type_text(pilot, line)
    await pilot.press("enter")
    await pilot.pause()


async def test_typed_levels_a_position_and_its_interest_are_stored_on_the_contributions(make_session, make_app, store):
    session_id = make_session(lang="nl")
    app = make_app(session_id, lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "interests")
        await typed(pilot, "Anna: organisatie: minder wachtlijsten")
        await typed(pilot, "samen: Cem: een loket")
        await typed(pilot, "Bram: standpunt: geen extra overleg")
        await type_text(pilot, "waarom: organisatie: te weinig mensen")
        assert "[Organisatie ↳ 3]" in str(app.screen.query_one("#who").render())  # seen before Enter
        await pilot.press("enter")
        await pilot.pause()
        entry = app.screen.query_one("#entry")
        assert entry.value == "" and "niveau" not in str(app.screen.query_one("#who-problem").render())
        shown = [str(option.prompt) for option in app.screen.query_one("#contributions").options]
    docs = on_disk(store, session_id)
    assert [(d["partner"], d["participant"], d["item"], d["text"]) for d in docs] == [
        ("Gemeente", "Anna", "organisation", "minder wachtlijsten"),
        ("Woonstede", "Cem", "collaboration", "een loket"),
        ("Zorggroep", "Bram", "position", "geen extra overleg"),
        ("Zorggroep", "Bram", "organisation", "te weinig mensen"),
    ]
    assert docs[3]["value"] == docs[2]["uid"]
    assert "[Organisatie] minder wachtlijsten" in shown[0]
    assert "[Standpunt] geen extra overleg" in shown[2] and "[Organisatie ↳ 3] te weinig mensen" in shown[3]


async def test_a_level_word_is_never_held_as_an_unknown_name_but_a_mistyped_name_still_is(make_session, make_app, store):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "interests")
        await typed(pilot, "Personal: I want this to work")
        await typed(pilot, "organisation: Anaa: fewer waiting lists")  # a typo in the name: held
        assert "not a partner" in str(app.screen.query_one("#who-problem").render())
        assert app.screen.query_one("#entry").value == "organisation: Anaa: fewer waiting lists"
    docs = on_disk(store, session_id)
    assert [(d["item"], d["text"]) for d in docs] == [("person", "I want this to work")]


async def test_f4_sets_the_level_of_the_next_contribution_and_of_the_chosen_one(make_session, make_app, store):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "interests")
        await pilot.press("f4", "shift+up")  # none → Personal → Organisation (F4 or shift+↑ while typing)
        assert "[Organisation]" in str(app.screen.query_one("#who").render())
        await typed(pilot, "Bram: staff are overloaded")
        await typed(pilot, "Cem: one more")
        app.screen.query_one("#contributions").focus()
        await pilot.press("down", "down")  # the second contribution
        await pilot.press("f4")  # Organisation → Collaboration
        await pilot.pause()
    assert [(d["item"], d["text"]) for d in on_disk(store, session_id)] == [
        ("organisation", "staff are overloaded"), ("collaboration", "one more")]


async def test_why_without_a_position_saves_nothing_and_keeps_the_text(make_session, make_app, store):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "interests")
        await typed(pilot, "why: we need the money")
        assert app.screen.query_one("#entry").value == "why: we need the money"
    assert on_disk(store, session_id) == []


async def test_the_compare_screen_shows_each_partners_interests_per_level(store, make_session):
    from tests.core.test_interests import _two_sessions
    from tests.ui.test_compare_screen import _Host, loaded, shown_text

    views = _two_sessions(store, make_session)
    app = _Host(store, views[-1].id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        shown = shown_text(screen, "#compare-interests")
    assert "Organisation" in shown and "Weinig mensen" in shown and "[b]Eén loket[/b]" in shown
    assert "\x1b" not in shown and "\\x1b[31m" in shown


async def test_the_compare_screen_leaves_out_interests_where_no_step_has_levels(store, make_session):
    from tests.ui.test_compare_screen import _Host, loaded
    from workshop.core.session import LiveSession

    pulse = LiveSession(store.open_session(make_session(guide="pulse")))
    pulse.close()  # held: a session only prepared is nothing to compare
    pulse.release()
    app = _Host(store, pulse.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        assert not screen.query_one("#compare-interests").display


async def test_a_position_and_its_why_typed_in_one_burst_are_linked(make_session, make_app, store):
    session_id = make_session(lang="nl")
    app = make_app(session_id, lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "interests")
        # a paste, a laggy link: both lines and their Enters arrive before the app handles any key
        send_burst(app, "Bram: standpunt: alles via het wijkteam\rwaarom: korte lijnen\r")
        await settle(pilot)
        assert app.screen.query_one("#entry").value == ""
    docs = on_disk(store, session_id)
    assert [doc["text"] for doc in docs] == ["alles via het wijkteam", "korte lijnen"]
    assert docs[0]["item"] == "position" and docs[1]["value"] == docs[0]["uid"]


async def test_two_lines_given_back_in_one_burst_come_back_one_after_the_other(make_session, make_app, store):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "interests")
        # a name nobody has (held), then an answer to "why?" with no position yet (refused): both
        # are given back, and the second must not be lost because the entry holds the first
        send_burst(app, "Xyz: een loket\rwhy: we need the money\r")
        await settle(pilot)
        entry = app.screen.query_one("#entry")
        assert entry.value == "Xyz: een loket"
        await pilot.press("enter")  # the name is named again ...
        await settle(pilot)
        await pilot.press("enter")  # ... and Enter again keeps the held line as text
        await settle(pilot)
        assert entry.value == "why: we need the money"
    assert [doc["text"] for doc in on_disk(store, session_id)] == ["Xyz: een loket"]
