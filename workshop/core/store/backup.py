"""Reading sessions back from a backup: JSON exports (`workshop export --all`) or copies of
session files, checked exactly like the store's own files before anything is written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.core.store.atomic import FILE_MODE
from workshop.core.store.catalogue import note_session
from workshop.core.store.check import (
    CONTRIBUTIONS,
    META,
    Unreadable,
    check_parsed,
    parse,
    read_session_bytes,
    tables_from_export,
)
from workshop.core.store.storage import SessionStorage
from workshop.core.store.store import SESSION_ID, SessionBusy, StoreError
from workshop.core.text.i18n import _

if TYPE_CHECKING:
    from workshop.core.store.store import Store


def read_backup(path: Path) -> dict[str, Any]:
    """A session's checked tables from a backup file; raises StoreError naming the file."""
    try:
        tables, _migrated = check_parsed(tables_from_export(parse(read_session_bytes(path))))
    except Unreadable as error:
        raise StoreError(_("{file}: {problem}; nothing imported").format(file=path, problem=error)) from None
    except OSError as error:
        raise StoreError(_("{file}: cannot be read ({problem})").format(
            file=path, problem=error.strerror or error)) from None
    seen: dict[str, str] = {}
    for number, record in tables.get(CONTRIBUTIONS, {}).items():
        uid = record.get("uid", "")
        if uid and uid in seen:  # the session would keep one of them and drop the other at its first save
            raise StoreError(_("{file}: contributions {first} and {second} have the same uid {uid}; nothing "
                               "imported").format(file=path, first=seen[uid], second=number, uid=uid[:40]))
        seen[uid] = number
    if not SESSION_ID.match(tables[META]["1"]["id"]):
        raise StoreError(_("{file}: '{name}' is not a session id; nothing imported").format(
            file=path, name=tables[META]["1"]["id"][:40]))
    return tables


def import_session(store: Store, tables: dict[str, Any], replace: bool = False) -> str:
    """Write checked tables under their own session id; an existing session is replaced only
    when asked, and never while it is open elsewhere. Returns the id."""
    from filelock import FileLock, Timeout

    session_id = tables[META]["1"]["id"]
    store.ensure()
    path = store.session_path(session_id)
    try:
        with FileLock(str(path) + ".lock", timeout=0, mode=FILE_MODE):
            if os.path.lexists(path) and not replace:
                raise StoreError(_("session {id} is already in the store; give --replace to overwrite it").format(
                    id=session_id))
            meta = tables[META]["1"]
            if "notes" not in meta:  # exported without its private notes: keep the ones the store has
                kept = store.load_quietly(session_id) if os.path.lexists(path) else None
                meta["notes"] = kept[META]["1"].get("notes", {}) if kept else {}
            SessionStorage(path).write(tables)
    except Timeout:
        raise SessionBusy(_("session {id} is open elsewhere; close it there first").format(id=session_id)) from None
    except OSError as error:
        raise StoreError(_("cannot save session {id} in {folder}: {problem}").format(
            id=session_id, folder=store.sessions_dir, problem=error.strerror or error)) from None
    note_session(store, session_id, path, tables)
    return session_id
