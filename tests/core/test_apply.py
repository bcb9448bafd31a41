"""`LiveSession.apply(change)`: each kind of change, checked on the file itself, read back
both by the app and by stock TinyDB (the file stays plain TinyDB JSON)."""

from __future__ import annotations

import errno
import json

import pytest
from tinydb import TinyDB

from workshop.core.session import SaveFailed, SessionClosed, SessionView, changes as c
from workshop.core.store import atomic


def tinydb_docs(store, session_id: str) -> tuple[dict, list[dict]]:
    """Meta and contributions as stock TinyDB (its own JSONStorage) reads the file."""
    with TinyDB(store.session_path(session_id), access_mode="r") as db:
        return dict(db.table("meta").get(doc_id=1)), [dict(doc) for doc in db.table("contributions").all()]


def on_disk(store, session_id: str) -> SessionView:
    return SessionView(store.read_session(session_id))


def texts(store, session_id: str, step: str) -> list[str]:
    return [x.text for x in on_disk(store, session_id).contributions(step)]


def test_an_added_contribution_is_on_disk_as_a_plain_tinydb_document(live, store):
    s = live()
    made = s.apply(c.AddContribution("pains", "Te veel overleg", partner="Gemeente"))
    _meta, docs = tinydb_docs(store, s.id)
    assert [(d["uid"], d["text"], d["partner"], d["step"]) for d in docs] == [
        (made.uid, "Te veel overleg", "Gemeente", "pains")]
    raw = json.loads(store.session_path(s.id).read_bytes())
    assert set(raw) == {"meta", "contributions"} and list(raw["contributions"]) == ["1"]


def test_the_same_add_sent_twice_with_its_uid_is_saved_once(live, store):
    s = live()
    change = c.AddContribution("pains", "één keer", uid="browser-0001")
    s.apply(change)
    s.apply(change)
    assert texts(store, s.id, "pains") == ["één keer"]


def test_edit_move_and_remove_change_the_file(live, store):
    s = live()
    a = s.apply(c.AddContribution("pains", "eerste"))
    b = s.apply(c.AddContribution("pains", "tweede"))
    s.apply(c.EditContribution(a.uid, {"text": "eerste, beter"}))
    s.apply(c.MoveContribution(b.uid, -1))
    assert texts(store, s.id, "pains") == ["tweede", "eerste, beter"]
    s.apply(c.RemoveContribution(b.uid))
    _meta, docs = tinydb_docs(store, s.id)
    assert [d["text"] for d in docs] == ["eerste, beter"]


def test_revise_and_agree_settle_the_statement_and_the_same_text_twice_is_one_version(live, store):
    s = live()
    s.apply(c.Revise("ambition", "Kinderen groeien veilig op"))
    s.apply(c.Revise("ambition", "Kinderen groeien veilig op"))  # Enter twice
    s.apply(c.Agree("ambition"))
    s.apply(c.Revise("ambition", "Nieuwe, nog niet eens"))
    view = on_disk(store, s.id)
    assert [r.text for r in view.revisions("ambition")] == ["Kinderen groeien veilig op", "Nieuwe, nog niet eens"]
    assert view.settled_statement("ambition").text == "Kinderen groeien veilig op"
    assert view.statement("ambition").text == "Nieuwe, nog niet eens"


def test_a_score_replaces_the_earlier_one_and_clearing_removes_it(live, store):
    s = live()
    s.apply(c.Score("interaction", "listening", "Gemeente", 2))
    s.apply(c.Score("interaction", "listening", "Gemeente", 4, "beter nu"))
    given = on_disk(store, s.id).scores("interaction", "listening")["Gemeente"]
    assert (given.value, given.text) == (4, "beter nu")
    s.apply(c.ClearScore("interaction", "listening", "Gemeente"))
    assert on_disk(store, s.id).scores("interaction", "listening") == {}


def test_a_refused_change_leaves_the_file_as_it_was(live, store):
    s = live()
    s.apply(c.AddContribution("pains", "iets"))
    before = store.session_path(s.id).read_bytes()
    for wrong in (c.Score("interaction", "listening", "Gemeente", 9), c.Score("interaction", "nope", "Gemeente", 3),
                  c.Choose("welcome", "nope"), c.AddStep("   "), c.Link("x", "x")):
        with pytest.raises(ValueError):
            s.apply(wrong)
    assert store.session_path(s.id).read_bytes() == before and s.pending == []


