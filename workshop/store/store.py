"""The store: a folder of session files, one TinyDB file per session, and a small catalogue.

    STORE/
      sessions/<id>.json       one session (TinyDB tables `meta` and `contributions`)
      sessions/<id>.json.lock  held by the one process that writes that session
      catalogue.json           what `list` and the home screen show, rebuilt from the files
      corrupt/                 damaged files, moved here untouched and reported

This module is the only place that touches the store's files.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from workshop.i18n import _
from workshop.model import SessionInfo, now_iso
from workshop.store import atomic
from workshop.store.atomic import (
    FILE_MODE,
    encode,
    write_atomically,
)
from workshop.store.platform import make_private_folder

if TYPE_CHECKING:
    from filelock import FileLock

SCHEMA = 1
SESSION_ID = re.compile(r"^[0-9]{8}-[0-9a-z]{6}$")
NAME_LIKE = re.compile(r"^[0-9a-z-]{1,40}$")
META, CONTRIBUTIONS = "meta", "contributions"


class StoreError(Exception):
    """Something about the store a user must hear about, in one line."""


class SessionBusy(StoreError):
    """Another process has the session open for writing."""


# --- schema migrations ---------------------------------------------------------------------
# Each function takes the raw tables of version N and returns those of version N + 1.


def _from_0(tables: dict[str, Any]) -> dict[str, Any]:
    # Version 0 (the prototype) had no agenda order, skips, notes or timers in `meta`.
    meta = tables.get(META, {}).get("1", {})
    steps = meta.get("steps", [])
    meta.setdefault("order", [step.get("id") for step in steps if isinstance(step, dict)])
    meta.setdefault("skipped", [])
    meta.setdefault("notes", {})
    meta.setdefault("timers", {})
    meta["schema"] = 1
    return tables


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _from_0}


class Damaged(Exception):
    """A session file that cannot be read as a session; the text says why."""


class TooNew(Exception):
    """A session file written by a newer version of the app."""


def check_tables(raw: bytes) -> tuple[dict[str, Any], bool]:
    """Parse and check a session file's bytes; returns (tables, migrated)."""
    if not raw.strip():
        raise Damaged(_("the file is empty"))
    try:
        tables = json.loads(raw)
    except UnicodeDecodeError:
        raise Damaged(_("the file is not text")) from None
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":
            raise Damaged(_("there is unexpected data after the end")) from None
        raise Damaged(_("not valid JSON (cut off or damaged) at byte {position}").format(position=error.pos)) from None
    except RecursionError:
        raise Damaged(_("the JSON is nested too deeply")) from None
    if not isinstance(tables, dict) or not isinstance(tables.get(META), dict):
        raise Damaged(_("it is not a session file (no meta table)"))
    meta = tables[META].get("1")
    if not isinstance(meta, dict):
        raise Damaged(_("the session's meta record is missing"))
    schema = meta.get("schema", 0)
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 0:
        raise Damaged(_("unknown schema version {schema}").format(schema=repr(schema)))
    if schema > SCHEMA:
        raise TooNew(_("written by a newer workshop (schema {schema}, this one reads up to {known})").format(
            schema=schema, known=SCHEMA))
    migrated = schema < SCHEMA
    while schema < SCHEMA:
        tables = MIGRATIONS[schema](tables)
        schema += 1
    meta = tables[META]["1"]
    if not isinstance(meta.get("id"), str) or not isinstance(meta.get("steps"), list):
        raise Damaged(_("the session's meta record is incomplete"))
    contributions = tables.get(CONTRIBUTIONS, {})
    if not isinstance(contributions, dict) or not all(isinstance(c, dict) for c in contributions.values()):
        raise Damaged(_("the contributions table is damaged"))
    return tables, migrated


