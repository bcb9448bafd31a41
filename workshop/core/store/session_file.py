"""A session's file as the store hands it out: a TinyDB database (storage.py) opened for writing,
holding its lock, or read-only; saved durably in two halves so the slow half can run in a thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from workshop.core.store import check
from workshop.core.store.atomic import encode
from workshop.core.store.check import META, Unreadable
from workshop.core.text.i18n import _

if TYPE_CHECKING:
    from filelock import FileLock


def table_of(db: TinyDB, name: str) -> Table:
    """One of a database's TinyDB tables, made afresh at each call. `db.table(name)` hands out
    the same `Table` every time, and a Table remembers its query results and its next document
    id; a whole save through the storage (`SessionFile.save`) would leave those stale, and an
    insert would then reuse an id. A fresh Table reads the document as it is now."""
    return db.table_class(db.storage, name, cache_size=0)


@dataclass
class SessionFile:
    """A session's file, opened for writing (holding its lock) or read-only.

    `db` is the file as a TinyDB database (on the store's `SessionStorage`; tests also run it on
    TinyDB's `MemoryStorage`). The live session keeps the session in memory and saves it whole:
    `save(tables)` replaces the file durably with the given TinyDB tables; `tables()` is what was
    last read or saved."""

    id: str
    path: Path
    db: TinyDB
    lock: FileLock | None
    on_release: Callable[[SessionFile], None] | None = None
    _encoded: int = field(default=0, init=False, repr=False)  # the last version numbered
    _written: int = field(default=0, init=False, repr=False)  # the last version on disk
    _write_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def read_only(self) -> bool:
        return self.lock is None

    def table(self, name: str) -> Table:
        return table_of(self.db, name)

    @property
    def meta(self) -> dict[str, Any]:
        return dict(self.table(META).get(doc_id=1) or {})

    def tables(self) -> dict[str, Any]:
        try:
            return self.db.storage.read() or {}
        except (OSError, Unreadable):  # after a failed save only the file says what is on disk
            return {}

    def save(self, tables: dict[str, Any]) -> None:
        self.write_version(*self.new_version(tables))

    # A save in two halves, so the slow half (writing, fsync) can run in a thread while the event
    # loop goes on (workshop/serve groups participants' submissions this way). Versions are
    # numbered when encoded; a version older than one already on disk is not written again (the
    # newer one holds it), so two writers never put an older session over a newer one.

    def new_version(self, tables: dict[str, Any]) -> tuple[int, bytes, dict[str, Any]]:
        """Number and encode a version of the session (cheap next to writing it)."""
        if self.read_only:
            raise PermissionError(_("{file} is open read-only").format(file=self.path.name))
        payload = encode(tables)  # before anything is dropped: an unencodable change is a bug
        check.readable_size(payload)  # never write what the store would refuse to read
        with _VERSIONS:
            self._encoded += 1
            return self._encoded, payload, tables

    def write_version(self, number: int, payload: bytes, tables: dict[str, Any]) -> None:
        """Durably on disk when this returns (by this write, or by a newer one already made)."""
        with self._write_lock:
            if number <= self._written:
                return
            write_encoded = getattr(self.db.storage, "write_encoded", None)
            if write_encoded is not None:
                write_encoded(payload, tables)  # the durable storage: written as encoded
            else:
                self.db.storage.write(tables)  # any other TinyDB storage (the tests' MemoryStorage)
            self._written = number

    def as_read_only(self) -> SessionFile:
        """The same session, read-only, with the lock let go (a closed session needs none): the
        document as last read or saved, held in memory."""
        tables = self.tables()
        self.release()
        db = TinyDB(storage=MemoryStorage)
        db.storage.write(tables)
        return SessionFile(self.id, self.path, db, None)

    def release(self) -> None:
        if self.on_release is not None:
            self.on_release(self)
            self.on_release = None
        self.db.close()  # forgets what it read: from now on the file is the truth
        if self.lock is not None:
            self.lock.release()
            self.lock = None


_VERSIONS = threading.Lock()
