"""What a comparison says of the pain points, as plain frozen data (see result.py for the rest)."""

from __future__ import annotations

from dataclasses import dataclass

ALIKE = "alike"  # a pain point that reads like an earlier one, not yet confirmed the same or not


@dataclass(frozen=True)
class PainRef:
    """One pain point as raised in one session."""

    uid: str
    text: str
    partner: str
    session: str


@dataclass(frozen=True)
class PainPoint:
    uid: str
    text: str
    partner: str
    status: str  # new | recurring | returned | gone (no longer mentioned) | solved | alike (to confirm)
    since: str  # the session it was first raised in (of those compared)
    times: int  # in how many of the compared sessions so far it was raised
    linked: bool  # matched through a link the facilitator made, not by its words
    earlier: PainRef | None = None  # the wording it continues (the last time it was raised before)
    link: tuple[str, str] | None = None  # the saved link that joins it to `earlier`, to undo it
    link_session: str = ""  # the session that link is saved in


@dataclass(frozen=True)
class PainSuggestion:
    """A pain point that reads like an earlier one: the facilitator confirms or rejects it."""

    point: PainRef
    earlier: PainRef
    score: float  # 0..1, how much of their words they share


@dataclass(frozen=True)
class PainRound:
    """The pain points of one session against the previous session that collected them."""

    session: str
    previous: str | None
    recurring: tuple[PainPoint, ...]
    returned: tuple[PainPoint, ...]
    new: tuple[PainPoint, ...]
    gone: tuple[PainPoint, ...]  # raised last time, not this time: "no longer mentioned", not solved
    solved: tuple[PainPoint, ...]  # raised before and marked solved by the group
    suggestions: tuple[PainSuggestion, ...] = ()
    alike: tuple[PainPoint, ...] = ()  # new words that read like an earlier point (`earlier`), to confirm:
    # neither new nor is that earlier point "no longer mentioned" until the facilitator says

    @property
    def resolved(self) -> tuple[PainPoint, ...]:
        """Everything raised last time and not this time (kept for older renderers)."""
        return self.gone + self.solved


@dataclass(frozen=True)
class PainTrail:
    """One pain point through the sessions, with every wording it was raised in."""

    uid: str  # its first raising
    wordings: tuple[PainRef, ...]
    sessions: tuple[str, ...]  # the sessions it was raised in
    status: str  # new | recurring | returned | gone | solved | alike, as of the latest pain round
    times: int
    suggested: bool  # a suggested match waits for the facilitator
