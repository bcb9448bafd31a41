"""A scale whose guide says nothing about blind is blind once phones joined: a phone does not see
how the room scored before it scores (procesregie's threshold). A guide's `blind = false` wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.serve.conftest import run
from tests.serve.helpers import join

GUIDE = """
[guide]
id = "pulse2"
title = { en = "Pulse", nl = "Pols" }

[[steps]]
id = "interaction"
kind = "scale"
per = "participant"
title = { en = "Interaction", nl = "Interactie" }
prompt = { en = "Score each item.", nl = "Scoor elke stelling." }
[[steps.items]]
id = "threshold"
text = { en = "The threshold is low.", nl = "De drempel is laag." }

[[steps]]
id = "open_scale"
kind = "scale"
per = "participant"
blind = false
title = { en = "Open scale", nl = "Open schaal" }
prompt = { en = "Score it.", nl = "Scoor het." }
[[steps.items]]
id = "speed"
text = { en = "We decide quickly.", nl = "We besluiten snel." }
"""

SEEN = "How the room scored"


@pytest.fixture
def session_id(tmp_path: Path, store) -> str:
    from workshop.core.guides import load_shelf
    from workshop.core.making.prepare import Plan, prepare_session
    from workshop.core.model import Participant

    folder = tmp_path / "pulse-guides"
    folder.mkdir()
    (folder / "pulse2.toml").write_text(GUIDE, encoding="utf-8")
    plan = Plan(collaboration="Zorg Oost", guide=load_shelf(folder).get("pulse2"), partners=["Gemeente", "Zorggroep"],
                participants=[Participant.parse("Anna@Gemeente")], lang="en", date="2026-11-28")
    return prepare_session(store, plan)


def _page(store, session_id: str, step: str, reveal: bool = False) -> tuple[str, str]:
    from workshop.core.session import LiveSession, changes as c
    from workshop.serve import Server

    item = "threshold" if step == "interaction" else "speed"

    async def scenario():
        live = LiveSession(store.open_session(session_id))
        live.go_to(step)
        live.apply(c.Score(step, item, "Anna", 2))  # typed by the facilitator before anyone joined
        server = Server(live, port=0)
        await server.start()
        try:
            phone = await join(server, name="Bram")
            async with phone.get("/", headers={"Accept": "text/html"}) as page:
                before = await page.text()
            if reveal:
                live.apply(c.Reveal(step))
            async with phone.get("/", headers={"Accept": "text/html"}) as page:
                after = await page.text()
            await phone.close()
            return before, after
        finally:
            await server.stop()
            live.release()

    return run(scenario())


def test_a_phone_sees_no_distribution_of_a_relationship_scale_before_the_reveal(store, session_id):
    before, after = _page(store, session_id, "interaction", reveal=True)
    assert SEEN not in before and "Scores stay hidden until the facilitator reveals them." in before
    assert SEEN in after  # the reveal shows it


def test_a_guide_that_says_blind_false_shows_the_distribution(store, session_id):
    before, _after = _page(store, session_id, "open_scale")
    assert SEEN in before
