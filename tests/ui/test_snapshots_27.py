"""A pulse check at a table of 27 partners, as the facilitator and the room see it (Dutch, fixed data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.table27 import PARTNERS, make_table
from tests.ui.conftest import START, FakeClock

GUIDE = str(Path(__file__).parents[1] / "guides" / "table27.toml")  # eight statements, scored per partner


@pytest.fixture
def pulse27(store, shelf):
    """Eight items scored by most of 27 partners; one absent, one excused."""
    from workshop.core.session import LiveSession
    from workshop.core.session.changes import SetAttendance
    from workshop.core.text.i18n import use_language

    use_language("nl")
    session_id = make_table(store, shelf, lang="nl", guide=GUIDE)
    live = LiveSession(store.open_session(session_id), clock=FakeClock(START))
    live.go_to("interaction")
    live.apply(SetAttendance("Talis", "absent"))
    live.apply(SetAttendance("Solidez", "excused"))
    scoring = [p for p in PARTNERS if p not in ("Talis", "Solidez")]
    for row, item in enumerate(live.step("interaction").items):
        for column, partner in enumerate(scoring[: len(scoring) - row * 2]):
            live.score("interaction", item.id, partner, (3, 4, 4, 5, 2, 3, 4, 1, 5, 4, 3)[(row * 3 + column * 7) % 11])
    live.release()
    return session_id


def test_scale_27_partners_80x24(snap_compare, pulse27, make_app):
    assert snap_compare(make_app(pulse27, lang="nl"), terminal_size=(80, 24))


def test_scale_27_partners_160x48(snap_compare, pulse27, make_app):
    assert snap_compare(make_app(pulse27, lang="nl"), terminal_size=(160, 48))


def test_scale_27_partners_presented_80x24(snap_compare, pulse27, make_app):
    assert snap_compare(make_app(pulse27, lang="nl"), terminal_size=(80, 24), press=["ctrl+f"])


def test_scale_27_partners_presented_160x48(snap_compare, pulse27, make_app):
    assert snap_compare(make_app(pulse27, lang="nl"), terminal_size=(160, 48), press=["ctrl+f"])


def test_the_room_sees_every_item_whole_with_its_distribution_and_mean_at_80x24(pulse27, make_app):
    """What the snapshots show, said in words: no label, mean or distribution is cut."""
    import asyncio

    from tests.ui.screen_words import screen_text

    async def run() -> str:
        app = make_app(pulse27, lang="nl")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+f")
            await pilot.pause()
            return screen_text(app)

    shown = asyncio.run(run())
    from workshop.core.guides import load_shelf

    flowing = " ".join(shown.split())  # a long statement wraps onto a second line
    for item in load_shelf().get(GUIDE).steps[1].items:
        assert item.text.get("nl") in flowing
    assert shown.count("gem. ") == 8 and shown.count("5: ") == 8
