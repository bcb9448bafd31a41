"""The facilitator's word on pain points: the same (a link), not the same (a rejected
suggestion), or solved. Each is saved in a session's meta and can be taken back.

Links and rejections are kept in the later of the two sessions (`meta["links"]`,
`meta["not_same"]`); a solved mark in the session that raised the point (`meta["solved"]`).
They annotate the comparison and change nothing that was said, so a closed session takes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeAlias

from workshop.core.compare.indexed import pain_steps, session_order
from workshop.core.compare.select import short
from workshop.core.model import Contribution
from workshop.core.session import LiveSession, SessionView
from workshop.core.session.changes import Annotate
from workshop.core.store import Store, StoreError
from workshop.core.text.i18n import _

Pairs: TypeAlias = tuple[tuple[str, str], ...]


def find_pain(views: Iterable[SessionView], prefix: str) -> tuple[SessionView, Contribution]:
    """The pain point whose uid starts with `prefix`, among the given sessions."""
    wanted = prefix.strip().lower()
    found = [(view, c) for view in views for step in pain_steps(view) for c in view.contributions(step)
             if wanted and c.uid.startswith(wanted)]
    if not found:
        raise StoreError(_("no pain point '{uid}' in the compared sessions").format(uid=short(prefix, 40)))
    if len(found) > 1:
        raise StoreError(_("'{uid}' matches {count} pain points; give more of its id").format(
            uid=short(prefix, 40), count=len(found)))
    return found[0]


def _in_session(store: Store, session_id: str, live: LiveSession | None,
                change: Callable[[LiveSession], None]) -> str:
    """Apply `change` to the session (the `live` one when it is that session); its id."""
    if live is not None and live.id == session_id:
        change(live)
        return session_id
    session = LiveSession(store.open_session(session_id, write=True))
    try:
        change(session)
    finally:
        session.release()
    return session_id


def _annotate(session: LiveSession, *, links: Pairs | None = None, not_same: Pairs | None = None,
              solved: tuple[str, ...] | None = None) -> None:
    """Save links, rejections or solved marks through the session's one change path (None: as it is)."""
    session.apply(Annotate(links=links, not_same=not_same, solved=solved))


def _pair(store: Store, views: list[SessionView], first: str, second: str) -> tuple[str, str, SessionView]:
    (view_a, a), (view_b, b) = find_pain(views, first), find_pain(views, second)
    if a.uid == b.uid:
        raise StoreError(_("a pain point cannot be linked to itself"))
    return a.uid, b.uid, max((view_a, view_b), key=session_order)


def _without(pairs: Any, a: str, b: str) -> Pairs:
    return tuple(tuple(p) for p in pairs or [] if not (isinstance(p, (list, tuple)) and set(p) == {a, b}))


def link_pains(store: Store, views: list[SessionView], first: str, second: str,
               live: LiveSession | None = None) -> str:
    """Declare two pain points the same (confirm a suggestion); saved in the later of their
    sessions, whose id it returns. A rejection of the same pair is taken back.

    Pass `live` when that session is already open for writing in this process."""
    a, b, later = _pair(store, views, first, second)

    def change(session: LiveSession) -> None:
        if any(set(p) == {a, b} for p in session.meta.get("not_same", []) or []):
            _annotate(session, not_same=_without(session.meta.get("not_same"), a, b))
        session.link_same(a, b)

    return _in_session(store, later.id, live, change)


def unlink_pains(store: Store, views: list[SessionView], first: str, second: str,
                 live: LiveSession | None = None) -> str:
    """Undo a link: the two pain points are no longer the same. The id of the session it was in."""
    a, b, _later = _pair(store, views, first, second)
    holder = next((view for view in views if any(
        isinstance(p, (list, tuple)) and set(p) == {a, b} for p in view.meta.get("links", []) or [])), None)
    if holder is None:
        raise StoreError(_("those two pain points are not linked"))
    return _in_session(store, holder.id, live,
                       lambda session: _annotate(session, links=_without(session.meta.get("links"), a, b)))


def reject_match(store: Store, views: list[SessionView], first: str, second: str,
                 live: LiveSession | None = None) -> str:
    """The facilitator says a suggested pair is not the same: it is not suggested again.
    Saved in the later session (a link between them is taken back)."""
    a, b, later = _pair(store, views, first, second)

    def change(session: LiveSession) -> None:
        rejected = tuple(tuple(p) for p in session.meta.get("not_same", []) or [])
        links = session.meta.get("links", []) or []
        not_same = None if any(set(p) == {a, b} for p in rejected) else (*rejected, (a, b))
        linked = any(isinstance(p, (list, tuple)) and set(p) == {a, b} for p in links)
        if not_same is not None or linked:
            _annotate(session, not_same=not_same, links=_without(links, a, b) if linked else None)

    return _in_session(store, later.id, live, change)


def mark_solved(store: Store, views: list[SessionView], uid: str, solved: bool = True,
                live: LiveSession | None = None) -> str:
    """The group says a pain point is solved (or, with `solved=False`, that it is not after all).
    Saved in the session that raised it; the comparison calls it solved until it is raised again."""
    view, pain = find_pain(views, uid)

    def change(session: LiveSession) -> None:
        marks = [u for u in session.meta.get("solved", []) or [] if isinstance(u, str) and u != pain.uid]
        if solved:
            marks.append(pain.uid)
        _annotate(session, solved=tuple(marks))

    return _in_session(store, view.id, live, change)
