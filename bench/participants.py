"""The room's figures of `make bench`, measured as a room feels them (issue 24): the facilitator's
app runs headless in this process with its server started by its own key (F8), on a 27-partner
table prepared from procesregie; the phones are browser-like clients in another process
(bench/phones.py: a form posted, then the page, as Chromium does; each holds the event stream).

- 60 phones x (10 contributions + one 8-item scale submit): request to "received" (the POST and
  the page it leads to) at p50/p95/max over every request; lost and doubled counted in the file;
- the facilitator's key during that burst: typing into the open step's entry while phones send
  contributions, grid moves on the 27-partner scale step while they score; from the key event to
  the first frame that shows it; the burst is repeated (another open step) until >= 100 keys;
- a step change reaching 60 phones: from the facilitator's key (ctrl+n) to each phone's event
  (SSE) message, whatever carries it to the server's stream;
- 200 phones joining at once (the join form posted, then the page);
- memory per connected participant.

    python bench/participants.py [--quick] [--profile FILE] [--cpu-profile FILE]   # JSON on stdout

--profile: pyinstrument of the app during the burst (wall time); --cpu-profile: cProfile of the
event loop's thread in its CPU time (time.thread_time), which a loaded machine does not inflate
(FILE: the burst, FILE.crowd: the 200 joins).
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

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (ROOT, BENCH):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

PHONES, CONTRIBUTIONS, CROWD = 60, 10, 200
QUICK = "--quick" in sys.argv  # one round only: the keys' figure then has fewer than 100 samples
OPEN_STEPS = ["checkin", "interests", "break", "pains", "close"]  # one per round: each device may send 30 to a step
SCALE = "interaction"  # procesregie's 8-item scale, per participant
KEYS_WANTED = 100
STEP_CHANGES = 6
CHANGES_FROM = "pilot"  # then pilot-team, roles, rhythm, consent, intentieverklaring, achterban
KEY_GAP = 0.03  # seconds between two of the facilitator's keys (after the frame of the last)
REFILL = 6.0  # seconds between rounds: each seat may send 30 at once and 3 a second more
SIZE = (160, 48)


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def tail(values: list[float]) -> dict[str, Any]:
    return {"p50": percentile(values, 0.5), "p95": percentile(values, 0.95), "max": max(values) if values else None,
            "n": len(values)}


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def prepare(root: Path) -> tuple[Any, str, list[str]]:
    from tests.table27 import PARTNERS, make_table
    from workshop.core.guides import load_shelf
    from workshop.core.store import Store

    store = Store(root / "store")
    store.ensure()
    return store, make_table(store, load_shelf(), lang="nl"), list(PARTNERS)


class Facilitator:
    """The app's keys, each timed from its event to the first frame that shows what it did."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.waiting: tuple[Any, asyncio.Future] | None = None
        original = app._display

        def display(screen, renderable):  # type: ignore[no-untyped-def]
            original(screen, renderable)
            if renderable is not None and self.waiting is not None:
                shown, done = self.waiting
                if shown() and not done.done():
                    done.set_result(time.monotonic())

        app._display = display  # type: ignore[method-assign]

    async def key(self, key: str, character: str | None, shown) -> float | None:  # type: ignore[no-untyped-def]
        """Ms from the key to the first frame after which `shown()` holds; None: no such frame in 3 s."""
        from textual import events

        done = asyncio.get_running_loop().create_future()
        self.waiting = (shown, done)
        started = time.monotonic()
        self.app._driver.send_message(events.Key(key, character))  # what a real key press does
        try:
            return (await asyncio.wait_for(done, 3.0) - started) * 1000
        except TimeoutError:
            return None
        finally:
            self.waiting = None

    async def type_while(self, busy: asyncio.Future, samples: list[float], missed: list[str]) -> None:
        entry = self.app.focused
        while not busy.done():
            was = entry.value
            took = await self.key("k", "k", lambda: entry.value != was)
            (samples.append(took) if took is not None else missed.append("typing"))
            await asyncio.sleep(KEY_GAP)
        entry.value = ""

    async def move_while(self, busy: asyncio.Future, samples: list[float], missed: list[str]) -> None:
        """Down and up between the first two items, in the column of the first person listed (the
        facilitator's own column to type in: no phone scores there)."""
        from textual.coordinate import Coordinate

        grid = self.app.focused
        grid.cursor_coordinate = Coordinate(0, grid.first_to_fill())
        key = "down"
        while not busy.done():
            was = grid.cursor_coordinate
            took = await self.key(key, None, lambda: grid.cursor_coordinate != was)
            (samples.append(took) if took is not None else missed.append(f"grid {key}"))
            key = "up" if grid.cursor_coordinate.row else "down"
            await asyncio.sleep(KEY_GAP)


