"""The store through TinyDB's own extension point: session files are TinyDB databases on a durable
`Storage` (workshop/core/store/storage.py).

As tinydb's own tests do, the tests that are about TinyDB's behaviour and about a session file's
saving run over two storages: TinyDB's `MemoryStorage` and the store's durable file storage. What
only a file can show (atomic replace, a stock TinyDB reading it back, damage) runs on the file."""

from __future__ import annotations

import errno
import json
import stat
import subprocess
import sys

import pytest
from filelock import FileLock
from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Document

from workshop.core.session import LiveSession
from workshop.core.store import SessionFile, atomic, check, storage as storage_module
from workshop.core.store.check import CONTRIBUTIONS, META, SCHEMA, Damaged
from workshop.core.store.storage import DurableStorage, SessionStorage

STORAGES = ["memory", "durable"]


@pytest.fixture(params=STORAGES)
def db(request, tmp_path):
    """A TinyDB database with three documents, on either storage (tinydb's own `db` fixture)."""
    if request.param == "durable":
        made = TinyDB(tmp_path / "test.json", storage=DurableStorage)
    else:
        made = TinyDB(storage=MemoryStorage)
    made.drop_tables()
    made.insert_multiple({"int": 1, "char": c} for c in "abc")
    yield made
    made.close()


@pytest.fixture(params=STORAGES)
def session_file(request, store, make_session, tmp_path):
    """A session's file opened for writing, on either storage."""
    session_id = make_session()
    if request.param == "durable":
        opened = store.open_session(session_id)
    else:
        memory = TinyDB(storage=MemoryStorage)
        memory.storage.write(store.read_session(session_id))
        lock = FileLock(str(tmp_path / "memory.lock"))
        lock.acquire()
        opened = SessionFile(session_id, tmp_path / "not-on-disk.json", memory, lock)
    yield opened
    opened.release()


def on_disk_or_in_memory(file: SessionFile) -> dict:
    """What the storage holds now: the file as stock TinyDB reads it, or the memory."""
    if isinstance(file.db.storage, MemoryStorage):
        return file.db.storage.read()
    with TinyDB(file.path, access_mode="r") as stock:
        return {name: {str(doc.doc_id): dict(doc) for doc in stock.table(name).all()} for name in stock.tables()}


# --- TinyDB's behaviour, on both storages ------------------------------------------------------


def test_tinydb_inserts_finds_updates_and_removes(db):
    item = Query()
    assert [doc["char"] for doc in db.search(item.int == 1)] == ["a", "b", "c"]
    db.update({"int": 2}, item.char == "b")
    db.remove(item.char == "c")
    assert db.count(item.int == 1) == 1 and db.get(item.char == "b")["int"] == 2
    assert db.insert({"char": "d"}) == 4


def test_tinydb_keeps_the_document_ids_and_tables_apart(db):
    other = db.table("other")
    other.insert(Document({"x": 1}, doc_id=7))
    assert other.get(doc_id=7) == {"x": 1} and len(db) == 3
    assert db.tables() == {"_default", "other"}


