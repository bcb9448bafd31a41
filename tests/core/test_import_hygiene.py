"""The layers hold: the core runs without the UI or rich, the screens never reach into the
command line, and the import-linter contracts in pyproject.toml are kept."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import screens
import workshop

CORE = Path(workshop.__file__).parent
UI = Path(screens.__file__).parent
ROOT = CORE.parent
# The modules that compute: they load neither rich nor textual (presentation does the drawing).
HEADLESS = ("workshop.core.model", "workshop.core.guides", "workshop.core.store", "workshop.core.session", "workshop.core.compare",
            "workshop.core.outcomes.summary", "workshop.core.outcomes.carry", "workshop.core.making.prepare", "workshop.core.steps.statements",
            "workshop.core.compare.facts", "workshop.core.text.i18n")


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
    names = []
    for path in sorted(CORE.rglob("*.py")):
        parts = path.relative_to(CORE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts[-1] == "__main__":
            continue  # runs the command line when imported
        if parts[:2] == ("workshop", "cli") and parts[-1] == "app_cmd":
            continue  # opens the app on purpose, and imports screens only when called
        names.append(".".join(parts))
    return names


def test_importing_every_core_module_never_loads_textual():
    modules = core_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.') or m == 'screens' or m.startswith('screens.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"textual was imported: {result.stdout}"


def test_no_core_source_file_mentions_a_textual_import():
    for path in CORE.rglob("*.py"):
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


def test_the_core_modules_load_neither_rich_nor_textual():
    assert loaded_after_importing(HEADLESS, ("rich", "textual", "screens", "workshop.present")) == []


def test_no_screen_imports_the_command_line():
    assert loaded_after_importing(screen_modules(), ("workshop.cli",)) == []


def test_the_import_linter_contracts_are_kept():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if lint is None:
        pytest.fail("lint-imports is missing: install the test extra (pip install -e '.[test]')")
    result = subprocess.run([lint, "--no-cache"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
