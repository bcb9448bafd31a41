"""Make the README's pictures of the phone pages (not a test): join, scale, vote, received, ended,
in headless Chromium at 390x844 (Playwright), into docs/phone/.

    PYTHONPATH=. .venv/bin/python -m tests.serve.phone_screenshots
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[2] / "docs" / "phone"
PHONE = {"width": 390, "height": 844}
STATEMENTS = [
    "We share information about clients in time.", "Everyone keeps the agreements made here.",
    "The goals of this network are clear to my organisation.", "We dare to say where it chafes.",
    "My director backs what I agree to here.", "Costs and gains are shared fairly.",
    "We learn from what went wrong.", "I would advise a colleague to take part.",
]
IDEAS = ["One desk for all youth questions in the district", "Shared case meetings, monthly",
         "A youth worker in every school", "One plan per family, one coordinator",
         "A joint budget for prevention", "Evenings open at the community centre"]
GUIDE = """
[guide]
id = "phone"
title = { en = "On the phone", nl = "Op de telefoon" }

[[steps]]
id = "ideas"
kind = "open"
title = { en = "Ideas", nl = "Ideeën" }
prompt = { en = "What could we try?", nl = "Wat kunnen we proberen?" }

[[steps]]
id = "trust"
kind = "scale"
per = "participant"
blind = true
title = { en = "How we work together", nl = "Hoe we samenwerken" }
prompt = { en = "Score each statement.", nl = "Geef elke stelling een score." }
scale = { min = 1, max = 5, low = { en = "not at all", nl = "helemaal niet" }, high = { en = "fully", nl = "helemaal" } }
""" + "".join(f"""
[[steps.items]]
id = "s{n}"
text = {{ en = "{text}", nl = "{text}" }}
""" for n, text in enumerate(STATEMENTS)) + """
[[steps]]
id = "dots"
kind = "vote"
source = "ideas"
dots = 3
title = { en = "Priorities", nl = "Prioriteiten" }
prompt = { en = "Where do we start? Place your organisation's dots.", nl = "Waar beginnen we? Zet de stippen van je organisatie." }
"""


async def main(root: Path) -> None:
    from playwright.async_api import async_playwright

    from tests.serve.test_browser import ARGS, CHROMIUM
    from workshop.core.guides import load_shelf
    from workshop.core.making.prepare import Plan, prepare_session
    from workshop.core.model import Participant
    from workshop.core.session import LiveSession
    from workshop.core.store import Store
    from workshop.serve import Server

    (root / "guides").mkdir()
    (root / "guides" / "phone.toml").write_text(GUIDE, encoding="utf-8")
    store = Store(root / "store")
    store.ensure()
    plan = Plan(collaboration="Jeugdnetwerk Rivierstad", guide=load_shelf(root / "guides").get("phone"),
                partners=["Gemeente Rivierstad", "Zorggroep De Linde", "Woonstede"],
                participants=[Participant.parse("Dirk@Gemeente Rivierstad")], lang="en", date="2026-12-03")
    live = LiveSession(store.open_session(prepare_session(store, plan)))
    for idea in IDEAS:
        live.add("ideas", idea)
    live.go_to("trust")
    server = Server(live, port=0)
    await server.start()
    FOLDER.mkdir(parents=True, exist_ok=True)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = await browser.new_page(viewport=PHONE)
        shot = lambda name: page.screenshot(path=str(FOLDER / f"{name}.png"))  # noqa: E731
        await page.goto(server.join_link)
        await page.locator("#name").fill("Sanne")
        await page.locator("#partner").select_option("Zorggroep De Linde")
        await shot("join")
        await page.locator("button[type=submit]").click()
        for n, statement in enumerate(STATEMENTS[:5]):
            await page.get_by_role("group", name=statement).get_by_text(str(2 + n % 4), exact=True).click()
        await page.get_by_role("group", name=STATEMENTS[2]).scroll_into_view_if_needed()
        await shot("scale")
        for n, statement in enumerate(STATEMENTS[5:], start=5):
            await page.get_by_role("group", name=statement).get_by_text(str(2 + n % 4), exact=True).click()
        await page.get_by_role("button", name="Save scores").click()
        await page.get_by_text("Received. Thank you!").wait_for()
        await shot("received")
        live.go_to("dots")
        await page.get_by_role("heading", name="Priorities").wait_for(timeout=10_000)
        await page.get_by_role("button", name=f"Add a dot: {IDEAS[2]}").click()
        await page.get_by_role("button", name=f"Add a dot: {IDEAS[0]}").click()
        await page.evaluate("window.scrollTo(0, 0)")
        await shot("vote")
        live.close()
        await page.get_by_role("heading", name="The meeting has ended").wait_for(timeout=10_000)
        await shot("ended")
        await browser.close()
    await server.stop()
    live.release()


if __name__ == "__main__":
    sys.path.insert(0, str(FOLDER.parents[1]))
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(main(Path(folder)))
    print(f"written: {', '.join(sorted(x.name for x in FOLDER.glob('*.png')))} in docs/phone/")
