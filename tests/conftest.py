"""Fixtures shared by every test: a fresh store per test, no user folders, no randomness."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
os.environ.setdefault("TEXTUAL_CURSOR_BLINK", "0")  # belt and braces; the app also turns blink off in tests


# The day every test counts from (late actions, reference dates, default dates). Papers compared
# with golden files and snapshots then read the same on any real date.
TODAY = date(2026, 11, 29)

# `WORKSHOP_TEST_TRAVEL_DAYS=N` moves the machine's clock N days for every test: tests/core/
# test_any_date.py runs the date-sensitive suites so, a year ahead and a year back, to prove that
# nothing but workshop.core.machine.clock reads the machine's date.
TRAVEL_DAYS = int(os.environ.get("WORKSHOP_TEST_TRAVEL_DAYS", "0"))


@pytest.fixture(autouse=True)
def pinned_today() -> Iterator[date]:
    from workshop.core.machine import clock

    clock.pin(TODAY)
    if TRAVEL_DAYS:
        import time_machine

        with time_machine.travel(datetime.now(UTC) + timedelta(days=TRAVEL_DAYS), tick=True):
            yield TODAY
    else:
        yield TODAY
    clock.pin(None)


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's store, guides or config."""
    monkeypatch.setenv("WORKSHOP_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("WORKSHOP_GUIDES", str(tmp_path / "own-guides"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("WORKSHOP_LANG", raising=False)
    from workshop.core.text.i18n import use_language

    use_language("en")


@pytest.fixture
def store(tmp_path: Path):
    from workshop.core.store import Store

    made = Store(tmp_path / "store")
    made.ensure()
    return made


@pytest.fixture
def shelf():
    from workshop.core.guides import load_shelf

    return load_shelf()


@pytest.fixture
def make_session(store, shelf):
    """Prepare a session in the test store; returns its id."""
    from workshop.core.making.prepare import Plan, prepare_session
    from workshop.core.model import Participant

    def make(guide: str = "procesregie", collaboration: str = "Zorg Oost", lang: str = "en",
             partners: tuple[str, ...] = ("Gemeente", "Zorggroep", "Woonstede"), date: str = "2026-11-20",
             participants: tuple[str, ...] = ("Anna@Gemeente:alliance manager", "Bram@Zorggroep", "Cem@Woonstede")) -> str:
        plan = Plan(collaboration=collaboration, guide=shelf.get(guide), partners=list(partners),
                    participants=[Participant.parse(p) for p in participants], lang=lang, date=date)
        return prepare_session(store, plan)

    return make


@pytest.fixture
def live(store, make_session):
    """An open LiveSession of the procesregie guide, released after the test."""
    from workshop.core.session import LiveSession

    opened = []

    def open_live(session_id: str | None = None, clock=None):
        session_id = session_id or make_session()
        session = LiveSession(store.open_session(session_id), **({"clock": clock} if clock else {}))
        opened.append(session)
        return session

    yield open_live
    for session in opened:
        try:
            session.release()
        except Exception:  # noqa: BLE001 - a test may have released or broken it already
            pass
