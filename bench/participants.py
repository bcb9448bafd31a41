"""The participants' figures of `make bench`: 60 participants (an aiohttp client in a separate
process) each send 10 contributions and then 8 scores at once to the facilitator's app, which
runs headless with its server started by its own key (F8).

- request → "received" at p50 and p95, and 0 lost / 0 duplicated in the session file;
- the facilitator's key press during the contributions' burst (typing into the step's entry,
  measured in-process from the key event to the frame that shows it, as the key figure does);
- memory per connected participant: the app's RSS with 60 joined and listening for events,
  over its RSS before they came, divided by 60.

    python bench/participants.py client ADDRESS CODE   # the participants (used by the bench)
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

PARTICIPANTS, CONTRIBUTIONS, SCORES = 60, 10, 8
ITEMS = [f"item{n}" for n in range(SCORES)]
GUIDE = """
[guide]
id = "bench-room"
title = { en = "Bench room", nl = "Benchzaal" }

[[steps]]
id = "ideas"
kind = "open"
title = { en = "Ideas", nl = "Ideeën" }
prompt = { en = "What could we try?", nl = "Wat kunnen we proberen?" }

[[steps]]
id = "trust"
kind = "scale"
per = "participant"
blind = true
title = { en = "Trust", nl = "Vertrouwen" }
prompt = { en = "Score each statement.", nl = "Geef elke stelling een score." }
""" + "".join(f"""
[[steps.items]]
id = "{item}"
text = {{ en = "Statement {item}", nl = "Stelling {item}" }}
""" for item in ITEMS)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


# --- the participants (a separate process) ----------------------------------------------------


async def client(address: str, code: str) -> None:
    import aiohttp

    json_only = {"Accept": "application/json"}
    connector = aiohttp.TCPConnector(limit=0)
    sessions = [aiohttp.ClientSession(base_url=address, cookie_jar=aiohttp.CookieJar(unsafe=True),
                                      headers=json_only, connector=connector, connector_owner=False)
                for _n in range(PARTICIPANTS)]
    tokens: list[list[str]] = []
    listeners = []
    for number, session in enumerate(sessions):
        async with session.post("/join", data={"code": code, "name": f"P{number}", "partner": "Gemeente"}) as answer:
            assert answer.status == 200, await answer.text()
        mine = []
        for _n in range(CONTRIBUTIONS + SCORES):
            async with session.get("/token") as answer:
                mine.append((await answer.json())["token"])
        tokens.append(mine)
        listeners.append(await session.get("/events"))  # a page that follows the meeting
    received: list[str] = []
    refused: list[str] = []

    async def one(session, form: dict[str, str], took: list[float]) -> None:
        started = time.perf_counter()
        async with session.post("/send", data=form) as answer:
            body = await answer.json()
        took.append((time.perf_counter() - started) * 1000)
        (received if body.get("status") == "received" else refused).append(body.get("uid") or body.get("message", ""))

    def say(message: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()

    say({"ready": True})
    await asyncio.to_thread(sys.stdin.readline)
    took_a: list[float] = []

    async def contributes(p: int, session) -> None:  # a phone sends one form after another
        for n in range(CONTRIBUTIONS):
            await one(session, {"what": "contribution", "step": "ideas", "csrf": tokens[p][n],
                                "uid": f"{p}-{n}", "text": f"P{p} idea {n}"}, took_a)

    await asyncio.gather(*(contributes(p, session) for p, session in enumerate(sessions)))
    say({"phase": "contributions", "took": took_a})
    await asyncio.to_thread(sys.stdin.readline)
    took_b: list[float] = []

    async def scores(p: int, session) -> None:
        for n in range(SCORES):
            await one(session, {"what": "score", "step": "trust", "item": ITEMS[n], "value": str(1 + (p + n) % 5),
                                "csrf": tokens[p][CONTRIBUTIONS + n], "uid": f"s{p}-{n}"}, took_b)

    await asyncio.gather(*(scores(p, session) for p, session in enumerate(sessions)))
    say({"phase": "scores", "took": took_b, "received": len(received), "refused": refused[:5],
         "refused_count": len(refused)})
    await asyncio.to_thread(sys.stdin.readline)
    for listener in listeners:
        listener.close()
    for session in sessions:
        await session.close()
    await connector.close()


# --- the facilitator's app (this process) ---------------------------------------------------------


def prepare(root: Path) -> tuple[Any, str]:
    from workshop.guides import load_shelf
    from workshop.model import Participant
    from workshop.prepare import Plan, prepare_session
    from workshop.store import Store

    guides = root / "guides"
    guides.mkdir(parents=True, exist_ok=True)
    (guides / "bench-room.toml").write_text(GUIDE, encoding="utf-8")
    store = Store(root / "store")
    store.ensure()
    plan = Plan(collaboration="Bench", guide=load_shelf(guides).get("bench-room"), partners=["Gemeente", "Zorggroep"],
                participants=[Participant.parse("Anna@Gemeente")], lang="en", date="2026-11-28")
    return store, prepare_session(store, plan)


async def measure(root: Path) -> dict[str, Any]:
    from textual import events

    from screens.app import WorkshopApp
    from workshop.settings import Config
    from workshop.guides import load_shelf
    from workshop.session import SessionView

    store, session_id = prepare(root)
    app = WorkshopApp(store=store, shelf=load_shelf(), lang="en", session_id=session_id,
                      config=Config(serve_port=0))
    frames: list[float] = []
    original = app._display

    def display(screen, renderable):  # type: ignore[no-untyped-def]
        original(screen, renderable)
        if renderable is not None:
            frames.append(time.monotonic())

    app._display = display  # type: ignore[method-assign]
    result: dict[str, Any] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f8")  # the facilitator's own key starts the server
        await pilot.pause()
        server = app.screen.server
        gc.collect()
        before = rss_mb()
        participants = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "client", server.address, server.code,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)

        async def heard() -> dict[str, Any]:
            return json.loads(await participants.stdout.readline())

        await heard()  # all joined, each listening for events
        await asyncio.sleep(0.5)
        gc.collect()
        result["memory_mb"] = (rss_mb() - before) / PARTICIPANTS
        result["joined"] = len(server.hub.joined)

        entry = app.focused
        keys: list[float] = []

        async def press(character: str) -> None:
            started = time.monotonic()
            was = entry.value
            app._driver.send_message(events.Key(character, character))  # what a real key press does
            while entry.value == was and time.monotonic() - started < 2:
                await asyncio.sleep(0.0005)
            changed = time.monotonic()
            while not [f for f in frames if f >= changed - 0.0005] and time.monotonic() - started < 2:
                await asyncio.sleep(0.0005)
            shown = [f for f in frames if f >= changed - 0.0005]
            if shown:
                keys.append((shown[0] - started) * 1000)

        participants.stdin.write(b"go\n")
        await participants.stdin.drain()
        phase = asyncio.ensure_future(heard())
        while not phase.done():
            await press("k")
            await asyncio.sleep(0.02)
        contributions = phase.result()
        entry.value = ""
        await app.screen.open_step("trust")  # the facilitator moves on; the pages follow
        participants.stdin.write(b"go\n")
        await participants.stdin.drain()
        scores = await heard()
        participants.stdin.write(b"done\n")
        await participants.stdin.drain()
        await participants.wait()
        writes = server.hub.writes
        await app.screen.stop_serving()
    view = SessionView(store.read_session(session_id))
    texts = Counter(x.text for x in view.contributions("ideas"))
    expected = {f"P{p} idea {n}" for p in range(PARTICIPANTS) for n in range(CONTRIBUTIONS)}
    score_keys = Counter((x.participant, x.item) for x in view.contributions("trust"))
    expected_scores = {(f"P{p}", item) for p in range(PARTICIPANTS) for item in ITEMS}
    result.update(
        took=contributions["took"] + scores["took"], keys=keys, writes=writes,
        p95_contributions=percentile(contributions["took"], 0.95), p95_scores=percentile(scores["took"], 0.95),
        lost=len(expected - set(texts)) + len(expected_scores - set(score_keys)),
        duplicated=sum(n - 1 for n in texts.values() if n > 1) + sum(n - 1 for n in score_keys.values() if n > 1),
        refused=scores["refused_count"], refused_examples=scores["refused"],
    )
    return result


def figures(Figure: type, python: str) -> list[Any]:
    """For bench/run.py: the burst in its own process (the facilitator's app and its server),
    the participants in another."""
    import subprocess

    burst = Figure(f"{PARTICIPANTS} participants x {CONTRIBUTIONS}+{SCORES}: p95 to received", "<= 150 ms p95")
    keys = Figure("key press during the participants' burst", "<= 50 ms")
    memory = Figure("memory per connected participant", "<= 0.5 MB", unit="MB")
    done = subprocess.run([python, __file__], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "TEXTUAL_ANIMATIONS": "none"})
    if done.returncode != 0:
        for figure in (burst, keys, memory):
            figure.note = "error: " + (done.stderr.strip().splitlines() or ["?"])[-1][:200]
        return [burst, keys, memory]
    found = json.loads(done.stdout)
    burst.median, burst.samples = found["p95"], []
    burst.met = found["p95"] <= 150 and found["lost"] == 0 and found["duplicated"] == 0
    burst.note = (f"p50 {found['p50']:.0f} ms, p95 {found['p95']:.0f} ms over {found['n']} requests; "
                  f"lost {found['lost']}, duplicated {found['duplicated']}, refused {found['refused']}; "
                  f"p95 contributions {found['p95_contributions']:.0f} ms, scores {found['p95_scores']:.0f} ms; "
                  f"{found['writes']} durable writes (group commits); each participant sends one form after another")
    keys.median = found["key_median"]
    keys.met = keys.median is not None and keys.median <= 50
    keys.note = f"p95 {found['key_p95'] or 0:.0f} ms, n={found['key_n']}, typing into the open step's entry"
    memory.median = found["memory_mb"]
    memory.met = memory.median <= 0.5
    memory.note = f"{found['joined']} joined, each with an open event stream; the app's RSS growth / {PARTICIPANTS}"
    return [burst, keys, memory]


if __name__ == "__main__" and len(sys.argv) == 4 and sys.argv[1] == "client":
    asyncio.run(client(sys.argv[2], sys.argv[3]))
elif __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(dir=Path(__file__).parent) as folder:
        found = asyncio.run(measure(Path(folder)))
    took, keys = found.pop("took"), found.pop("keys")
    print(json.dumps({**found, "p50": percentile(took, 0.5), "p95": percentile(took, 0.95), "n": len(took),
                      "key_median": percentile(keys, 0.5) if keys else None,
                      "key_p95": percentile(keys, 0.95) if keys else None, "key_n": len(keys)}, indent=1))
