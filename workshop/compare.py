"""Comparing sessions: how is this collaboration developing?

`compare_sessions(views)` lines up sessions (oldest first) and answers, per theme:

- statements kept from session to session (`carry_over`, e.g. the ambition and the pilot),
  matched by step id: the text each session settled on, with a word-level diff against the
  previous session's text;
- every scale item as a trend, matched by item id across guides (a pulse check and a full
  procesregie session line up on the interaction items): per session the mean, the spread
  (low–high, standard deviation), the count and the score of each partner; a sparkline and
  an arrow against the previous session; the key question (threshold) first;
- pain points (open steps with id ``pains``) that recur, were resolved, are new or came back,
  matched by normalised text and by links the facilitator made (``meta["links"]``);
- roles (assign steps without actions) and consent per partner and body, as they progressed;
- actions per session: agreed, and the verdicts (done / still open / dropped) on the carried ones;
- the phase the group chose (a choice step whose options are the phases).

`compare_collaborations(store, guide)` puts the latest session of every collaboration side by
side. `select_sessions(store, ...)` turns what a user named into the sessions to compare.
Everything here is plain data: the command line and the screen render it.
"""

from __future__ import annotations

import difflib
import re
import statistics
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any, Iterable

from workshop.carry import CARRIED_MARK
from workshop.guides import Step
from workshop.i18n import _
from workshop.model import PHASES, Contribution, PromptKind, ReviewStatus
from workshop.session import LiveSession, SessionView
from workshop.store import Store, StoreError
from workshop.summary import THRESHOLD_ITEM

SPARKS = "▁▂▃▄▅▆▇█"
GAP = "·"  # a session in which the item was not scored
UP, DOWN, STEADY = "↑", "↓", "→"
STEADY_WITHIN = 0.05  # a smaller change of a mean (on its scale's points) shows as →
PAIN_STEPS = ("pains",)
PHASE_STEP = "welcome"
MAX_DIFF_TOKENS = 5_000  # longer texts are shown as replaced whole rather than diffed word by word
NOT_REVIEWED = "not_reviewed"


# --- the result --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRef:
    """One compared session, as the headings show it."""

    id: str
    date: str
    title: str
    collaboration: str
    guide: str
    guide_title: str
    lang: str
    closed: bool
    phase: str  # the option id the group chose ("" when not asked)
    phase_label: str  # the option's name, without its explanation
    partners: tuple[str, ...]


@dataclass(frozen=True)
class Change:
    """A run of words that stayed (`same`), came in (`added`) or went out (`removed`)."""

    kind: str
    text: str


@dataclass(frozen=True)
class StatementVersion:
    """What one session settled on for a carried statement, and how it differs from before."""

    session: str
    text: str
    agreed: bool
    revisions: tuple[str, ...]  # the texts saved in this session, oldest first (not the carried-in one)
    previous: str | None  # the session whose text this is compared with
    changed: bool
    changes: tuple[Change, ...]  # word diff against the previous text (empty for the first)


@dataclass(frozen=True)
class StatementTrail:
    step: str
    title: str
    versions: tuple[StatementVersion, ...]


@dataclass(frozen=True)
class ScorePoint:
    """One scale item in one session."""

    session: str
    count: int
    mean: float
    low: int
    high: int
    stdev: float
    scale_min: int
    scale_max: int
    scores: dict[str, int]  # partner (or participant) → score
    arrow: str  # against the previous session that scored the item ("" for the first)

    @property
    def level(self) -> float:
        """The mean as a share of its scale (0..1), so scales of different lengths compare."""
        return (self.mean - self.scale_min) / (self.scale_max - self.scale_min)


@dataclass(frozen=True)
class Trend:
    key: str  # the item id (qualified with the step id where one session has it twice)
    step: str
    item: str
    text: str
    key_question: bool
    points: tuple[ScorePoint | None, ...]  # one per compared session
    who: tuple[str, ...]  # everyone who scored, partners of the latest session first
    sparkline: str
    arrow: str  # the latest point against the one before it

    @property
    def latest(self) -> ScorePoint | None:
        return next((p for p in reversed(self.points) if p is not None), None)


@dataclass(frozen=True)
class PainPoint:
    uid: str
    text: str
    partner: str
    status: str  # new | recurring | returned | resolved
    since: str  # the session it was first raised in (of those compared)
    times: int  # in how many of the compared sessions so far it was raised
    linked: bool  # matched through a link the facilitator made, not by its words


