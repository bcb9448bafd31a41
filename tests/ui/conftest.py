"""UI test helpers: a fixed clock, an app on a scratch store, and a way to read back what was saved."""

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

    def make(session_id: str | None = None, lang: str = "en") -> WorkshopApp:
        return WorkshopApp(store=store, shelf=shelf, lang=lang, session_id=session_id, clock=clock)

    return make


@pytest.fixture
def saved(store):
    """The session as it is on disk now."""
    from workshop.session import SessionView

    def read(session_id: str) -> SessionView:
        return SessionView(store.read_session(session_id))

    return read


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` tests in a fresh event loop (no async plugin needed)."""
    import asyncio
    import inspect

    if inspect.iscoroutinefunction(pyfuncitem.obj):
        arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**arguments))
        return True
    return None
