"""Reading a session file safely and checking it against the schema.

Every session file is someone else's input: it may have been edited by hand, cut off by a full
disk, copied from a newer version, or replaced by a FIFO or a link to a device. Whatever it
holds, reading it ends in either checked tables or one of the exceptions below, whose text is
the one line a user reads. Nothing here raises anything else for bad content.
"""

from __future__ import annotations

import errno
import json
import math
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workshop.core.machine.platform import no_wait_read_flags
from workshop.core.model import (
    LANGUAGES,
    Action,
    Attendance,
    ConsentStatus,
    Participant,
    PartnerCard,
    SessionInfo,
    SessionStatus,
)
from workshop.core.text.i18n import N_, _

SCHEMA = 1
META, CONTRIBUTIONS = "meta", "contributions"
MAX_SESSION_BYTES = 64 * 1024 * 1024  # 500 contributions take ~0.3 MB; 64 MB is far beyond real use
BIG_NUMBER = 10**15  # scores, dots, positions and timers are far smaller; larger ones are damage


class Unreadable(Exception):
    """A session file that cannot be used; the text says why, in one line."""


class Damaged(Unreadable):
    """The file's content is not a session: it is moved aside to corrupt/."""


class TooNew(Unreadable):
    """Written by a newer version of the app: left as it is."""


class NotAFile(Unreadable):
    """A FIFO, device, folder or dangling link named like a session: left as it is, never read."""


class TooLarge(Unreadable):
    """Over MAX_SESSION_BYTES: left as it is, never read."""


