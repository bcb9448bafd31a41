"""A wheel built from the repo works outside the checkout: installed into a fresh venv, and the way
a facilitator installs it (`uv tool install`), it finds its guides and its translations."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
BUILT_IN = {"procesregie", "pulse", "verkenning"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    wheels = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(wheels), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    return next(wheels.glob("workshop_companion-*.whl"))


def test_the_wheel_carries_the_pages_templates(wheel):
    """The board page's template (workshop/present/templates) and the participants' pages are
    package data: without them the installed command cannot write the page for the board."""
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"workshop/present/templates/compare.html", "workshop/serve/templates/step.html"} <= names


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without anything that points back at the checkout or the test venv."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "WORKSHOP_STORE")}
    env.update(extra)
    return env


def test_a_wheel_installed_in_a_fresh_venv_lists_the_built_in_guides(tmp_path, wheel):
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
    env = clean_env(WORKSHOP_STORE=str(tmp_path / "store"))
    result = subprocess.run([str(fresh / "bin" / "workshop"), "guide", "list", "--json"],
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert BUILT_IN <= {g["id"] for g in json.loads(result.stdout)}
    where = subprocess.run([str(fresh_python), "-c", "import workshop, sessions; print(workshop.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, env=env, check=True)
    assert str(fresh) in where.stdout


def find_uv() -> str:
    beside = Path(sys.executable).with_name("uv")
    if beside.exists():
        return str(beside)
    try:
        import uv  # the `uv` package of the test extra carries the binary
    except ImportError:
        found = shutil.which("uv")
        if found:
            return found
        pytest.skip("uv is not installed: it comes with the test extra (pip install -e '.[test]')")
    return uv.find_uv_bin()


def dutch(message: str) -> str:
    import gettext

    from workshop.core.text.i18n import locale_folder

    return gettext.translation("workshop", locale_folder(), languages=["nl"]).gettext(message)


def test_uv_tool_install_of_the_wheel_gives_a_command_with_guides_translations_and_a_data_folder(tmp_path, wheel):
    # Like a facilitator: `uv tool install workshop_companion-….whl`, then run `workshop` from
    # anywhere. Everything uv writes goes to fresh folders; its download cache is the usual one.
    tools, bin_dir, away = tmp_path / "tools", tmp_path / "bin", tmp_path / "somewhere-else"
    away.mkdir()
    installed = subprocess.run(
        [find_uv(), "tool", "install", "--python", sys.executable, str(wheel)],
        capture_output=True, text=True, cwd=away, timeout=600,
        env=clean_env(UV_TOOL_DIR=str(tools), UV_TOOL_BIN_DIR=str(bin_dir), UV_PYTHON_DOWNLOADS="never",
                      UV_NO_CONFIG="1", UV_NO_PROGRESS="1"),
    )
    assert installed.returncode == 0, installed.stderr
    command = bin_dir / ("workshop.exe" if sys.platform == "win32" else "workshop")
    data_home = tmp_path / "data-home"
    env = clean_env(XDG_DATA_HOME=str(data_home), WORKSHOP_LANG="en",
                    PATH=os.pathsep.join([str(bin_dir), os.defpath]))

    def workshop(*args: str) -> str:
        result = subprocess.run([str(command), *args], capture_output=True, text=True, cwd=away, env=env, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert BUILT_IN <= {g["id"] for g in json.loads(workshop("guide", "list", "--json"))}
    assert workshop("where").strip() == str(data_home / "workshop-companion" / "store")
    helped = workshop("--lang", "nl", "--help")
    description = ("Run live sessions of a collaboration between organisations, keep every answer, "
                   "and compare sessions over time. Without a command, the app opens.")
    assert dutch(description) != description
    assert " ".join(dutch(description).split()) in " ".join(helped.split())
    # The command runs the installed copy, not this checkout.
    scripts = ("Scripts", "python.exe") if sys.platform == "win32" else ("bin", "python")
    tool_python = tools.joinpath("workshop-companion", *scripts)
    origin = subprocess.run([str(tool_python), "-c", "import workshop; print(workshop.__file__)"],
                            capture_output=True, text=True, cwd=away, env=env, check=True).stdout
    assert origin.startswith(str(tools)) and str(ROOT) not in origin