def info_from_tables(tables: dict[str, Any]) -> SessionInfo:
    meta = tables[META]["1"]
    contributions = tables.get(CONTRIBUTIONS, {})
    order = meta.get("order") or []
    done = {c.get("step") for c in contributions.values()}
    return SessionInfo(
        id=meta["id"],
        collaboration=str(meta.get("collaboration", "")),
        title=str(meta.get("title", "")),
        date=str(meta.get("date", "")),
        guide=str(meta.get("guide", "")),
        lang=str(meta.get("lang", "nl")),
        status=str(meta.get("status", "open")),
        steps_total=len(order),
        steps_done=sum(1 for step in order if step in done),
        contributions=len(contributions),
        facilitator=str(meta.get("facilitator", "")),
        created=str(meta.get("created", "")),
        updated=str(meta.get("updated", "")),
    )


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
        if self.read_only:
            raise PermissionError(_("{file} is open read-only").format(file=self.path.name))
        payload = encode(tables)  # before anything is dropped: an unencodable change is a bug
        self.saved = None
        atomic.write_atomically(self.path, payload)  # looked up here: tests inject a full disk
        self.saved = tables

    def release(self) -> None:
        if self.on_release is not None:
            self.on_release(self)
            self.on_release = None
        self.saved = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None


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
        return sorted(self._session_entries())

    def _session_entries(self) -> dict[str, os.DirEntry]:
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
        ids = self.session_ids()
        if cleaned in ids:
            return cleaned
        matches = [sid for sid in ids if sid.startswith(cleaned)]
        if not matches:
            raise StoreError(_("no session '{name}' in {store} (see `workshop list`)").format(name=cleaned, store=self.root))
        if len(matches) > 1:
            shown = ", ".join(matches[:5]) + (", …" if len(matches) > 5 else "")
            raise StoreError(_("'{name}' matches {count} sessions ({matches}); give more of the id").format(
                name=cleaned, count=len(matches), matches=shown))
        return matches[0]

    # --- damaged files ------------------------------------------------------------------------

    def set_aside(self, path: Path, why: str) -> Path:
        """Move a damaged file to corrupt/ untouched, and remember one line about it."""
        make_private_folder(self.corrupt_dir)
        stamp = now_iso().replace(":", "").replace("-", "")[:15]
        target = self.corrupt_dir / f"{path.name}.{stamp}"
        counter = 1
        while target.exists():
            counter += 1
            target = self.corrupt_dir / f"{path.name}.{stamp}.{counter}"
        os.rename(path, target)
        self.problems.append(_("{file}: {problem}; moved untouched to {target}").format(
            file=path.name, problem=why, target=target))
        return target

    def load_tables(self, session_id: str, path: Path | None = None) -> dict[str, Any] | None:
        """A session's tables, checked and migrated; None (and a problem noted) if unusable."""
        loaded = self._load(session_id, path)
        return loaded[0] if loaded else None

    def _load(self, session_id: str, path: Path | None = None) -> tuple[dict[str, Any], bool] | None:
        path = path or self.session_path(session_id)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self.problems.append(_("{file}: cannot be read ({problem})").format(file=path.name, problem=error.strerror))
            return None
        try:
            tables, migrated = check_tables(raw)
        except TooNew as error:
            self.problems.append(_("{file}: {problem}; left as it is").format(file=path.name, problem=error))
            return None
        except Damaged as error:
            self.set_aside(path, str(error))
            return None
        if tables[META]["1"].get("id") != session_id:
            self.set_aside(path, _("it holds a different session than its name says"))
            return None
        return tables, migrated

    # --- the catalogue ------------------------------------------------------------------------

    def _read_catalogue(self) -> dict[str, Any]:
        try:
            data = json.loads(self.catalogue_path.read_bytes())
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("sessions"), dict):
            return {}
        return data["sessions"]

    def catalogue(self) -> list[SessionInfo]:
        """Every readable session, newest first. Files changed since the catalogue was written
        (by a crash, another process or a copy) are re-read, so the list is always true."""
        listed = self._catalogue()
        assert listed is not None
        return listed

    def quick_catalogue(self, reread_at_most: int) -> list[SessionInfo] | None:
        """The catalogue, or None when more than `reread_at_most` session files would have to be
        read again (the caller then reads it where waiting does no harm)."""
        return self._catalogue(reread_at_most)

    def _catalogue(self, reread_at_most: int | None = None) -> list[SessionInfo] | None:
        entries = self._read_catalogue()
        fresh: dict[str, Any] = {}
        stale: dict[str, tuple[Path, list[int]]] = {}  # files to read again, with their stamp
        for session_id, found in sorted(self._session_entries().items()):
            try:
                stat = found.stat()  # no Path per file: 1,000 files are listed often
            except OSError:
                continue
            stamp = [stat.st_mtime_ns, stat.st_size]
            entry = entries.get(session_id)
            if isinstance(entry, dict) and entry.get("stamp") == stamp:
                fresh[session_id] = entry
            else:
                stale[session_id] = (Path(found.path), stamp)
        if reread_at_most is not None and len(stale) > reread_at_most:
            return None
        for session_id, (path, stamp) in stale.items():
            tables = self.load_tables(session_id, path)
            if tables is not None:
                fresh[session_id] = {"stamp": stamp, "info": info_from_tables(tables).to_dict()}
        if stale or set(fresh) != set(entries):
            self._write_catalogue(fresh)
        infos = [SessionInfo.from_dict(entry["info"]) for entry in fresh.values()]
        infos.sort(key=lambda info: (info.date, info.created, info.id), reverse=True)
        return infos

    def _write_catalogue(self, entries: dict[str, Any]) -> None:
        # The catalogue is only a cache of the session files: failing to write it is harmless.
        from filelock import FileLock, Timeout  # here, not at the top: listing sessions needs no lock

        try:
            with FileLock(str(self.root / "catalogue.lock"), timeout=5, mode=FILE_MODE):
                write_atomically(self.catalogue_path, encode({"schema": SCHEMA, "sessions": entries}))
        except (OSError, Timeout):
            pass

    def note_in_catalogue(self, session: SessionFile) -> None:
        """Record a session's current state after it changed (cheap: one small file)."""
        try:
            stat = session.path.stat()
        except OSError:
            return
        entries = self._read_catalogue()
        entries[session.id] = {
            "stamp": [stat.st_mtime_ns, stat.st_size],
            "info": info_from_tables(session.tables()).to_dict(),
        }
        self._write_catalogue(entries)

    # --- creating and opening -----------------------------------------------------------------

    def new_session_id(self, day: str | None = None) -> str:
        day = (day or Date.today().isoformat()).replace("-", "")
        while True:
            candidate = f"{day}-{secrets.token_hex(3)}"
            if not (self.sessions_dir / f"{candidate}.json").exists():
                return candidate

    def create_session(self, meta: dict[str, Any], contributions: list[dict[str, Any]] = ()) -> str:
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
            write_atomically(path, encode(tables))
        except OSError as error:
            raise StoreError(_("cannot save the new session in {folder}: {problem}").format(
                folder=self.sessions_dir, problem=error.strerror or error)) from None
        entries = self._read_catalogue()
        stat = path.stat()
        entries[session_id] = {"stamp": [stat.st_mtime_ns, stat.st_size], "info": info_from_tables(tables).to_dict()}
        self._write_catalogue(entries)
        return session_id

    def read_session(self, session_id: str) -> dict[str, Any]:
        """A session's tables without locking it (safe: files are replaced atomically)."""
        tables = self.load_tables(session_id)
        if tables is None:
            problem = self.problems[-1] if self.problems else _("it cannot be read")
            raise StoreError(_("session {id} cannot be opened: {problem}").format(id=session_id, problem=problem))
        return tables

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
            loaded = self._load(session_id, path)
            if loaded is None:
                problem = self.problems[-1] if self.problems else _("it cannot be read")
                raise StoreError(_("session {id} cannot be opened: {problem}").format(id=session_id, problem=problem))
            tables, migrated = loaded
            if write:
                if migrated:  # written back in the new shape before anything else
                    write_atomically(path, encode(tables))
                self._clear_stale_temp(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return SessionFile(session_id, path, tables, lock, on_release=self.note_in_catalogue if write else None)

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
