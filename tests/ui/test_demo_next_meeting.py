"""A newcomer's demo has something to run (issue 24, point 11): beside the two meetings held, the
next one, prepared for today, open, carrying what they agreed; run from the keyboard and from a
phone. The comparison still counts the two held meetings and lists the prepared one apart."""

from __future__ import annotations

from dataclasses import replace

from screens.compare import CompareScreen
from screens.home import HomeScreen
from screens.session import SessionScreen
from tests.serve.helpers import join, send
from tests.ui.helpers import SIZE, type_text


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_demo_prepares_the_next_meeting_ready_to_run_with_keys_and_phones(make_app, store, saved):
    app = make_app()
    app.config = replace(app.config, serve_port=0)  # any free port
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await settle(pilot)
        infos = store.catalogue()
        held = sorted(info.id for info in infos if info.status == "closed")
        (prepared,) = [info.id for info in infos if info.status == "open"]
        assert len(held) == 2 and app.current_session_id() == prepared  # listed first, the cursor on it

        await pilot.press("c")  # compared from the prepared meeting: the two held ones are the evidence
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        comparison = app.screen.comparison
        assert sorted(ref.id for ref in comparison.sessions) == held
        assert [ref.id for ref in comparison.prepared] == [prepared]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)

        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.live.id == prepared and not screen.live.read_only
        assert screen.live.carried  # the actions of the second meeting, to review
        step = screen.step_id
        await type_text(pilot, "We willen de pilot uitbreiden")
        await pilot.press("enter")
        await pilot.pause()

        await pilot.press("f8")
        await pilot.pause()
        server = screen.server
        phone = await join(server, name="Dirk Smit", partner="Basisschool De Regenboog")
        status, _answer = await send(phone, what="contribution", step=step, text="Van een telefoon", uid="demo-1")
        await phone.close()
        await screen.stop_serving()
    texts = [x.text for x in saved(prepared).contributions(step)]
    assert "We willen de pilot uitbreiden" in texts
    assert status == 200 and "Van een telefoon" in texts
