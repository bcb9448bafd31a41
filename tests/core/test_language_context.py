"""The app's language is context: a worker rendering another language never changes the UI's."""

from __future__ import annotations

import asyncio
import threading

from workshop.core.session import SessionView
from workshop.core.text.i18n import _, current_language, day, language, number, use_language
from workshop.present.export import export_session


def _export_while_held(view: SessionView, lang: str, held: threading.Event, release: threading.Event,
                       result: dict[str, str]) -> None:
    """A worker: renders the minutes in `lang`, and holds its language switched until released."""
    with language(lang):
        result["minutes"] = export_session(view, "md")
        held.set()
        release.wait(timeout=30)


def _race(view: SessionView, worker_lang: str) -> tuple[str, str, dict[str, str]]:
    held, release, result = threading.Event(), threading.Event(), {}
    worker = threading.Thread(target=_export_while_held, args=(view, worker_lang, held, release, result))
    worker.start()
    try:
        assert held.wait(timeout=30)
        during = (current_language(), _("Saved"))
    finally:
        release.set()
        worker.join()
    return during[0], during[1], result


def test_a_worker_exporting_dutch_minutes_leaves_an_english_ui_english(store, make_session):
    view = SessionView(store.read_session(make_session(lang="nl")))
    use_language("en")
    lang, word, result = _race(view, "nl")
    assert (lang, word) == ("en", "Saved")
    assert "## Bestuurlijke samenvatting" in result["minutes"] and "20 november 2026" in result["minutes"]
    assert current_language() == "en" and _("Saved") == "Saved"


def test_a_worker_exporting_english_minutes_leaves_a_dutch_ui_dutch(store, make_session):
    view = SessionView(store.read_session(make_session(lang="en")))
    use_language("nl")
    lang, word, result = _race(view, "en")
    assert (lang, word) == ("nl", "Opgeslagen")
    assert "## Summary for the directors" in result["minutes"] and "20 November 2026" in result["minutes"]
    assert current_language() == "nl"


def test_a_worker_thread_without_a_language_of_its_own_follows_the_app():
    use_language("nl")
    seen = []
    worker = threading.Thread(target=lambda: seen.append(current_language()))
    worker.start()
    worker.join()
    assert seen == ["nl"]


def test_asyncio_tasks_each_keep_their_own_rendering_language():
    async def render(lang: str, ready: asyncio.Event, other: asyncio.Event) -> str:
        with language(lang):
            ready.set()
            await other.wait()  # the other task switches meanwhile
            return _("Saved")

    async def both() -> list[str]:
        dutch, english = asyncio.Event(), asyncio.Event()
        return await asyncio.gather(render("nl", dutch, english), render("en", english, dutch))

    use_language("en")
    assert asyncio.run(both()) == ["Opgeslagen", "Saved"]


def test_numbers_and_dates_are_written_the_languages_way():
    with language("nl"):
        assert (number(3.5), day("2026-12-03")) == ("3,5", "3 december 2026")
    with language("en"):
        assert (number(3.5), day("2026-12-03")) == ("3.5", "3 December 2026")
    assert day("next week") == "next week"  # not a date: as typed
