"""UI test helpers: a fixed clock, an app on a scratch store, and a way to read back what was saved.

`async def` tests run on pytest-asyncio (`asyncio_mode = "auto"` in pyproject.toml)."""

from __future__ import annotations

import pytest

START = 1_800_000_000.0  # a fixed moment, so timers and screenshots never depend on the real time


class FakeClock:
    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_app(store, shelf, clock):
    """An app opened on a session (or on home with session_id=None)."""
    from screens.app import WorkshopApp
    from tests.ui.helpers import record_toasts

    def make(session_id: str | None = None, lang: str = "en") -> WorkshopApp:
        app = WorkshopApp(store=store, shelf=shelf, lang=lang, session_id=session_id, clock=clock)
        record_toasts(app)  # tests read them with helpers.toasts(app)
        return app

    return make


@pytest.fixture
def saved(store):
    """The session as it is on disk now."""
    from workshop.core.session import SessionView

    def read(session_id: str) -> SessionView:
        return SessionView(store.read_session(session_id))

    return read
