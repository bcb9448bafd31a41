"""In the app: a key starts the participants' server on the app's event loop; the facilitator
sees the join code and who answered, shows what waits one key at a time, reveals, and the
server stops when the session is closed."""

from __future__ import annotations

import asyncio
import os

from tests.serve.helpers import join, send

SIZE = (140, 50)


def make_app(store, session_id):
    from screens.app import WorkshopApp
    from workshop.core.guides import load_shelf

    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    from workshop.core.config.settings import Config

    app = WorkshopApp(store=store, shelf=load_shelf(), lang="en", session_id=session_id,
                      config=Config(serve_port=0))  # any free port
    return app


def panel_text(app) -> str:
    from screens.widgets.join_panel import JoinPanel

    return str(app.screen.query_one(JoinPanel).render())


def test_f8_lets_participants_join_and_their_contribution_appears(store, room_session):
    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f8")
            await pilot.pause()
            server = app.screen.server
            shown = panel_text(app)
            client = await join(server, name="Bram")
            status, _answer = await send(client, what="contribution", step="ideas", text="From a phone", uid="p1")
            await client.close()
            await pilot.pause()  # "received" came after the write, and the session told it before: no timer to wait for
            after = panel_text(app)
            texts = [x.text for x in app.screen.live.contributions("ideas")]
            await pilot.press("f8")  # again: participants can no longer join
            await pilot.pause()
            return server.code, shown, status, after, texts, app.screen.server

    code, shown, status, after, texts, running = asyncio.run(scenario())
    assert f"Join code: {code}" in shown and "0 joined" in shown
    assert status == 200 and texts == ["From a phone"]
    assert "1 joined" in after and "1 answered this step" in after
    assert running is None


def test_a_waiting_contribution_is_shown_with_one_key(store, room_session):
    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await app.screen.open_step("secret")
            await pilot.press("f8")
            await pilot.pause()
            client = await join(app.screen.server)
            await send(client, what="contribution", step="secret", text="Held back", uid="h1")
            await client.close()
            await pilot.pause()
            waiting = panel_text(app)
            app.screen.query_one("#join-panel").focus()
            await pilot.press("s")
            await pilot.pause()
            return waiting, app.screen.live.held(), panel_text(app)

    waiting, held, after = asyncio.run(scenario())
    assert "1 contribution waits to be shown" in waiting and "Held back" in waiting
    assert held == [] and "waits" not in after


def test_the_server_stops_when_the_session_is_closed(store, room_session):
    from workshop.core.session.changes import Close

    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f8")
            await pilot.pause()
            server = app.screen.server
            app.screen.write(Close())
            await asyncio.wait_for(server.hub.stopping.wait(), 5)  # set as the session tells it closed
            await pilot.pause()
            return server.running, app.screen.server

    running, kept = asyncio.run(scenario())
    assert running is False and kept is None


def test_the_serve_package_loads_no_textual_and_no_rich():
    import subprocess
    import sys

    code = ("import sys, workshop.serve, workshop.serve.qr, workshop.cli.serve_cmd; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'screens')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"


def test_the_facilitator_frees_a_seat_and_the_name_can_join_again(store, room_session):
    """Anna's phone died; her laptop is refused as 'Anna' until the facilitator frees the seat
    (f on the join panel, Delete on the seat); the old device is out."""
    from tests.serve.test_seats import try_join

    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f8")
            await pilot.pause()
            server = app.screen.server
            phone = await join(server, name="Anna", partner="Gemeente")
            refused, _message, laptop = await try_join(server, "Anna", "Gemeente")
            await laptop.close()
            app.screen.query_one("#join-panel").focus()
            await pilot.press("f")
            await pilot.pause()
            listed = str(app.screen.query_one("#seats").get_option_at_index(0).prompt)
            await pilot.press("delete")
            await pilot.pause()
            async with phone.get("/token") as answer:
                old_device = answer.status
            again, _message, laptop = await try_join(server, "Anna", "Gemeente")
            for client in (phone, laptop):
                await client.close()
            return refused, listed, old_device, again, [seat.name for seat in server.hub.joined.values()]

    refused, listed, old_device, again, seats = asyncio.run(scenario())
    assert refused == 409
    assert "Anna" in listed and "Gemeente" in listed
    assert old_device == 401 and again == 200 and seats == ["Anna"]


def test_the_facilitator_gives_a_new_join_code_and_who_joined_stays_in(store, room_session):
    from workshop.serve.qr import qr_lines

    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f8")
            await pilot.pause()
            server = app.screen.server
            old = server.code
            seated = await join(server, name="Bram")
            app.screen.query_one("#join-panel").focus()
            await pilot.press("n")
            await pilot.pause()
            shown = panel_text(app)
            async with seated.post("/join", data={"code": old, "name": "Mallory", "partner": "Gemeente"}) as answer:
                old_code = answer.status
            newcomer = await join(server, name="Carla")  # with the code shown now
            sent = [(await send(phone, what="contribution", step="ideas", text=f"from {name}"))[0]
                    for phone, name in ((seated, "Bram"), (newcomer, "Carla"))]
            for phone in (seated, newcomer):
                await phone.close()
            return old, server.code, server.join_link, shown, old_code, sent, sorted(x.name for x in server.hub.joined.values())

    old, new, link, shown, old_code, sent, seats = asyncio.run(scenario())
    assert new != old and f"Join code: {new}" in shown and old not in shown
    assert "\n".join(qr_lines(link)) in shown and link.endswith(f"?code={new}")
    assert old_code == 403
    assert sent == [200, 200] and seats == ["Bram", "Carla"]


def test_the_facilitator_changes_a_listed_person_s_organisation_from_the_panel(store, room_session):
    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f8")
            await pilot.pause()
            app.screen.query_one("#join-panel").focus()
            await pilot.press("o")
            await pilot.pause()
            await pilot.press(*"Ana, Zorg")  # a name not on the list: refused, asked again with the text
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press(*["backspace"] * len("Ana, Zorg"), *"anna, zorg")
            await pilot.press("enter")
            await pilot.pause()
            return [(p.name, p.partner) for p in app.screen.live.participants]

    assert asyncio.run(scenario()) == [("Anna", "Zorggroep")]
