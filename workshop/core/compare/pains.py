"""Pain points through the sessions: what keeps coming back, honestly.

Two pain points are the same when their words are the same (after folding case, accents and
punctuation) or when the facilitator linked them (`meta["links"]` of the later session). A
point that reads like an earlier one is only *suggested* as the same; the facilitator confirms
(a link) or rejects it (`meta["not_same"]`). A point not raised again is "no longer mentioned";
it is "solved" only when the group marked it so (`meta["solved"]`, uids).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from workshop.core.compare.indexed import Indexed
from workshop.core.compare.result import ALIKE, PainPoint, PainRef, PainRound, PainSuggestion, PainTrail
from workshop.core.compare.similar import SUGGEST_FROM, Likeness, fold
from workshop.core.model import Contribution
from workshop.core.session import SessionView


class Groups:
    """Union-find over contribution uids: which pain points are 'the same'."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, uid: str) -> str:
        root = uid
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while uid != root:
            self.parent[uid], uid = root, self.parent.get(uid, uid)
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _pairs(view: SessionView, key: str) -> list[tuple[str, str]]:
    pairs = []
    for pair in view.meta.get(key, []) or []:
        if isinstance(pair, (list, tuple)) and len(pair) == 2 and all(isinstance(u, str) for u in pair):
            pairs.append((pair[0], pair[1]))
    return pairs


def links_of(views: Iterable[SessionView]) -> list[tuple[str, str]]:
    """The pairs of contributions a facilitator declared the same (kept in `meta["links"]`)."""
    return [pair for view in views for pair in _pairs(view, "links")]


def rejections_of(views: Iterable[SessionView]) -> set[frozenset[str]]:
    """The suggested pairs the facilitator said are not the same (kept in `meta["not_same"]`)."""
    return {frozenset(pair) for view in views for pair in _pairs(view, "not_same")}


def solved_marks(view: SessionView) -> list[str]:
    return [uid for uid in view.meta.get("solved", []) or [] if isinstance(uid, str)]


def _ref(c: Contribution, session: str) -> PainRef:
    return PainRef(c.uid, c.text, c.partner, session)


class _Trail:
    """What is known of one group while the rounds are walked."""

    def __init__(self) -> None:
        self.refs: list[PainRef] = []
        self.rounds: list[int] = []  # indexes (into the pain rounds) it was raised in
        self.words: set[str] = set()


def pains(sessions: list[Indexed]) -> tuple[tuple[PainRound, ...], tuple[PainTrail, ...]]:
    """The pain rounds (one per session that collected pain points) and one trail per pain point."""
    collected = [(s, s.pains()) for s in sessions if s.collected_pains()]
    position = {s.id: index for index, s in enumerate(sessions)}
    views = [s.view for s in sessions]
    groups = Groups()
    first_with: dict[str, str] = {}
    for _s, raised in collected:
        for c in raised:
            groups.union(first_with.setdefault(fold(c.text) or c.uid, c.uid), c.uid)
    link_session: dict[frozenset[str], str] = {}
    for view in views:
        for a, b in _pairs(view, "links"):
            groups.union(a, b)
            link_session.setdefault(frozenset((a, b)), view.id)
    rejected = rejections_of(views)
    solved_at: dict[str, int] = {}  # group → the latest position a solved mark was saved at
    for view in views:
        for uid in solved_marks(view):
            group = groups.find(uid)
            solved_at[group] = max(solved_at.get(group, -1), position[view.id])

    lang = sessions[-1].view.lang if sessions else "nl"  # the words of the collaboration's latest session
    likeness = Likeness([c.text for _s, raised in collected for c in raised], remember_all=False, lang=lang)
    said: dict[str, list[PainRef]] = {}  # a text raised before → where
    trails: dict[str, _Trail] = {}
    rounds: list[PainRound] = []
    pending: set[str] = set()  # groups with a suggestion waiting
    for index, (s, raised) in enumerate(collected):
        previous = collected[index - 1] if index else None
        here = {groups.find(c.uid) for c in raised}
        before = {groups.find(c.uid) for c in previous[1]} if previous else set()
        buckets: dict[str, list[PainPoint]] = {"recurring": [], "returned": [], "new": []}
        for c in raised:
            group = groups.find(c.uid)
            trail = trails.get(group)
            earlier_rounds = [r for r in trail.rounds if r < index] if trail else []
            status = "recurring" if group in before else "returned" if earlier_rounds else "new"
            earlier = next((r for r in reversed(trail.refs) if r.session != s.id), None) if trail else None
            linked = status != "new" and fold(c.text) not in (trail.words if trail else set())
            link = _link_of(c.uid, earlier, groups, link_session) if linked else None
            buckets[status].append(PainPoint(
                c.uid, c.text, c.partner, status,
                trail.refs[0].session if trail and earlier_rounds else s.id, len(earlier_rounds) + 1, linked,
                earlier=earlier, link=tuple(sorted(link)) if link else None,  # type: ignore[arg-type]
                link_session=link_session.get(link, "") if link else ""))
        # A new point that reads like an earlier one is neither new nor is that earlier one "no
        # longer mentioned" until the facilitator says: it stands once, as possibly the same.
        suggestions = _suggest(s.id, buckets["new"], said, groups, rejected, likeness)
        alike = {x.point.uid: x.earlier for x in suggestions}
        waiting = {groups.find(x.earlier.uid) for x in suggestions}
        buckets["alike"] = [replace(p, status=ALIKE, earlier=alike[p.uid]) for p in buckets["new"] if p.uid in alike]
        buckets["new"] = [p for p in buckets["new"] if p.uid not in alike]
        gone: list[PainPoint] = []
        solved: list[PainPoint] = []
        if previous:
            for group in dict.fromkeys(groups.find(c.uid) for c in previous[1]):
                if group in here or group in waiting:
                    continue
                trail = trails[group]
                last = trail.refs[-1]
                is_solved = solved_at.get(group, -1) >= position[last.session]
                point = PainPoint(last.uid, last.text, last.partner, "solved" if is_solved else "gone",
                                  trail.refs[0].session, len(trail.rounds), False)
                (solved if is_solved else gone).append(point)
        pending.update(groups.find(x.point.uid) for x in suggestions)
        pending.update(groups.find(x.earlier.uid) for x in suggestions)
        for c in raised:
            trail = trails.setdefault(groups.find(c.uid), _Trail())
            trail.refs.append(_ref(c, s.id))
            said.setdefault(c.text, []).append(trail.refs[-1])
            likeness.remember(c.text)
            trail.words.add(fold(c.text))
            if not trail.rounds or trail.rounds[-1] != index:
                trail.rounds.append(index)
        rounds.append(PainRound(s.id, previous[0].id if previous else None, tuple(buckets["recurring"]),
                                tuple(buckets["returned"]), tuple(buckets["new"]), tuple(gone), tuple(solved),
                                tuple(suggestions), tuple(buckets["alike"])))
    waiting_now = {groups.find(uid) for x in (rounds[-1].suggestions if rounds else ())
                   for uid in (x.point.uid, x.earlier.uid)}
    # A chain of suggestions (June ≈ September ≈ November) waits as a whole: the June point is not
    # "no longer mentioned" while the later ones that may be the same are still to be confirmed.
    pairs = [(groups.find(x.point.uid), groups.find(x.earlier.uid)) for r in rounds for x in r.suggestions]
    return tuple(rounds), _trails(trails, collected, solved_at, position, pending, _chained(waiting_now, pairs))


