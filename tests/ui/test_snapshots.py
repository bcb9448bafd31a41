"""What the facilitator and the room see, at 80x24 and 160x48 (fixed clock, fixed data)."""

from __future__ import annotations

import pytest

from tests.ui.conftest import START, FakeClock


@pytest.fixture
def meeting(store, make_session):
    """A session in progress: halfway through 'pain points', ten minutes in."""
    from workshop.core.session import LiveSession

    session_id = make_session(collaboration="Jeugdnetwerk Rivierstad", date="2026-11-20")
    clock = FakeClock(START - 1800)
    live = LiveSession(store.open_session(session_id), clock=clock)
    live.go_to("welcome")
    live.choose("welcome", "delen")
    clock.advance(600)
    live.go_to("ambition")
    live.revise("ambition", "Every child in Rivierstad grows up safe and healthy, close to home.")
    live.agree("ambition")
    clock.advance(600)
    live.go_to("pains")
    live.add("pains", "Teachers do not know whom to call", "Woonstede", "Cem")
    live.add("pains", "Privacy rules slow down sharing signals [bold]really[/bold]", "Zorggroep", "Bram")
    live.add("pains", "Waiting lists for specialist youth care", "Gemeente")
    live.add("pains", "Too many meetings without decisions", "Zorggroep")
    live.set_note("pains", "Ask Gemeente about the budget")
    live.release()
    return session_id


def test_session_screen_80x24(snap_compare, meeting, make_app):
    assert snap_compare(make_app(meeting), terminal_size=(80, 24))


def test_session_screen_160x48(snap_compare, meeting, make_app):
    assert snap_compare(make_app(meeting), terminal_size=(160, 48))


def test_presentation_mode_80x24(snap_compare, meeting, make_app):
    assert snap_compare(make_app(meeting), terminal_size=(80, 24), press=["ctrl+f"])


def test_presentation_mode_160x48(snap_compare, meeting, make_app):
    assert snap_compare(make_app(meeting), terminal_size=(160, 48), press=["ctrl+f"])
