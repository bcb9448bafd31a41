"""The catalogue: what `list` and the home screen show, without opening every session file.

`catalogue.json` is only a cache of the session files, keyed by each file's stamp (mtime, size):
a file changed behind its back (a crash, another process, a copied backup) is read again. It is
read, changed and written back under `catalogue.lock`, so two processes that each add a session
(20 parallel `workshop new`) both end up in it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.core.model import SessionInfo
from workshop.core.store.atomic import FILE_MODE, encode, write_atomically
from workshop.core.store.check import SCHEMA, Unreadable, info_from_tables, read_session_bytes

if TYPE_CHECKING:
    from workshop.core.store.store import Store

Entries = dict[str, Any]  # session id -> {"stamp": [mtime_ns, size], "info": SessionInfo as a dict}


def read_entries(path: Path) -> Entries:
    """The catalogue's entries; {} when it is missing or damaged (it is rebuilt from the files)."""
    try:
        data = json.loads(read_session_bytes(path))  # a regular file of sane size, like a session
    except (OSError, ValueError, RecursionError, Unreadable):
        return {}
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("sessions"), dict):
        return {}
    return data["sessions"]


def update(store: Store, change: Callable[[Entries], Entries | None]) -> None:
    """Read the catalogue, apply `change`, write it back, all under the catalogue's lock, so
    no other process's update is lost. Failing is harmless: the files are the truth."""
    from filelock import FileLock, Timeout  # here, not at the top: listing from a fresh catalogue needs no lock

    try:
        with FileLock(str(store.root / "catalogue.lock"), timeout=10, mode=FILE_MODE):
            _clear_stale_temp(store.catalogue_path)
            entries = read_entries(store.catalogue_path)
            changed = change(entries)
            if changed is not None:
                write_atomically(store.catalogue_path, encode({"schema": SCHEMA, "sessions": changed}))
    except (OSError, Timeout):
        pass


def _clear_stale_temp(path: Path) -> None:
    # Left by a process killed while writing the catalogue; whoever writes it holds the lock we
    # hold now, so none of these is being written.
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            stale.unlink()
        except OSError:
            pass


def entry_for(path: Path, tables: dict[str, Any]) -> dict[str, Any] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return {"stamp": [stat.st_mtime_ns, stat.st_size], "info": info_from_tables(tables).to_dict()}


def note_session(store: Store, session_id: str, path: Path, tables: dict[str, Any]) -> None:
    """Record one session's current state (after it was created or changed)."""
    entry = entry_for(path, tables)
    if entry is not None:
        update(store, lambda entries: {**entries, session_id: entry})


def _info(entry: Any) -> SessionInfo | None:
    # A hand-edited or damaged entry is simply read again from its file.
    if not isinstance(entry, dict) or not isinstance(entry.get("info"), dict):
        return None
    try:
        return SessionInfo.from_dict(entry["info"])
    except (TypeError, ValueError):
        return None


def listing(store: Store, reread_at_most: int | None = None) -> list[SessionInfo] | None:
    """Every readable session, newest first; None when more than `reread_at_most` files would
    have to be read again. A file that cannot be read is noted in `store.problems`."""
    entries = read_entries(store.catalogue_path)
    fresh: dict[str, tuple[SessionInfo, Any]] = {}
    stale: dict[str, tuple[Path, list[int]]] = {}  # files to read again, with their stamp
    for session_id, found in sorted(store.session_entries().items()):
        try:
            stat = found.stat()  # no Path per file: 1,000 files are listed often
        except OSError:
            continue
        stamp = [stat.st_mtime_ns, stat.st_size]
        entry = entries.get(session_id)
        info = _info(entry) if isinstance(entry, dict) and entry.get("stamp") == stamp else None
        if info is not None and info.id == session_id:
            fresh[session_id] = (info, entry)
        else:
            stale[session_id] = (Path(found.path), stamp)
    if reread_at_most is not None and len(stale) > reread_at_most:
        return None
    for session_id, (path, stamp) in stale.items():
        loaded = store.load_quietly(session_id, path)
        if loaded is not None:
            try:
                info = info_from_tables(loaded)
            except Exception as error:  # noqa: BLE001 - checked tables should summarise; if not, it is damage
                store.set_aside(path, str(error) or type(error).__name__)
                continue
            fresh[session_id] = (info, {"stamp": stamp, "info": info.to_dict()})
    if stale or set(fresh) != set(entries):
        found_now = {session_id: entry for session_id, (_info_, entry) in fresh.items()}

        def merge(current: Entries) -> Entries:
            # Keep what another process added meanwhile (a session whose file exists now).
            added = {sid: e for sid, e in current.items() if sid not in found_now and os.path.exists(
                store.sessions_dir / f"{sid}.json")}
            return {**found_now, **added}

        update(store, merge)
    infos = [info for info, _entry in fresh.values()]
    infos.sort(key=lambda info: (info.date, info.created, info.id), reverse=True)
    return infos
