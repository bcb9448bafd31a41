"""Make docs/screenshot-session.svg: the demo collaboration's third meeting, in progress, at 160x48.

Run: .venv/bin/python -m tests.ui.screenshot
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from tests.ui.conftest import START, FakeClock
from workshop.core.guides import load_shelf
from workshop.core.making.demo import COLLABORATION, PARTICIPANTS, PARTNERS, make_demo
from workshop.core.making.prepare import Plan, prepare_session
from workshop.core.model import Participant
from workshop.core.session import LiveSession
from workshop.core.store import Store


def meeting(store: Store) -> str:
    shelf = load_shelf()
    make_demo(store, shelf, next_meeting=False)  # its own third meeting, in progress, follows
    plan = Plan(collaboration=COLLABORATION, guide=shelf.get("procesregie"), partners=list(PARTNERS),
                participants=[Participant.parse(p) for p in PARTICIPANTS], lang="nl", title="Derde bijeenkomst")
    session_id = prepare_session(store, plan)
    clock = FakeClock(START - 3000)
    live = LiveSession(store.open_session(session_id), clock=clock)
    live.go_to("welcome")
    live.choose("welcome", "delen")
    clock.advance(600)
    live.go_to("review")
    for action, status in zip(live.carried, ("done", "done", "open", "dropped")):
        live.mark("review", action.uid, status)
    clock.advance(700)
    live.go_to("ambition")
    live.agree("ambition")
    clock.advance(900)
    live.go_to("pains")
    for partner, participant, text in [
        (PARTNERS[3], "Dirk Smit", "Ouders weten nog steeds niet waar ze terechtkunnen"),
        (PARTNERS[1], "Bram Jansen", "Signalen blijven hangen tussen wijkteam en school"),
        (PARTNERS[0], "", "Besluiten over budget duren te lang"),
        (PARTNERS[2], "Carla Bakker", "Wij zitten nog niet bij het wijkteamoverleg"),
    ]:
        live.add("pains", text, partner, participant)
    live.set_note("pains", "Vraag de gemeente expliciet naar de doorlooptijd")
    live.release()
    return session_id


async def shoot(target: Path) -> None:
    from screens.app import WorkshopApp

    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "store")
        store.ensure()
        session_id = meeting(store)
        app = WorkshopApp(store=store, shelf=load_shelf(), lang="nl", session_id=session_id, clock=FakeClock())
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            await pilot.press(*"Zorg: Wie betaalt de woonconsulent?")
            await pilot.pause()
            app.save_screenshot(filename=target.name, path=str(target.parent))


if __name__ == "__main__":
    asyncio.run(shoot(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshot-session.svg")))
