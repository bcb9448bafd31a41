"""The room survives a restart: the same join code, the same seats, the same cookies. A closed
session keeps no room; a phone whose seat is gone is told so and joins again in one tap."""

from __future__ import annotations

import os
import stat

from tests.serve.conftest import run
from tests.serve.helpers import join, saved, send


def test_phones_keep_their_seats_when_the_server_is_started_again(store, room_session):
    from workshop.core.session import LiveSession
    from workshop.serve import Server

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
    from workshop.core.session.changes import Close

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
    from workshop.core.session import SessionView

    assert "room" not in SessionView(store.read_session(room_session)).meta


def test_a_phone_whose_seat_was_freed_is_told_so_and_joins_again_in_one_tap(serving):
    """Before: a freed phone's page kept saying it follows the meeting, and a reload showed an
    empty join form as if it had never joined."""
    import re

    html = {"Accept": "text/html"}

    async def scenario():
        async with serving() as server:
            anna = await join(server, name="Anna", partner="Gemeente")
            server.hub.free(next(iter(server.hub.joined)))
            async with anna.get("/events") as answer:
                events = answer.status  # the page's stream is refused: page.js loads "/" again
            async with anna.get("/", headers=html) as answer:
                page = await answer.text()
            fields = dict(re.findall(r'<input id="(\w+)" name="\w+" value="([^"]*)"', page))
            partner = re.search(r'<option value="([^"]*)" selected>', page).group(1)
            async with anna.post("/join", data={**fields, "partner": partner}, headers=html,
                                 allow_redirects=False) as answer:
                tapped = answer.status
            async with anna.get("/", headers=html) as answer:
                back = await answer.text()
            server.rotate_code()  # a new code: a freed device needs it to come back
            server.hub.free(next(iter(server.hub.joined)))
            async with anna.get("/", headers=html) as answer:
                after_new_code = await answer.text()
            await anna.close()
            return server, events, page, fields, partner, tapped, back, after_new_code

    server, events, page, fields, partner, tapped, back, after_new_code = run(scenario())
    assert events == 401
    assert page.count("Your seat is no longer held") == 1 and "Tap Join to join again." in page
    assert fields["name"] == "Anna" and fields["code"] and partner == "Gemeente"
    assert tapped == 303 and 'id="follow"' in back
    assert "Type the join code to join again." in after_new_code and 'value="Anna"' in after_new_code
    assert not re.search(r'<input id="code" name="code" value="[^"]+"', after_new_code)


def test_the_room_never_leaves_the_session_file(serving, store, room_session):
    """Before: `workshop export --format json` (and a backup, `show --json`) carried the join
    codes and the secret the phones' cookies are signed with."""
    from workshop.core.session import SessionView
    from workshop.present.export import to_json

    async def scenario():
        async with serving() as server:
            anna = await join(server, name="Anna", partner="Gemeente")
            await anna.close()
            return server.code, server.secret

    code, secret = run(scenario())
    exported = to_json(SessionView(store.read_session(room_session)), include_notes=True)
    import json

    assert code not in exported and secret not in exported and "room" not in json.loads(exported)["meta"]
