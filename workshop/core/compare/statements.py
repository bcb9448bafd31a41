"""Carried statements (the ambition, the pilot) session by session, with word diffs.

Each session shows the text it last agreed; a newer text saved after it and not agreed is
shown beside it as contested, with what it would change."""

from __future__ import annotations

import difflib
import re

from workshop.core.compare.indexed import Indexed
from workshop.core.compare.result import Change, StatementTrail, StatementVersion
from workshop.core.model import PromptKind
from workshop.core.outcomes.carry import CARRIED_MARK

MAX_DIFF_TOKENS = 5_000  # longer texts are shown as replaced whole rather than diffed word by word
SHORT_EQUAL = 2  # words; a common stretch this short between two changes joins them


def statements(sessions: list[Indexed], lang: str) -> tuple[StatementTrail, ...]:
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
            after = revisions[revisions.index(settled) + 1:]
            newer = next((r for r in reversed(after) if r.text.strip() and r.text != settled.text), None)
            before = versions[-1] if versions else None
            versions.append(StatementVersion(
                session=s.id, text=settled.text, agreed=settled.value is True,
                revisions=tuple(r.text for r in revisions if r.item != CARRIED_MARK),
                previous=before.session if before else None,
                changed=before is not None and before.text != settled.text,
                changes=word_diff(before.text, settled.text) if before else (),
                contested=newer.text if newer is not None else None,
                contested_changes=word_diff(settled.text, newer.text) if newer is not None else ()))
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
