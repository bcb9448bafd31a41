"""TinyDB's storage for the store's files, made durable: TinyDB's own extension point
(`tinydb.storages.Storage`, docs/extend.rst), so a session file is opened as a TinyDB database.

Stock TinyDB's `JSONStorage` writes in place (seek, write, truncate): a kill -9 during a shrinking
write or a full disk leaves a file no one can read. `DurableStorage` replaces the whole file
atomically instead (`atomic.write_atomically`: a temporary file in the same folder, flushed to
the disk, renamed over the old one, the folder synced, per platform in platform.py). Its files
stay plain TinyDB JSON, which a stock `TinyDB(path)` reads.

A storage keeps the document it last read or wrote: the process that writes a file holds its lock
(store.py), so that document is what the file holds. Never put TinyDB's `CachingMiddleware` in
front of it: it keeps up to 1,000 writes in memory only, and a crash loses them.

`SessionStorage` reads only a checked session: a document that is not one raises the one-line
error of check.py (and a file of an older schema is migrated in memory, `migrated` says so).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from workshop.core.store import atomic
from workshop.core.store.check import check_parsed, parse, read_session_bytes, readable_size
from workshop.core.text.i18n import _

__all__ = ["DurableStorage", "SessionStorage"]

Document = dict[str, Any]  # TinyDB's whole document: {table name: {doc id: record}}


class DurableStorage(Storage):
    """A TinyDB storage whose every write replaces its file durably and atomically.

    `TinyDB(path, storage=DurableStorage)` opens a file for writing, `access_mode="r"` for reading
    only. A missing file reads as an empty database (TinyDB's None); nothing is created until the
    first write. `data`, when given, is what the file is known to hold: it is not read again."""

    def __init__(self, path: str | Path, access_mode: str = "r+", data: Document | None = None) -> None:
        super().__init__()
        if access_mode not in ("r", "r+"):
            raise ValueError(f"access_mode must be 'r' or 'r+', not {access_mode!r}")
        self.path = Path(path)
        self.read_only = access_mode == "r"
        self._data = data
        self._writes = 0  # counts writes begun, so a read racing a write never keeps the older file
        self._guard = threading.Lock()

    def read(self) -> Document | None:
        data = self._data
        if data is None:
            seen = self._writes
            try:
                raw = read_session_bytes(self.path)  # a regular file of sane size, read without blocking
            except FileNotFoundError:
                return None
            data = self.decode(raw)
            with self._guard:
                if self._writes == seen:
                    self._data = data
        return data

    def decode(self, raw: bytes) -> Document:
        """The document in a file's bytes; check.Damaged says in one line why they are none."""
        return parse(raw)

    def write(self, data: Document) -> None:
        self.write_encoded(atomic.encode(data), data)

    def write_encoded(self, payload: bytes, data: Document) -> None:
        """Write `payload`, the encoded `data`, durably: when this returns it is on disk. On an
        error the file is as it was (and is read again when next asked)."""
        if self.read_only:
            raise PermissionError(_("{file} is open read-only").format(file=self.path.name))
        readable_size(payload)  # never write what the store would refuse to read
        with self._guard:
            self._writes += 1
            self._data = None
        atomic.write_atomically(self.path, payload)  # looked up here: tests inject a full disk
        with self._guard:
            self._data = data

    def close(self) -> None:
        self._data = None


class SessionStorage(DurableStorage):
    """A session's file: what it reads is checked against the schema and migrated (check.py)."""

    migrated = False

    def decode(self, raw: bytes) -> Document:
        tables, migrated = check_parsed(parse(raw))
        self.migrated = self.migrated or migrated
        return tables
