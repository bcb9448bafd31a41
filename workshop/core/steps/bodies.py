"""Formal bodies added during a session: the huurdersorganisatie of one partner, a GMR, the
gemeenteraad, beside the bodies the guide lists.

They are kept in the session's meta, apart from its copy of the guide: `added_bodies` maps a
consent step's id to a list of `{"id", "name"}`. The session's steps are read with them merged in
(`with_added`), so the grid, the minutes, the exports, the comparison and the carry-over treat
them like the guide's bodies. A body's id is made from its name once, when it is added, and kept
when it is renamed: its statuses and its history in the comparison stay with it.

A new session of the collaboration starts with the bodies the last one had added
(`carried_bodies`), also when a pulse check without a consent step came in between.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from workshop.core.guides import Choice, Step, Text
from workshop.core.model import PromptKind
from workshop.core.text.i18n import _, ngettext

if TYPE_CHECKING:
    from workshop.core.session.changes import AddBody, RemoveBody, RenameBody
    from workshop.core.session.live import LiveSession
    from workshop.core.session.view import SessionView

ADDED = "added_bodies"  # the meta key
MAX_NAME = 120  # characters, as for a partner's name


def body_id(name: str, taken: set[str]) -> str:
    """A stable id for a body called `name` (the same name gives the same id in every session),
    not one of `taken`: "Huurdersorganisatie Vivare" → huurdersorganisatie-vivare."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(ch))
    base = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:48].strip("-") or "body"
    ident, number = base, 2
    while ident in taken:
        ident, number = f"{base}-{number}", number + 1
    return ident


def added_entries(meta: dict[str, Any], source: str = "session") -> dict[str, list[dict[str, str]]]:
    """The meta's added bodies, checked: step id → [{"id", "name"}]. A damaged list (a
    hand-edited file) raises ValueError naming `source`."""
    found = meta.get(ADDED) or {}
    damaged = ValueError(_("{file}: the added bodies are damaged").format(file=source))
    if not isinstance(found, dict):
        raise damaged
    for entries in found.values():
        if not isinstance(entries, list) or not all(
                isinstance(e, dict) and isinstance(e.get("id"), str) and e["id"] and isinstance(e.get("name"), str)
                for e in entries):
            raise damaged
    return found


def with_added(steps: Iterable[Step], meta: dict[str, Any], source: str = "session") -> tuple[Step, ...]:
    """The steps with each consent step's added bodies after the guide's own."""
    added = added_entries(meta, source)
    if not added:
        return tuple(steps)
    result = []
    for step in steps:
        if step.kind is PromptKind.CONSENT and added.get(step.id):
            known = {body.id for body in step.bodies}
            extra = tuple(Choice(e["id"], Text({"nl": e["name"], "en": e["name"]}))
                          for e in added[step.id] if e["id"] not in known)
            step = replace(step, bodies=step.bodies + extra)
        result.append(step)
    return tuple(result)


def carried_bodies(earlier: list[SessionView]) -> dict[str, list[dict[str, str]]]:
    """The added bodies a new session starts with: those of the newest earlier session that kept
    any record of them (`earlier` newest first). A body removed there stays removed."""
    for view in earlier:
        if ADDED in view.meta:
            try:
                return {step: [dict(e) for e in entries] for step, entries in added_entries(view.meta).items()}
            except ValueError:
                continue
    return {}


# --- the changes (LiveSession.apply looks them up in workshop/core/session/rules.py) -------------------


def _name(live: LiveSession, typed: str) -> str:
    name = live._clean(typed).strip()
    if not name:
        raise ValueError(_("A body needs a name."))
    if len(name) > MAX_NAME:
        raise ValueError(_("A body's name is longer than {limit} characters.").format(limit=MAX_NAME))
    return name


def _consent_step(live: LiveSession, step_id: str) -> Step:
    step = live.step(step_id)
    if step.kind is not PromptKind.CONSENT:
        raise ValueError(_("Bodies can only be added to a consent step."))
    return step


def _not_named_yet(live: LiveSession, step: Step, name: str, other_than: str = "") -> None:
    folded = " ".join(name.casefold().split())
    for body in step.bodies:
        if body.id != other_than and " ".join(live.text(body.text).casefold().split()) == folded:
            raise ValueError(_("'{name}' is already a body of this step.").format(name=live.text(body.text)))


def _save(live: LiveSession, step_id: str, entries: list[dict[str, str]]) -> None:
    added = {**added_entries(live.meta, live.file.path.name), step_id: entries}
    live._set_meta(**{ADDED: added})
    live.steps = with_added(live.guide_steps(), live.meta, live.file.path.name)


def _added_one(live: LiveSession, step_id: str, body: str) -> tuple[list[dict[str, str]], int]:
    """The step's added bodies and the index of `body` among them; ValueError for a guide's body."""
    refused = not_editable(live, step_id, body)
    if refused is not None:
        raise ValueError(refused)
    entries = [dict(e) for e in added_entries(live.meta).get(step_id, [])]
    return entries, next(index for index, entry in enumerate(entries) if entry["id"] == body)


def not_editable(view: SessionView, step_id: str, body: str) -> str | None:
    """Why a body cannot be renamed or removed (one line), or None when it can."""
    if body in added_ids(view, step_id):
        return None
    name = next((view.text(b.text) for b in view.step(step_id).bodies if b.id == body), body)
    return _("'{name}' comes from the guide; only bodies added in a session can be renamed or removed.").format(
        name=name)


def add_body(live: LiveSession, change: AddBody) -> Choice:
    step = _consent_step(live, change.step)
    name = _name(live, change.name)
    _not_named_yet(live, step, name)
    ident = body_id(name, {body.id for body in step.bodies})
    _save(live, step.id, [*added_entries(live.meta).get(step.id, []), {"id": ident, "name": name}])
    return Choice(ident, Text({"nl": name, "en": name}))


def rename_body(live: LiveSession, change: RenameBody) -> None:
    step = _consent_step(live, change.step)
    name = _name(live, change.name)
    entries, index = _added_one(live, step.id, change.body)
    if entries[index]["name"] == name:
        return
    _not_named_yet(live, step, name, other_than=change.body)
    entries[index] = {**entries[index], "name": name}  # the id stays: its statuses stay with it
    _save(live, step.id, entries)


def remove_body(live: LiveSession, change: RemoveBody) -> None:
    step = _consent_step(live, change.step)
    entries, index = _added_one(live, step.id, change.body)
    given = [c for (_partner, body), c in live.consents(step.id).items() if body == change.body]
    if given and not change.with_statuses:
        raise ValueError(ngettext("'{name}' has {count} status; remove it with the body, or keep the body.",
                                  "'{name}' has {count} statuses; remove them with the body, or keep the body.",
                                  len(given)).format(name=entries[index]["name"], count=len(given)))
    for contribution in live.contributions(step.id):
        if contribution.item == change.body:
            live._drop(contribution.uid)
    del entries[index]
    _save(live, step.id, entries)


def added_ids(view: SessionView, step_id: str) -> set[str]:
    """The ids of the bodies added in a session to one step (they can be renamed and removed)."""
    guide_ids = {b.id for s in view.guide_steps() if s.id == step_id for b in s.bodies}
    return {e["id"] for e in added_entries(view.meta).get(step_id, [])} - guide_ids
