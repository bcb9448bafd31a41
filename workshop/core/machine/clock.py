"""What day it is: the one place the app asks the machine for the date.

Whatever counts days (a late action, a comparison's reference date, a new session's default date,
the demo's made-up history) takes `today()` from here, or a date passed down from a caller that did.
Tests pin it (`tests/conftest.py`) so that every paper they read is the same on any real date, and
one test runs the date-sensitive suites with the machine's clock a year ahead and a year back to
prove that nothing else reads it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

_machine: Callable[[], date] = date.today
_source: Callable[[], date] = _machine


def today() -> date:
    """The date the app counts from: the machine's, unless pinned."""
    return _source()


def pin(day: date | None) -> None:
    """Count from `day` from now on (None: the machine's date again)."""
    global _source
    _source = _machine if day is None else (lambda: day)