@dataclass(frozen=True)
class PainRound:
    """The pain points of one session against the previous session that collected them."""

    session: str
    previous: str | None
    recurring: tuple[PainPoint, ...]
    returned: tuple[PainPoint, ...]
    new: tuple[PainPoint, ...]
    resolved: tuple[PainPoint, ...]  # raised last time, not this time


@dataclass(frozen=True)
class Holder:
    who: str
    when: str


@dataclass(frozen=True)
class RoleTrail:
    step: str
    step_title: str
    role: str
    holders: tuple[Holder | None, ...]  # one per compared session


@dataclass(frozen=True)
class ConsentMark:
    status: str  # a ConsentStatus value
    when: str


@dataclass(frozen=True)
class ConsentTrail:
    partner: str
    body: str
    label: str
    marks: tuple[ConsentMark | None, ...]  # one per compared session


@dataclass(frozen=True)
class ActionLine:
    uid: str
    text: str
    who: str
    when: str
    kind: str  # action | consent | pilot
    status: str  # done | open | dropped | not_reviewed (carried) or open (agreed this session)


@dataclass(frozen=True)
class ActionRound:
    session: str
    agreed: tuple[ActionLine, ...]
    reviewed: tuple[ActionLine, ...]

    def count(self, status: str) -> int:
        return sum(1 for line in self.reviewed if line.status == status)


@dataclass(frozen=True)
class Comparison:
    lang: str
    sessions: tuple[SessionRef, ...]
    statements: tuple[StatementTrail, ...]
    trends: tuple[Trend, ...]
    pains: tuple[PainRound, ...]
    roles: tuple[RoleTrail, ...]
    consents: tuple[ConsentTrail, ...]
    actions: tuple[ActionRound, ...]

    def session(self, session_id: str) -> SessionRef:
        return next(s for s in self.sessions if s.id == session_id)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SideBySide:
    """The latest session of each collaboration, on one guide (or any), with the scale means."""

    guide: str
    lang: str
    sessions: tuple[SessionRef, ...]
    trends: tuple[Trend, ...]  # points line up with `sessions`; no arrows across collaborations

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- comparing ---------------------------------------------------------------------------------


class _Indexed:
    """A session with its contributions grouped by step once (the views re-scan on every call)."""

    def __init__(self, view: SessionView) -> None:
        self.view = view
        self.by_step: dict[str, list[Contribution]] = {}
        for contribution in view.contributions():
            self.by_step.setdefault(contribution.step, []).append(contribution)
        self.agenda = view.agenda

    def of(self, step_id: str) -> list[Contribution]:
        return self.by_step.get(step_id, [])

    def steps(self, kind: PromptKind) -> list[Step]:
        return [step for step in self.agenda if step.kind is kind]

    def collected(self, step_id: str) -> bool:
        """The step is on this session's agenda and was not skipped (or has answers anyway)."""
        if step_id not in {step.id for step in self.agenda}:
            return False
        return bool(self.of(step_id)) or not self.view.is_skipped(step_id)


def session_order(view: SessionView) -> tuple[str, str, str]:
    return (view.date, str(view.meta.get("created", "")), view.id)


def compare_sessions(views: Iterable[SessionView], lang: str | None = None) -> Comparison:
    """Line the sessions up (by date) and compare them; guide texts in `lang` (default: the
    latest session's language)."""
    ordered = sorted(views, key=session_order)
    if not ordered:
        raise ValueError(_("nothing to compare"))
    lang = lang or ordered[-1].lang
    indexed = [_Indexed(view) for view in ordered]
    return Comparison(
        lang=lang,
        sessions=tuple(_ref(s, lang) for s in indexed),
        statements=_statements(indexed, lang),
        trends=_trends(indexed, lang, arrows=True),
        pains=_pains(indexed),
        roles=_roles(indexed, lang),
        consents=_consents(indexed, lang),
        actions=tuple(_actions(s) for s in indexed),
    )


