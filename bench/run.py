"""`make bench`: every figure of the architecture note's benchmark table, against its bar.

    python bench/run.py [--quick] [--only NAME[,NAME]] [--repeat N]

Prints the machine first, then one line per figure (median, baseline measured in the same run,
ratio, bar, met or missed; a figure on a tail shows its p95 there, with p50, max and n below) and
ends with `bars met: N/M`. Figures whose code is not there yet
print `skipped: ...` and count as not met. No figure is asserted anywhere; this is a report.

The stores are made by bench/generate.py (seeded) and cached under bench/.cache/; every figure
works on a hard-linked clone of them, on the same disk as the project (not /tmp, which may be
memory), so fsync costs what it costs for a user.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from generate import CACHE, Manifest, Spec, cached_store, clone_store  # noqa: E402

PYTHON = sys.executable
LAUNCHER = BENCH / "launch.py"
SIZE = (120, 40)


# --- reporting ----------------------------------------------------------------------------


@dataclass
class Figure:
    name: str
    bar: str
    median: float | None = None  # in `unit`
    baseline: float | None = None
    unit: str = "ms"
    met: bool | None = None  # None: skipped
    note: str = ""
    samples: list[float] = field(default_factory=list)
    baseline_samples: list[float] = field(default_factory=list)
    tail: bool = False  # judged on its p95 (shown in the median's column), with p50, max and n beside it
    p50: float | None = None
    p95: float | None = None
    max: float | None = None
    n: int = 0

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.baseline:
            return None
        return self.median / self.baseline


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def spread(samples: list[float], unit: str) -> str:
    if len(samples) < 2:
        return ""
    ordered = sorted(samples)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return f"n={len(samples)} min {fmt(ordered[0], unit)} p90 {fmt(p90, unit)}"


def print_figure(figure: Figure) -> None:
    if figure.met is None:
        print(f"{figure.name:<46} skipped: {figure.note}", flush=True)
        return
    ratio = f"{figure.ratio:.2f}x" if figure.ratio is not None else "—"
    verdict = "met" if figure.met else "MISSED"
    shown = f"p95 {fmt(figure.p95, figure.unit)}" if figure.tail else fmt(figure.median, figure.unit)
    print(f"{figure.name:<46} {shown:>10} {fmt(figure.baseline, figure.unit):>10} "
          f"{ratio:>7}  {figure.bar:<26} {verdict}", flush=True)
    details = spread(figure.samples, figure.unit)
    if figure.tail:
        details = (f"p50 {fmt(figure.p50, figure.unit)}, p95 {fmt(figure.p95, figure.unit)}, "
                   f"max {fmt(figure.max, figure.unit)}, n={figure.n}")
    if figure.baseline_samples:
        details += f"; baseline {spread(figure.baseline_samples, figure.unit)}"
    if figure.note:
        details = f"{details}; {figure.note}" if details else figure.note
    if details:
        print(f"{'':<46} ({details})", flush=True)


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) // 1024 // 1024 + 1} GB RAM"
    except (OSError, ValueError):
        pass
    import textual
    import tinydb

    lines = [
        f"machine: {cpu}, {os.cpu_count()} cores{memory}",
        f"python {platform.python_version()} ({platform.python_implementation()}), "
        f"textual {textual.__version__}, tinydb {tinydb.__version__}",
        f"os: {platform.platform()}",
        f"store disk: {filesystem(CACHE)}",
    ]
    try:
        lines.append("load average at start: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    except OSError:
        pass
    return lines


def filesystem(path: Path) -> str:
    best, kind = "", "?"
    try:
        target = str(path.resolve())
        for line in Path("/proc/mounts").read_text().splitlines():
            parts = line.split()
            if len(parts) > 2 and target.startswith(parts[1]) and len(parts[1]) >= len(best):
                best, kind = parts[1], f"{parts[2]} ({parts[0]} on {parts[1]})"
    except OSError:
        pass
    return kind


def median(samples: list[float]) -> float | None:
    return statistics.median(samples) if samples else None


# --- the bench ----------------------------------------------------------------------------


class Bench:
    def __init__(self, quick: bool, repeat: int | None) -> None:
        self.quick = quick
        self.main_spec = Spec(sessions=200, contributions=100, seed=1, big=500, wall=500) if quick else \
            Spec(sessions=1000, contributions=200, seed=1, big=500, wall=500)
        self.compare_spec = Spec(sessions=12, contributions=300, seed=2, collaborations=1, pulse=False)
        self.runs = repeat or (5 if quick else 11)  # subprocess start-ups of each kind
        self.loops = repeat or (15 if quick else 40)  # in-process repetitions
        self.work = CACHE / f"work-{os.getpid()}"
        self.clones = 0
        self.main_store: Path | None = None
        self.main: Manifest | None = None
        self.launches: dict[str, list[dict[str, Any]]] = {}

    # stores ------------------------------------------------------------------------------

    def prepare(self) -> None:
        for stale in CACHE.glob("work-*"):  # left by a run that was killed
            try:
                os.kill(int(stale.name.split("-", 1)[1]), 0)
            except (ValueError, ProcessLookupError):
                shutil.rmtree(stale, ignore_errors=True)
            except PermissionError:
                pass
        fresh = not (CACHE / self.main_spec.key() / "manifest.json").exists()
        self.main_store, self.main = cached_store(self.main_spec)
        self.compare_store, self.compare = cached_store(self.compare_spec)
        self.work.mkdir(parents=True, exist_ok=True)
        total = sum(len(ids) for ids in self.main.collaborations.values())
        how = f"generated in {self.main.seconds:.1f} s" if fresh else "from the cache"
        print(f"store: {total} sessions, {self.main_spec.contributions} contributions each on average "
              f"(one of {self.main_spec.big}, one with {self.main_spec.wall} in one step), "
              f"{len(self.main.collaborations)} collaborations; {how}; "
              f"seed {self.main_spec.seed}; {CACHE.relative_to(ROOT)}/{self.main.key}", flush=True)

    def clone(self, source: Path) -> Path:
        self.clones += 1
        return clone_store(source, self.work / f"store-{self.clones}")

    def empty_store(self) -> Path:
        self.clones += 1
        target = self.work / f"store-{self.clones}"
        (target / "sessions").mkdir(parents=True, mode=0o700)
        return target

    def cleanup(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)

    # start-up in subprocesses -----------------------------------------------------------

    def launch(self, *args: str) -> dict[str, Any]:
        out = self.work / "launch.json"
        out.unlink(missing_ok=True)
        env = dict(os.environ, TEXTUAL_ANIMATIONS="none", PYTHONPYCACHEPREFIX=str(CACHE / "pycache"))
        # An installed app has its bytecode compiled (pip does it); this environment may forbid
        # writing it, which would make every start compile the sources. Cache it under bench/.cache.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("TEXTUAL", None)
        env["BENCH_T0"] = repr(time.monotonic())
        process = subprocess.Popen([PYTHON, str(LAUNCHER), *args, "--out", str(out)], env=env,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
        try:
            result = json.loads(out.read_text())
        except (OSError, ValueError):
            result = {"error": f"no result (exit status {process.returncode}): {stderr[-600:]}"}
        # The child reports its own peak (VmHWM); wait4's ru_maxrss is the fallback, but it
        # also counts this process's size at the fork.
        if result.get("peak_mb") is None:
            result["peak_mb"] = usage.ru_maxrss / 1024
        result["cpu"] = usage.ru_utime + usage.ru_stime  # seconds, the whole run (less noisy than wall)
        return result

    def ui_available(self) -> str:
        """'' when screens.app.WorkshopApp can be imported, else why not."""
        try:
            from screens.app import WorkshopApp  # noqa: F401
        except Exception as error:  # noqa: BLE001
            return f"screens.app not available ({type(error).__name__}: {str(error)[:80]})"
        return ""

    def startups(self) -> None:
        """Bare app, home screen and one session, interleaved so noise hits them alike."""
        self.launches = {"bare": [], "home": [], "session": []}
        missing = self.ui_available()
        assert self.main_store and self.main
        for number in range(self.runs + 1):
            self.launches["bare"].append(self.launch("bare"))
            if number == 0:  # a first round to warm the caches (bytecode, files), not counted
                self.launches["bare"].clear()
                if not missing:
                    self.launch("home", str(self.clone(self.main_store)))
                    self.launch("session", str(self.clone(self.main_store)), self.main.big)
                continue
            if missing:
                continue
            self.launches["home"].append(self.launch("home", str(self.clone(self.main_store))))
            if self.main.big:
                self.launches["session"].append(
                    self.launch("session", str(self.clone(self.main_store)), self.main.big))

    def startup_figure(self, kind: str, name: str, bar: float) -> Figure:
        figure = Figure(name, f"<= {bar}x the bare app")
        missing = self.ui_available()
        if missing:
            figure.note = missing
            return figure
        return self._ratio_figure(figure, kind, "frame", 1000, bar, "ms")

    def _ratio_figure(self, figure: Figure, kind: str, key: str, scale: float, bar: float, unit: str) -> Figure:
        figure.unit = unit
        runs, bare = self.launches.get(kind, []), self.launches.get("bare", [])
        errors = [r["error"] for r in runs + bare if r.get("error")]
        values = [r[key] * scale for r in runs if r.get(key) is not None and not r.get("error")]
        base = [r[key] * scale for r in bare if r.get(key) is not None and not r.get("error")]
        if errors and not values:
            figure.note = f"error: {errors[0][:200]}"
            return figure
        figure.samples, figure.baseline_samples = values, base
        figure.median, figure.baseline = median(values), median(base)
        figure.met = figure.ratio is not None and figure.ratio <= bar
        screens = {r.get("screen") for r in runs}
        notes = [f"screen {', '.join(sorted(s for s in screens if s))}"] if kind != "bare" else []
        if key == "frame":
            first = median([r["first_frame"] * 1000 for r in runs if r.get("first_frame") is not None])
            first_bare = median([r["first_frame"] * 1000 for r in bare if r.get("first_frame") is not None])
            cpu = median([r["cpu"] * 1000 for r in runs if r.get("cpu") is not None])
            cpu_bare = median([r["cpu"] * 1000 for r in bare if r.get("cpu") is not None])
            if first and first_bare:
                notes.append(f"first frame of any kind {first:.0f} vs {first_bare:.0f} ms")
            if cpu and cpu_bare:
                notes.append(f"CPU per run {cpu:.0f} vs {cpu_bare:.0f} ms ({cpu / cpu_bare:.2f}x)")
            to_frame = median([r["cpu_frame"] * 1000 for r in runs if r.get("cpu_frame") is not None])
            to_frame_bare = median([r["cpu_frame"] * 1000 for r in bare if r.get("cpu_frame") is not None])
            if to_frame and to_frame_bare:
                notes.append(f"CPU to that frame {to_frame:.0f} vs {to_frame_bare:.0f} ms "
                             f"({to_frame / to_frame_bare:.2f}x)")
        if any(not r.get("settled", True) for r in runs):
            notes.append("some runs never settled")
        if errors:
            notes.append(f"{len(errors)} failed: {errors[0][:120]}")
        figure.note = "; ".join(notes)
        return figure

    def memory_figure(self) -> Figure:
        figure = Figure(f"peak memory, {self.count} sessions stored", "<= 1.5x the bare app")
        missing = self.ui_available()
        if missing:
            figure.note = missing
            return figure
        return self._ratio_figure(figure, "home", "peak_mb", 1, 1.5, "MB")

    @property
    def count(self) -> str:
        return f"{self.main_spec.sessions:,}"

    # durable save ------------------------------------------------------------------------

    def save_figure(self) -> Figure:
        from workshop.core.model import PromptKind
        from workshop.core.session import LiveSession
        from workshop.core.store import Store

        figure = Figure(f"durable save, {self.count} stored vs none", "<= 5 ms and <= 1.5x none")
        assert self.main_store and self.main
        full = Store(self.clone(self.main_store))
        # A typical open session: the newest of a collaboration, on a guide with open steps, of
        # about the usual size.
        candidates = [info for info in full.catalogue() if info.status == "open" and info.guide == "procesregie"
                      and info.id not in (self.main.big, self.main.wall)]
        chosen = min(candidates, key=lambda info: (abs(info.contributions - self.main_spec.contributions), info.id),
                     default=None)
        if chosen is None:
            figure.note = "no open procesregie session in the generated store"
            return figure
        alone = Store(self.empty_store())
        shutil.copy2(full.session_path(chosen.id), alone.session_path(chosen.id))
        sessions = [LiveSession(store.open_session(chosen.id)) for store in (alone, full)]
        try:
            step = next(s.id for s in sessions[0].agenda if s.kind is PromptKind.OPEN)
            partner = sessions[0].partners[0]
            times: list[list[float]] = [[], []]
            for number in range(self.loops + 3):
                for which, live in enumerate(sessions):
                    text = f"Bijdrage {number}: we willen meer ruimte voor overleg tussen de partners."
                    started = time.perf_counter()
                    live.add(step, text, partner=partner)
                    took = (time.perf_counter() - started) * 1000
                    if number >= 3:  # the first few warm the caches
                        times[which].append(took)
        finally:
            for live in sessions:
                live.release()
        figure.baseline_samples, figure.samples = times
        figure.baseline, figure.median = median(times[0]), median(times[1])
        figure.met = figure.median <= 5 and (figure.ratio or 0) <= 1.5
        figure.note = f"into a session of {chosen.contributions} contributions; baseline: the same session alone"
        return figure

    # a key press on the session screen ---------------------------------------------------

    def key_figure(self) -> Figure:
        figure = Figure("key press to refreshed screen, 500 shown", "<= 50 ms")
        missing = self.ui_available()
        if missing:
            figure.note = missing
            return figure
        assert self.main_store and self.main
        try:
            samples, note = asyncio.run(self._keys(self.clone(self.main_store), self.main.wall))
        except Exception as error:  # noqa: BLE001
            figure.note = f"error: {type(error).__name__}: {str(error)[:200]}"
            return figure
        kinds = [values for values in samples.values() if values]
        if not kinds:
            figure.note = f"no key drew a frame; {note}"
            return figure
        figure.samples = max(kinds, key=lambda values: median(values) or 0)
        figure.median = median(figure.samples)
        figure.met = figure.median is not None and figure.median <= 50
        figure.note = note
        return figure

    async def _keys(self, root: Path, session_id: str) -> tuple[dict[str, list[float]], str]:
        from textual import events

        # The session screen redraws its timer every second; a key whose measuring window holds
        # a timer's tick is measured again rather than blamed for the tick's frame.
        from textual.timer import Timer

        from screens.app import WorkshopApp
        from workshop.core.guides import load_shelf
        from workshop.core.store import Store

        ticks: list[float] = []
        original_tick = Timer._tick

        async def tick(timer, *args, **kwargs):  # type: ignore[no-untyped-def]
            if getattr(timer, "_interval", 0) >= 0.5:  # not the screen's own frame timer
                ticks.append(time.monotonic())
            return await original_tick(timer, *args, **kwargs)

        Timer._tick = tick  # type: ignore[method-assign]
        app = WorkshopApp(store=Store(root), shelf=load_shelf(), lang="nl", session_id=session_id)
        frames: list[float] = []
        original = app._display

        def display(screen, renderable):  # type: ignore[no-untyped-def]
            original(screen, renderable)
            if renderable is not None and not app._batch_count:
                frames.append(time.monotonic())

        app._display = display  # type: ignore[method-assign]

        async def settled(since: float, quiet: float = 0.1, patience: float = 3.0) -> float | None:
            """The last frame drawn after `since`, once no new one came for `quiet` seconds of a
            responsive event loop (a loop blocked by work is not quiet, however long it is)."""
            deadline = time.monotonic() + patience
            busy = since
            while time.monotonic() < deadline:
                asleep = time.monotonic()
                await asyncio.sleep(0.004)
                now = time.monotonic()
                if now - asleep > 0.015:  # the loop was busy: something is still being done
                    busy = now
                after = [f for f in frames if f > since]
                if after and now - max(after[-1], busy) >= quiet:
                    return after[-1]
                if not after and now - busy > 1.0:
                    return None
            after = [f for f in frames if f > since]
            return after[-1] if after else None

        async def once(key: str, character: str | None) -> tuple[float | None, bool]:
            """Milliseconds from the key event to the last frame it caused (None: no frame),
            and whether a timer ticked in between."""
            started = time.monotonic()
            app._driver.send_message(events.Key(key, character))  # what a real key press does
            frame = await settled(started)
            if frame is None:
                return None, False
            return (frame - started) * 1000, any(started <= t <= frame + 0.001 for t in ticks)

        async def press(key: str, character: str | None) -> float | None:
            for _attempt in range(3):
                took, ticked = await once(key, character)
                if not ticked or key == "enter":  # Enter saved already: never twice
                    return took
                await once("backspace", None)  # undo the letter, then type it again
            return took

        samples: dict[str, list[float]] = {"typing": [], "enter": []}
        silent = 0
        try:
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await settled(0.0, quiet=0.3, patience=10)
                focused = type(app.focused).__name__ if app.focused else "nothing"
                screen = type(app.screen).__name__
                before = _options_shown(app)
                for number in range(max(4, self.loops // 5)):
                    for character in f"idee{number % 10}":
                        took = await press(character, character)
                        if took is None:
                            silent += 1
                        else:
                            samples["typing"].append(took)
                    took = await press("enter", "\r")
                    if took is None:
                        silent += 1
                    else:
                        samples["enter"].append(took)
                after = _options_shown(app)
        finally:
            Timer._tick = original_tick  # type: ignore[method-assign]
        medians = ", ".join(f"{kind} {median(values):.1f} ms (n={len(values)})"
                            for kind, values in samples.items() if values)
        note = (f"{medians}; the figure is the slower; typing into {focused} on {screen}, "
                f"Enter saves a contribution; contributions listed: {before} before, {after} after")
        if silent:
            note += f"; {silent} key(s) drew no frame"
        return samples, note

    # compare and export ------------------------------------------------------------------

    def compare_figure(self) -> Figure:
        figure = Figure("compare 12 sessions of 300 contributions", "<= 300 ms")
        try:
            compare = importlib.import_module("workshop.core.compare")
        except ModuleNotFoundError as error:
            if error.name != "workshop.core.compare":
                raise
            figure.note = "not built yet (workshop/compare.py)"
            return figure
        from workshop.core.session import SessionView
        from workshop.core.store import Store

        store = Store(self.clone(self.compare_store))
        (name,) = list(self.compare.collaborations)
        ids = self.compare.collaborations[name]

        def once() -> Any:
            chosen = compare.select_sessions(store, [], name, 12)
            views = [item if isinstance(item, SessionView)
                     else SessionView(store.read_session(getattr(item, "id", item))) for item in chosen]
            return compare.compare_sessions(views), len(views)

        try:
            samples, (_, count) = timed(once, self.loops // 2 + 3)
        except Exception as error:  # noqa: BLE001
            figure.note = f"error: {type(error).__name__}: {str(error)[:200]}"
            return figure
        figure.samples, figure.median = samples, median(samples)
        figure.met = figure.median <= 300
        sizes = sorted(info.contributions for info in store.catalogue())
        figure.note = (f"select_sessions + reading + compare_sessions of {count} sessions "
                       f"({sum(sizes)} contributions, {sizes[0]}–{sizes[-1]} each)")
        if count != len(ids):
            figure.note += f"; expected {len(ids)} sessions"
        return figure

    def export_figure(self) -> Figure:
        figure = Figure("export 500 contributions to md + html", "<= 200 ms")
        try:
            export = importlib.import_module("workshop.present.export")
        except ModuleNotFoundError as error:
            if error.name != "workshop.present.export":
                raise
            figure.note = "not built yet (workshop/present/export.py)"
            return figure
        from workshop.core.session import SessionView
        from workshop.core.store import Store

        assert self.main_store and self.main
        store = Store(self.clone(self.main_store))
        sizes: dict[str, int] = {}

        def once() -> None:
            view = SessionView(store.read_session(self.main.big))
            for fmt_name in ("md", "html"):
                out = export.export_session(view, fmt_name)
                sizes[fmt_name] = len(out)

        try:
            samples, _ = timed(once, self.loops // 2 + 3)
        except Exception as error:  # noqa: BLE001
            figure.note = f"error: {type(error).__name__}: {str(error)[:200]}"
            return figure
        figure.samples, figure.median = samples, median(samples)
        figure.met = figure.median <= 200
        figure.note = "reading the session + both exports; " + ", ".join(
            f"{k} {v // 1024} KB" for k, v in sizes.items())
        return figure


def _options_shown(app: Any) -> str:
    """How many entries the lists on the screen hold (the contributions of the current step)."""
    counts = []
    for widget in app.screen.walk_children():
        for attribute in ("option_count", "row_count"):
            value = getattr(widget, attribute, None)
            if isinstance(value, int) and value:
                counts.append(value)
    return "+".join(str(c) for c in counts) or "none"


def timed(work: Callable[[], Any], repeat: int, warm: int = 1) -> tuple[list[float], Any]:
    result = None
    for _ in range(warm):
        result = work()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        samples.append((time.perf_counter() - started) * 1000)
    return samples, result


FIGURES = ["startup", "save", "open", "key", "compare", "export", "memory", "participants"]
ALIASES = {"room": "participants"}  # `--only room`: the phones' figures alone


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmarks against the bars of docs/architecture.")
    parser.add_argument("--quick", action="store_true", help="a smaller store and fewer repetitions (< 1 minute)")
    parser.add_argument("--only", help=f"comma-separated figures: {', '.join(FIGURES)} (room: the phones' figures)")
    parser.add_argument("--repeat", type=int, help="repetitions (overrides the defaults)")
    args = parser.parse_args(argv)
    only = {ALIASES.get(name, name) for name in args.only.split(",")} if args.only else set(FIGURES)
    unknown = only - set(FIGURES)
    if unknown:
        parser.error(f"unknown figure(s): {', '.join(sorted(unknown))}")

    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    os.environ["WORKSHOP_GUIDES"] = str(CACHE / "no-own-guides")  # the user's own guides stay out of it
    started = time.perf_counter()
    print(f"workshop benchmarks ({'quick' if args.quick else 'full'}); ratios are measured in this one run")
    for line in machine():
        print(line)
    bench = Bench(args.quick, args.repeat)
    bench.prepare()
    print(f"{'figure':<46} {'median':>10} {'baseline':>10} {'ratio':>7}  {'bar':<26} result")
    figures: list[Figure] = []
    try:
        if only & {"startup", "open", "memory"}:
            bench.startups()
        plan: list[tuple[str, Callable[[], Figure]]] = [
            ("startup", lambda: bench.startup_figure("home", f"start to home screen, {bench.count} stored", 1.3)),
            ("save", bench.save_figure),
            ("open", lambda: bench.startup_figure("session", "open a 500-contribution session", 1.5)),
            ("key", bench.key_figure),
            ("compare", bench.compare_figure),
            ("export", bench.export_figure),
            ("memory", bench.memory_figure),
        ]
        for name, make in plan:
            if name not in only:
                continue
            figure = make()
            figures.append(figure)
            print_figure(figure)
        if "participants" in only:  # bench/participants.py: the room's figures, phones in another process
            from participants import figures as participant_figures

            for figure in participant_figures(Figure, PYTHON, quick=args.quick):
                figures.append(figure)
                print_figure(figure)
    finally:
        bench.cleanup()
    met = sum(1 for f in figures if f.met)
    skipped = sum(1 for f in figures if f.met is None)
    tail = f" ({skipped} skipped)" if skipped else ""
    print(f"bars met: {met}/{len(figures)}{tail}   [{time.perf_counter() - started:.0f} s]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
