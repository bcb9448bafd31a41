"""The per-step index of a session's contributions (workshop/core/session/index.py) answers as the
scan over all of them did, after every kind of change, and after a refused write is taken back."""

from __future__ import annotations

import copy

from workshop.core.model import Contribution
from workshop.core.session.index import ByUid


def scanned(by_uid: dict, step_id: str) -> list[Contribution]:
    """What `contributions(step)` was before the index: every contribution, filtered, sorted."""
    found = [x for x in by_uid.values() if x.step == step_id]
    found.sort(key=lambda x: (x.position, x.created))
    return found


def indexed(by_uid: ByUid, step_id: str) -> list[Contribution]:
    found = list(by_uid.step(step_id).values())
    found.sort(key=lambda x: (x.position, x.created))
    return found


def same_everywhere(by_uid: ByUid) -> None:
    for step_id in {x.step for x in by_uid.values()} | {"a", "b", "c"}:
        assert indexed(by_uid, step_id) == scanned(by_uid, step_id)
        assert [x.uid for x in indexed(by_uid, step_id)] == [x.uid for x in scanned(by_uid, step_id)]
    assert by_uid.steps() == {x.step for x in by_uid.values()}


def test_every_way_a_dict_changes_keeps_the_index() -> None:
    made = [Contribution(step="a" if n % 3 else "b", text=str(n), position=n // 2, created="2026-01-01T10:00:00")
            for n in range(12)]
    by_uid = ByUid(made)
    same_everywhere(by_uid)
    moved = Contribution.from_dict({**made[1].to_dict(), "step": "b"})  # another step, a tie in (position, created)
    by_uid[moved.uid] = moved
    same_everywhere(by_uid)
    by_uid[made[2].uid] = Contribution.from_dict({**made[2].to_dict(), "text": "edited"})  # in place
    same_everywhere(by_uid)
    del by_uid[made[4].uid]
    assert by_uid.pop(made[5].uid).text == "5"
    assert by_uid.pop("nobody", None) is None
    by_uid.popitem()
    same_everywhere(by_uid)
    by_uid.update({made[4].uid: made[4]}, **{made[5].uid: made[5]})
    by_uid.setdefault(made[6].uid, made[6])
    same_everywhere(by_uid)
    copied, kept = copy.deepcopy(by_uid), dict(by_uid)
    same_everywhere(copied)
    assert kept == by_uid and type(kept) is dict
    by_uid.clear()
    assert by_uid.steps() == set() and by_uid.step("a") == {}


def test_a_live_session_answers_as_before_after_every_change_type(tmp_path) -> None:
    from tests.table27 import make_table
    from workshop.core.guides import load_shelf
    from workshop.core.session import LiveSession, changes as c
    from workshop.core.store import Store

    store = Store(tmp_path / "store")
    store.ensure()
    live = LiveSession(store.open_session(make_table(store, load_shelf())))
    scale = next(s for s in live.agenda if s.kind.value == "scale")
    opened = next(s for s in live.agenda if s.kind.value == "open")
    added = [live.add(opened.id, f"idea {n}", partner=live.partners[n]) for n in range(6)]
    live.move(added[4].uid, -3)
    live.edit(added[0].uid, text="changed")
    live.remove(added[1].uid)
    live.apply(c.Restore(added[1].to_dict()))
    for n, person in enumerate(live.participants):
        live.score(scale.id, scale.items[0].id, person.name, 1 + n % 3)
    live.score(scale.id, scale.items[0].id, live.participants[0].name, 5)  # upserted, not added
    live.apply_in_memory([c.AddContribution(opened.id, "from a phone", uid="phone-1")])
    with_undo = dict(live._by_uid)
    live._by_uid.pop("phone-1")  # as the server's undo takes back a refused write
    live._by_uid.update({k: v for k, v in with_undo.items() if k != "phone-1"})
    same_everywhere(live._by_uid)
    assert [x.text for x in live.contributions(opened.id)] == [x.text for x in scanned(live._by_uid, opened.id)]
    assert live.scores(scale.id, scale.items[0].id)[live.participants[0].name].value == 5
    assert len(scanned(live._by_uid, scale.id)) == len(live.participants)
    live.release()
