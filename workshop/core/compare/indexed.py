"""A session read once for comparing: contributions grouped by step, and what its steps collect."""

from __future__ import annotations

from datetime import date
from typing import Any

from workshop.core.compare.result import SessionRef
from workshop.core.guides import Step
from workshop.core.model import PHASES, Contribution, PromptKind
from workshop.core.outcomes.attendance import at_table
from workshop.core.outcomes.carry import CARRIED_MARK
from workshop.core.outcomes.disclosure import circulated
from workshop.core.session import SessionView
from workshop.core.typed.due import due_date

PHASE_STEP = "welcome"
# Steps that collect pain points when their guide does not say: procesregie's pains and
# verkenning's sensitive issues. A step declares it with `pains = true` in its guide.
PAIN_STEPS = ("pains", "sensitive")
PAIN_FIELD = "pains"


def session_order(view: SessionView) -> tuple[str, str, str]:
    return (view.date, str(view.meta.get("created", "")), view.id)


def was_held(view: SessionView, today: date) -> bool:
    """Whether the meeting took place (or is taking place), so that it is evidence: closed, or
    someone marked present or something said in it, on or before its date. A session prepared
    ahead (`workshop new` the day before: only the statements it carried in, or a date still to
    come) is not."""
    if view.closed:
        return True
    when = due_date(view.date)
    if when is not None and when > today:
        return False
    if any(status == "present" for status in (view.meta.get("attendance") or {}).values()):
        return True  # someone was marked present at the table: it took place (absence can be known ahead)
    return any(c.item != CARRIED_MARK for c in view.contributions())


def collects_pains(step: Step, raw: dict[str, Any] | None = None) -> bool:
    """Does this open step collect pain points? Its guide's `pains` field says so (read from the
    loaded step or from the step as saved in the session), else its id does."""
    if step.kind is not PromptKind.OPEN:
        return False
    declared = getattr(step, "collects_pains", getattr(step, PAIN_FIELD, None))
    if declared is None and raw is not None:
        declared = raw.get(PAIN_FIELD)
    if isinstance(declared, bool):
        return declared
    return step.id in PAIN_STEPS


def pain_steps(view: SessionView) -> list[str]:
    """The ids of the steps of `view` that collect pain points, in agenda order."""
    raw_steps = {raw.get("id"): raw for raw in view.meta.get("steps", []) if isinstance(raw, dict)}
    return [step.id for step in view.agenda if collects_pains(step, raw_steps.get(step.id))]


class Indexed:
    """A session with its contributions grouped by step once (the views re-scan on every call)."""

    def __init__(self, view: SessionView) -> None:
        self.view = view = circulated(view)  # a line held back for moderation is no evidence yet
        self.by_step: dict[str, list[Contribution]] = {}
        for contribution in view.contributions():
            self.by_step.setdefault(contribution.step, []).append(contribution)
        self.agenda = view.agenda
        self.pain_steps = pain_steps(view)

    @property
    def id(self) -> str:
        return self.view.id

    def of(self, step_id: str) -> list[Contribution]:
        return self.by_step.get(step_id, [])

    def steps(self, kind: PromptKind) -> list[Step]:
        return [step for step in self.agenda if step.kind is kind]

    def collected(self, step_id: str) -> bool:
        """The step is on this session's agenda and was not skipped (or has answers anyway)."""
        if step_id not in {step.id for step in self.agenda}:
            return False
        return bool(self.of(step_id)) or not self.view.is_skipped(step_id)

    def pains(self) -> list[Contribution]:
        return [c for step in self.pain_steps for c in self.of(step) if c.text.strip()]

    def collected_pains(self) -> bool:
        return any(self.collected(step) for step in self.pain_steps)


def ref_of(s: Indexed, lang: str) -> SessionRef:
    view = s.view
    phase, label = phase_of(s, lang)
    titles = view.meta.get("guide_title")
    title = (titles.get(lang) or next(iter(titles.values()), "")) if isinstance(titles, dict) and titles else ""
    attendance = tuple(p.label() for p in at_table(view))
    return SessionRef(id=view.id, date=view.date, title=view.title, collaboration=view.collaboration,
                      guide=view.guide_id, guide_title=str(title or view.guide_id), lang=view.lang,
                      closed=view.closed, phase=phase, phase_label=label, partners=tuple(view.partners),
                      attendance=attendance)


def phase_of(s: Indexed, lang: str) -> tuple[str, str]:
    """The phase the group chose: the choice step `welcome`, else any choice step offering phases."""
    candidates = [step for step in s.steps(PromptKind.CHOICE)
                  if sum(1 for option in step.options if option.id in PHASES) >= 2]
    candidates.sort(key=lambda step: step.id != PHASE_STEP)
    for step in candidates:
        value = s.view.choice(step.id)  # participants' own picks are not the group's
        if value:
            option = next((o for o in step.options if o.id == value), None)
            label = option.text.get(lang) if option else value
            return value, label.partition(":")[0].strip() or label  # "Sharing: the partners …" → "Sharing"
    return "", ""