def test_a_durable_database_reads_back_as_written_by_a_stock_tinydb(tmp_path):
    path = tmp_path / "test.json"
    with TinyDB(path, storage=DurableStorage) as db:
        db.insert_multiple({"n": n, "text": "é\ud800😀"} for n in range(3))
        db.table("meta").insert(Document({"id": "x"}, doc_id=1))
    with TinyDB(path, access_mode="r") as stock:
        assert [doc["n"] for doc in stock.all()] == [0, 1, 2]
        assert stock.all()[0]["text"] == "é\ud800😀"
        assert stock.table("meta").get(doc_id=1) == {"id": "x"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["test.json"]  # no temporary file left


def test_a_durable_storage_creates_nothing_until_it_writes(tmp_path):
    db = TinyDB(tmp_path / "new.json", storage=DurableStorage)
    assert db.all() == [] and not (tmp_path / "new.json").exists()


def test_a_read_only_durable_storage_refuses_to_write(tmp_path):
    path = tmp_path / "test.json"
    TinyDB(path, storage=DurableStorage).insert({"a": 1})
    with TinyDB(path, storage=DurableStorage, access_mode="r") as db:
        with pytest.raises(PermissionError):
            db.insert({"b": 2})
    assert json.loads(path.read_text()) == {"_default": {"1": {"a": 1}}}


def test_a_durable_storage_never_writes_what_the_store_would_refuse_to_read(tmp_path, monkeypatch):
    path = tmp_path / "test.json"
    db = TinyDB(path, storage=DurableStorage)
    db.insert({"small": True})
    monkeypatch.setattr(check, "MAX_SESSION_BYTES", path.stat().st_size + 10)
    with pytest.raises(OSError) as refused:
        db.insert({"large": "x" * 100})
    assert refused.value.errno == errno.EFBIG and json.loads(path.read_text()) == {"_default": {"1": {"small": True}}}


def test_a_full_disk_leaves_the_file_as_it_was_and_the_database_reads_the_file_again(tmp_path, monkeypatch):
    path = tmp_path / "test.json"
    db = TinyDB(path, storage=DurableStorage)
    db.insert({"kept": True})
    before = path.read_bytes()

    def full_disk(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full_disk)
    with pytest.raises(OSError, match="No space"):
        db.insert({"lost": True})
    assert path.read_bytes() == before
    monkeypatch.undo()
    assert db.all() == [{"kept": True}]  # not the document TinyDB changed in memory before the write failed


def test_a_read_racing_a_write_never_keeps_the_older_file(tmp_path, monkeypatch):
    """The event loop may read while a thread writes: the read that began before the write
    answers with what it read, but the storage then holds the newer document."""
    path = tmp_path / "test.json"
    TinyDB(path, storage=DurableStorage).insert({"version": 1})
    storage = DurableStorage(path)
    real_read = storage_module.read_session_bytes

    def slow_read(where):
        old = real_read(where)
        monkeypatch.setattr(storage_module, "read_session_bytes", real_read)
        storage.write({"_default": {"1": {"version": 2}}})  # the other thread finishes meanwhile
        return old

    monkeypatch.setattr(storage_module, "read_session_bytes", slow_read)
    assert storage.read() == {"_default": {"1": {"version": 1}}}
    assert storage.read() == {"_default": {"1": {"version": 2}}}


# --- a session's file, on both storages --------------------------------------------------------


def test_a_saved_version_is_what_the_storage_holds_and_tinydb_finds_in_it(session_file):
    tables = session_file.tables()
    tables[CONTRIBUTIONS]["1"] = {"step": "pains", "uid": "u1", "text": "Wachtlijsten", "partner": "Gemeente"}
    session_file.save(tables)
    assert on_disk_or_in_memory(session_file)[CONTRIBUTIONS] == tables[CONTRIBUTIONS]
    found = session_file.table(CONTRIBUTIONS).search(Query().text == "Wachtlijsten")
    assert [doc.doc_id for doc in found] == [1]
    assert session_file.meta["id"] == session_file.id and session_file.meta["schema"] == SCHEMA


def test_an_older_version_is_never_written_over_a_newer_one(session_file):
    tables = session_file.tables()
    older = session_file.new_version(json.loads(json.dumps(tables)))
    tables[META]["1"]["title"] = "newer"
    newer = session_file.new_version(tables)
    session_file.write_version(*newer)
    session_file.write_version(*older)  # arrives late, e.g. from a thread
    assert on_disk_or_in_memory(session_file)[META]["1"]["title"] == "newer"
    assert session_file.meta["title"] == "newer"


def test_a_version_too_large_to_read_again_is_refused_and_nothing_is_written(session_file, monkeypatch):
    before = on_disk_or_in_memory(session_file)
    tables = json.loads(json.dumps(session_file.tables()))
    tables[META]["1"]["title"] = "x" * 4096
    monkeypatch.setattr(check, "MAX_SESSION_BYTES", len(atomic.encode(tables)) - 1)
    with pytest.raises(OSError) as refused:
        session_file.save(tables)
    assert refused.value.errno == errno.EFBIG
    assert on_disk_or_in_memory(session_file) == before


def test_a_table_after_a_whole_save_gives_a_new_document_a_free_id(session_file):
    """TinyDB's trap: a kept Table remembers its next id, which a whole save makes stale."""
    contributions = session_file.table(CONTRIBUTIONS)
    first = contributions.insert({"step": "pains", "uid": "u1", "text": "een"})
    tables = session_file.tables()
    tables[CONTRIBUTIONS][str(first + 1)] = {"step": "pains", "uid": "u2", "text": "twee"}
    session_file.save(tables)
    third = session_file.table(CONTRIBUTIONS).insert({"step": "pains", "uid": "u3", "text": "drie"})
    assert third == first + 2
    assert [doc["text"] for doc in session_file.table(CONTRIBUTIONS).all()] == ["een", "twee", "drie"]


def test_a_read_only_session_file_refuses_a_version(session_file):
    viewer = session_file.as_read_only()
    assert viewer.read_only and viewer.meta["id"] == session_file.id
    with pytest.raises(PermissionError):
        viewer.new_version(viewer.tables())


def test_a_live_session_saves_each_change_on_either_storage(session_file):
    live = LiveSession(session_file)
    live.add("pains", "Te veel overleg", partner="Gemeente")
    live.edit(live.contributions("pains")[0].uid, text="Minder overleg")
    saved = on_disk_or_in_memory(session_file)[CONTRIBUTIONS]
    assert [doc["text"] for doc in saved.values()] == ["Minder overleg"]
    assert live.pending == []


# --- the store's files are TinyDB databases ----------------------------------------------------


def test_the_store_opens_a_session_file_as_a_tinydb_database_on_its_durable_storage(live, store):
    assert issubclass(DurableStorage, Storage) and issubclass(SessionStorage, DurableStorage)
    session = live()
    assert isinstance(session.file.db, TinyDB) and isinstance(session.file.db.storage, SessionStorage)
    session.add("pains", "Wachtlijsten", partner="Zorggroep")
    session.release()
    with TinyDB(store.session_path(session.id), storage=SessionStorage) as db:  # round trip through it
        assert db.table(META).get(doc_id=1)["id"] == session.id
        db.table(CONTRIBUTIONS).update({"text": "Lange wachtlijsten"}, Query().text == "Wachtlijsten")
    reopened = LiveSession(store.open_session(session.id))
    assert [c.text for c in reopened.contributions("pains")] == ["Lange wachtlijsten"]
    reopened.release()


def test_the_package_imports_tinydb_for_the_store_at_run_time(make_session, store):
    session_id = make_session()
    code = (
        "import sys, pathlib\n"
        "from workshop.core.store import Store\n"
        f"Store(pathlib.Path({str(store.root)!r})).open_session({session_id!r}).release()\n"
        "print('tinydb.storages' in sys.modules, 'tinydb.database' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "True"]


def test_the_session_storage_reads_only_a_checked_session(make_session, store):
    path = store.session_path(make_session())
    tables = json.loads(path.read_text())
    for key in ("order", "skipped", "notes", "timers", "schema"):
        tables[META]["1"].pop(key)
    path.write_text(json.dumps(tables))
    old = SessionStorage(path, access_mode="r")
    assert old.read()[META]["1"]["schema"] == SCHEMA and old.migrated  # migrated in memory only
    assert "schema" not in json.loads(path.read_text())[META]["1"]
    path.write_text('{"_default": {}}')
    with pytest.raises(Damaged, match="not a session file"):
        SessionStorage(path, access_mode="r").read()