async def measure(root: Path, profile: str | None = None, cpu_profile: str | None = None) -> dict[str, Any]:
    from screens.app import WorkshopApp
    from workshop.core.config.settings import Config
    from workshop.core.guides import load_shelf
    from workshop.core.session import SessionView

    store, session_id, partners = prepare(root)
    app = WorkshopApp(store=store, shelf=load_shelf(), lang="nl", session_id=session_id,
                      config=Config(serve_port=0))
    facilitator = Facilitator(app)
    found: dict[str, Any] = {"rounds": 0, "load": os.getloadavg()}
    profiler = None
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8")  # the facilitator's own key starts the server
        await pilot.pause()
        screen = app.screen
        server = screen.server
        gc.collect()
        before = rss_mb()
        phones = await asyncio.create_subprocess_exec(
            sys.executable, str(BENCH / "phones.py"), server.address, server.code,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, limit=64 * 1024 * 1024)

        async def ask(command: dict[str, Any]) -> dict[str, Any]:
            phones.stdin.write((json.dumps(command) + "\n").encode())
            await phones.stdin.drain()
            return json.loads(await phones.stdout.readline())

        json.loads(await phones.stdout.readline())  # ready
        seated = await ask({"do": "join", "count": PHONES, "partners": partners})
        found["seated"] = seated["outcomes"]
        await asyncio.sleep(0.5)
        gc.collect()
        found["memory_mb"] = (rss_mb() - before) / PHONES
        found["joined"] = len(server.hub.joined)

        if profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.001, async_mode="disabled")
            profiler.start()
        if cpu_profile:  # the loop thread's CPU time (not wall time: a loaded machine inflates that)
            import cProfile

            profiler = cProfile.Profile(time.thread_time)
            profiler.enable()
        cpu_started = time.process_time()
        took_c, took_s, typing, moves, missed = [], [], [], [], []
        outcomes: Counter = Counter()
        given: dict[str, dict[str, int]] = {}
        burst_started = time.monotonic()
        for number, step in enumerate(OPEN_STEPS):
            if number:
                await asyncio.sleep(REFILL)
            if screen.step_id != step:
                await screen.open_step(step)
                await pilot.pause()
            sending = asyncio.ensure_future(ask({"do": "contribute", "step": step, "round": number,
                                                 "count": CONTRIBUTIONS}))
            await facilitator.type_while(sending, typing, missed)
            answer = sending.result()
            took_c += answer["took"]
            outcomes.update(answer["outcomes"])
            await screen.open_step(SCALE)  # the pages follow
            await pilot.pause()
            scoring = asyncio.ensure_future(ask({"do": "scale", "round": number}))
            await facilitator.move_while(scoring, moves, missed)
            answer = scoring.result()
            took_s += answer["took"]
            outcomes.update(answer["outcomes"])
            given = answer["given"]
            found["rounds"] = number + 1
            if len(typing) + len(moves) >= KEYS_WANTED or QUICK:
                break
        found["burst_seconds"] = time.monotonic() - burst_started
        found["burst_cpu_seconds"] = time.process_time() - cpu_started  # the app's threads, all of them
        if cpu_profile:
            profiler.disable()
            profiler.dump_stats(cpu_profile)
        elif profiler is not None:
            profiler.stop()
            Path(profile).write_text(profiler.output_text(unicode=True, color=False, show_all=False))
            profiler.last_session.save(profile + ".pyisession")  # pyinstrument --load-prev … for another view

        # The facilitator moves on, one step at a time; each phone hears it on its event stream.
        # From the ambition's pilot on: steps the burst left empty (opening one of its steps of
        # 600 contributions is a figure of its own: the screen's, not the phones').
        await screen.open_step(CHANGES_FROM)
        await pilot.pause()
        await ask({"do": "heard"})
        pressed = []
        for _change in range(STEP_CHANGES):
            await asyncio.sleep(1.0)
            was = screen.step_id
            pressed.append(time.monotonic())
            took = await facilitator.key("ctrl+n", None, lambda: screen.step_id != was)
            if took is None:
                missed.append("ctrl+n")
        await asyncio.sleep(1.5)
        heard = (await ask({"do": "heard"}))["heard"]
        reached, unheard, per_change = [], 0, []
        for number, at in enumerate(pressed):
            until = pressed[number + 1] if number + 1 < len(pressed) else at + 5
            heard_now = 0
            for times in heard.values():
                first = min((t for t, _v in times if at <= t < until), default=None)
                if first is None:
                    unheard += 1
                else:
                    heard_now += 1
                    reached.append((first - at) * 1000)
            per_change.append((heard_now, percentile(reached[-heard_now:], 0.5) if heard_now else None))
        found["per_change"] = per_change  # (phones that heard it, their median ms)

        if cpu_profile:  # the crowd's joins in a profile of their own
            profiler = cProfile.Profile(time.thread_time)
            profiler.enable()
        crowd = await ask({"do": "crowd", "count": CROWD, "partners": partners})
        if cpu_profile:
            profiler.disable()
            profiler.dump_stats(cpu_profile + ".crowd")
        await ask({"do": "quit"})
        await phones.wait()
        found["writes"] = server.hub.writes
        await screen.stop_serving()

    view = SessionView(store.read_session(session_id))
    lost = doubled = 0
    for number, step in enumerate(OPEN_STEPS[:found["rounds"]]):
        texts = Counter(x.text for x in view.contributions(step))
        wanted = {f"P{p} r{number} idea {n}" for p in range(PHONES) for n in range(CONTRIBUTIONS)}
        lost += len(wanted - set(texts))
        doubled += sum(count - 1 for text, count in texts.items() if count > 1 and text in wanted)
    records = Counter((x.participant, x.item) for x in view.contributions(SCALE))
    doubled += sum(count - 1 for count in records.values() if count > 1)
    for name, values in given.items():
        for item, value in values.items():
            kept = view.scores(SCALE, item).get(name)
            if kept is None or kept.value != value:
                lost += 1
    found.update(
        contributions=tail(took_c), scores=tail(took_s), burst=tail(took_c + took_s), outcomes=outcomes,
        lost=lost, doubled=doubled, scores_given=sum(len(v) for v in given.values()),
        keys=tail(typing + moves), typing=tail(typing), moves=tail(moves), missed=Counter(missed),
        step=tail(reached), unheard=unheard, changes=len(pressed),
        crowd=tail(crowd["took"]), crowd_outcomes=crowd["outcomes"],
    )
    return found


