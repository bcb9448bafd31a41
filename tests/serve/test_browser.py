"""In a real headless Chromium (Playwright): a participant joins with the code, adds a
contribution, scores a blind scale, and both are in the facilitator's session file after the
reveal. The page follows the facilitator to the next step by itself."""

from __future__ import annotations

import asyncio
import os
import shutil

import pytest

from tests.serve.helpers import saved

CHROMIUM = os.environ.get("WORKSHOP_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 360, "height": 740}


async def launch(playwright):
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium; .ci/run installs it)")
    try:
        return await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    except Exception as problem:  # noqa: BLE001 - a browser that cannot start here is a reason to skip, named
        pytest.skip(f"Chromium at {CHROMIUM} cannot start here: {str(problem).splitlines()[0]}")


def test_a_participant_joins_contributes_and_scores_blind_from_a_browser(serving, store, tmp_path):
    playwright_api = pytest.importorskip("playwright.async_api", reason="the test extra's playwright is not installed")
    from workshop.core.session import changes as c

    async def scenario():
        async with serving() as server, playwright_api.async_playwright() as playwright:
            browser = await launch(playwright)
            try:
                page = await browser.new_page(viewport=PHONE)
                await page.goto(server.address)
                await page.get_by_label("Join code").fill(server.code.lower())
                await page.get_by_label("Your name").fill("Bram")
                await page.get_by_label("Your organisation").select_option("Zorggroep")
                await page.get_by_role("button", name="Join").click()
                await page.get_by_label("Your contribution").fill("A shared desk <b>on Fridays</b>")
                await page.get_by_role("button", name="Send").click()
                await page.get_by_text("Received. Thank you!").wait_for()

                server.live.go_to("trust")  # the facilitator moves on; the page follows by itself
                await page.get_by_role("heading", name="Trust").wait_for(timeout=10_000)
                honesty = page.get_by_role("group", name="We feel free to be honest.")
                await honesty.get_by_text("4", exact=True).click()
                await page.get_by_role("button", name="Save scores").click()  # the step's one form
                await page.get_by_text("Received. Thank you!").wait_for()
                before_reveal = await page.get_by_text("How the room scored").count()

                server.live.apply(c.Reveal("trust"))
                await page.get_by_text("How the room scored").first.wait_for(timeout=10_000)
                await page.screenshot(path=os.environ.get("WORKSHOP_PHONE_SHOT", str(tmp_path / "phone.png")), full_page=True)
                return before_reveal, server.live.id
            finally:
                await browser.close()

    before_reveal, session_id = asyncio.run(scenario())
    assert before_reveal == 0  # blind: no distribution until the reveal
    kept = saved(store, session_id)
    assert [(x.text, x.participant) for x in kept if x.step == "ideas"] == [("A shared desk <b>on Fridays</b>", "Bram")]
    assert [(x.item, x.value, x.participant) for x in kept if x.step == "trust"] == [("honesty", 4, "Bram")]