def test_votes_assignments_consents_choices_and_reviews_are_saved(live, store):
    s = live()
    pain = s.apply(c.AddContribution("pains", "geen budget"))
    assert s.apply(c.Vote("priorities", pain.uid, "Gemeente", 2)) == 2
    s.apply(c.Assign("roles", "Voorzitter", "Anna", "maandelijks", row="rows-1"))
    free = s.apply(c.Assign("roles", "Notulist", "Bram"))
    s.apply(c.Assign("roles", "Notulist", "Cem", "wekelijks", uid=free.uid))
    s.apply(c.SetConsent("consent", "Gemeente", "or", "requested", "2026-12-01"))
    s.apply(c.Choose("welcome", "delen"))
    s.apply(c.Mark("review", "carried-1", "done"))
    view = on_disk(store, s.id)
    assert view.dots("priorities") == {pain.uid: 2}
    assert [(x.text, x.value, x.when, x.item) for x in view.contributions("roles")] == [
        ("Voorzitter", "Anna", "maandelijks", "rows-1"), ("Notulist", "Cem", "wekelijks", "")]
    assert (view.consents("consent")[("Gemeente", "or")].value, view.consents("consent")[("Gemeente", "or")].when) \
        == ("requested", "2026-12-01")
    assert view.choice("welcome") == "delen" and view.reviews("review") == {"carried-1": "done"}


def test_agenda_moves_notes_and_timers_are_saved_in_meta(live, store):
    s = live()
    s.apply(c.GoTo("pains"))
    s.apply(c.Skip("priorities"))
    s.apply(c.MoveStep("close", -1))
    extra = s.apply(c.AddStep("Budget", after="pains"))
    s.apply(c.SetNote("pains", "let op Bram"))
    s.apply(c.AddMinutes("pains", 5))
    s.apply(c.PauseTimer("pains"))
    meta, _docs = tinydb_docs(store, s.id)
    view = on_disk(store, s.id)
    assert meta["current"] == "pains" and meta["skipped"] == ["priorities"] and meta["notes"] == {"pains": "let op Bram"}
    order = [x.id for x in view.agenda]
    assert order[order.index("pains") + 1] == extra.id
    assert view.neighbour("pains", +1).id == extra.id
    assert view.neighbour(extra.id, +1).id == "pilot-lessons"  # the skipped vote is passed over
    assert view.timebox("pains").extra == 5 and view.timebox("pains").since is None


def test_a_link_is_kept_even_on_a_closed_session_which_refuses_everything_else(live, store):
    s = live()
    s.apply(c.Close())
    s.apply(c.Link("a", "b"))
    assert tinydb_docs(store, s.id)[0]["links"] == [["a", "b"]] and on_disk(store, s.id).closed
    with pytest.raises(SessionClosed):
        s.apply(c.AddContribution("pains", "te laat"))


def test_changes_refused_by_a_full_disk_wait_as_data_and_are_written_in_order(live, store, monkeypatch):
    s = live()
    s.apply(c.AddContribution("pains", "vooraf"))
    real = atomic.write_atomically

    def full(path, payload):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "write_atomically", full)
    first, second = c.AddContribution("pains", "een"), c.AddContribution("pains", "twee")
    for change in (first, second):
        with pytest.raises(SaveFailed, match="No space left"):
            s.apply(change)
    assert s.pending == [first, second]  # what waits can be shown and counted
    assert texts(store, s.id, "pains") == ["vooraf"]
    monkeypatch.setattr(atomic, "write_atomically", real)
    assert s.retry() and s.pending == []
    assert [d["text"] for d in tinydb_docs(store, s.id)[1]] == ["vooraf", "een", "twee"]


def test_an_old_file_with_gaps_in_its_doc_ids_opens_and_is_saved_as_tinydb_reads_it(live, store, make_session):
    session_id = make_session()
    path = store.session_path(session_id)
    raw = json.loads(path.read_bytes())
    raw["contributions"] = {"3": {"step": "pains", "text": "oud", "uid": "u-old", "position": 0, "created": "x"},
                            "7": {"step": "pains", "text": "ouder", "uid": "u-older", "position": 1, "created": "y"}}
    path.write_text(json.dumps(raw))
    s = live(session_id)
    s.apply(c.AddContribution("pains", "nieuw"))
    _meta, docs = tinydb_docs(store, session_id)
    assert [d["text"] for d in docs] == ["oud", "ouder", "nieuw"]


def test_an_actions_due_date_is_saved_as_a_real_date_and_a_vague_one_is_refused(live, store):
    s = live()  # the session is dated 2026-11-20, in English
    s.apply(c.Assign("actions", "Send the minutes", "Anna", "1 December"))
    s.apply(c.Assign("actions", "Ask the works council", "Bram", "15-1-2027"))
    with pytest.raises(ValueError, match=r"next week.*is not a date; write it like"):
        s.apply(c.Assign("actions", "Book a room", "Cem", "next week"))
    s.apply(c.SetConsent("consent", "Gemeente", "or", "requested", "3 december 2026"))
    view = on_disk(store, s.id)
    assert [(x.text, x.when) for x in view.contributions("actions")] == [
        ("Send the minutes", "2026-12-01"), ("Ask the works council", "2027-01-15")]
    assert view.consents("consent")[("Gemeente", "or")].when == "2026-12-03"


def test_a_rhythm_keeps_its_words(live, store):
    s = live()
    s.apply(c.Assign("rhythm", "Leaders' meeting", "all partners", "every six weeks", row="rows-1"))
    assert [x.when for x in on_disk(store, s.id).contributions("rhythm")] == ["every six weeks"]