def _ref(s: _Indexed, lang: str) -> SessionRef:
    view = s.view
    phase, label = _phase(s, lang)
    titles = view.meta.get("guide_title")
    title = (titles.get(lang) or next(iter(titles.values()), "")) if isinstance(titles, dict) and titles else ""
    return SessionRef(id=view.id, date=view.date, title=view.title, collaboration=view.collaboration,
                      guide=view.guide_id, guide_title=str(title or view.guide_id), lang=view.lang,
                      closed=view.closed, phase=phase, phase_label=label, partners=tuple(view.partners))


def _phase(s: _Indexed, lang: str) -> tuple[str, str]:
    """The phase the group chose: the choice step `welcome`, else any choice step offering phases."""
    candidates = [step for step in s.steps(PromptKind.CHOICE)
                  if sum(1 for option in step.options if option.id in PHASES) >= 2]
    candidates.sort(key=lambda step: step.id != PHASE_STEP)
    for step in candidates:
        chosen = s.of(step.id)
        if chosen:
            value = str(chosen[-1].value)
            option = next((o for o in step.options if o.id == value), None)
            label = option.text.get(lang) if option else value
            return value, label.partition(":")[0].strip() or label  # "Sharing: the partners …" → "Sharing"
    return "", ""


# statements -----------------------------------------------------------------------------------


def _statements(sessions: list[_Indexed], lang: str) -> tuple[StatementTrail, ...]:
    step_ids: dict[str, str] = {}
    for s in sessions:
        for step in s.steps(PromptKind.STATEMENT):
            if step.carry_over:
                step_ids[step.id] = step.title.get(lang)  # the latest title wins
    trails = []
    for step_id, title in step_ids.items():
        versions: list[StatementVersion] = []
        for s in sessions:
            revisions = sorted(s.of(step_id), key=lambda c: c.created)
            if not revisions:
                continue
            agreed = [r for r in revisions if r.value is True]
            settled = agreed[-1] if agreed else revisions[-1]
            before = versions[-1] if versions else None
            changes = word_diff(before.text, settled.text) if before else ()
            versions.append(StatementVersion(
                session=s.view.id, text=settled.text, agreed=settled.value is True,
                revisions=tuple(r.text for r in revisions if r.item != CARRIED_MARK),
                previous=before.session if before else None,
                changed=before is not None and before.text != settled.text,
                changes=changes))
        if versions:
            trails.append(StatementTrail(step_id, title, tuple(versions)))
    return tuple(trails)


_TOKEN = re.compile(r"\w+\s*|[^\w\s]+\s*|\s+")


