"""The first F8 does not load the participants' server on the facilitator's event loop (issue 24,
point 10: it froze the screen for 0.25–0.36 s): a thread loads it once the session screen is up,
and an F8 pressed before that waits for the thread instead of loading it on the loop.

Each scenario runs in a fresh interpreter: only there is the server not loaded yet. A finder at
the head of `sys.meta_path` notes which thread loads each of its modules. No time is asserted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("aiohttp", "jinja2", "segno", "workshop.serve", "screens.widgets.join_panel")

SCENARIO = textwrap.dedent("""
    import asyncio, json, sys, threading
    from pathlib import Path

    HEAVY = {heavy!r}
    loads = []  # (module, loaded on the event loop's thread, F8 pressed already)
    pressed = []

    class Spy:
        def find_spec(self, name, path=None, target=None):
            if any(name == h or name.startswith(h + ".") for h in HEAVY):
                loads.append((name, threading.current_thread() is threading.main_thread(), bool(pressed)))
            return None

    sys.meta_path.insert(0, Spy())

    from screens import serve_warm
    from screens.app import WorkshopApp
    from workshop.core.guides import load_shelf
    from workshop.core.config.settings import Config
    from workshop.core.store import Store

    serve_warm.WARM_AFTER = {warm_after}

    async def scenario():
        app = WorkshopApp(store=Store(Path({store!r})), shelf=load_shelf(), lang="en", session_id={session!r},
                          config=Config(serve_port=0))
        async with app.run_test(size=(140, 50)) as pilot:
            await pilot.pause()
            started_by_screen = serve_warm._warming is not None
            if {before!r}:
                await asyncio.wrap_future(serve_warm._warming)  # the screen's warm-up, done
            before = sorted(sys.modules.keys() & set(HEAVY))
            pressed.append(True)
            await pilot.press("f8")
            await pilot.pause()
            serving = app.screen.server is not None and app.screen.server.running
            await app.screen.stop_serving()
        return dict(started_by_screen=started_by_screen, before=before, serving=serving, loads=loads)

    print(json.dumps(asyncio.run(scenario())))
""")


def run_scenario(store, session_id: str, warm_after: float, before: bool) -> dict:
    code = SCENARIO.format(heavy=HEAVY, warm_after=warm_after, store=str(store.root), session=session_id,
                           before=before)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TEXTUAL_ANIMATIONS": "none"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_server_is_loaded_by_a_thread_once_the_session_screen_is_up(store, room_session):
    found = run_scenario(store, room_session, warm_after=0.0, before=True)
    assert found["started_by_screen"]
    assert set(found["before"]) == set(HEAVY)  # all loaded before F8 …
    assert found["loads"] and not [name for name, on_loop, _f8 in found["loads"] if on_loop]  # … none on the loop
    assert not [name for name, _loop, after_f8 in found["loads"] if after_f8]  # F8 had nothing left to load
    assert found["serving"]


def test_an_f8_before_the_warm_up_waits_for_the_thread_and_loads_nothing_on_the_loop(store, room_session):
    found = run_scenario(store, room_session, warm_after=3600.0, before=False)
    assert not found["started_by_screen"] and found["before"] == []  # F8 came first
    loaded_by_f8 = [name for name, _loop, after_f8 in found["loads"] if after_f8]
    assert "aiohttp" in loaded_by_f8 and "screens.widgets.join_panel" in loaded_by_f8
    assert not [name for name, on_loop, _f8 in found["loads"] if on_loop]
    assert found["serving"]
