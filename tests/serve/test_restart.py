"""The room survives a restart: the same join code, the same seats, the same cookies. A closed
session keeps no room; a phone whose seat is gone is told so and joins again in one tap."""

from __future__ import annotations

import os
import stat

import aiohttp

from tests.serve.conftest import run
from tests.serve.helpers import join, saved, send


def test_phones_keep_their_seats_when_the_server_is_started_again(store, room_session):
    from workshop.serve import Server
    from workshop.session import LiveSession

    async def scenario():
        live = LiveSession(store.open_session(room_session))
        live.go_to("ideas")
        first = Server(live, port=0)
        await first.start()
        code = first.code
        anna = await join(first, name="Anna", partner="Gemeente")
        bram = await join(first, name="Bram", partner="Zorggroep")
        before = await send(anna, what="contribution", step="ideas", text="before")
        await first.stop()
        live.release()  # the app is gone (a restart, a crash): a new one opens the same session

        live = LiveSession(store.open_session(room_session))
        second = Server(live, port=0)
        await second.start()
        for client in (anna, bram):  # the same devices, the same cookies, a new server
            client._base_url = client._base_url.with_port(second.port)
        after = [await send(anna, what="contribution", step="ideas", text="after, Anna"),
                 await send(bram, what="contribution", step="ideas", text="after, Bram")]
        seats = sorted(seat.name for seat in second.hub.joined.values())
        again = [second.code, second.scribe_code]
        for client in (anna, bram):
            await client.close()
        await second.stop()
        path = live.file.path
        live.release()
        return code, again, before, after, seats, path

    code, again, before, after, seats, path = run(scenario())
    assert again[0] == code and again[1]
    assert before[0] == 200 and [status for status, _answer in after] == [200, 200]
    assert seats == ["Anna", "Bram"]
    by = {x.text: x.participant for x in saved(store, room_session)}
    assert by == {"before": "Anna", "after, Anna": "Anna", "after, Bram": "Bram"}
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600  # it holds the room's secret


def test_a_closed_session_keeps_no_room(serving, store, room_session):
    from workshop.session.changes import Close

    async def scenario():
        async with serving() as server:
            anna = await join(server, name="Anna", partner="Gemeente")
            kept = dict(server.live.meta["room"]["seats"])
            server.live.apply(Close())
            await anna.close()
            return kept, "room" in server.live.meta

    kept, still = run(scenario())
    assert [seat["name"] for seat in kept.values()] == ["Anna"]
    assert not still
    from workshop.session import SessionView

    assert "room" not in SessionView(store.read_session(room_session)).meta
