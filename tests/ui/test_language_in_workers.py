"""The app's export worker renders minutes in the session's language; the UI keeps its own."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

import workshop.present.minutes as minutes
from tests.ui.helpers import SIZE
from workshop.core.text.i18n import _, current_language


@pytest.mark.parametrize("ui, session, word, heading", [
    ("en", "nl", "Saved", "## Bestuurlijke samenvatting"),
    ("nl", "en", "Opgeslagen", "## Summary for the directors"),
])
async def test_exporting_minutes_in_a_worker_leaves_the_ui_language_alone(
        monkeypatch, store, make_session, make_app, ui, session, word, heading):
    session_id = make_session(lang=session)
    held, release = threading.Event(), threading.Event()
    summary = minutes.summary_markdown

    def slow_summary(view):
        held.set()  # the worker is inside its `with language(...)` now
        release.wait(timeout=30)
        return summary(view)

    monkeypatch.setattr(minutes, "summary_markdown", slow_summary)
    app = make_app(lang=ui)
    async with app.run_test(size=SIZE) as pilot:
        app.export_minutes(session_id)
        assert await asyncio.to_thread(held.wait, 30)
        during = (current_language(), _("Saved"))
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        after = current_language()
    assert during == (ui, word) and after == ui
    assert heading in (Path(store.root) / "exports" / f"{session_id}.md").read_text()
