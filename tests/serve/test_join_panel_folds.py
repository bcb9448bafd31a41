"""F8 at a narrow terminal: the join panel folds to one line under the step (the join code and
the counts), the step keeps its width, and q on the panel shows the QR code (q again folds it)."""

from __future__ import annotations

import asyncio

from tests.serve.test_join_panel import make_app
from tests.ui.screen_words import screen_text

QR = "█████████"


def test_f8_at_80_columns_folds_the_panel_to_one_line_and_q_shows_the_qr(store, room_session):
    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f8")
            await pilot.pause()
            await pilot.pause()
            code = app.screen.server.code
            main = app.screen.query_one("#main").size.width
            folded = screen_text(app)
            panel = app.screen.query_one("#join-panel")
            panel.focus()
            await pilot.press("q")
            await pilot.pause()
            opened = screen_text(app)
            await pilot.press("q")
            await pilot.pause()
            again = screen_text(app)
            await pilot.press("f8")
            await pilot.pause()
            return code, main, folded, opened, again

    code, main, folded, opened, again = asyncio.run(scenario())
    assert main >= 40  # the step keeps its column, not one character of it
    assert "What could we try?" in folded
    line = next(line for line in folded.splitlines() if f"Join code: {code}" in line)
    assert "0 joined" in line and "q: QR code" in line
    assert QR not in folded
    assert QR in opened and f"Join code: {code}" in opened
    assert QR not in again and "What could we try?" in again


def test_f8_at_160_columns_shows_the_whole_panel_beside_the_step(store, room_session):
    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.press("f8")
            await pilot.pause()
            text = screen_text(app)
            code = app.screen.server.code
            await pilot.press("f8")
            await pilot.pause()
            return code, text

    code, text = asyncio.run(scenario())
    assert QR in text and f"Join code: {code}" in text and "What could we try?" in text
