"""Guessing the join code from many addresses is no faster than from a few: after 60 wrong codes
in a minute in the room, every code is checked at two a second for everyone."""

from __future__ import annotations

import asyncio
import socket

import aiohttp
import pytest

from tests.serve.conftest import run
from tests.serve.helpers import JSON, join

ADDRESSES = [f"127.0.{n // 250}.{2 + n % 250}" for n in range(100)]  # 127.0.0.2 …: loopback, no packet leaves


def _many_loopback_addresses() -> None:
    probe = socket.socket()
    try:
        probe.bind((ADDRESSES[-1], 0))
    except OSError:
        pytest.skip("this system has only 127.0.0.1 (a Mac): no second loopback address")
    finally:
        probe.close()


async def _guess(server, source: str, guesses: int) -> list[tuple[int, str]]:
    connector = aiohttp.TCPConnector(local_addr=(source, 0))
    async with aiohttp.ClientSession(base_url=server.address, connector=connector, headers=JSON,
                                     cookie_jar=aiohttp.DummyCookieJar()) as client:
        answers = []
        for n in range(guesses):
            async with client.post("/join", data={"code": f"ZZZZ{n:02d}", "name": "Mallory", "partner": "-"}) as answer:
                answers.append((answer.status, (await answer.json())["message"]))
        return answers


def test_a_hundred_addresses_guessing_at_once_are_slowed_down_together(serving):
    _many_loopback_addresses()

    async def scenario():
        async with serving() as server:
            answers = await asyncio.wait_for(
                asyncio.gather(*(_guess(server, source, 3) for source in ADDRESSES)), 60)
            await asyncio.sleep(0.6)  # the room's checks come back at two a second
            phone = await join(server, name="Anna", partner="Gemeente")
            await phone.close()
            return [answer for mine in answers for answer in mine], len(server.hub.joined)

    answers, seated = run(scenario())
    checked = [message for status, message in answers if status == 403]
    slowed = [message for status, message in answers if status == 429]
    assert len(answers) == 300 and len(checked) + len(slowed) == 300
    assert set(checked) == {"That join code is not right."}
    assert len(checked) < 100  # 60, then two a second while the guesses last
    assert set(slowed) == {"Many wrong codes are being tried here. Wait a moment and try again."}
    assert seated == 1  # the right code still gets in
