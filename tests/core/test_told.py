"""What `LiveSession.apply` tells its listeners: one record per change (or group of changes),
decided from what the rule touched, and one when a save returns or fails."""

from __future__ import annotations

import asyncio
import errno

import pytest

from workshop.core.session import SaveFailed, changes as c
from workshop.core.session.rules import APPLY
from workshop.core.session.told import Changed
from workshop.core.store import atomic


def made(s, step: str = "pains", text: str = "eerste") -> str:
    return s.apply(c.AddContribution(step, text, partner="Gemeente")).uid


def body(s) -> str:
    s.apply(c.AddBody("consent", "Raad van bestuur"))
    return next(e["id"] for e in s.meta["added_bodies"]["consent"])


def seated(s) -> None:
    s.apply(c.OpenRoom("CODE", "SCRIBE", "ab" * 32))
    s.apply(c.TakeSeat("seat-1", "Dina", "Gemeente"))


def removed(s) -> dict:
    uid = made(s)
    gone = s.contribution(uid).to_dict()
    s.apply(c.RemoveContribution(uid))
    return gone


# change type → (the change, made on a session prepared by the test; the record it must tell).
# A change type missing here fails `test_every_change_type_has_its_record_in_the_table`.
S, M = frozenset, frozenset
TABLE = {
    c.AddContribution: (lambda s: c.AddContribution("pains", "nieuw"), Changed(steps=S({"pains"}))),
    c.EditContribution: (lambda s: c.EditContribution(made(s), {"text": "beter"}), Changed(steps=S({"pains"}))),
    c.RemoveContribution: (lambda s: c.RemoveContribution(made(s)), Changed(steps=S({"pains"}))),
    c.Restore: (lambda s: c.Restore(removed(s)), Changed(steps=S({"pains"}))),
    c.MoveContribution: (lambda s: (made(s), c.MoveContribution(made(s, text="tweede"), -1))[1],
                         Changed(steps=S({"pains"}))),
    c.Revise: (lambda s: c.Revise("ambition", "Samen"), Changed(steps=S({"ambition"}))),
    c.Agree: (lambda s: (s.apply(c.Revise("ambition", "Samen")), c.Agree("ambition"))[1],
              Changed(steps=S({"ambition"}))),
    c.Score: (lambda s: c.Score("interaction", "threshold", "Anna", 3), Changed(steps=S({"interaction"}))),
    c.ClearScore: (lambda s: (s.apply(c.Score("interaction", "threshold", "Anna", 3)),
                              c.ClearScore("interaction", "threshold", "Anna"))[1], Changed(steps=S({"interaction"}))),
    c.Vote: (lambda s: c.Vote("priorities", made(s), "Gemeente"), Changed(steps=S({"priorities"}))),
    c.Assign: (lambda s: c.Assign("actions", "Verslag", "Gemeente"), Changed(steps=S({"actions"}))),
    c.SetConsent: (lambda s: c.SetConsent("consent", "Gemeente", "or", "requested"), Changed(steps=S({"consent"}))),
    c.Choose: (lambda s: c.Choose("decision-rule", "consent"), Changed(steps=S({"decision-rule"}))),
    c.Mark: (lambda s: c.Mark("review", "earlier-action", "done"), Changed(steps=S({"review"}))),
    c.Adopt: (lambda s: c.Adopt("consent"), Changed(meta=M({"adopted"}))),
    c.AddBody: (lambda s: c.AddBody("consent", "Raad"), Changed(meta=M({"added_bodies"}))),
    c.RenameBody: (lambda s: c.RenameBody("consent", body(s), "Raad"), Changed(meta=M({"added_bodies"}))),
    c.RemoveBody: (lambda s: c.RemoveBody("consent", body(s)), Changed(meta=M({"added_bodies"}))),
    c.Link: (lambda s: c.Link(made(s), made(s, text="tweede")), Changed(meta=M({"links"}))),
    c.Annotate: (lambda s: c.Annotate(solved=(made(s),)), Changed(meta=M({"solved"}))),
    c.SetNextMeeting: (lambda s: c.SetNextMeeting("2026-12-01", "Stadhuis"), Changed(meta=M({"next_meeting"}))),
    c.GoTo: (lambda s: c.GoTo("decision-rule"), Changed(meta=M({"current", "timers", "visited"}), stage=True)),
    c.Skip: (lambda s: c.Skip("decision-rule"), Changed(meta=M({"skipped"}))),
    c.MoveStep: (lambda s: c.MoveStep("decision-rule", 1), Changed(meta=M({"order"}))),
    c.AddStep: (lambda s: c.AddStep("Extra"), Changed(meta=M({"steps", "order"}))),
    c.SetNote: (lambda s: c.SetNote("pains", "Let op"), Changed(meta=M({"notes"}))),
    c.SetMinutesTaker: (lambda s: c.SetMinutesTaker("Noor"), Changed(meta=M({"minutes_taker"}))),
    c.StartTimer: (lambda s: c.StartTimer("pains"), Changed(meta=M({"timers"}))),
    c.PauseTimer: (lambda s: (s.apply(c.StartTimer("pains")), c.PauseTimer("pains"))[1], Changed(meta=M({"timers"}))),
    c.AddMinutes: (lambda s: c.AddMinutes("pains", 5), Changed(meta=M({"timers"}))),
    c.Close: (lambda s: (s.apply(c.StartTimer("pains")), c.Close())[1],
              Changed(meta=M({"status", "closed", "timers"}), stage=True)),
    c.Reveal: (lambda s: c.Reveal("interaction"), Changed(meta=M({"revealed"}), stage=True)),
    c.CloseInput: (lambda s: c.CloseInput("pains"), Changed(meta=M({"input_closed"}), stage=True)),
    c.Moderate: (lambda s: c.Moderate(made(s), shown=False), Changed(meta=M({"held"}))),
    c.DevicesJoined: (lambda s: c.DevicesJoined(), Changed(meta=M({"devices_joined"}))),
    c.AddParticipant: (lambda s: c.AddParticipant("Dina", "Gemeente"), Changed(meta=M({"participants"}), room=True)),
    c.MoveParticipant: (lambda s: c.MoveParticipant("Anna", "Zorggroep"), Changed(meta=M({"participants"}), room=True)),
    c.OpenRoom: (lambda s: c.OpenRoom("CODE", "SCRIBE", "ab" * 32), Changed(meta=M({"room"}), room=True)),
    c.TakeSeat: (lambda s: (s.apply(c.OpenRoom("CODE", "SCRIBE", "ab" * 32)), c.TakeSeat("seat-1", "Dina"))[1],
                 Changed(meta=M({"room"}), room=True)),
    c.FreeSeat: (lambda s: (seated(s), c.FreeSeat("seat-1"))[1], Changed(meta=M({"room"}), room=True)),
    c.SetAttendance: (lambda s: c.SetAttendance("Gemeente", "present"), Changed(meta=M({"attendance"}))),
    c.SetPartnerCard: (lambda s: c.SetPartnerCard("Gemeente", "GEM"), Changed(meta=M({"partner_cards"}))),
}


