"""The store: one durable TinyDB file per session, locked, private, and honest about damage."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest
from tinydb import TinyDB

from workshop.core.session import LiveSession, SessionView
from workshop.core.store import SessionBusy, Store, StoreError
from workshop.core.store.store import SCHEMA


def test_a_saved_contribution_is_in_the_file_when_add_returns(live, store):
    session = live()
    added = session.add("pains", "Te veel overleg", partner="Gemeente")
    on_disk = json.loads(store.session_path(session.id).read_text())
    texts = [doc["text"] for doc in on_disk["contributions"].values()]
    assert added.text in texts


def test_a_stock_tinydb_reads_a_session_file(live, store):
    session = live()
    session.add("pains", "Wachtlijsten", partner="Zorggroep")
    session.release()
    db = TinyDB(store.session_path(session.id))
    assert db.table("meta").get(doc_id=1)["id"] == session.id
    assert [doc["text"] for doc in db.table("contributions").all()] == ["Wachtlijsten"]
    db.close()


def test_session_files_are_private_and_folders_closed(live, store):
    session = live()
    session.add("pains", "x", partner="Gemeente")
    assert stat.S_IMODE(store.session_path(session.id).stat().st_mode) == 0o600
    assert stat.S_IMODE(store.root.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.sessions_dir.stat().st_mode) == 0o700


def test_a_second_writer_process_is_refused_with_a_clear_message(live, store):
    session = live()
    code = (
        "import sys\n"
        "from workshop.core.store import Store, SessionBusy\n"
        "from workshop.core.text.i18n import use_language; use_language('en')  # the library's default is Dutch\n"
        f"store = Store(__import__('pathlib').Path({str(store.root)!r}))\n"
        "try:\n"
        f"    store.open_session({session.id!r})\n"
        "except SessionBusy as e:\n"
        "    print(e); sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 3
    assert "open elsewhere" in result.stdout


def test_a_second_writer_can_still_read_the_session(live, store):
    session = live()
    session.add("pains", "gedeeld", partner="Gemeente")
    with pytest.raises(SessionBusy):
        Store(store.root).open_session(session.id)
    viewer = LiveSession(Store(store.root).open_session(session.id, write=False))
    assert viewer.read_only
    assert [c.text for c in viewer.contributions("pains")] == ["gedeeld"]


def test_the_lock_is_free_again_after_release(live, store):
    session = live()
    session.release()
    again = store.open_session(session.id)
    again.release()


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b'{"meta": {"1": {"id": "x", "sche', "not valid JSON"),
        (None, "unexpected data after the end"),  # trailing garbage, built from a good file
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not"),
        (b"[1, 2, 3]", "not a session file"),
        (b'{"meta": {"1": {"schema": 1}}}', "incomplete"),
        (b'{"_default": {}}', "not a session file"),
    ],
    ids=["empty", "cut-off", "trailing-garbage", "binary", "wrong-shape", "no-id", "plain-tinydb"],
)
def test_a_corrupt_session_is_moved_aside_untouched_and_the_rest_still_lists(make_session, store, content, reason):
    good = make_session(collaboration="Goed")
    bad = make_session(collaboration="Kapot")
    path = store.session_path(bad)
    if content is None:
        content = path.read_bytes() + b"garbage"
    path.write_bytes(content)
    listed = Store(store.root)
    infos = listed.catalogue()
    assert [info.id for info in infos] == [good]
    assert not path.exists()
    kept = list(store.corrupt_dir.iterdir())
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert len(listed.problems) == 1 and reason in listed.problems[0] and bad in listed.problems[0]


def test_a_session_from_a_newer_version_is_refused_and_left_in_place(make_session, store):
    session_id = make_session()
    path = store.session_path(session_id)
    tables = json.loads(path.read_text())
    tables["meta"]["1"]["schema"] = SCHEMA + 1
    path.write_text(json.dumps(tables))
    fresh = Store(store.root)
    assert fresh.catalogue() == []
    assert path.exists() and "newer workshop" in fresh.problems[0]
    with pytest.raises(StoreError, match="newer workshop"):
        fresh.open_session(session_id)


def test_an_old_schema_is_migrated_when_opened_for_writing(make_session, store):
    session_id = make_session()
    path = store.session_path(session_id)
    tables = json.loads(path.read_text())
    meta = tables["meta"]["1"]
    for key in ("order", "skipped", "notes", "timers", "schema"):
        meta.pop(key)
    path.write_text(json.dumps(tables))
    session = LiveSession(store.open_session(session_id))
    assert [s.id for s in session.agenda][0] == "checkin"
    session.release()
    assert json.loads(path.read_text())["meta"]["1"]["schema"] == SCHEMA


def test_the_catalogue_is_rebuilt_when_it_is_missing_or_damaged(make_session, store):
    ids = {make_session(collaboration=f"C{n}") for n in range(3)}
    store.catalogue_path.write_text("{nonsense")
    assert {info.id for info in Store(store.root).catalogue()} == ids
    store.catalogue_path.unlink()
    assert {info.id for info in Store(store.root).catalogue()} == ids


def test_the_catalogue_notices_changes_made_behind_its_back(live, store):
    session = live()
    session.add("pains", "één", partner="Gemeente")  # the catalogue is not told of each save
    info = {i.id: i for i in Store(store.root).catalogue()}[session.id]
    assert info.contributions == 1


def test_a_session_is_found_by_a_unique_prefix(make_session, store):
    session_id = make_session()
    assert store.resolve(session_id[:12]) == session_id
    assert store.resolve(session_id.upper()) == session_id


def test_a_whole_session_id_is_found_without_listing_the_store(make_session, store, monkeypatch):
    session_id = make_session()

    def listed() -> dict:
        raise AssertionError("a whole id should not list the folder")

    monkeypatch.setattr(store, "session_entries", listed)
    assert store.resolve(session_id) == session_id
    assert store.resolve(f" {session_id.upper()} ") == session_id
    with pytest.raises(AssertionError):  # a prefix, or an id with no file, does list it
        store.resolve(session_id[:-1] + ("0" if session_id[-1] != "0" else "1"))


@pytest.mark.parametrize("name", ["../etc/passwd", "/etc/passwd", "a\x00b", "", "x" * 100, "..", "20261120-zzzzzz/../x"])
def test_names_that_try_paths_are_refused(store, name):
    with pytest.raises(StoreError):
        store.resolve(name)


def test_an_ambiguous_prefix_names_the_candidates(make_session, store):
    make_session()
    make_session()
    with pytest.raises(StoreError, match="matches 2 sessions"):
        store.resolve("2026")


def test_a_store_that_cannot_be_created_gives_one_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot use the store"):
        Store(blocker / "store").ensure()


def test_stale_temp_files_of_a_killed_writer_are_cleared_on_open(make_session, store):
    session_id = make_session()
    stale = store.sessions_dir / f".{session_id}.json.99999.tmp"
    stale.write_bytes(b"half")
    store.open_session(session_id).release()
    assert not stale.exists()
    assert [i.id for i in store.catalogue()] == [session_id]


def test_lone_surrogates_and_control_characters_are_saved_exactly(live, store):
    session = live()
    hostile = "a\ud800b\x1b[31mred\x00\u202eRTL😀[bold]x[/bold]"
    session.add("pains", hostile, partner="Gemeente")
    session.release()
    view = SessionView(store.read_session(session.id))
    assert view.contributions("pains")[0].text == hostile
    assert os.path.getsize(store.session_path(session.id)) > 0


def test_the_quick_catalogue_declines_when_many_files_must_be_read_again(store, make_session):
    made = [make_session(date=f"2026-11-{day:02d}") for day in range(1, 6)]
    assert [info.id for info in store.quick_catalogue(0)] == [info.id for info in store.catalogue()]
    (store.root / "catalogue.json").unlink()  # as after restoring a backup: every file is unknown
    assert store.quick_catalogue(4) is None
    assert sorted(info.id for info in store.quick_catalogue(5)) == sorted(made)
