"""Connections no phone can use up: 2,000 idle and half-open connections (no code needed) while
the facilitator types and a phone sends, both saved; an idle connection is closed after its
timeout; one address holds only so many connections.

The flood comes from another process, to 127.0.0.1 only, bounded in count and time; the app's
descriptor limit is lowered for the test so that without the limits the flood would take them all.
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys

import pytest

from tests.serve.helpers import join, saved, send
from tests.serve.test_join_panel import SIZE, make_app
from tests.ui.helpers import record_toasts, toasts

FLOOD = r"""
import resource, socket, sys, time
port, count, source = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
wanted = count + 100 if hard == resource.RLIM_INFINITY else min(hard, count + 100)
if soft < wanted:
    resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
held, deadline = [], time.monotonic() + 20
for n in range(count):
    if time.monotonic() > deadline:
        break
    s = socket.socket()
    s.settimeout(2)
    try:
        s.bind((source, 0))
        s.connect(("127.0.0.1", port))
        if n % 2:
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1")  # half a header, never finished
        held.append(s)
    except OSError:
        s.close()
print(len(held), flush=True)
sys.stdin.read()  # held until the test lets go
"""


class Flood:
    """`count` idle connections from another process, held until the block ends."""

    def __init__(self, port: int, count: int, source: str = "127.0.0.1") -> None:
        self.args = [sys.executable, "-c", FLOOD, str(port), str(count), source]

    async def __aenter__(self) -> int:
        self.process = subprocess.Popen(self.args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = await asyncio.wait_for(asyncio.to_thread(self.process.stdout.readline), 30)
        return int(line or 0)

    async def __aexit__(self, *problem) -> None:
        self.process.stdin.close()
        try:
            await asyncio.to_thread(self.process.wait, 10)
        finally:
            self.process.kill()
            self.process.stdout.close()


@pytest.fixture
def few_descriptors(monkeypatch):
    """The app may open only 300 descriptors more than it has now (and does not raise that)."""
    resource = pytest.importorskip("resource")
    from workshop.serve import doors

    monkeypatch.setattr(doors, "more_descriptors", lambda: None)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)

    def lower() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (doors.descriptors_open() + 300, hard))

    yield lower
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_two_thousand_idle_connections_and_the_facilitator_s_save_and_a_phone_s_send_succeed(
        store, room_session, few_descriptors):
    async def scenario():
        app = make_app(store, room_session)
        record_toasts(app)
        async with app.run_test(size=SIZE) as pilot:
            few_descriptors()
            await pilot.press("f8")
            await pilot.pause()
            server = app.screen.server
            async with Flood(server.port, 2_000) as held:
                await pilot.press(*"Typed", "space", *"meanwhile", "enter")
                await pilot.pause()
                phone = await join(server, name="Bram")
                status, answer = await send(phone, what="contribution", step="ideas", text="From a phone")
                await phone.close()
                problems = toasts(app, "error")
            await pilot.press("f8")
            await pilot.pause()
            return held, status, answer, problems, server.doors

    held, status, answer, problems, doors = asyncio.run(asyncio.wait_for(scenario(), 90))
    assert problems == []
    assert status == 200 and answer["status"] == "received"
    texts = sorted(x.text for x in saved(store, room_session))
    assert texts == ["From a phone", "Typed meanwhile"]
    assert held >= 1_900  # the flood got its connections (the server closed most of them again)
    assert doors.closed_idle + doors.refused >= 1_500


def _closed_by_server(sock: socket.socket, wait: float) -> bool:
    sock.settimeout(wait)
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def test_a_connection_that_sends_half_a_header_is_closed_after_the_idle_timeout(serving):
    from workshop.serve.doors import Doors

    async def scenario():
        async with serving(doors=Doors(idle_timeout=1.0)) as server:
            quiet = socket.create_connection(("127.0.0.1", server.port))
            slow = socket.create_connection(("127.0.0.1", server.port))
            slow.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1")
            closed = await asyncio.gather(*(asyncio.to_thread(_closed_by_server, s, 5) for s in (quiet, slow)))
            quiet.close()
            slow.close()
            return closed

    assert asyncio.run(scenario()) == [True, True]


def test_one_address_holds_only_so_many_connections_and_a_phone_elsewhere_still_sends(serving):
    from workshop.serve.doors import Doors

    probe = socket.socket()
    try:
        probe.bind(("127.0.0.2", 0))  # a second loopback address: Linux has them, a Mac may not
    except OSError:
        pytest.skip("no second loopback address here")
    finally:
        probe.close()

    async def scenario():
        doors = Doors(per_address=8, shared=lambda address: address != "127.0.0.2")
        async with serving(doors=doors) as server:
            async with Flood(server.port, 50, source="127.0.0.2") as held:
                await asyncio.sleep(0.3)
                from_there = doors.by_address["127.0.0.2"]
                phone = await join(server, name="Bram")
                status, _answer = await send(phone, what="contribution", step="ideas", text="Still here")
                await phone.close()
            return held, from_there, status

    held, from_there, status = asyncio.run(asyncio.wait_for(scenario(), 60))
    assert held == 50 and from_there == 8
    assert status == 200


def test_one_seat_cannot_hold_connections_open_by_listening_again_and_again(serving):
    from workshop.serve.app import MAX_STREAMS

    async def scenario():
        async with serving() as server:
            phone = await join(server, name="Bram")
            streams = [await phone.get("/events", headers={"Accept": "text/event-stream"}) for _n in range(MAX_STREAMS)]
            async with phone.get("/events", headers={"Accept": "application/json"}) as one_more:
                refused = one_more.status, (await one_more.json())["message"]
            for stream in streams:
                stream.close()
            await phone.close()
            return [stream.status for stream in streams], refused

    listening, refused = asyncio.run(asyncio.wait_for(scenario(), 30))
    assert listening == [200] * 8
    assert refused == (429, "This device has the meeting open too often. Close a tab and reload.")