def size_label(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def readable_size(payload: bytes) -> None:
    """OSError (EFBIG) when `payload` is more than the store reads back: a save refuses to write it."""
    if len(payload) > MAX_SESSION_BYTES:
        raise OSError(errno.EFBIG, _("the session would be too large to read again "
                                     "({size}; the limit is {limit})").format(
            size=size_label(len(payload)), limit=size_label(MAX_SESSION_BYTES)))


def read_session_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a session file, read only if it is a regular file under `limit`.

    Opened without blocking (a FIFO would wait for a writer) and checked on the opened file
    (no race with a rename); a link to /dev/zero is refused before a byte is read.
    FileNotFoundError passes through: the file was deleted meanwhile, which is no damage."""
    limit = MAX_SESSION_BYTES if limit is None else limit
    fd = os.open(path, no_wait_read_flags() | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(_("it is not a regular file ({kind}); left as it is").format(kind=_file_kind(info.st_mode)))
        if info.st_size > limit:
            raise TooLarge(_("too large to read ({size}; the limit is {limit}); left as it is").format(
                size=size_label(info.st_size), limit=size_label(limit)))
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while we read
                raise TooLarge(_("too large to read (over {limit}); left as it is").format(limit=size_label(limit)))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _("a FIFO")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not a file")


# --- schema migrations ---------------------------------------------------------------------
# Each function takes the raw tables of version N and returns those of version N + 1. They run
# before the type checks, so they must cope with any shape (a damaged file raises a TypeError or
# the like, which `check_tables` turns into Damaged).


def _from_0(tables: dict[str, Any]) -> dict[str, Any]:
    # Version 0 (the prototype) had no agenda order, skips, notes or timers in `meta`.
    meta = tables[META]["1"]
    steps = meta.get("steps", [])
    if isinstance(steps, list):
        meta.setdefault("order", [step.get("id") for step in steps if isinstance(step, dict)])
    meta.setdefault("skipped", [])
    meta.setdefault("notes", {})
    meta.setdefault("timers", {})
    meta["schema"] = 1
    return tables


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _from_0}


def parse(raw: bytes) -> Any:
    if not raw.strip():
        raise Damaged(_("the file is empty"))
    try:
        return json.loads(raw, parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise Damaged(_("the file is not text")) from None
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":
            raise Damaged(_("there is unexpected data after the end")) from None
        raise Damaged(_("not valid JSON (cut off or damaged) at byte {position}").format(position=error.pos)) from None
    except RecursionError:
        raise Damaged(_("the JSON is nested too deeply")) from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise Damaged(_("it holds a number too long to be real")) from None


def _no_constant(name: str) -> Any:
    raise ValueError(name)  # NaN and Infinity are not JSON; no session writes them


def check_tables(raw: bytes) -> tuple[dict[str, Any], bool]:
    """Parse, migrate and check a session file's bytes; returns (tables, migrated)."""
    return check_parsed(parse(raw))


def tables_from_export(data: Any) -> dict[str, Any]:
    """A session's tables from a JSON export (`{"meta": {...}, "contributions": [...]}`) or a
    copy of a session file (its TinyDB tables); check them with `check_parsed`."""
    if isinstance(data, dict) and isinstance(data.get("meta"), dict) and isinstance(data.get("contributions"), list):
        numbered = {str(number): doc for number, doc in enumerate(data["contributions"], start=1)}
        return {META: {"1": data["meta"]}, CONTRIBUTIONS: numbered}
    return data


def check_parsed(tables: Any) -> tuple[dict[str, Any], bool]:
    """Migrate and check a session's tables as parsed from JSON; returns (tables, migrated)."""
    if not isinstance(tables, dict) or not isinstance(tables.get(META), dict):
        raise Damaged(_("it is not a session file (no meta table)"))
    meta = tables[META].get("1")
    if not isinstance(meta, dict):
        raise Damaged(_("the session's meta record is missing"))
    schema = meta.get("schema", 0)
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 0:
        raise Damaged(_("unknown schema version {schema}").format(schema=repr(schema)[:20]))
    if schema > SCHEMA:
        raise TooNew(_("written by a newer workshop (schema {schema}, this one reads up to {known})").format(
            schema=schema, known=SCHEMA))
    migrated = schema < SCHEMA
    try:
        while schema < SCHEMA:
            tables = MIGRATIONS[schema](tables)
            schema += 1
    except (TypeError, ValueError, AttributeError, KeyError):
        raise Damaged(_("it could not be brought up to date (schema {schema})").format(schema=schema)) from None
    check_meta(tables[META]["1"])
    check_contributions(tables.get(CONTRIBUTIONS, {}), tables[META]["1"])
    return tables, migrated


# --- field types ---------------------------------------------------------------------------


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -BIG_NUMBER <= value <= BIG_NUMBER


def _is_number(value: Any) -> bool:
    return _is_int(value) or (isinstance(value, float) and math.isfinite(value) and abs(value) <= BIG_NUMBER)


def _list_of(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, list) and all(check(item) for item in value)


def _dict_of(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, dict) and all(check(item) for item in value.values())


def _timer(value: Any) -> bool:
    return isinstance(value, dict) and _is_int(value.get("extra", 0)) and _is_number(value.get("elapsed", 0.0)) \
        and (value.get("since") is None or _is_number(value.get("since")))


N_TEXT = N_("text")
_TEXTS = _list_of(_is_text)
def _model(cls: Any) -> Callable[[Any], bool]:
    # The records' own conversion checks their field types and required fields.
    def fits(value: Any) -> bool:
        try:
            cls.from_dict(value)
        except ValueError:
            return False
        return True

    return fits


_PERSON = _model(Participant)
_ACTION = _model(Action)
_CARD = _model(PartnerCard)

# What each meta field must be when present (`id` and `steps` must be present).
META_FIELDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "id": (_is_text, N_TEXT),
    "steps": (_list_of(lambda step: isinstance(step, dict)), N_("a list of steps")),
    "order": (_TEXTS, N_("a list of step ids")),
    "skipped": (_TEXTS, N_("a list of step ids")),
    "visited": (_TEXTS, N_("a list of step ids")),
    "current": (_is_text, N_TEXT),
    "partners": (_TEXTS, N_("a list of names")),
    "participants": (_list_of(_PERSON), N_("a list of people")),
    "partner_cards": (_dict_of(_CARD), N_("a short name and group per partner")),
    "attendance": (_dict_of(lambda value: value in tuple(Attendance)), "/".join(Attendance)),
    "carried": (_list_of(_ACTION), N_("a list of actions")),
    "notes": (_dict_of(_is_text), N_("notes per step")),
    "added_bodies": (_dict_of(_list_of(lambda body: isinstance(body, dict) and _is_text(body.get("id"))
                                       and bool(body["id"]) and _is_text(body.get("name")))),
                     N_("formal bodies per step, each with an id and a name")),
    "timers": (_dict_of(_timer), N_("timers per step")),
    "links": (_list_of(lambda pair: isinstance(pair, list) and len(pair) == 2 and all(map(_is_text, pair))),
              N_("a list of linked pairs")),
    "not_same": (_list_of(lambda pair: isinstance(pair, list) and len(pair) == 2 and all(map(_is_text, pair))),
                 N_("a list of linked pairs")),
    "solved": (_TEXTS, N_("a list of contribution ids")),
    "next_meeting": (_dict_of(_is_text), N_("a date and a place")),
    "guide_title": (_dict_of(_is_text), N_("a text per language")),
    "labels": (_TEXTS, N_("a list of labels")),
    "guide_version": (_is_int, N_("a number")),
    "lang": (lambda value: value in LANGUAGES, "/".join(LANGUAGES)),
    "status": (lambda value: value in tuple(SessionStatus), "/".join(SessionStatus)),
    "autostart": (lambda value: isinstance(value, bool), N_("true or false")),
    **{name: (_is_text, N_TEXT) for name in ("collaboration", "title", "date", "guide", "facilitator", "minutes_taker",
                                            "phase", "previous", "created", "updated", "closed")},
}

