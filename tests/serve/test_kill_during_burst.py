"""kill -9 of the serving process during a burst of 60 participants: every submission that was
answered "received" is in the session file, once."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
from collections import Counter

import aiohttp

from tests.serve.helpers import JSON, saved


async def _start(session_id: str) -> tuple[subprocess.Popen, str, str]:
    process = subprocess.Popen([sys.executable, "-m", "workshop", "--lang", "en", "serve", session_id, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ})
    address = code = ""
    while not (address and code):
        line = await asyncio.to_thread(process.stdout.readline)
        assert line, process.stderr.read()
        if found := re.search(r"join at (http://\S+)", line):
            address = found.group(1)
        if found := re.search(r"Join code: (\w+)", line):
            code = found.group(1)
    return process, address, code


async def _participant(number: int, address: str, code: str, received: list[str], ready: list[int],
                       go: asyncio.Event) -> None:
    async with aiohttp.ClientSession(base_url=address, cookie_jar=aiohttp.CookieJar(unsafe=True), headers=JSON) as client:
        async with client.post("/join", data={"code": code, "name": f"P{number}", "partner": "Gemeente"}):
            pass
        tokens = []
        for _n in range(10):
            async with client.get("/token") as answer:
                tokens.append((await answer.json())["token"])
        ready.append(number)
        await go.wait()

        async def one(n: int) -> None:
            try:
                async with client.post("/send", data={"what": "contribution", "step": "ideas", "csrf": tokens[n],
                                                      "uid": f"{number}-{n}", "text": f"P{number} idea {n}"}) as answer:
                    body = await answer.json()
                    if body.get("status") == "received":
                        received.append(body["uid"])
            except (TimeoutError, aiohttp.ClientError, ValueError):
                pass  # the server died: this one was never answered "received"

        await asyncio.gather(*(one(n) for n in range(10)))


def test_every_submission_answered_received_survives_kill_9(store, room_session):
    async def scenario() -> list[str]:
        process, address, code = await _start(room_session)
        try:
            received: list[str] = []
            ready: list[int] = []
            go = asyncio.Event()
            everyone = [asyncio.create_task(_participant(n, address, code, received, ready, go)) for n in range(60)]
            while len(ready) < 60:
                await asyncio.sleep(0.05)
            go.set()
            while len(received) < 150:
                await asyncio.sleep(0.001)
            process.send_signal(signal.SIGKILL)
            await asyncio.gather(*everyone)
            return received
        finally:
            process.kill()
            process.wait()

    received = asyncio.run(asyncio.wait_for(scenario(), 60))
    in_file = Counter(x.uid for x in saved(store, room_session))
    assert len(received) >= 150
    assert [uid for uid in received if in_file[uid] != 1] == []
    assert max(in_file.values()) == 1