def word_diff(old: str, new: str) -> tuple[Change, ...]:
    """Word by word, what changed from `old` to `new`. Joining the `same` and `added` runs gives
    `new` back exactly; joining `same` and `removed` gives `old` (up to its spacing).

    A short stretch of common words between two changes (\"en\", \"de\", a comma) is folded into
    the change, so a rewritten sentence reads as one replacement, not as confetti."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    if len(a) + len(b) > MAX_DIFF_TOKENS:
        segments: list[list[str]] = [["", old, new]] if old != new else [["same", new, new]]
    else:
        matcher = difflib.SequenceMatcher(None, [t.rstrip() for t in a], [t.rstrip() for t in b], autojunk=False)
        segments = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            kind = "same" if tag == "equal" else ""
            segments.append([kind, "".join(a[i1:i2]), "".join(b[j1:j2])])
    segments = _fold_short_equals(segments)
    runs: list[Change] = []
    for kind, was, now in segments:
        if kind == "same":
            runs.append(Change("same", now))
        else:
            runs += [Change("removed", was), Change("added", now)]
    merged: list[Change] = []
    for run in runs:
        if not run.text:
            continue
        if merged and merged[-1].kind == run.kind:
            merged[-1] = Change(run.kind, merged[-1].text + run.text)
        else:
            merged.append(run)
    return tuple(merged)


SHORT_EQUAL = 2  # words; a common stretch this short between two changes joins them


def _fold_short_equals(segments: list[list[str]]) -> list[list[str]]:
    """Merge [change, short same, change] into one change; segments are [kind, old, new]."""
    result: list[list[str]] = []
    for segment in segments:
        result.append(segment)
        while len(result) >= 3 and result[-1][0] == "" and result[-3][0] == "" and result[-2][0] == "same" \
                and len(re.findall(r"\w+", result[-2][2])) <= SHORT_EQUAL:
            last, middle, first = result.pop(), result.pop(), result.pop()
            result.append(["", first[1] + middle[1] + last[1], first[2] + middle[2] + last[2]])
        if len(result) >= 2 and result[-1][0] == "" and result[-2][0] == "":
            last = result.pop()
            result[-1] = ["", result[-1][1] + last[1], result[-1][2] + last[2]]
    return result


# scale trends ---------------------------------------------------------------------------------


def _trends(sessions: list[_Indexed], lang: str, arrows: bool) -> tuple[Trend, ...]:
    # key → (step id, item id, text); and per session key → point
    known: dict[str, tuple[str, str, str]] = {}
    order: list[str] = []
    per_session: list[dict[str, ScorePoint]] = []
    for s in reversed(sessions):  # the latest session's wording and item order lead
        points: dict[str, ScorePoint] = {}
        seen: set[str] = set()
        for step in s.steps(PromptKind.SCALE):
            by_item: dict[str, dict[str, int]] = {}
            for c in s.of(step.id):
                if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    by_item.setdefault(c.item, {})[c.participant or c.partner] = c.value
            for item in step.items:
                key = item.id if item.id not in seen else f"{step.id}/{item.id}"
                seen.add(key)
                if key not in known:
                    known[key] = (step.id, item.id, item.text.get(lang))
                    order.append(key)
                scores = by_item.get(item.id)
                if scores:
                    points[key] = _point(s.view.id, scores, step)
        per_session.append(points)
    per_session.reverse()
    keys = sorted(order, key=lambda key: known[key][1] != THRESHOLD_ITEM)  # stable: the key question first
    trends = []
    for key in keys:
        step_id, item_id, text = known[key]
        points = [points.get(key) for points in per_session]
        if not any(points):
            continue
        if arrows:
            points = _with_arrows(points)
        present = [p for p in points if p is not None]
        trends.append(Trend(
            key=key, step=step_id, item=item_id, text=text, key_question=item_id == THRESHOLD_ITEM,
            points=tuple(points), who=_everyone(sessions, present),
            sparkline=sparkline(points),
            arrow=present[-1].arrow if arrows else ""))
    return tuple(trends)


def _point(session_id: str, scores: dict[str, int], step: Step) -> ScorePoint:
    values = list(scores.values())
    return ScorePoint(session=session_id, count=len(values), mean=statistics.fmean(values),
                      low=min(values), high=max(values),
                      stdev=statistics.pstdev(values) if len(values) > 1 else 0.0,
                      scale_min=step.scale.min, scale_max=step.scale.max, scores=dict(scores), arrow="")


def _with_arrows(points: list[ScorePoint | None]) -> list[ScorePoint | None]:
    result: list[ScorePoint | None] = []
    before: ScorePoint | None = None
    for point in points:
        if point is not None:
            arrow = direction(before, point) if before is not None else ""
            point = ScorePoint(**{**point.__dict__, "arrow": arrow})
            before = point
        result.append(point)
    return result


def direction(before: ScorePoint, after: ScorePoint) -> str:
    """↑, ↓ or → for a change of the mean, measured in points of the later scale."""
    change = (after.level - before.level) * (after.scale_max - after.scale_min)
    if abs(change) < STEADY_WITHIN:
        return STEADY
    return UP if change > 0 else DOWN


def sparkline(points: Iterable[ScorePoint | None]) -> str:
    """One block per session, as high as the mean on its scale; · where the item was not scored."""
    line = []
    for point in points:
        if point is None:
            line.append(GAP)
        else:
            line.append(SPARKS[min(len(SPARKS) - 1, max(0, round(point.level * (len(SPARKS) - 1))))])
    return "".join(line)


def _everyone(sessions: list[_Indexed], points: list[ScorePoint]) -> tuple[str, ...]:
    scored: dict[str, None] = {}
    for point in points:
        scored.update(dict.fromkeys(point.scores))
    first = [p for p in sessions[-1].view.partners if p in scored]
    rest = [who for who in scored if who not in first]
    return tuple(first + rest)


# pain points ----------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Text reduced to compare by: case, accents, punctuation and spacing do not count."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", folded))


class _Groups:
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


def links_of(views: Iterable[SessionView]) -> list[tuple[str, str]]:
    """The pairs of contributions a facilitator declared the same (kept in `meta["links"]`)."""
    pairs = []
    for view in views:
        for pair in view.meta.get("links", []) or []:
            if isinstance(pair, (list, tuple)) and len(pair) == 2 and all(isinstance(u, str) for u in pair):
                pairs.append((pair[0], pair[1]))
    return pairs


def _pains(sessions: list[_Indexed]) -> tuple[PainRound, ...]:
    rounds_of = [(s, [c for step in PAIN_STEPS for c in s.of(step) if c.text.strip()])
                 for s in sessions if any(s.collected(step) for step in PAIN_STEPS)]
    groups = _Groups()
    words_of: dict[str, str] = {}  # uid → its normalised words (its uid when it has none)
    first_with: dict[str, str] = {}
    for _session, pains in rounds_of:
        for c in pains:
            words = words_of[c.uid] = normalise(c.text) or c.uid
            groups.union(first_with.setdefault(words, c.uid), c.uid)
    for a, b in links_of(s.view for s in sessions):
        groups.union(a, b)
    rounds: list[PainRound] = []
    raised_in: dict[str, list[str]] = {}  # group → the sessions it was raised in
    words_seen: dict[str, set[str]] = {}  # group → the wordings it was raised with
    previous: tuple[str, list[Contribution]] | None = None
    for s, pains in rounds_of:
        session_id = s.view.id
        here = {groups.find(c.uid) for c in pains}
        before = {groups.find(c.uid) for c in previous[1]} if previous else set()
        buckets: dict[str, list[PainPoint]] = {"recurring": [], "returned": [], "new": []}
        for c in pains:
            group = groups.find(c.uid)
            raised = raised_in.get(group, [])
            status = "recurring" if group in before else "returned" if raised else "new"
            linked = status != "new" and words_of[c.uid] not in words_seen.get(group, set())
            buckets[status].append(PainPoint(c.uid, c.text, c.partner, status, raised[0] if raised else session_id,
                                             len(raised) + 1, linked))
        resolved: list[PainPoint] = []
        if previous:
            gone: set[str] = set()
            for c in previous[1]:
                group = groups.find(c.uid)
                if group not in here and group not in gone:
                    gone.add(group)
                    raised = raised_in[group]
                    resolved.append(PainPoint(c.uid, c.text, c.partner, "resolved", raised[0], len(raised), False))
        for c in pains:
            group = groups.find(c.uid)
            words_seen.setdefault(group, set()).add(words_of[c.uid])
            if session_id not in raised_in.setdefault(group, []):
                raised_in[group].append(session_id)
        rounds.append(PainRound(session_id, previous[0] if previous else None, tuple(buckets["recurring"]),
                                tuple(buckets["returned"]), tuple(buckets["new"]), tuple(resolved)))
        previous = (session_id, pains)
    return tuple(rounds)


# roles, consent, actions ---------------------------------------------------------------------


def _roles(sessions: list[_Indexed], lang: str) -> tuple[RoleTrail, ...]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for index, s in enumerate(sessions):
        for step in s.steps(PromptKind.ASSIGN):
            if step.actions:
                continue
            for c in s.of(step.id):
                if not c.text.strip():
                    continue
                key = (step.id, c.item or normalise(c.text))
                entry = found.setdefault(key, {"title": step.title.get(lang), "holders": [None] * len(sessions)})
                entry["role"] = c.text
                entry["holders"][index] = Holder(str(c.value or ""), c.when)
    return tuple(RoleTrail(step_id, entry["title"], entry["role"], tuple(entry["holders"]))
                 for (step_id, _key), entry in found.items())


def _consents(sessions: list[_Indexed], lang: str) -> tuple[ConsentTrail, ...]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for index, s in enumerate(sessions):
        for step in s.steps(PromptKind.CONSENT):
            labels = {body.id: body.text.get(lang) for body in step.bodies}
            latest = {(c.partner, c.item): c for c in s.of(step.id)}
            for (partner, body), c in latest.items():
                entry = found.setdefault((partner, body), {"label": labels.get(body, body),
                                                           "marks": [None] * len(sessions)})
                entry["marks"][index] = ConsentMark(str(c.value), c.when)
    return tuple(ConsentTrail(partner, body, entry["label"], tuple(entry["marks"]))
                 for (partner, body), entry in sorted(found.items(), key=lambda kv: kv[0][0].casefold()))


def _actions(s: _Indexed) -> ActionRound:
    verdicts: dict[str, str] = {}
    for step in s.steps(PromptKind.REVIEW):
        verdicts.update({c.item: str(c.value) for c in s.of(step.id)})
    reviewed = tuple(ActionLine(a.uid, a.text, a.who, a.when, a.kind, verdicts.get(a.uid, NOT_REVIEWED))
                     for a in s.view.carried)
    agreed = tuple(ActionLine(c.uid, c.text, str(c.value or ""), c.when, "action", ReviewStatus.OPEN.value)
                   for step in s.steps(PromptKind.ASSIGN) if step.actions
                   for c in s.of(step.id) if c.text.strip())
    return ActionRound(s.view.id, agreed, reviewed)


# --- choosing what to compare ------------------------------------------------------------------


def _short(value: str, limit: int = 60) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def find_collaboration(store: Store, name: str) -> str:
    """The collaboration's name as stored, from the name as typed (case does not matter)."""
    known = sorted({info.collaboration for info in store.catalogue()}, key=str.casefold)
    if name in known:
        return name
    matches = [k for k in known if k.casefold() == name.strip().casefold()]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise StoreError(_("'{name}' matches several collaborations ({matches}); write it exactly").format(
            name=_short(name), matches=", ".join(_short(m, 40) for m in matches)))
    shown = ", ".join(_short(k, 40) for k in known[:8]) + (", …" if len(known) > 8 else "")
    raise StoreError(_("no collaboration named '{name}' (known: {known})").format(
        name=_short(name), known=shown or _("none yet")))


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
            raise StoreError(_("no readable sessions of '{name}'").format(name=_short(name)))
        views.sort(key=session_order)
    if last is not None:
        views = views[-last:]
    return views


