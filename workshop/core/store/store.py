"""The store: a folder of session files, one TinyDB file per session, and a small catalogue.

    STORE/
      sessions/<id>.json       one session: a TinyDB database (tables `meta` and `contributions`)
                             on a durable storage (storage.py)
      sessions/<id>.json.lock  held by the one process that writes that session
      catalogue.json           what `list` and the home screen show, rebuilt from the files
      corrupt/                 damaged files, moved here untouched and reported

This package is the only place that touches the store's files; a session's file is in session_file.py.
Files are replaced whole and atomically, never written in place, so a reader needs no lock.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB

from workshop.core.machine import clock
from workshop.core.machine.platform import make_private_folder
from workshop.core.model import SessionInfo, now_iso
from workshop.core.store.atomic import FILE_MODE
from workshop.core.store.catalogue import listing, note_session
from workshop.core.store.check import (  # noqa: F401 - CONTRIBUTIONS, info_from_tables, check_tables: re-exported
    CONTRIBUTIONS,
    META,
    SCHEMA,
    Damaged,
    Unreadable,
    check_tables,
    info_from_tables,
)
from workshop.core.store.session_file import SessionFile, table_of
from workshop.core.store.storage import SessionStorage
from workshop.core.text.i18n import _

SESSION_ID = re.compile(r"^[0-9]{8}-[0-9a-z]{6}$")
NAME_LIKE = re.compile(r"^[0-9a-z-]{1,40}$")


class StoreError(Exception):
    """Something about the store a user must hear about, in one line."""


class SessionBusy(StoreError):
    """Another process has the session open for writing."""


class SessionUnreadable(StoreError):
    """A session file that cannot be used; `reason` says why (the text adds the file)."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


class SessionMissing(SessionUnreadable):
    """The file is gone (deleted meanwhile)."""