def figures(Figure: type, python: str, quick: bool = False) -> list[Any]:
    """For bench/run.py: the room in its own process (the facilitator's app and its server), the
    phones in another. `quick`: one round of the burst (fewer than 100 keys: that bar is missed)."""
    import subprocess

    burst = Figure(f"{PHONES} phones x ({CONTRIBUTIONS} + 8-item scale), to received", "p95 <= 150 ms, 0 lost",
                   tail=True)
    keys = Figure("facilitator's key during the burst", "p95 <= 50 ms, n >= 100", tail=True)
    crowd = Figure(f"{CROWD} phones joining at once", "p95 <= 300 ms", tail=True)
    step = Figure(f"a step change reaching {PHONES} phones (SSE)", "p95 <= 300 ms", tail=True)
    memory = Figure("memory per connected participant", "<= 0.5 MB", unit="MB")
    every = [burst, keys, crowd, step, memory]
    done = subprocess.run([python, __file__, *(["--quick"] if quick else [])], capture_output=True, text=True,
                          timeout=900, env={**os.environ, "TEXTUAL_ANIMATIONS": "none"})
    if done.returncode != 0:
        for figure in every:
            figure.note = "error: " + (done.stderr.strip().splitlines() or ["?"])[-1][:200]
        return every
    found = json.loads(done.stdout)

    def fill(figure: Any, shown: dict[str, Any], bar: float, enough: int = 1) -> None:
        figure.median, figure.p50, figure.p95, figure.max, figure.n = \
            shown["p95"], shown["p50"], shown["p95"], shown["max"], shown["n"]
        figure.met = shown["p95"] is not None and shown["p95"] <= bar and shown["n"] >= enough

    def spread(shown: dict[str, Any]) -> str:
        if not shown["n"]:
            return "n=0"
        return f"p50 {shown['p50']:.0f}, p95 {shown['p95']:.0f}, max {shown['max']:.0f} ms, n={shown['n']}"

    fill(burst, found["burst"], 150)
    burst.met = burst.met and found["lost"] == 0 and found["doubled"] == 0
    burst.note = (f"lost {found['lost']}, doubled {found['doubled']} (the file); answers {dict(found['outcomes'])}; "
                  f"contributions {spread(found['contributions'])}; scale submits {spread(found['scores'])}; "
                  f"{found['rounds']} round(s) in {found['burst_seconds']:.1f} s, {found['writes']} durable writes; "
                  f"a scale is one form with its 8 items (bench/phones.py submit_scale)")
    fill(keys, found["keys"], 50, KEYS_WANTED)
    keys.note = (f"typing {spread(found['typing'])}; grid moves {spread(found['moves'])}"
                 + (f"; no frame within 3 s: {dict(found['missed'])}" if found["missed"] else ""))
    fill(crowd, found["crowd"], 300)
    crowd.met = crowd.met and found["crowd_outcomes"].get("joined", 0) == CROWD
    crowd.note = f"answers {dict(found['crowd_outcomes'])}; the join form posted, then the step's page"
    fill(step, found["step"], 300)
    step.met = step.met and found["unheard"] == 0
    step.note = (f"{found['changes']} changes (ctrl+n) x {PHONES} phones, from the key to the event on each "
                 f"phone's stream; unheard {found['unheard']}")
    memory.median = found["memory_mb"]
    memory.met = memory.median <= 0.5
    memory.note = f"{found['joined']} joined, each with an open event stream; the app's RSS growth / {PHONES}"
    return every


if __name__ == "__main__":
    import tempfile

    profile_to = sys.argv[sys.argv.index("--profile") + 1] if "--profile" in sys.argv else None
    cpu_to = sys.argv[sys.argv.index("--cpu-profile") + 1] if "--cpu-profile" in sys.argv else None
    with tempfile.TemporaryDirectory(dir=BENCH) as folder:
        print(json.dumps(asyncio.run(measure(Path(folder), profile_to, cpu_to)), indent=1))
