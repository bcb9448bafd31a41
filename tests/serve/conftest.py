"""A small guide with one step of each kind participants can answer, and a running server."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

GUIDE = """
[guide]
id = "room"
title = { en = "The room speaks", nl = "De zaal spreekt" }

[[steps]]
id = "ideas"
kind = "open"
title = { en = "Ideas", nl = "Ideeën" }
prompt = { en = "What could we try?", nl = "Wat kunnen we proberen?" }
hint = { en = "Facilitator: wait for the quiet ones first.", nl = "Begeleider: wacht eerst op de stillen." }

[[steps]]
id = "secret"
kind = "open"
anonymous = true
moderate = true
title = { en = "Worries", nl = "Zorgen" }
prompt = { en = "What worries you?", nl = "Waar maak je je zorgen over?" }

[[steps]]
id = "trust"
kind = "scale"
per = "participant"
blind = true
answered = "names"
title = { en = "Trust", nl = "Vertrouwen" }
prompt = { en = "Score each statement.", nl = "Geef elke stelling een score." }
scale = { min = 1, max = 5 }
[[steps.items]]
id = "honesty"
text = { en = "We feel free to be honest.", nl = "We voelen ons vrij om eerlijk te zijn." }
[[steps.items]]
id = "listening"
text = { en = "We really listen to each other.", nl = "We luisteren echt naar elkaar." }

[[steps]]
id = "dots"
kind = "vote"
source = "ideas"
dots = 3
title = { en = "Priorities", nl = "Prioriteiten" }
prompt = { en = "Place your dots.", nl = "Zet je stippen." }

[[steps]]
id = "phase"
kind = "choice"
title = { en = "Phase", nl = "Fase" }
prompt = { en = "Which phase are we in?", nl = "In welke fase zitten we?" }
[[steps.options]]
id = "delen"
text = { en = "Sharing", nl = "Delen" }
[[steps.options]]
id = "vormgeven"
text = { en = "Shaping", nl = "Vormgeven" }
"""


@pytest.fixture
def room_session(tmp_path: Path, store, make_session):
    """A session of the little guide above; returns its id."""
    folder = tmp_path / "own-guides"
    folder.mkdir(exist_ok=True)
    (folder / "room.toml").write_text(GUIDE, encoding="utf-8")
    from workshop.core.guides import load_shelf
    from workshop.core.making.prepare import Plan, prepare_session
    from workshop.core.model import Participant

    shelf = load_shelf(folder)
    plan = Plan(collaboration="Zorg Oost", guide=shelf.get("room"), partners=["Gemeente", "Zorggroep"],
                participants=[Participant.parse("Anna@Gemeente")], lang="en", date="2026-11-28")
    return prepare_session(store, plan)


@pytest.fixture
def serving(store, room_session):
    """An async context: a LiveSession and its running Server on a free port."""
    from contextlib import asynccontextmanager

    from workshop.core.session import LiveSession
    from workshop.serve import Server

    @asynccontextmanager
    async def run(step: str = "ideas", **settings):
        live = LiveSession(store.open_session(room_session))
        live.go_to(step)
        server = Server(live, port=0, **settings)
        await server.start()
        try:
            yield server
        finally:
            await server.stop()
            live.release()

    return run


def run(coroutine):
    return asyncio.run(coroutine)
