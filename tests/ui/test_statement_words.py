"""A shared text the group agreed is 'vastgesteld' on the screen, as in the minutes and the summary
(docs/terms.md: 'afgesproken' is for actions)."""

from __future__ import annotations

from tests.ui.helpers import SIZE, go_to, submit
from tests.ui.screen_words import screen_text


async def test_an_agreed_text_reads_vastgesteld_on_a_dutch_screen(make_session, make_app):
    from workshop.core.text.i18n import use_language

    use_language("nl")
    app = make_app(make_session(lang="nl"), lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "ambition")
        await submit(pilot, "Elk kind groeit veilig op")
        await submit(pilot, "Elk kind groeit veilig op, dicht bij huis")
        await pilot.press("ctrl+r")
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
    assert "✔ vastgesteld" in shown
    assert "afgesproken" not in shown
