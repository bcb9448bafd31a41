"""Control characters from a phone are left out on arrival (C0/C1, bidi controls, zero-width
characters; a newline stays in a contribution, an emoji keeps its joiners), and what the
facilitator typed reaches other phones through the one safe-text rule: never a raw bidi control."""

from __future__ import annotations

from tests.serve.conftest import run
from tests.serve.helpers import join, saved, send

OSC_TITLE = "\x1b]0;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"


def test_escape_sequences_and_bidi_controls_from_a_phone_are_not_stored(serving, store):
    text = f"{OSC_CLIPBOARD}Shared\u200b desk\u202e\r\nnext line\x9b31m 👩🏽\u200d⚕️"

    async def scenario():
        async with serving() as server:
            client = await join(server, name=f"Eve{OSC_TITLE}\u202e\tB", partner="Zorggroep")
            status, _answer = await send(client, what="contribution", step="ideas", text=text)
            await client.close()
            return status, server.live.id

    status, session_id = run(scenario())
    [kept] = saved(store, session_id)
    assert status == 200
    assert kept.participant == "Eve]0;pwned B"
    assert kept.text == "]52;c;cm0gLXJmIH4=Shared desk\nnext line31m 👩🏽\u200d⚕️"
    assert not any(ch in kept.text + kept.participant for ch in "\x1b\x07\x9b\u202e\u200b\r")


def test_other_phones_never_get_bidi_controls_raw(serving):
    async def scenario():
        async with serving() as server:
            server.live.add("ideas", "price \u202e0001\u202c euro")  # typed by the facilitator: kept exactly
            client = await join(server)
            async with client.get("/", headers={"Accept": "text/html"}) as page:
                html = await page.text()
            await client.close()
            return html

    html = run(scenario())
    assert "\u202e" not in html and "\u202c" not in html
    assert "price \\u202e0001\\u202c euro" in html
