"""In a real headless Chromium in a phone viewport: a participant joined, the server is stopped
and the session let go (a crash, a restart), a new server takes the same session on the same
port, and the open page follows the facilitator on and sends as its seat, nobody re-entering
anything."""

from __future__ import annotations

import asyncio

import pytest

from tests.serve.helpers import saved
from tests.serve.test_browser import PHONE, launch


def test_an_open_phone_page_follows_on_after_a_restart(store, room_session):
    playwright_api = pytest.importorskip("playwright.async_api", reason="the test extra's playwright is not installed")
    from workshop.core.session import LiveSession
    from workshop.serve import Server

    async def scenario():
        live = LiveSession(store.open_session(room_session))
        live.go_to("ideas")
        server = Server(live, port=0)
        await server.start()
        async with playwright_api.async_playwright() as playwright:
            browser = await launch(playwright)
            try:
                page = await browser.new_page(viewport=PHONE)
                await page.goto(server.address)
                await page.get_by_label("Join code").fill(server.code)
                await page.get_by_label("Your name").fill("Bram")
                await page.get_by_label("Your organisation").select_option("Zorggroep")
                await page.get_by_role("button", name="Join").click()
                await page.get_by_label("Your contribution").wait_for()

                await server.stop()  # the app is gone …
                live.release()
                live = LiveSession(store.open_session(room_session))  # … and back, on the same session and port
                server = Server(live, port=server.port)
                await server.start()
                live.go_to("trust")  # the facilitator moves on: the open page follows by itself
                await page.get_by_role("heading", name="Trust").wait_for(timeout=20_000)
                honesty = page.get_by_role("group", name="We feel free to be honest.")
                await honesty.get_by_text("4", exact=True).click()
                await page.get_by_role("button", name="Save scores").click()  # the step's one form
                await page.get_by_text("Received. Thank you!").wait_for()
                joins = await page.get_by_label("Join code").count()
            finally:
                await browser.close()
                await server.stop()
                live.release()
        return joins

    joins = asyncio.run(scenario())
    assert joins == 0
    kept = saved(store, room_session)
    assert [(x.item, x.value, x.participant) for x in kept if x.step == "trust"] == [("honesty", 4, "Bram")]
