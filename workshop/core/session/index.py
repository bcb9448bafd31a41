"""A session's contributions by uid, with each step's own beside them.

`SessionView._by_uid` is one of these: a dict (uid → Contribution, in the order they were made)
that also keeps, for every step, the dict of that step's contributions in the same order. Every
way the dict changes keeps the index, so whoever puts, replaces or takes out a contribution
(the rules, the server's undo of a refused write) needs to know nothing of it; asking for one
step's contributions then costs that step's size, not the session's (during a burst of phones
every score, every page and every redraw asked it of a session of thousands).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workshop.core.model import Contribution

_GONE: Any = object()


class ByUid(dict):
    """uid → Contribution, and `step(step_id)`: that step's, uid → Contribution, in this dict's order."""

    def __init__(self, contributions: Iterable[Contribution] = ()) -> None:
        super().__init__()
        self._steps: dict[str, dict[str, Contribution]] = {}
        for contribution in contributions:
            self[contribution.uid] = contribution

    def step(self, step_id: str) -> dict[str, Contribution]:
        """The step's contributions (do not change this dict: change this one)."""
        return self._steps.get(step_id, {})

    def steps(self) -> set[str]:
        """The steps that hold a contribution."""
        return {step_id for step_id, held in self._steps.items() if held}

    # --- every way a dict changes, the index with it -----------------------------------------

    def __setitem__(self, uid: str, contribution: Contribution) -> None:
        old = dict.get(self, uid, _GONE)
        dict.__setitem__(self, uid, contribution)
        if old is not _GONE and old.step != contribution.step:
            self._unindex(uid, old.step)
            # its place among the new step's is its place in this dict (ties in the step's order
            # are broken by it, as before the index)
            self._steps[contribution.step] = {key: x for key, x in self.items() if x.step == contribution.step}
        else:
            self._steps.setdefault(contribution.step, {})[uid] = contribution

    def __delitem__(self, uid: str) -> None:
        old = dict.pop(self, uid)
        self._unindex(uid, old.step)

    def pop(self, uid: str, *default: Any) -> Any:
        old = dict.pop(self, uid, _GONE)
        if old is _GONE:
            if default:
                return default[0]
            raise KeyError(uid)
        self._unindex(uid, old.step)
        return old

    def popitem(self) -> tuple[str, Contribution]:
        uid, old = dict.popitem(self)
        self._unindex(uid, old.step)
        return uid, old

    def setdefault(self, uid: str, default: Any = None) -> Any:
        if uid not in self:
            self[uid] = default
        return self[uid]

    def update(self, *others: Any, **more: Any) -> None:
        for key, value in dict(*others, **more).items():
            self[key] = value

    def clear(self) -> None:
        dict.clear(self)
        self._steps.clear()

    def __ior__(self, other: Any) -> ByUid:  # type: ignore[misc]  # dict's |= returns itself, as this one does
        self.update(other)
        return self

    def _unindex(self, uid: str, step_id: str) -> None:
        held = self._steps.get(step_id)
        if held is not None:
            held.pop(uid, None)
            if not held:
                del self._steps[step_id]

    def __reduce__(self) -> tuple:  # copied or pickled: made again through __setitem__
        return (ByUid, (list(self.values()),))
