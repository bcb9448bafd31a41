"""The house rules a reader relies on: small modules, one room per concern."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parents[2]
MOST_LINES = 400


def test_no_module_of_the_app_is_longer_than_400_lines():
    long = {str(path.relative_to(ROOT)): lines for folder in ("workshop", "screens")
            for path in sorted((ROOT / folder).rglob("*.py"))
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES}
    assert long == {}, f"split these by what they do: {long}"