def test_every_change_type_has_its_record_in_the_table():
    assert set(TABLE) == set(APPLY)


@pytest.mark.parametrize("kind", list(TABLE), ids=lambda kind: kind.__name__)
def test_each_change_tells_what_it_changed(live, kind):
    s = live(clock=lambda: 1_000.0)
    make, expected = TABLE[kind]
    change = make(s)
    heard: list[Changed] = []
    s.listen(heard.append)
    s.apply(change)
    assert heard == [expected, Changed(saved=True)]


def test_a_change_that_changes_nothing_tells_nothing_of_the_model(live):
    s = live()
    s.apply(c.Reveal("interaction"))
    heard: list[Changed] = []
    s.listen(heard.append)
    s.apply(c.Reveal("interaction"))  # revealed already
    assert [record for record in heard if record.saved is None] == []


def test_a_group_of_changes_in_memory_is_one_record(live):
    s = live()
    heard: list[Changed] = []
    s.listen(heard.append)
    s.apply_in_memory([c.AddContribution("pains", "een"), c.Reveal("interaction"),
                       c.AddContribution("pains", "x" * 10, item="no-such-level"),  # refused: tells nothing
                       c.AddContribution("ideas-none", "refused too")])
    assert heard == [Changed(steps=S({"pains"}), meta=M({"revealed"}), stage=True)]


