"""A session's file as the store hands it out: opened for writing (holding its lock) or read-only,
saved durably in two halves so the slow half can run in a thread."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from workshop.i18n import _
from workshop.store import atomic, check
from workshop.store.atomic import encode
from workshop.store.check import META

if TYPE_CHECKING:
    from filelock import FileLock


@dataclass
class SessionFile:
    """A session's file, opened for writing (holding its lock) or read-only.

    `save(tables)` replaces the file durably with the given tables (plain TinyDB JSON);
    `tables()` is what was last read or saved."""

    id: str
    path: Path
    saved: dict[str, Any] | None
    lock: FileLock | None
    on_release: Callable[["SessionFile"], None] | None = None

    @property
    def read_only(self) -> bool:
        return self.lock is None

    @property
    def meta(self) -> dict[str, Any]:
        return dict(self.tables().get(META, {}).get("1", {}))

    def tables(self) -> dict[str, Any]:
        if self.saved is None:  # the last save failed: only the file says what is on disk
            try:
                self.saved = json.loads(self.path.read_bytes())
            except (OSError, ValueError):
                return {}
        return self.saved

    def save(self, tables: dict[str, Any]) -> None:
        self.write_version(*self.new_version(tables))

    # A save in two halves, so the slow half (writing, fsync) can run in a thread while the event
    # loop goes on (workshop/serve groups participants' submissions this way). Versions are
    # numbered when encoded; a version older than one already on disk is not written again (the
    # newer one holds it), so two writers never put an older session over a newer one.

    def new_version(self, tables: dict[str, Any]) -> tuple[int, bytes, dict[str, Any]]:
        if self.read_only:
            raise PermissionError(_("{file} is open read-only").format(file=self.path.name))
        payload = encode(tables)  # before anything is dropped: an unencodable change is a bug
        check.readable_size(payload)  # never write what the store would refuse to read
        with _VERSIONS:
            self._encoded = getattr(self, "_encoded", 0) + 1
            return self._encoded, payload, tables

    def write_version(self, number: int, payload: bytes, tables: dict[str, Any]) -> None:
        """Durably on disk when this returns (by this write, or by a newer one already made)."""
        with self._writing():
            if number <= getattr(self, "_written", 0):
                return
            self.saved = None
            atomic.write_atomically(self.path, payload)  # looked up here: tests inject a full disk
            self.saved = tables
            self._written = number

    def _writing(self) -> threading.Lock:
        with _VERSIONS:
            if getattr(self, "_write_lock", None) is None:
                self._write_lock = threading.Lock()
            return self._write_lock

    def as_read_only(self) -> "SessionFile":
        """The same session, read-only, with the lock let go (a closed session needs none)."""
        tables = self.tables()
        self.release()
        return SessionFile(self.id, self.path, tables, None)

    def release(self) -> None:
        if self.on_release is not None:
            self.on_release(self)
            self.on_release = None
        self.saved = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None


_VERSIONS = threading.Lock()
