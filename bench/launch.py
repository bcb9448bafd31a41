"""Start an app the way a user does, stop it once its first complete frame is drawn, and say when.

    BENCH_T0=<time.monotonic() of the parent just before it started this process>
    python bench/launch.py bare | home STORE | session STORE SESSION_ID
        [--out FILE] [--screenshot SVG] [--trace] [--exit-at-frame]

`bare` runs bench/bare_app.py; `home` and `session` run the real `workshop` command line
(`workshop --store STORE` and `workshop --store STORE open SESSION_ID`), so start-up includes
everything a user waits for. All three are run the same way: `App.run` is wrapped to run headless
at a fixed size with an auto-pilot that waits until the screen has settled (no new frame for a
while, workers done) and then exits. Every frame the app hands to its driver is time-stamped
(`App._display`); the figure is the last frame before it settled: the first complete frame.
Times are measured from BENCH_T0 on the shared monotonic clock, so interpreter start-up and
imports count. The result is one JSON line written to --out (or stdout). It also gives the
process's CPU time up to that frame (`cpu_frame`), which a busy machine disturbs less.

--exit-at-frame ends the process as soon as the result is written (no shutdown), so that a
whole-process count such as `valgrind --tool=callgrind`'s instructions covers start-up to the
settled frame only: a deterministic figure for comparing two versions on a busy machine.
"""

from __future__ import annotations

import os
import time

T0 = float(os.environ.get("BENCH_T0") or time.monotonic())

import asyncio  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SIZE = (120, 40)
QUIET = 0.25  # seconds without a new frame that count as settled
PATIENCE = 20.0  # seconds to wait at most for the first complete frame


def peak_memory_mb() -> float | None:
    """This process's peak resident memory (VmHWM). Unlike the parent's ru_maxrss of a child, it
    starts afresh at exec, so the parent's own size (copied by fork) does not count."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def describe(update) -> str:  # type: ignore[no-untyped-def]
    """What a frame changed: the whole screen, or which lines (for --trace)."""
    spans = getattr(update, "spans", None)
    if spans:
        lines = sorted({y for y, _x1, _x2 in spans})
        return f"lines {lines[0]}-{lines[-1]} ({len(lines)})"
    region = getattr(update, "region", None)
    return f"full {region.width}x{region.height}" if region is not None else type(update).__name__


def main(argv: list[str]) -> int:
    out_path, screenshot, trace, exit_at_frame = None, None, False, False
    args = []
    rest = iter(argv)
    for arg in rest:
        if arg == "--out":
            out_path = next(rest)
        elif arg == "--screenshot":
            screenshot = next(rest)
        elif arg == "--trace":
            trace = True
        elif arg == "--exit-at-frame":
            exit_at_frame = True
        else:
            args.append(arg)
    mode = args[0]
    result: dict = {"mode": mode}

    from textual.app import App

    frames: list[float] = []
    cpu: list[float] = []  # the process's CPU time at each frame
    drawn: list[str] = []
    original_display = App._display

    def display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
        original_display(self, screen, renderable)
        if renderable is not None and not self._batch_count:
            frames.append(time.monotonic())
            cpu.append(time.process_time())
            if trace:
                drawn.append(describe(renderable))

    async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        deadline = time.monotonic() + PATIENCE
        blocked = 0.0  # when the event loop was last found busy (a busy loop is not settled)
        while time.monotonic() < deadline:
            asleep = time.monotonic()
            await asyncio.sleep(0.01)
            now = time.monotonic()
            if now - asleep > 0.025:
                blocked = now
            working = any(not worker.is_finished for worker in app.workers)
            if frames and now - max(frames[-1], blocked) >= QUIET and (not working or now > deadline - 5):
                break
        result.update(
            first_frame=(frames[0] - T0) if frames else None,
            frame=(frames[-1] - T0) if frames else None,
            frames=len(frames),
            cpu_frame=cpu[-1] if cpu else None,
            times=[round(f - T0, 4) for f in frames],
            **({"drawn": drawn} if trace else {}),
            screen=type(app.screen).__name__,
            settled=time.monotonic() < deadline,
        )
        if screenshot:
            app.save_screenshot(filename=Path(screenshot).name, path=str(Path(screenshot).parent))
        if exit_at_frame:
            finish(result, out_path)
            os._exit(0)
        app.exit()

    original_run = App.run

    def run(self, *run_args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.update(headless=True, size=SIZE, auto_pilot=settle)
        return original_run(self, *run_args, **kwargs)

    App._display = display  # type: ignore[method-assign]
    App.run = run  # type: ignore[method-assign]

    status = 0
    try:
        if mode == "bare":
            sys.path.insert(0, str(ROOT / "bench"))
            from bare_app import BareApp

            BareApp().run()
        else:
            sys.path.insert(0, str(ROOT))
            from workshop.cli import app_cmd
            from workshop.cli.main import run as workshop

            app_cmd.has_terminal = lambda: True  # headless here, on purpose

            store = args[1]
            command = ["--store", store, "--lang", "nl"]
            if mode == "session":
                command += ["open", args[2]]
            status = workshop(command)
    except BaseException as error:  # noqa: BLE001 - reported to the parent
        result["error"] = f"{type(error).__name__}: {error}"
        result["traceback"] = traceback.format_exc()[-2000:]
        status = 1
    if "frame" not in result and "error" not in result:
        result["error"] = f"the app exited (status {status}) before its first frame"
    result["status"] = status
    finish(result, out_path)
    return 0 if "error" not in result else 1


def finish(result: dict, out_path: str | None) -> None:
    result["peak_mb"] = peak_memory_mb()
    line = json.dumps(result)
    if out_path:
        Path(out_path).write_text(line)
    else:
        print(line, flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
