"""The participants' server loaded before the first F8, off the facilitator's event loop.

Its modules (aiohttp, jinja2, segno, the join panel) and Babel's number data take ~0.2 s to load,
which F8 did on the event loop: the screen froze a quarter of a second. Once a session screen
that can take phones is up, a thread loads them (once per process); F8 awaits that thread, or
starts it, and so never loads them on the loop. Started a moment after the screen is up, so its
first frames come first; a session nobody serves pays only the memory (the app does not start
the server by itself).
"""

from __future__ import annotations

import asyncio
import sys
import threading
from concurrent.futures import Future

WARM_AFTER = 1.0  # seconds after the session screen is up
LOADED = "screens.widgets.join_panel"  # the last module F8 needs: loaded, nothing is left to warm

_lock = threading.Lock()
_warming: Future | None = None


def warm() -> None:
    """Load what F8 loads, in the order it does (one order in both threads: no import deadlock)."""
    import screens.widgets.join_panel  # noqa: F401 - workshop.serve: aiohttp, jinja2, the hub, the pages
    import workshop.core.config.settings  # here: in the warming thread, off the loop
    import workshop.serve.doors  # here: in the warming thread, off the loop
    import workshop.serve.qr  # noqa: F401 - segno
    from workshop.core.text.i18n import number  # here: this runs in the warming thread, as the imports above

    number(1)  # Babel's number symbols for the app's language: the panel's counts


def start() -> Future:
    """The one warming thread of this process, started if it was not."""
    global _warming
    with _lock:
        if _warming is None:
            _warming = Future()
            threading.Thread(target=_run, args=(_warming,), name="warm-serve", daemon=True).start()
        return _warming


def _run(done: Future) -> None:
    try:
        warm()
    except BaseException as problem:  # noqa: BLE001 - F8 loads again on the loop and says what failed
        done.set_exception(problem)
    else:
        done.set_result(None)


def warm_soon(screen) -> None:
    """Once `screen` (a session screen) is up: warm a moment later, unless it is loaded already."""
    if LOADED in sys.modules:
        return
    if WARM_AFTER > 0:
        screen.set_timer(WARM_AFTER, start)
    else:
        start()


async def warmed() -> None:
    """For F8: the modules loaded by the thread (waited for, not loaded here); errors are F8's to say."""
    if LOADED in sys.modules and _warming is None:
        return
    try:
        await asyncio.wrap_future(start())
    except Exception:  # noqa: BLE001
        pass
