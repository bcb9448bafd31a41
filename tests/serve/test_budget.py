"""No phone, nor all of them together, can fill the meeting: a device has a budget per step and
in bytes as stored (an emoji is 12 bytes in the file), the room one for all devices, each told
in one line; a flood stops there and the session still opens."""

from __future__ import annotations

import asyncio

from tests.serve.conftest import run
from tests.serve.helpers import join, send

EMOJI = "😀" * 2_000  # 2,000 characters, 24,002 bytes in the file


def no_rate_limit(server) -> None:
    """The budget is what is tested, not how fast one may send."""
    from workshop.serve.app import SETTINGS
    from workshop.serve.guard import RateLimit

    server.runner.app[SETTINGS]["send_limit"] = RateLimit(burst=10_000, per_second=10_000)


def test_one_device_s_flood_stops_at_its_budget_per_step(serving, store):
    async def scenario():
        async with serving() as server:
            no_rate_limit(server)
            client = await join(server)
            answers = [await send(client, what="contribution", step="ideas", text=f"idea {n}") for n in range(35)]
            async with client.get("/", headers={"Accept": "text/html"}) as page:
                html = await page.text()
            await client.close()
            return answers, len(server.live.contributions("ideas")), html

    answers, kept, html = run(scenario())
    assert [status for status, _answer in answers] == [200] * 30 + [429] * 5
    assert "30 contributions to this step" in answers[-1][1]["message"] and "out loud" in answers[-1][1]["message"]
    assert kept == 30
    assert "You can send 0 more to this step (at most 30 from one device, 2000 characters each)." in html


def test_one_device_s_emoji_flood_stops_at_its_bytes_as_stored(serving, store):
    from workshop.serve.budget import stored_size

    async def scenario():
        async with serving() as server:
            no_rate_limit(server)
            client = await join(server)
            answers = [await send(client, what="contribution", step="ideas", text=EMOJI) for _n in range(8)]
            await client.close()
            return answers, server.live.id

    answers, session_id = run(scenario())
    fits = (128 * 1024) // stored_size(EMOJI, "Bram", "Zorggroep")
    assert fits == 5
    assert [status for status, _answer in answers] == [200] * fits + [429] * (8 - fits)
    assert "as much as one device can" in answers[-1][1]["message"]
    assert len(store.read_session(session_id)["contributions"]) == fits


def test_sixty_devices_stop_at_the_room_s_budget_and_the_session_still_opens(serving, store):
    async def scenario():
        async with serving() as server:
            no_rate_limit(server)
            server.hub.budget.room = 600_000  # the room's share, made small so sixty phones reach it soon
            clients = [await join(server, name=f"P{n}", partner="Gemeente") for n in range(60)]

            async def flood(client):
                return [await send(client, what="contribution", step="ideas", text=EMOJI) for _n in range(3)]

            answers = [answer for some in await asyncio.gather(*(flood(c) for c in clients)) for answer in some]
            for client in clients:
                await client.close()
            return answers, server.live.id, server.hub.budget.room_used

    answers, session_id, used = run(scenario())
    received = [answer for status, answer in answers if status == 200]
    refused = [answer for status, answer in answers if status == 429]
    assert used <= 600_000 and len(received) == 600_000 // 24_600
    assert refused and all("as much as this meeting can take" in answer["message"] for answer in refused)
    from workshop.core.session import LiveSession

    live = LiveSession(store.open_session(session_id))  # it opens, and the facilitator can still type
    try:
        live.add("ideas", "The facilitator's own line")
    finally:
        live.release()
