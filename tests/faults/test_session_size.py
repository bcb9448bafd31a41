"""A session file never grows past what the store reads back: a flood of long texts from the
participants stops at their budget, the facilitator keeps room of their own, and every file
written can be opened again (an astral character takes 12 bytes in the ASCII-only JSON)."""

from __future__ import annotations

import pytest

from workshop.core.session import changes as c, live as live_module
from workshop.core.session.live import SessionFull
from workshop.core.store import check

EMOJI_TEXT = "🙂" * 2_000  # 24 KB as stored


@pytest.fixture
def small_limit(monkeypatch):
    """A read limit of 2 MB, with the participants stopping 512 KB and the facilitator 32 KB short of it."""
    monkeypatch.setattr(check, "MAX_SESSION_BYTES", 2 * 1024 * 1024)
    monkeypatch.setattr(live_module, "RESERVE", 512 * 1024)
    monkeypatch.setattr(live_module, "MARGIN", 32 * 1024)


def flood_from_phones(session, step: str = "pains") -> tuple[int, ValueError | None]:
    """Participants' submissions in groups of ten, as the hub sends them, until one is refused."""
    accepted = 0
    for _round in range(200):
        outcomes = session.apply_in_memory([c.AddContribution(step, EMOJI_TEXT, "Gemeente") for _ in range(10)],
                                           keep_free=live_module.RESERVE)
        session.retry()
        refused = [o for o in outcomes if isinstance(o, ValueError)]
        accepted += len(outcomes) - len(refused)
        if refused:
            return accepted, refused[0]
    return accepted, None


def test_a_flood_from_phones_stops_at_the_budget_and_the_session_still_opens(live, store, small_limit):
    session = live()
    accepted, refused = flood_from_phones(session)
    assert isinstance(refused, SessionFull) and "size limit" in str(refused)
    assert accepted > 40
    on_disk = (store.sessions_dir / f"{session.id}.json").stat().st_size
    assert on_disk <= check.MAX_SESSION_BYTES - live_module.RESERVE
    assert len(store.read_session(session.id)["contributions"]) >= accepted  # it opens, whole


def test_the_facilitator_keeps_room_after_the_phones_are_stopped(live, store, small_limit):
    session = live()
    flood_from_phones(session)
    typed = session.add("pains", "Wachtlijsten jeugdzorg")  # the facilitator's own line still goes in
    records = store.read_session(session.id)["contributions"].values()
    assert [r["text"] for r in records if r["uid"] == typed.uid] == ["Wachtlijsten jeugdzorg"]


def test_the_facilitator_too_is_refused_before_the_file_could_not_be_read_again(live, store, small_limit):
    session = live()
    with pytest.raises(SessionFull):
        for _ in range(200):
            session.add("pains", EMOJI_TEXT, "Gemeente")
    size = (store.sessions_dir / f"{session.id}.json").stat().st_size
    assert check.MAX_SESSION_BYTES - live_module.MARGIN - 2 * len(EMOJI_TEXT) * 12 < size <= check.MAX_SESSION_BYTES
    store.read_session(session.id)  # still readable: no exception


def test_a_save_that_would_cross_the_read_limit_is_refused_as_such(live, store, monkeypatch):
    session = live()
    session.add("pains", "eerste regel")
    before = (store.sessions_dir / f"{session.id}.json").read_bytes()
    monkeypatch.setattr(check, "MAX_SESSION_BYTES", len(before) + 10)
    session._keep_free = -10**9  # past the room check: the store's own guard speaks
    with pytest.raises(live_module.SaveFailed, match="too large to read again"):
        session.add("pains", "een regel die het bestand te groot maakt")
    assert (store.sessions_dir / f"{session.id}.json").read_bytes() == before
