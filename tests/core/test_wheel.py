"""A wheel built from the repo, installed into a fresh venv, finds its built-in guides."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_a_wheel_installed_in_a_fresh_venv_lists_the_built_in_guides(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(wheels), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(wheels.glob("workshop_companion-*.whl"))
    fresh = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=False).create(fresh)
    fresh_python = fresh / "bin" / "python"
    # Install the wheel itself (pip from the test env, targeting the fresh interpreter)...
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(fresh_python), "install", "--quiet", "--no-deps",
         "--no-index", str(wheel)],
        check=True, capture_output=True, timeout=300,
    )
    # ...and borrow its dependencies from the test env, without its editable copy of the project:
    # a plain path in a .pth file does not run the editable hook that lives in that folder.
    purelib = Path(subprocess.run([str(fresh_python), "-c", "import sysconfig;print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    (purelib / "zz_borrowed_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["WORKSHOP_STORE"] = str(tmp_path / "store")
    result = subprocess.run([str(fresh / "bin" / "workshop"), "guide", "list", "--json"],
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert {"procesregie", "pulse", "verkenning"} <= {g["id"] for g in __import__("json").loads(result.stdout)}
    where = subprocess.run([str(fresh_python), "-c", "import workshop, sessions; print(workshop.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, env=env, check=True)
    assert str(fresh) in where.stdout
