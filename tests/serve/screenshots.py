"""Make the README's pictures of participants joining (not a test):

    TEXTUAL_ANIMATIONS=none .venv/bin/python -m tests.serve.screenshots

docs/participants-phone.png: the phone page (Playwright, headless Chromium, a phone's viewport);
docs/participants-presentation.svg: presentation mode with the join code and its QR code.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


async def main(root: Path) -> None:
    from playwright.async_api import async_playwright

    from screens.app import WorkshopApp
    from tests.serve.conftest import GUIDE
    from tests.serve.helpers import join, send
    from tests.serve.test_browser import ARGS, CHROMIUM, PHONE
    from workshop.core.config.settings import Config
    from workshop.core.guides import load_shelf
    from workshop.core.making.prepare import Plan, prepare_session
    from workshop.core.model import Participant
    from workshop.core.store import Store
    from workshop.core.text.i18n import use_language

    os.environ["WORKSHOP_GUIDES"] = str(root / "guides")
    (root / "guides").mkdir()
    (root / "guides" / "room.toml").write_text(GUIDE, encoding="utf-8")
    use_language("en")
    store = Store(root / "store")
    store.ensure()
    plan = Plan(collaboration="Jeugdnetwerk Rivierstad", guide=load_shelf(root / "guides").get("room"),
                partners=["Gemeente Rivierstad", "Zorggroep De Linde", "Woonstede"],
                participants=[Participant.parse("Dirk@Gemeente Rivierstad")], lang="en", date="2026-12-03")
    session_id = prepare_session(store, plan)
    app = WorkshopApp(store=store, shelf=load_shelf(), lang="en", session_id=session_id, config=Config(serve_port=8765))
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        server = app.screen.server
        others = [await join(server, name=name, partner=partner) for name, partner in
                  (("Dirk", "Gemeente Rivierstad"), ("Fatima", "Woonstede"))]
        for client, text in zip(others, ("One desk for all youth questions", "Shared case meetings, monthly")):
            await send(client, what="contribution", step="ideas", text=text, uid=text)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = await browser.new_page(viewport=PHONE, device_scale_factor=2)
            await page.goto(server.join_link)
            await page.get_by_label("Your name").fill("Sanne")
            await page.get_by_label("Your organisation").select_option("Zorggroep De Linde")
            await page.get_by_role("button", name="Join").click()
            await page.get_by_label("Your contribution").fill("A youth worker in every school")
            await page.get_by_role("button", name="Send").click()
            await page.get_by_text("Received. Thank you!").wait_for()
            await page.screenshot(path=str(DOCS / "participants-phone.png"), full_page=True)
            await browser.close()
        for client in others:
            await client.close()
        await asyncio.sleep(1.2)
        await pilot.press("ctrl+f")
        await pilot.pause()
        app.screen.query_one("#join-panel").show()
        await pilot.pause()
        app.save_screenshot(filename="participants-presentation.svg", path=str(DOCS))


if __name__ == "__main__":
    sys.path.insert(0, str(DOCS.parent))
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(main(Path(folder)))
    print("written: docs/participants-phone.png, docs/participants-presentation.svg")
