"""The home and the summary write dates in words as the papers do, and F1 names what F10 does:
the summary, from which the session closes when the group confirms."""

from __future__ import annotations

from tests.ui.helpers import SIZE
from tests.ui.screen_words import screen_text


async def test_the_home_writes_a_sessions_date_in_words(make_session, make_app):
    make_session(lang="nl", date="2026-11-09")
    app = make_app(None, lang="nl")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
    assert "9 november 2026" in shown and "2026-11-09" not in shown


async def test_the_summary_writes_a_due_date_in_words(make_session, make_app, live):
    session = live(make_session(lang="nl"))
    session.assign("actions", "Verslag rondsturen", "Anna", "2026-12-01")
    session.release()
    app = make_app(session.id, lang="nl")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("f10")
        await pilot.pause()
        shown = screen_text(app)
    assert "Verslag rondsturen  → Anna · 1 december 2026" in shown and "2026-12-01" not in shown


async def test_f1_says_f10_shows_the_summary_and_the_summary_says_which_key_closes(make_session, make_app):
    from screens.help import key_table

    app = make_app(make_session(lang="nl"), lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        table = key_table(app.screen)
        rows = dict(zip((str(cell) for cell in table.columns[2].cells), (str(cell) for cell in table.columns[1].cells)))
        assert rows["session.close"].startswith("Samenvatting van wat is afgesproken")
        assert "Sessie sluiten" not in rows.values()
        await pilot.press("f10")
        await pilot.pause()
        summary = key_table(app.screen)
        keys = dict(zip((str(cell) for cell in summary.columns[2].cells), (str(cell) for cell in summary.columns[0].cells)))
        assert keys["summary.confirm"] == "^s"
