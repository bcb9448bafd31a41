"""The phone page in a real headless Chromium at 390x844 (Playwright): a step is one form sent
without a reload at the place it was sent from, a 40-item vote takes its first and last items
after a reload on a page of sane height, a draft comes back with its step, the end of the meeting
is said, and a lost connection is said and recovered by itself (what was sent meanwhile goes)."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from tests.serve.helpers import saved
from tests.serve.test_browser import launch

PHONE = {"width": 390, "height": 844}
STATEMENTS = [f"Statement {n}: we keep our promises to each other, also when it costs us" for n in range(1, 9)]
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
id = "eight"
kind = "scale"
per = "participant"
title = { en = "Eight statements", nl = "Acht stellingen" }
prompt = { en = "Score each statement.", nl = "Geef elke stelling een score." }
scale = { min = 1, max = 5 }
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
prompt = { en = "Place your dots.", nl = "Zet je stippen." }
"""


@pytest.fixture
def phone_room(tmp_path: Path, store):
    """An async context: a session of the guide above served on a free port, and a browser page."""
    playwright_api = pytest.importorskip("playwright.async_api", reason="the test extra's playwright is not installed")
    from workshop.core.guides import load_shelf
    from workshop.core.making.prepare import Plan, prepare_session
    from workshop.core.model import Participant
    from workshop.core.session import LiveSession
    from workshop.serve import Server

    folder = tmp_path / "phone-guides"
    folder.mkdir()
    (folder / "phone.toml").write_text(GUIDE, encoding="utf-8")

    @asynccontextmanager
    async def room(step: str = "ideas", lang: str = "en"):
        plan = Plan(collaboration="Zorg Oost", guide=load_shelf(folder).get("phone"), partners=["Gemeente", "Zorggroep"],
                    participants=[Participant.parse("Anna@Gemeente")], lang=lang, date="2026-11-28")
        live = LiveSession(store.open_session(prepare_session(store, plan)))
        live.go_to(step)
        server = Server(live, port=0)
        await server.start()
        async with playwright_api.async_playwright() as playwright:
            browser = await launch(playwright)
            try:
                yield server, await browser.new_page(viewport=PHONE)
            finally:
                await browser.close()
                await server.stop()
                server.live.release()

    return room


async def joined(server, page, name: str = "Bram") -> None:
    await page.goto(server.join_link)
    await page.locator("#name").fill(name)
    await page.locator("#partner").select_option("Zorggroep")
    await page.locator("button[type=submit]").click()
    await page.locator("#follow").wait_for()


def test_a_forty_item_vote_takes_its_first_and_last_items_after_a_reload(phone_room, store):
    async def scenario():
        async with phone_room("ideas") as (server, page):
            for n in range(40):
                server.live.add("ideas", f"Idea {n}: a shared desk for every youth question in the district")
            server.live.go_to("dots")
            await joined(server, page)
            await page.reload()
            height = await page.evaluate("document.documentElement.scrollHeight")
            await page.get_by_role("button", name="Add a dot: Idea 0:").click()
            last = page.get_by_role("button", name="Add a dot: Idea 39:")
            await last.click()
            await last.click()
            await page.get_by_role("button", name="Save dots").click()
            await page.get_by_text("Received. Thank you!").wait_for()
            await page.reload()
            shown = [await page.get_by_role("spinbutton", name=f"Idea {n}: a shared desk").input_value() for n in (0, 39)]
            return height, shown, server.live.dots("dots", "Zorggroep"), server.live.contributions("ideas")

    height, shown, dots, ideas = asyncio.run(scenario())
    assert height < 40 * 160  # was 18,639 px: the template's indentation shown as blank lines
    assert shown == ["1", "2"]
    assert dots == {ideas[0].uid: 1, ideas[-1].uid: 2}


