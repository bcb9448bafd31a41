"""A join flood cannot take the seats: 3,000 joins at once seat at most the room's burst, one
address only a few, each refused join told in one line; a phone joins again once the flood stops."""

from __future__ import annotations

import asyncio

import aiohttp

from tests.serve.conftest import run
from tests.serve.helpers import JSON, join


async def _flood(server, count: int) -> list[tuple[int, str]]:
    """`count` joins under as many names, at once, each a device of its own (no cookie kept)."""
    answers: list[tuple[int, str]] = []
    async with aiohttp.ClientSession(base_url=server.address, cookie_jar=aiohttp.DummyCookieJar(), headers=JSON,
                                     connector=aiohttp.TCPConnector(limit=100)) as client:
        async def one(n: int) -> None:
            async with client.post("/join", data={"code": server.code, "name": f"Bot {n}", "partner": "-"}) as answer:
                answers.append((answer.status, (await answer.json()).get("message", "")))

        await asyncio.gather(*(one(n) for n in range(count)))
    return answers


def test_three_thousand_joins_at_once_do_not_take_the_five_hundred_seats(serving):
    async def scenario():
        async with serving() as server:
            answers = await asyncio.wait_for(_flood(server, 3_000), 60)
            flooded = len(server.hub.joined)
            await asyncio.sleep(0.3)  # the room's joins come back at 10 a second
            phone = await join(server, name="Anna", partner="Gemeente")
            await phone.close()
            return answers, flooded, len(server.hub.joined)

    answers, flooded, after = run(scenario())
    refused = [message for status, message in answers if status == 429]
    assert flooded < 500 and flooded == sum(1 for status, _message in answers if status == 200)
    assert len(refused) >= 2_000
    assert set(refused) == {"Many people are joining at once. Wait a moment and try again."}
    assert after == flooded + 1


def test_one_address_takes_only_a_few_seats(serving):
    from workshop.serve.app import SETTINGS
    from workshop.serve.guard import JoinRate

    async def scenario():
        async with serving() as server:
            # as if 127.0.0.1 were a phone on the network (the machine's own address is shared)
            server.runner.app[SETTINGS]["join_rate"] = JoinRate(shared=lambda client: False)
            answers = await asyncio.wait_for(_flood(server, 50), 30)
            return answers, len(server.hub.joined)

    answers, seated = run(scenario())
    assert seated == 5
    assert sorted(status for status, _message in answers) == [200] * 5 + [429] * 45
    assert {message for status, message in answers if status == 429} == {
        "Too many joins from this device. Wait a minute and try again."}