def _chained(start: set[str], pairs: list[tuple[str, str]]) -> set[str]:
    """`start` and every group joined to it through suggested pairs, however many steps away."""
    found, grew = set(start), True
    while grew:
        grew = False
        for a, b in pairs:
            if (a in found) != (b in found):
                found |= {a, b}
                grew = True
    return found


def _link_of(uid: str, earlier: PainRef | None, groups: Groups,
             link_session: dict[frozenset[str], str]) -> frozenset[str] | None:
    """The saved link that joins `uid` to its group: one naming it, the earlier one first."""
    mine = [pair for pair in link_session if uid in pair]
    if earlier is not None:
        for pair in mine:
            if earlier.uid in pair:
                return pair
    return mine[0] if mine else None


def _suggest(session_id: str, new: list[PainPoint], said: dict[str, list[PainRef]], groups: Groups,
             rejected: set[frozenset[str]], likeness: Likeness) -> list[PainSuggestion]:
    """For each new point, the earlier pain point it reads most like, when alike enough and not
    rejected before (a rejection holds for every wording of that earlier point)."""
    found = []
    for point in new:
        mine = groups.find(point.uid)
        refused = {groups.find(uid) for pair in rejected if point.uid in pair for uid in pair if uid != point.uid}
        best: tuple[float, PainRef] | None = None
        for text, score in likeness.scores(point.text).items():
            if score < SUGGEST_FROM or (best is not None and score <= best[0]):
                continue
            for ref in said.get(text, ()):
                group = groups.find(ref.uid)
                if group != mine and group not in refused:
                    best = (score, ref)
                    break
        if best is not None:
            found.append(PainSuggestion(PainRef(point.uid, point.text, point.partner, session_id), best[1],
                                        round(best[0], 2)))
    return found


def _trails(trails: dict[str, _Trail], collected: list[tuple[Indexed, list[Contribution]]],
            solved_at: dict[str, int], position: dict[str, int], pending: set[str],
            waiting: frozenset[str] | set[str] = frozenset()) -> tuple[PainTrail, ...]:
    last_round = len(collected) - 1
    found = []
    for group, trail in trails.items():
        if trail.rounds[-1] == last_round:
            if len(trail.rounds) == 1:
                status = "new"
            else:
                status = "recurring" if trail.rounds[-2] == last_round - 1 else "returned"
        else:
            status = "solved" if solved_at.get(group, -1) >= position[trail.refs[-1].session] else "gone"
        if group in waiting and status in ("new", "gone"):
            status = ALIKE  # a suggested pair of the latest round: neither new nor gone until confirmed
        sessions = tuple(dict.fromkeys(r.session for r in trail.refs))
        found.append(PainTrail(trail.refs[0].uid, tuple(trail.refs), sessions,
                               status, len(trail.rounds), group in pending))
    return tuple(found)
