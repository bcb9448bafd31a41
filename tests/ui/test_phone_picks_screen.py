"""Picks sent from the participants' phones show on the session screen and in presentation mode:
a count per option for everyone, who picked what only on the facilitator's screen."""

from __future__ import annotations

from tests.core.test_phone_picks import sent_from_phones
from tests.ui.helpers import go_to
from tests.ui.screen_words import screen_text

SIZE = (140, 40)


async def test_phone_picks_are_counted_on_the_screen_and_named_only_for_the_facilitator(store, make_session, make_app):
    session_id = make_session()
    await sent_from_phones(store, session_id, "decision-rule")
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "decision-rule")
        shown = screen_text(app)
        assert "3 participants picked" in shown
        assert "Consent: we decide when nobody has an overriding objection  2 picks" in shown
        assert "Consensus: we decide when everyone fully supports it  1 pick" in shown
        assert "Anna (Gemeente), Bram (Zorggroep)" in shown
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.screen.has_class("presenting")
        projected = screen_text(app)
        assert "overriding objection  2 picks" in projected
        assert "Anna" not in projected and "Bram" not in projected


async def test_phone_picks_on_a_step_asked_per_partner_are_counted_beside_the_partners_picks(
        store, make_session, make_app):
    session_id = make_session()
    await sent_from_phones(store, session_id, "welcome", (("Anna", "Gemeente", "delen"), ("Bram", "Zorggroep", "verkennen")))
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "welcome")
        assert "2 participants picked: Exploring 1 · Sharing 1" in screen_text(app)
