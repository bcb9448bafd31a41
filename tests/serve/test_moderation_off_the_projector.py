"""A contribution held for moderation is the facilitator's to read: presentation mode shows no
word of it, on its own step nor on a later one; the facilitator's panel still does."""

from __future__ import annotations

import asyncio

import pytest

from tests.serve.helpers import join, send
from tests.serve.test_join_panel import make_app, panel_text
from tests.ui.screen_words import screen_text


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_presentation_mode_shows_nothing_of_a_held_contribution(store, room_session, size):
    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=size) as pilot:
            await app.screen.open_step("secret")
            await pilot.press("f8")
            await pilot.pause()
            phone = await join(app.screen.server)
            await send(phone, what="contribution", step="secret", text="Wethouder blokkeert alles", uid="h1")
            await phone.close()
            await asyncio.sleep(1.2)
            await pilot.pause()
            facilitator = panel_text(app)
            await pilot.press("ctrl+f")
            await pilot.pause()
            projector = screen_text(app)
            await app.screen.open_step("trust")
            await pilot.pause()
            await asyncio.sleep(1.2)  # the panel's next look
            await pilot.pause()
            later = screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
            back = panel_text(app)
            await pilot.press("f8")
            await pilot.pause()
            return facilitator, projector, later, back

    facilitator, projector, later, back = asyncio.run(scenario())
    if size[0] >= 100:
        assert "Wethouder blokkeert" in facilitator and "1 contribution waits" in facilitator
        assert "Wethouder blokkeert" in back  # out of presentation mode: the facilitator reads it again
    else:  # the panel folded to one line: a count, for the facilitator only
        assert "1 waits" in facilitator and "1 waits" in back
    assert "Wethouder" not in projector and "wait" not in projector
    assert "Wethouder" not in later and "wait" not in later
