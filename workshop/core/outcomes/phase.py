"""The phase of a collaboration as the partners see it, and the built-in guide that fits it.

On a choice step with `per = "partner"` each partner picks a phase; the group's phase is the one
most partners picked (SessionView.choice). When that differs from the phase of the session's
guide, the guide written for the group's phase is suggested."""

from __future__ import annotations

from dataclasses import dataclass

from workshop.core.guides import Guide, GuideShelf
from workshop.core.model import PHASES, PromptKind
from workshop.core.session import SessionView

PHASE_STEP = "welcome"
# The built-in guide written for each phase (the others, such as the pulse check, fit in it too).
PHASE_GUIDES = {"verkennen": "verkenning", "delen": "procesregie", "overeenkomen": "overeenkomen",
                "vormgeven": "vormgeven", "uitvoeren": "uitvoeren"}


@dataclass(frozen=True)
class PhaseSuggestion:
    phase: str  # the group's phase
    guide: str  # the id of the guide for it
    title: str  # that guide's title, in the session's language


def phase_step(view: SessionView) -> str:
    """The id of the step that asks for the phase: `welcome`, else the first choice step offering phases."""
    steps = [step for step in view.steps if step.kind is PromptKind.CHOICE
             and sum(1 for option in step.options if option.id in PHASES) >= 2]
    steps.sort(key=lambda step: step.id != PHASE_STEP)
    return steps[0].id if steps else ""


def guide_for(phase: str, shelf: GuideShelf) -> Guide | None:
    """The guide for `phase`: the built-in one written for it, else the first on the shelf."""
    preferred = shelf.guides.get(PHASE_GUIDES.get(phase, ""))
    if preferred is not None and preferred.phase == phase:
        return preferred
    return next((guide for guide in shelf.guides.values() if guide.phase == phase), None)


def suggestion(view: SessionView, shelf: GuideShelf) -> PhaseSuggestion | None:
    """The guide for the group's phase, when the session's guide was written for another one."""
    step_id = phase_step(view)
    phase = view.choice(step_id) if step_id else ""
    if phase not in PHASES:
        return None
    own = shelf.guides.get(view.guide_id)
    if own is None or not own.phase or own.phase == phase:
        return None
    other = guide_for(phase, shelf)
    if other is None:
        return None
    return PhaseSuggestion(phase, other.id, view.text(other.title))
