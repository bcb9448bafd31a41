"""Start-up in CPU instructions: a figure a busy machine does not disturb.

    python bench/instructions.py [--quick] [--only bare,home,session]

Runs bench/launch.py under `valgrind --tool=callgrind` (about 15 s a start) for the bare app, the
home screen and the 500-contribution session, on the store `make bench` uses, each ending at its
first complete frame (`--exit-at-frame`). Prints the instructions of each and their ratio to the
bare app's. Wall-clock ratios (`make bench`) are what the bars are about; this count moves
only when the code does, so it tells whether a change helped while other work shares the machine.
Instructions are not time: waiting (disk, a worker thread holding the GIL) does not count.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import CACHE, cached_store, clone_store  # noqa: E402
from run import Bench  # noqa: E402


def environment() -> dict[str, str]:
    env = dict(os.environ, TEXTUAL_ANIMATIONS="none", PYTHONPYCACHEPREFIX=str(CACHE / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def warm_up(args: list[str]) -> None:
    """One start without valgrind (on its own clone of the store: opening a session changes it),
    so that compiling changed sources into the bytecode cache is not counted."""
    subprocess.run([sys.executable, str(BENCH / "launch.py"), *args, "--exit-at-frame"],
                   env=environment(), stdin=subprocess.DEVNULL, capture_output=True)


def count(args: list[str], work: Path) -> tuple[int, dict]:
    """Instructions of one start, and launch.py's result."""
    out = work / "cg.out"
    result = work / "launch.json"
    env = environment()
    done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                           sys.executable, str(BENCH / "launch.py"), *args, "--exit-at-frame", "--out", str(result)],
                          env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if not found:
        raise SystemExit(f"valgrind failed ({done.returncode}): {done.stderr[-500:]}")
    return int(found.group(1)), json.loads(result.read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="the smaller store of `make bench-quick`")
    parser.add_argument("--only", default="bare,home,session")
    options = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)")
        return 1
    bench = Bench(options.quick, None)
    store, manifest = cached_store(bench.main_spec)
    wanted = options.only.split(",")
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(dir=CACHE, prefix="work-") as folder:
        work = Path(folder)
        for number, mode in enumerate(wanted):
            for clone in ("warm", "store"):
                args = [mode]
                if mode != "bare":
                    args.append(str(clone_store(store, work / f"{clone}-{number}")))
                if mode == "session":
                    args.append(manifest.big)
                if clone == "warm":
                    warm_up(args)
            counts[mode], result = count(args, work)
            ratio = f"{counts[mode] / counts['bare']:.2f}x" if "bare" in counts else ""
            print(f"{mode:<8} {counts[mode] / 1e6:8.0f} M instructions {ratio:>6}  "
                  f"({result.get('frames')} frames, screen {result.get('screen')})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
