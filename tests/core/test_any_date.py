"""The papers and screens that count days read the same on any real date.

Every test counts from the day `tests/conftest.py` pins in `workshop.core.machine.clock`. Here the suites whose
output depends on a date (late actions, the comparison's reference date, the review, the demo, the
minutes) run again in a fresh pytest with the machine's clock a year ahead and a year back: a place
that read the machine's date itself would change what they assert, or what a snapshot shows.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from workshop.core.machine import clock

ROOT = Path(__file__).resolve().parents[2]
DATE_SENSITIVE = [
    "tests/ui/test_compare_screen.py", "tests/ui/test_home.py", "tests/ui/test_pilot_review_keys.py",
    "tests/core/test_compare.py", "tests/core/test_compare_truth.py", "tests/core/test_compare_html.py",
    "tests/core/test_compare_cli.py", "tests/core/test_minutes.py", "tests/core/test_summary.py",
    "tests/core/test_pilot_review.py", "tests/core/test_export.py", "tests/core/test_wizard.py",
]


def test_the_pinned_day_is_what_the_app_counts_from(pinned_today: date) -> None:
    assert clock.today() == pinned_today
    clock.pin(date(2031, 2, 3))
    assert clock.today() == date(2031, 2, 3)


@pytest.mark.parametrize("days", [365, -365], ids=["a year ahead", "a year back"])
def test_the_date_sensitive_suites_pass_with_the_machine_clock_moved(days: int) -> None:
    env = {**os.environ, "WORKSHOP_TEST_TRAVEL_DAYS": str(days), "TEXTUAL_ANIMATIONS": "none"}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider",
                          "--snapshot-report", os.devnull, *DATE_SENSITIVE],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=280)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
