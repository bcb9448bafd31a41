"""The layers hold: the core (the package workshop.core) runs without the UI, rich, presentation or
the participants' server, the screens never reach into the command line, and the import-linter
contracts in pyproject.toml are kept."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import screens
import workshop

PACKAGE = Path(workshop.__file__).parent
CORE = PACKAGE / "core"
UI = Path(screens.__file__).parent
ROOT = PACKAGE.parent
# What the core never loads: it computes, presentation draws, the server serves, the command line parses.
NOT_IN_THE_CORE = ("rich", "textual", "screens", "workshop.present", "workshop.cli", "workshop.serve")


def loaded_after_importing(modules: list[str] | tuple[str, ...], prefixes: tuple[str, ...]) -> list[str]:
    """In a fresh interpreter: import `modules`, then list the loaded modules under `prefixes`."""
    code = (
        "import importlib, sys\n"
        f"for name in {list(modules)!r}:\n"
        "    importlib.import_module(name)\n"
        f"prefixes = {prefixes!r}\n"
        "print(','.join(sorted(m for m in sys.modules if any(m == p or m.startswith(p + '.') for p in prefixes))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return [name for name in result.stdout.strip().split(",") if name]


def screen_modules() -> list[str]:
    names = []
    for path in sorted(UI.rglob("*.py")):
        parts = path.relative_to(UI.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def core_modules() -> list[str]:
    """Every module of the core, the package workshop.core: a module added there is covered."""
    return [name for name in package_modules() if name == "workshop.core" or name.startswith("workshop.core.")]


def package_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts[-1] == "__main__":
            continue  # runs the command line when imported
        if parts[:2] == ("workshop", "cli") and parts[-1] == "app_cmd":
            continue  # opens the app on purpose, and imports screens only when called
        names.append(".".join(parts))
    return names


def test_importing_every_module_but_the_one_that_opens_the_app_never_loads_textual():
    modules = package_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.') or m == 'screens' or m.startswith('screens.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"textual was imported: {result.stdout}"


def test_no_source_file_of_the_package_mentions_a_textual_import():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text()
        assert "import textual" not in text and "from textual" not in text, path


def test_the_command_line_help_starts_without_loading_textual():
    code = (
        "import sys, contextlib, io\n"
        "from workshop.cli.main import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    run(['guide', 'list'])\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("False")


def test_the_core_modules_load_neither_rich_nor_textual_nor_what_draws_serves_or_parses():
    modules = core_modules()
    assert "workshop.core.model" in modules and "workshop.core.session.live" in modules
    assert loaded_after_importing(modules, NOT_IN_THE_CORE) == []


def test_no_screen_imports_the_command_line():
    assert loaded_after_importing(screen_modules(), ("workshop.cli",)) == []


def test_the_import_linter_contracts_are_kept():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if lint is None:
        pytest.fail("lint-imports is missing: install the test extra (pip install -e '.[test]')")
    result = subprocess.run([lint, "--no-cache"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