@dataclass
class Store:
    root: Path
    problems: list[str] = field(default_factory=list)

    # --- folders ------------------------------------------------------------------------------

    @property
    def sessions_dir(self) -> Path:
        return self.root / "sessions"

    @property
    def corrupt_dir(self) -> Path:
        return self.root / "corrupt"

    @property
    def catalogue_path(self) -> Path:
        return self.root / "catalogue.json"

    def check_folder(self) -> None:
        """One clear error when the store's path is a file (`--store /etc/passwd`)."""
        for folder in (self.root, self.sessions_dir):
            try:
                is_file = folder.exists() and not folder.is_dir()
            except (OSError, ValueError):  # unreachable or unnameable: `ensure` or reading says why
                return
            if is_file and folder == self.root:
                raise StoreError(_("the store {store} is not a folder").format(store=self.root))
            if is_file:
                raise StoreError(_("the store {store} is damaged: {path} is not a folder").format(
                    store=self.root, path=folder))

    def ensure(self) -> None:
        """Create the store's folders (0700); one clear error if that is impossible."""
        try:
            for folder in (self.root, self.sessions_dir):
                make_private_folder(folder)
        except OSError as error:
            raise StoreError(_("cannot use the store at {store}: {problem}").format(
                store=self.root, problem=error.strerror or error)) from None
        if not self.root.is_dir():
            raise StoreError(_("the store {store} is not a folder").format(store=self.root))

    def session_path(self, session_id: str) -> Path:
        if not SESSION_ID.match(session_id):
            raise StoreError(_("'{name}' is not a session id").format(name=session_id[:40]))
        return self.sessions_dir / f"{session_id}.json"

    # --- finding sessions ---------------------------------------------------------------------

    def session_ids(self) -> list[str]:
        return sorted(self.session_entries())

    def session_entries(self) -> dict[str, os.DirEntry]:
        if not self.sessions_dir.is_dir():
            return {}
        found = {}
        with os.scandir(self.sessions_dir) as entries:
            for entry in entries:
                name = entry.name
                if name.endswith(".json") and not name.startswith(".") and SESSION_ID.match(name[:-5]):
                    found[name[:-5]] = entry
        return found

    def resolve(self, name: str) -> str:
        """A session id from its id or a unique prefix of it."""
        cleaned = name.strip().lower()
        if not NAME_LIKE.match(cleaned):
            shown = name.encode("unicode_escape").decode("ascii")[:40]
            raise StoreError(_("'{name}' is not a session id (ids look like 20261126-a1b2c3)").format(name=shown))
        if SESSION_ID.fullmatch(cleaned) and self.session_path(cleaned).is_file():
            return cleaned  # a whole id: the folder (thousands of sessions) need not be listed
        ids = self.session_ids()
        matches = [sid for sid in ids if sid.startswith(cleaned)]
        if not matches:
            raise StoreError(_("no session '{name}' in {store} (see `workshop list`)").format(
                name=cleaned, store=self.root))
        if len(matches) > 1:
            shown = ", ".join(matches[:5]) + (", …" if len(matches) > 5 else "")
            raise StoreError(_("'{name}' matches {count} sessions ({matches}); give more of the id").format(
                name=cleaned, count=len(matches), matches=shown))
        return matches[0]

    # --- reading session files -----------------------------------------------------------------
    # Whatever a file holds, reading it ends in checked tables or SessionUnreadable (one line,
    # also kept in `problems`); damage is moved to corrupt/ when the store can be written.

    def note_problem(self, line: str) -> None:
        if line not in self.problems:
            self.problems.append(line)

    def set_aside(self, path: Path, why: str) -> str:
        """Move a damaged file to corrupt/ untouched (or say why it stays); returns the line."""
        stamp = now_iso().replace(":", "").replace("-", "")[:15]
        try:
            make_private_folder(self.corrupt_dir)
            target = self.corrupt_dir / f"{path.name}.{stamp}"
            counter = 1
            while os.path.lexists(target):
                counter += 1
                target = self.corrupt_dir / f"{path.name}.{stamp}.{counter}"
            os.rename(path, target)
        except FileNotFoundError:
            line = _("{file}: {problem}").format(file=path.name, problem=why)
        except OSError as error:  # a read-only store (a mounted backup): name it, leave it
            line = _("{file}: {problem}; left in place (cannot move it to {folder}: {error})").format(
                file=path.name, problem=why, folder=self.corrupt_dir, error=error.strerror or error)
        else:
            line = _("{file}: {problem}; moved untouched to {target}").format(
                file=path.name, problem=why, target=target)
        self.note_problem(line)
        return line

    def load_quietly(self, session_id: str, path: Path | None = None) -> dict[str, Any] | None:
        """A session's tables, checked and migrated; None (and a problem noted) if unusable."""
        try:
            return self._load(session_id, path)
        except SessionUnreadable:
            return None

    def _load(self, session_id: str, path: Path | None = None) -> dict[str, Any]:
        return self._open(session_id, path or self.session_path(session_id), write=False)[1]

    def _open(self, session_id: str, path: Path, write: bool) -> tuple[TinyDB, dict[str, Any]]:
        """The session's file as a TinyDB database, and its document, checked (and migrated in
        memory: `db.storage.migrated`); SessionUnreadable, also noted in `problems`, if unusable."""
        db = TinyDB(path, storage=SessionStorage, access_mode="r+" if write else "r")
        try:
            document = db.storage.read()
            if document is None:
                raise FileNotFoundError(path)
            meta: dict[str, Any] = table_of(db, META).get(doc_id=1) or {}  # the check found it there
            if meta.get("id") != session_id:
                raise Damaged(_("it holds a different session than its name says"))
        except FileNotFoundError:
            raise SessionMissing(_("session {id} is gone").format(id=session_id)) from None
        except Damaged as error:
            raise SessionUnreadable(self.set_aside(path, str(error)), str(error)) from None
        except Unreadable as error:  # too new, too large, not a file: left as it is
            line = _("{file}: {problem}").format(file=path.name, problem=error)
        except OSError as error:
            line = _("{file}: cannot be read ({problem})").format(file=path.name, problem=error.strerror or error)
        except Exception as error:  # noqa: BLE001 - anything else a file's content causes is damage too
            why = _("it cannot be read as a session ({problem})").format(problem=type(error).__name__)
            raise SessionUnreadable(self.set_aside(path, why), why) from None
        else:
            return db, document
        self.note_problem(line)
        raise SessionUnreadable(line)

    # --- the catalogue ------------------------------------------------------------------------

    def catalogue(self) -> list[SessionInfo]:
        """Every readable session, newest first. Files changed since the catalogue was written
        (by a crash, another process or a copy) are re-read, so the list is always true."""
        listed = listing(self)
        assert listed is not None
        return listed

    def quick_catalogue(self, reread_at_most: int) -> list[SessionInfo] | None:
        """The catalogue, or None when more than `reread_at_most` session files would have to be
        read again (the caller then reads it where waiting does no harm)."""
        return listing(self, reread_at_most)

    def note_in_catalogue(self, session: SessionFile) -> None:
        """Record a session's current state after it changed (cheap: one small file)."""
        note_session(self, session.id, session.path, session.tables())

    # --- creating and opening -----------------------------------------------------------------

    def new_session_id(self, day: str | None = None) -> str:
        day = (day or clock.today().isoformat()).replace("-", "")
        while True:
            candidate = f"{day}-{secrets.token_hex(3)}"
            if not (self.sessions_dir / f"{candidate}.json").exists():
                return candidate

    def create_session(self, meta: dict[str, Any], contributions: Sequence[dict[str, Any]] = ()) -> str:
        """Write a new session file (meta and any first contributions) durably; returns its id."""
        self.ensure()
        session_id = self.new_session_id(meta.get("date") or None)
        meta = {**meta, "id": session_id, "schema": SCHEMA, "created": now_iso(), "updated": now_iso()}
        tables = {
            META: {"1": meta},
            CONTRIBUTIONS: {str(number): doc for number, doc in enumerate(contributions, start=1)},
        }
        path = self.sessions_dir / f"{session_id}.json"
        try:
            SessionStorage(path).write(tables)  # the whole file at once: a new session is never half there
        except OSError as error:
            raise StoreError(_("cannot save the new session in {folder}: {problem}").format(
                folder=self.sessions_dir, problem=error.strerror or error)) from None
        note_session(self, session_id, path, tables)
        return session_id

    def read_session(self, session_id: str) -> dict[str, Any]:
        """A session's tables without locking it (safe: files are replaced atomically)."""
        return self._load(session_id)

    def open_session(self, session_id: str, write: bool = True) -> SessionFile:
        """Open a session's file. For writing, take its lock first: one writer per file.

        Raises SessionBusy when another process holds the lock (open it read-only instead).
        """
        path = self.session_path(session_id)
        lock = None
        if write:
            from filelock import FileLock, Timeout

            lock = FileLock(str(path) + ".lock", timeout=0, mode=FILE_MODE)
            try:
                lock.acquire()
            except Timeout:
                raise SessionBusy(
                    _("session {id} is open elsewhere (another workshop window?); "
                      "it can only be viewed read-only here").format(id=session_id)
                ) from None
            except OSError as error:
                # A read-only store (a mounted backup, a locked-down folder): reading still works.
                raise SessionBusy(
                    _("session {id} cannot be changed here ({problem}); "
                      "it can only be viewed read-only").format(id=session_id, problem=error.strerror or error)
                ) from None
        try:
            db, document = self._open(session_id, path, write)
            if write:
                if cast(SessionStorage, db.storage).migrated:  # written back in the new shape before anything else
                    db.storage.write(document)
                self._clear_stale_temp(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return SessionFile(session_id, path, db, lock, on_release=self.note_in_catalogue if write else None)

    def _clear_stale_temp(self, path: Path) -> None:
        # Left by a writer killed mid-save; we hold the lock, so no one is writing them now.
        for stale in path.parent.glob(f".{path.name}.*.tmp"):
            try:
                stale.unlink()
            except OSError:
                pass

    def delete_session(self, session_id: str) -> None:
        from filelock import FileLock, Timeout

        path = self.session_path(session_id)
        lock = FileLock(str(path) + ".lock", timeout=0, mode=FILE_MODE)
        try:
            lock.acquire()
        except Timeout:
            raise SessionBusy(_("session {id} is open elsewhere; close it there first").format(id=session_id)) from None
        try:
            path.unlink()
        finally:
            lock.release()
        self.catalogue()