CONTRIBUTION_FIELDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    **{name: (_is_text, N_TEXT) for name in ("step", "uid", "text", "partner", "participant", "item", "when",
                                            "created", "updated")},
    "position": (_is_int, N_("a number")),
    "device": (lambda value: isinstance(value, bool), N_("true or false")),
    "value": (lambda value: value is None or isinstance(value, (bool, str)) or _is_number(value),
              N_("a number, text, true or false")),
}


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, int):
        return _("a number") if abs(value) <= BIG_NUMBER else _("a huge number")
    names = {str: N_("text"), list: N_("a list"), dict: N_("a record"), float: N_("a number"), type(None): "null"}
    return _(names[type(value)]) if type(value) in names else type(value).__name__


def _wrong(where: str, name: str, wanted: str, value: Any) -> Damaged:
    return Damaged(_("{where}: '{field}' should be {wanted}, not {found}").format(
        where=where, field=name, wanted=_(wanted),
        found=ascii(value[:20]) if isinstance(value, str) and wanted != N_TEXT else _kind_of(value)))


def check_meta(meta: dict[str, Any]) -> None:
    where = _("the session's meta record")
    for name in ("id", "steps"):
        if name not in meta:
            raise Damaged(_("the session's meta record is incomplete (no '{field}')").format(field=name))
    for name, (check, wanted) in META_FIELDS.items():
        if name in meta and not check(meta[name]):
            raise _wrong(where, name, wanted, meta[name])
    from workshop.core.guides import GuideError, steps_from_dicts  # here: the guide reader is not needed to list

    try:
        steps_from_dicts(meta["steps"], "steps")
    except GuideError as error:
        raise Damaged(str(error)) from None


def check_contributions(contributions: Any, meta: dict[str, Any]) -> None:
    if not isinstance(contributions, dict):
        raise Damaged(_("the contributions table is damaged"))
    kinds = {step.get("id"): step.get("kind") for step in meta["steps"]}
    consent = (None, *ConsentStatus)
    for number, doc in contributions.items():  # a contribution is named only when it is wrong
        if not isinstance(doc, dict):
            raise Damaged(_("{where} is not a record").format(where=_contribution(number)))
        if not isinstance(doc.get("step"), str):
            raise _wrong(_contribution(number), "step", N_TEXT, doc.get("step"))
        for name, (check, wanted) in CONTRIBUTION_FIELDS.items():
            if name in doc and not check(doc[name]):
                raise _wrong(_contribution(number), name, wanted, doc[name])
        if kinds.get(doc["step"]) == "consent" and doc.get("value") not in consent:
            raise _wrong(_contribution(number), "value", N_("a consent status"), doc.get("value"))


def _contribution(number: Any) -> str:
    return _("contribution {number}").format(number=str(number)[:12])


def info_from_tables(tables: dict[str, Any]) -> SessionInfo:
    """What the catalogue keeps of a session (from checked tables)."""
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
