"""The fault suites for phones at their limits: kill -9 of the server while devices flood past
their budget, and a full disk during a burst of sends with resends. Every submission answered
"received" (or "already received") is on disk once; nothing refused is on disk (a submission in
flight when the server died may be on disk unanswered: it was saved, the answer never left); the
budget holds and the session opens."""

from __future__ import annotations

import asyncio
import errno
import re
import signal
from collections import Counter

import aiohttp

from tests.serve.conftest import run
from tests.serve.helpers import JSON, join, saved, token
from tests.serve.test_kill_during_burst import _start
from workshop.core.session import SaveFailed

DEVICES = 20
EACH = 40  # ten past the budget of 30 per step
KILL_AT = DEVICES * 30 * 2 // 3  # received when the server is killed, with devices refused at their budget


async def _flooding_device(number: int, address: str, code: str, received: list[str], refused: Counter,
                           refused_uids: list[str], ready: list[int], go: asyncio.Event) -> None:
    async with aiohttp.ClientSession(base_url=address, cookie_jar=aiohttp.CookieJar(unsafe=True), headers=JSON) as client:
        async with client.post("/join", data={"code": code, "name": f"Flood {number}", "partner": "-"}):
            pass
        tokens = []
        for _n in range(EACH):
            async with client.get("/token") as answer:
                tokens.append((await answer.json())["token"])
        ready.append(number)
        await go.wait()

        async def one(n: int) -> None:
            try:
                async with client.post("/send", data={"what": "contribution", "step": "ideas", "csrf": tokens[n],
                                                      "uid": f"{number}-{n}", "text": f"flood {number} {n}"}) as answer:
                    body = await answer.json()
                    if body.get("status") == "received":
                        received.append(body["uid"])
                    else:
                        refused[answer.status] += 1
                        refused_uids.append(f"flood {number} {n}")  # its text: a refused one has no uid
            except (TimeoutError, aiohttp.ClientError, ValueError):
                pass  # the server died: never answered "received"

        await asyncio.gather(*(one(n) for n in range(EACH)))


def test_kill_9_while_devices_flood_past_their_budget_keeps_every_received_once(store, room_session):
    async def scenario():
        process, address, code = await _start(room_session)
        try:
            received: list[str] = []
            refused: Counter = Counter()
            refused_uids: list[str] = []
            go, ready = asyncio.Event(), []
            devices = [asyncio.create_task(_flooding_device(n, address, code, received, refused, refused_uids, ready, go))
                       for n in range(DEVICES)]
            while len(ready) < DEVICES:
                await asyncio.sleep(0.05)
            go.set()
            while len(received) < KILL_AT or not refused[429]:
                await asyncio.sleep(0.001)
            process.send_signal(signal.SIGKILL)
            await asyncio.gather(*devices)
            return received, refused, refused_uids
        finally:
            process.kill()
            process.wait()
            process.stdout.close()
            process.stderr.close()

    received, refused, refused_uids = asyncio.run(asyncio.wait_for(scenario(), 60))
    from workshop.core.session import LiveSession

    on_disk = Counter(x.uid for x in saved(store, room_session))
    by_device = Counter(x.participant for x in saved(store, room_session))
    assert len(received) >= KILL_AT and refused[429] > 0  # killed at the budget
    assert [uid for uid in received if on_disk[uid] != 1] == []
    assert set(received) <= set(on_disk) and max(on_disk.values()) == 1  # each received one once
    texts = Counter(x.text for x in saved(store, room_session))
    assert not set(refused_uids) & set(texts)  # refused means not kept
    sent = {f"flood {d} {n}" for d in range(DEVICES) for n in range(EACH)}
    assert set(texts) <= sent and max(texts.values()) == 1  # beyond "received" only what was in flight
    assert max(by_device.values()) <= 30
    LiveSession(store.open_session(room_session)).release()  # it opens


def test_a_full_disk_during_a_burst_of_sends_and_resends_keeps_each_acknowledged_once(serving, store, monkeypatch):
    from workshop.core.store import atomic
    from workshop.serve.app import SETTINGS
    from workshop.serve.guard import RateLimit

    real, writes = atomic.write_atomically, Counter()

    first_eighths: set[bytes] = set()

    def every_third_write_finds_the_disk_full(path, payload):
        writes["tried"] += 1
        # each device's ninth text meets a full disk on its first write, whatever the batching:
        # its phone gives up, and what was refused must not be kept
        eighths = set(re.findall(rb'"burst \d+ 8"', payload)) - first_eighths
        first_eighths.update(eighths)
        if writes["tried"] % 3 == 0 or eighths:
            writes["refused"] += 1
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, payload)

    async def device(server, number: int, acknowledged: dict[str, str], answers: Counter) -> None:
        client = await join(server, name=f"Burst {number}", partner="-")
        try:
            async def one(n: int) -> None:
                form = {"what": "contribution", "step": "ideas", "text": f"burst {number} {n}",
                        "uid": f"{number}-{n}", "csrf": await token(client)}
                reply_lost = n % 2 == 1  # sent once more after "received", as after a lost reply
                for attempt in range(12):  # the same form again, as the page does after a refusal
                    async with client.post("/send", data=form) as answer:
                        body = await answer.json()
                    answers[(answer.status, body["status"])] += 1
                    if body["status"] in ("received", "already received"):
                        acknowledged[form["uid"] + f"@{number}"] = body["uid"]
                        if not reply_lost:
                            return
                        reply_lost = False
                        continue
                    if n == 8:  # this one's phone gives up after a refusal: it must not be kept
                        gave_up.append(form["uid"])
                        return
                    await asyncio.sleep(0.01 * attempt)

            await asyncio.gather(*(one(n) for n in range(10)))
        finally:
            await client.close()

    async def scenario():
        async with serving() as server:
            server.runner.app[SETTINGS]["send_limit"] = RateLimit(burst=1_000, per_second=1_000)
            monkeypatch.setattr(atomic, "write_atomically", every_third_write_finds_the_disk_full)
            acknowledged: dict[str, str] = {}
            answers: Counter = Counter()
            await asyncio.wait_for(asyncio.gather(*(device(server, n, acknowledged, answers) for n in range(12))), 60)
            server.live.add("ideas", "The facilitator types on")  # a later save keeps nothing refused
            for _attempt in range(3):  # every third write finds the disk full: the app tries again
                try:
                    await server.live.save_pending()
                    break
                except SaveFailed:
                    continue
            return acknowledged, answers, server.live.id

    gave_up: list[str] = []
    acknowledged, answers, session_id = run(scenario())
    on_disk = Counter(x.uid for x in saved(store, session_id))
    assert writes["refused"] > 0 and answers[(503, "refused")] > 0  # the disk was full, and said so
    lost_replies = sum(1 for key in acknowledged if int(key.split("@")[0].split("-")[1]) % 2)
    assert answers[(200, "already received")] == lost_replies == 60
    assert len(gave_up) == 12 and len(acknowledged) + len(gave_up) == 120  # the rest got through in the end
    assert [uid for uid in acknowledged.values() if on_disk[uid] != 1] == []
    del on_disk[next(x.uid for x in saved(store, session_id) if x.text == "The facilitator types on")]
    assert sorted(on_disk) == sorted(set(acknowledged.values()))  # nothing on disk that was not acknowledged
