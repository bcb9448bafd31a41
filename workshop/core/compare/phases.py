"""Each partner's phase, session by session: the phase it named and whether it called the
collaboration ready for the next one, so a board sees who is ready to move on and who is not
(the group's own choice is in the sessions' table)."""

from __future__ import annotations

from workshop.core.compare.indexed import PHASE_STEP, Indexed
from workshop.core.compare.result import PartnerPhase
from workshop.core.guides import Step
from workshop.core.model import PHASES, PromptKind

READINESS = ("ready", "almost", "not-yet")  # the options of the step "ready for the next phase?"


def _per_partner(s: Indexed) -> list[Step]:
    return [step for step in s.steps(PromptKind.CHOICE) if step.per == "partner"]


def phase_step(s: Indexed) -> Step | None:
    """The step that asks each partner its phase: `welcome` first, else any offering phases."""
    found = [step for step in _per_partner(s) if sum(1 for o in step.options if o.id in PHASES) >= 2]
    found.sort(key=lambda step: step.id != PHASE_STEP)
    return next((step for step in found if s.view.partner_picks(step.id)), None)


def readiness_step(s: Indexed) -> Step | None:
    """The step that asks each partner whether the collaboration is ready for the next phase."""
    found = [step for step in _per_partner(s) if {"ready", "not-yet"} <= {o.id for o in step.options}]
    return next((step for step in found if s.view.partner_picks(step.id)), None)


def _words(step: Step, option_id: str, lang: str) -> str:
    """An option's name in `lang`, up to a colon ("Delen: de partners …" → "Delen")."""
    option = next((o for o in step.options if o.id == option_id), None)
    words = option.text.get(lang) if option else option_id
    return words.partition(":")[0].strip() or words


def phases(indexed: list[Indexed], lang: str) -> tuple[PartnerPhase, ...]:
    """Every partner of any compared session (the latest session's first, in its order), when at
    least one session asked a partner its phase or readiness; else nothing."""
    named, ready = [], []
    for s in indexed:
        step = phase_step(s)
        named.append({p: _words(step, o, lang) for p, o in s.view.partner_picks(step.id).items()} if step else {})
        step = readiness_step(s)
        ready.append({p: (o, _words(step, o, lang)) for p, o in s.view.partner_picks(step.id).items()} if step else {})
    if not any(named) and not any(ready):
        return ()
    partners = list(dict.fromkeys(p for s in reversed(indexed) for p in s.view.partners))
    trails = []
    for partner in partners:
        there = [partner in s.view.partners for s in indexed]
        trails.append(PartnerPhase(
            partner,
            tuple(said.get(partner, "") if here else None for said, here in zip(named, there)),
            tuple(said.get(partner, ("", ""))[0] if here else None for said, here in zip(ready, there)),
            tuple(said.get(partner, ("", ""))[1] if here else None for said, here in zip(ready, there))))
    return tuple(trails)
