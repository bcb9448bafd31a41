"""In the app: a second F8, leaving a scale step with Escape and opening the session again, or a
restart of the app keep the room: the same join code, and a phone that joined sends on as its seat."""

from __future__ import annotations

import asyncio

from tests.serve.helpers import join, send
from tests.serve.test_join_panel import SIZE, make_app


async def _again(client, server) -> int:
    client._base_url = client._base_url.with_port(server.port)  # a new server may listen on another port
    status, _answer = await send(client, what="score", step="trust", item="honesty", value="4")
    return status


def test_a_second_f8_keeps_the_code_and_the_seats(store, room_session):
    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f8")
            await pilot.pause()
            first = app.screen.server
            phone = await join(first, name="Anna", partner="Gemeente")
            await pilot.press("f8")  # participants can no longer join or send …
            await pilot.pause()
            stopped = app.screen.server
            await pilot.press("f8")  # … and again they can: the same room
            await pilot.pause()
            second = app.screen.server
            phone._base_url = phone._base_url.with_port(second.port)
            status, _answer = await send(phone, what="contribution", step="ideas", text="after F8 again")
            await phone.close()
            return first.code, stopped, second.code, status, [x.participant for x in app.screen.live.contributions("ideas")]

    code, stopped, again, status, by = asyncio.run(scenario())
    assert stopped is None
    assert again == code and status == 200 and "Anna" in by


def test_escape_on_a_scale_step_and_back_keeps_the_room_open(store, room_session):
    """Before: one Escape on the scale left the session, the server stopped with it, and the next
    F8 gave a new code: every phone was out."""
    from workshop.core.session import LiveSession

    live = LiveSession(store.open_session(room_session))
    live.go_to("trust")
    live.release()

    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f8")
            await pilot.pause()
            first = app.screen.server
            phone = await join(first, name="Anna", partner="Gemeente")
            await pilot.press("escape")  # from the scale's grid: the session is left
            await pilot.pause()
            left = type(app.screen).__name__
            app.open_session(room_session)
            for _ in range(20):
                await pilot.pause(0.05)
                if getattr(app.screen, "server", None) is not None and app.screen.server.running:
                    break
            second = app.screen.server  # open again by itself: nobody pressed F8
            status = await _again(phone, second)
            await phone.close()
            return first.code, left, second.code, status, app.screen.live.scores("trust", "honesty")

    code, left, again, status, scores = asyncio.run(scenario())
    assert left != "SessionScreen"
    assert again == code and status == 200
    assert {who: score.value for who, score in scores.items()} == {"Anna": 4}


def test_a_restarted_app_opens_the_room_again_with_its_code(store, room_session):
    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f8")
            await pilot.pause()
            code = app.screen.server.code
            phone = await join(app.screen.server, name="Anna", partner="Gemeente")
            first = app.screen.live
        first.release()  # as the end of the app's process does (its lock goes with it)
        app = make_app(store, room_session)  # the app again (after a crash, or quit and started)
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(20):
                await pilot.pause(0.05)
                if getattr(app.screen, "server", None) is not None and app.screen.server.running:
                    break
            server = app.screen.server
            phone._base_url = phone._base_url.with_port(server.port)
            status, _answer = await send(phone, what="contribution", step="ideas", text="after the restart")
            await phone.close()
            return code, server.code, status

    code, again, status = asyncio.run(scenario())
    assert again == code and status == 200