def compare_collaborations(store: Store, guide_id: str | None = None, lang: str | None = None) -> SideBySide:
    """The latest session of each collaboration (run from `guide_id`, or any guide) side by side."""
    infos = store.catalogue()
    used = sorted({info.guide for info in infos})
    if guide_id is not None and guide_id not in used:
        raise StoreError(_("no session was run from guide '{guide}' (used: {used})").format(
            guide=_short(guide_id), used=", ".join(used) or _("none yet")))
    newest_first: dict[str, list[Any]] = {}
    for info in infos:  # the catalogue lists the newest first
        if guide_id is None or info.guide == guide_id:
            newest_first.setdefault(info.collaboration, []).append(info)
    views = []
    for name in sorted(newest_first, key=str.casefold):
        for info in newest_first[name]:  # the newest readable one
            try:
                views.append(SessionView(store.read_session(info.id), source=info.id))
                break
            except StoreError:
                continue
    if not views:
        raise StoreError(_("no readable sessions to compare"))
    lang = lang or views[0].lang
    indexed = [_Indexed(view) for view in views]
    return SideBySide(guide=guide_id or "", lang=lang, sessions=tuple(_ref(s, lang) for s in indexed),
                      trends=_trends(indexed, lang, arrows=False))


# --- linking two pain points as the same -----------------------------------------------------


