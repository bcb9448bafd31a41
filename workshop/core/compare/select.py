"""Choosing what to compare: sessions by id, a collaboration by (a prefix of) its name."""

from __future__ import annotations

from typing import Any

from workshop.core.compare.indexed import session_order, was_held
from workshop.core.machine import clock
from workshop.core.session import SessionView
from workshop.core.store import Store, StoreError
from workshop.core.text.i18n import _


def short(value: str, limit: int = 60) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _names(names: list[str]) -> str:
    """Names in full (they are meant to be copied), unprintable characters shown as ?."""
    return "; ".join(short(name, 10_000) for name in names)


def find_collaboration(store: Store, name: str) -> str:
    """The collaboration's name as stored, from the name as typed: exactly, whatever the case,
    or a unique beginning of it ("pact voor" for "Pact voor de Wijk")."""
    known = sorted({info.collaboration for info in store.catalogue()}, key=str.casefold)
    if name in known:
        return name
    wanted = " ".join(name.split()).casefold()
    for matches in ([k for k in known if " ".join(k.split()).casefold() == wanted],
                    [k for k in known if wanted and " ".join(k.split()).casefold().startswith(wanted)]):
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise StoreError(_("'{name}' matches several collaborations: {matches}; write more of the name").format(
                name=short(name), matches=_names(matches)))
    raise StoreError(_("no collaboration named '{name}' (known: {known})").format(
        name=short(name), known=_names(known) or _("none yet")))


def select_sessions(store: Store, names: list[str] | None = None, collaboration: str | None = None,
                    last: int | None = None) -> list[SessionView]:
    """The sessions to compare, oldest first.

    - several session ids (or unique prefixes): exactly those, of any collaborations;
    - one session id: that session and the earlier sessions of its collaboration;
    - a collaboration: all its sessions.
    `last` keeps only the newest N. Raises StoreError with one line for the user."""
    if last is not None and last < 1:
        raise StoreError(_("the number of sessions to compare must be at least 1, not {last}").format(last=last))
    names = list(names or [])
    if names and collaboration:
        raise StoreError(_("name sessions or a collaboration, not both"))
    if not names and not collaboration:
        raise StoreError(_("name the sessions to compare, or a collaboration"))
    if len(names) > 1:
        ids = list(dict.fromkeys(store.resolve(name) for name in names))
        views = sorted((SessionView(store.read_session(sid), source=sid) for sid in ids), key=session_order)
    else:
        if names:
            anchor = SessionView(store.read_session(store.resolve(names[0])), source=names[0])
            name, upto = anchor.collaboration, session_order(anchor)
        else:
            name, anchor, upto = find_collaboration(store, collaboration or ""), None, None
        infos = [info for info in store.catalogue() if info.collaboration == name]
        infos.sort(key=lambda info: (info.date, info.created, info.id))
        if upto is not None:
            infos = [info for info in infos if (info.date, info.created, info.id) <= upto]
        if last is not None:
            infos = infos[-last:]
        views = []
        for info in infos:
            if anchor is not None and info.id == anchor.id:
                views.append(anchor)
                continue
            try:
                views.append(SessionView(store.read_session(info.id), source=info.id))
            except StoreError:
                continue  # the store noted why; the others still compare
        if not views:
            raise StoreError(_("no readable sessions of '{name}'").format(name=short(name)))
        views.sort(key=session_order)
    if last is not None:
        views = views[-last:]
    return views


def latest_of_each(store: Store, guide_id: str | None = None) -> list[SessionView]:
    """The newest readable session of every collaboration (run from `guide_id`, or any guide)."""
    infos = store.catalogue()
    used = sorted({info.guide for info in infos})
    if guide_id is not None and guide_id not in used:
        raise StoreError(_("no session was run from guide '{guide}' (used: {used})").format(
            guide=short(guide_id), used=", ".join(used) or _("none yet")))
    newest_first: dict[str, list[Any]] = {}
    for info in infos:  # the catalogue lists the newest first
        if guide_id is None or info.guide == guide_id:
            newest_first.setdefault(info.collaboration, []).append(info)
    views = []
    for name in sorted(newest_first, key=str.casefold):
        for info in newest_first[name]:  # the newest readable one that was held (prepared is no evidence)
            try:
                view = SessionView(store.read_session(info.id), source=info.id)
            except StoreError:
                continue
            if was_held(view, clock.today()):
                views.append(view)
                break
    if not views:
        raise StoreError(_("no readable sessions to compare"))
    return views
