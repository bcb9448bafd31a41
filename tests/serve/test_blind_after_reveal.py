"""A blind scale is closed to phones once it is revealed: a score changed after the room saw the
distribution would answer the room, not the statement. The phone is told in one line, its page
shows its own score without a button, and the facilitator's panel says so."""

from __future__ import annotations

import asyncio

from tests.serve.conftest import run
from tests.serve.helpers import join, send
from tests.serve.test_join_panel import SIZE, make_app, panel_text

CLOSED = "The scores have been revealed: this scale is closed. Yours stay as you gave them."


def test_a_phone_cannot_change_a_blind_score_after_the_reveal(serving, store):
    from workshop.core.session import changes as c

    async def scenario():
        async with serving(step="trust") as server:
            phone = await join(server, name="Bram")
            before = await send(phone, what="score", step="trust", item="honesty", value="2")
            server.live.apply(c.Reveal("trust"))
            after = await send(phone, what="score", step="trust", item="honesty", value="5")
            first = await send(phone, what="score", step="trust", item="listening", value="4")
            async with phone.get("/", headers={"Accept": "text/html"}) as page:
                html = await page.text()
            await phone.close()
            return before, after, first, html, server.live.id

    before, after, first, html, session_id = run(scenario())
    assert before[0] == 200
    assert after == (409, {"status": "refused", "message": CLOSED})
    assert first[0] == 409
    from workshop.core.session import SessionView

    view = SessionView(store.read_session(session_id))
    assert {item: {who: x.value for who, x in view.scores("trust", item).items()}
            for item in ("honesty", "listening")} == {"honesty": {"Bram": 2}, "listening": {}}
    assert CLOSED in html and "<fieldset class=\"item\" disabled>" in html and "Save score" not in html


def test_the_panel_says_phones_can_no_longer_change_a_revealed_blind_scale(store, room_session):
    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await app.screen.open_step("trust")
            await pilot.press("f8")
            await pilot.pause()
            app.screen.query_one("#join-panel").focus()
            await pilot.press("r")
            await pilot.pause()
            return panel_text(app)

    assert "Scores revealed: phones can no longer change theirs" in asyncio.run(scenario())
