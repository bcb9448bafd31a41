"""The core runs without the UI: nothing in workshop/ may import textual."""

import subprocess
import sys
from pathlib import Path

import workshop

CORE = Path(workshop.__file__).parent


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