def test_an_eight_item_scale_is_one_submit_and_the_page_stays_where_it_was(phone_room, store):
    async def scenario():
        async with phone_room("eight") as (server, page):
            await joined(server, page)
            sent = []
            page.on("request", lambda request: sent.append(request.method) if request.url.endswith("/send") else None)
            for n, statement in enumerate(STATEMENTS):
                await page.get_by_role("group", name=statement).get_by_text(str(1 + n % 5), exact=True).click()
            before = await page.evaluate("window.scrollY")
            await page.get_by_role("button", name="Save scores").click()
            await page.get_by_text("Received. Thank you!").wait_for()
            after = await page.evaluate("window.scrollY")
            return sent, before, after, server.live.id

    sent, before, after, session_id = asyncio.run(scenario())
    assert sent == ["POST"]  # one submit for eight scores (before: 16 taps, 8 posts, 8 reloads at the top)
    assert before > 500 and after == before
    assert {x.item: x.value for x in saved(store, session_id) if x.step == "eight"} == {
        f"s{n}": 1 + n % 5 for n in range(8)}


def test_without_script_the_scale_is_still_one_plain_form(phone_room, store):
    async def scenario():
        async with phone_room("eight") as (server, page):
            plain = await page.context.browser.new_context(viewport=PHONE, java_script_enabled=False)
            page = await plain.new_page()
            await joined(server, page)
            for statement in STATEMENTS[:2]:
                await page.get_by_role("group", name=statement).get_by_text("3", exact=True).click()
            await page.get_by_role("button", name="Save scores").click()
            await page.get_by_text("Received. Thank you!").wait_for()
            url = page.url
            await plain.close()
            return url, server.live.id

    url, session_id = asyncio.run(scenario())
    assert url.endswith("/?received=1#sent")  # the page again, at the button it was sent with
    assert {x.item: x.value for x in saved(store, session_id) if x.step == "eight"} == {"s0": 3, "s1": 3}


def test_a_draft_comes_back_when_its_step_does(phone_room):
    async def scenario():
        async with phone_room("ideas") as (server, page):
            await joined(server, page)
            await page.get_by_label("Your contribution").fill("Half a thought, not sent")
            server.live.go_to("eight")  # the facilitator moves on before it was sent
            await page.get_by_role("heading", name="Eight statements").wait_for(timeout=10_000)
            server.live.go_to("ideas")
            await page.get_by_text("You had answers here that were not sent.").wait_for(timeout=10_000)
            empty = await page.get_by_label("Your contribution").input_value()
            await page.get_by_role("button", name="Put them back").click()
            return empty, await page.get_by_label("Your contribution").input_value()

    empty, back = asyncio.run(scenario())
    assert (empty, back) == ("", "Half a thought, not sent")


def test_the_phone_says_the_meeting_has_ended_when_the_session_closes(phone_room):
    async def scenario():
        async with phone_room("ideas", lang="nl") as (server, page):
            await joined(server, page)
            server.live.close()  # the facilitator closes the session: the server stops soon after
            await page.get_by_role("heading", name="De bijeenkomst is afgelopen").wait_for(timeout=10_000)
            await server.stop()
            return await page.locator("main").inner_text()

    shown = asyncio.run(scenario())
    assert "Dank je wel voor je inbreng" in shown and "Verbinding kwijt" not in shown


def test_a_lost_connection_is_said_and_what_was_sent_meanwhile_goes_when_it_is_back(phone_room, store):
    from workshop.core.session import LiveSession
    from workshop.serve import Server

    async def scenario():
        async with phone_room("ideas") as (server, page):
            await joined(server, page)
            offline = page.get_by_text("Connection lost. Trying again…")
            await server.stop()  # the app is gone (a crash, a restart) …
            server.live.release()
            await offline.wait_for(timeout=10_000)
            await page.get_by_label("Your contribution").fill("Typed while the server was away")
            await page.get_by_role("button", name="Send").click()
            await page.get_by_text("Not sent yet: it goes as soon as the connection is back.").wait_for()
            live = LiveSession(store.open_session(server.live.id))  # … and back, on the same port
            again = Server(live, port=server.port)
            await again.start()
            try:
                await page.locator("#said li", has_text="Typed while the server was away").wait_for(timeout=20_000)
                await offline.wait_for(state="hidden")
                return live.id
            finally:
                await again.stop()
                server.live = live  # the fixture lets this one go

    session_id = asyncio.run(scenario())
    assert [x.text for x in saved(store, session_id) if x.step == "ideas"] == ["Typed while the server was away"]