def find_pain(views: Iterable[SessionView], prefix: str) -> tuple[SessionView, Contribution]:
    """The pain point whose uid starts with `prefix`, among the given sessions."""
    wanted = prefix.strip().lower()
    found = [(view, c) for view in views for step in PAIN_STEPS for c in view.contributions(step)
             if wanted and c.uid.startswith(wanted)]
    if not found:
        raise StoreError(_("no pain point '{uid}' in the compared sessions").format(uid=_short(prefix, 40)))
    if len(found) > 1:
        raise StoreError(_("'{uid}' matches {count} pain points; give more of its id").format(
            uid=_short(prefix, 40), count=len(found)))
    return found[0]


def link_pains(store: Store, views: list[SessionView], first: str, second: str,
               live: LiveSession | None = None) -> str:
    """Declare two pain points the same; saved in the later of their sessions. Returns its id.

    Pass `live` when that session is already open for writing in this process."""
    (view_a, a), (view_b, b) = find_pain(views, first), find_pain(views, second)
    if a.uid == b.uid:
        raise StoreError(_("a pain point cannot be linked to itself"))
    later = max((view_a, view_b), key=session_order)
    if live is not None and live.id == later.id:
        live.link_same(a.uid, b.uid)
        return later.id
    session = LiveSession(store.open_session(later.id, write=True))
    try:
        session.link_same(a.uid, b.uid)
    finally:
        session.release()
    return later.id