def test_a_refused_save_tells_what_waits_and_the_retry_tells_saved(live, monkeypatch):
    s = live()
    real = atomic.write_atomically
    heard: list[Changed] = []
    s.listen(heard.append)

    def full_disk(path, payload):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "write_atomically", full_disk)
    with pytest.raises(SaveFailed):
        s.apply(c.AddContribution("pains", "bewaard"))
    assert heard[-1].saved is False and heard[-1].waiting == 1 and "No space left" in heard[-1].problem
    monkeypatch.setattr(atomic, "write_atomically", real)
    assert s.retry() and heard[-1] == Changed(saved=True)


def test_on_an_event_loop_apply_returns_before_the_disk_and_saved_is_told_after_it(live, store, monkeypatch):
    """The keypress's path: the write (and its JSON encoding) happens in the writer thread."""
    import threading

    s = live()
    writers: list[str] = []
    real = atomic.write_atomically

    def noted(path, payload):
        writers.append(threading.current_thread().name)
        real(path, payload)

    monkeypatch.setattr(atomic, "write_atomically", noted)

    async def meeting():
        heard: list[Changed] = []
        s.listen(heard.append)
        for text in ("een", "twee", "drie"):
            s.apply(c.AddContribution("pains", text))
        told_before = list(heard)
        await s.save_pending()
        return told_before, heard

    told_before, heard = asyncio.run(meeting())
    assert all(record.saved is None for record in told_before)  # nothing was shown saved before the write
    assert heard[-1] == Changed(saved=True) and s.pending == []
    assert writers and all(name.startswith("workshop-save") for name in writers)
    from workshop.core.session import SessionView

    assert [x.text for x in SessionView(store.read_session(s.id)).contributions("pains")] == ["een", "twee", "drie"]


def test_on_an_event_loop_a_refused_write_keeps_the_changes_in_order_and_is_retried(live, store, monkeypatch):
    s = live()
    real = atomic.write_atomically

    def full_disk(path, payload):
        raise OSError(errno.ENOSPC, "No space left on device")

    async def meeting():
        heard: list[Changed] = []
        s.listen(heard.append)
        monkeypatch.setattr(atomic, "write_atomically", full_disk)
        s.apply(c.AddContribution("pains", "een"))
        with pytest.raises(SaveFailed):
            await s.save_pending()
        s.apply(c.AddContribution("pains", "twee"))
        with pytest.raises(SaveFailed):
            await s.save_pending()
        refused = [record for record in heard if record.saved is False]
        monkeypatch.setattr(atomic, "write_atomically", real)
        s.save_soon()
        await s.save_pending()
        return refused, heard[-1]

    refused, last = asyncio.run(meeting())
    assert refused[-1].waiting == 2 and last == Changed(saved=True)
    from workshop.core.session import SessionView

    assert [x.text for x in SessionView(store.read_session(s.id)).contributions("pains")] == ["een", "twee"]


def test_letting_go_writes_what_waits(live, store):
    s = live()

    async def meeting():
        s.apply(c.AddContribution("pains", "laatste"))
        s.release()  # leaving the session at once: the write is waited for

    asyncio.run(meeting())
    from workshop.core.session import SessionView

    assert [x.text for x in SessionView(store.read_session(s.id)).contributions("pains")] == ["laatste"]


def test_records_of_a_frame_merge_and_the_later_save_state_wins():
    first = Changed(steps=S({"a"}), saved=False, waiting=2, problem="vol")
    later = Changed(meta=M({"current"}), stage=True)
    merged = first | later | Changed(saved=True)
    assert merged == Changed(steps=S({"a"}), meta=M({"current"}), stage=True, saved=True)
    assert (first | later).saved is False and (first | later).waiting == 2
    assert not Changed() and Changed(room=True)
