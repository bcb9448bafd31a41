"""What a guide is made of: texts in two languages, steps and their offers, the guide itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop.core.model import PromptKind
from workshop.core.text.i18n import LANGUAGES, _


class GuideError(ValueError):
    """A guide file that cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class Text:
    """A text in one or more languages; falls back to any language it has."""

    values: dict[str, str]

    def get(self, lang: str) -> str:
        if lang in self.values:
            return self.values[lang]
        for other in LANGUAGES:
            if other in self.values:
                return self.values[other]
        return next(iter(self.values.values()), "")

    def to_dict(self) -> dict[str, str]:
        return dict(self.values)


EMPTY = Text({})
# A scale item's good end: a higher score is better, a lower one, or neither is (a preference, a
# fact); an item that declares none is never called better or worse either.
GOOD_ENDS = ("high", "low", "neither")


@dataclass(frozen=True)
class Choice:
    """A labelled thing a step offers: a scale item, a choice option, a formal body, a row."""

    id: str
    text: Text
    perspective: str = ""  # scale items: one of PERSPECTIVES, so the comparison can group them
    good: str = ""  # scale items: the good end of the scale, one of GOOD_ENDS; "" not declared
    rising: Text = EMPTY  # scale items: what a rising score means, in words ("the threshold got lower")
    falling: Text = EMPTY  # scale items: what a falling score means, in words
    per: str = ""  # assign rows: "partner" makes it one row per partner at the table (an alliance manager each)

    @property
    def judged(self) -> bool:
        """Whether a change of its score may be called better or worse."""
        return self.good in ("high", "low")


@dataclass(frozen=True)
class Scale:
    min: int = 1
    max: int = 5
    low: Text = EMPTY
    high: Text = EMPTY

    def refuses(self, value: int) -> str | None:
        """Why `value` is no score on this scale (one line), or None when it is one."""
        if self.min <= value <= self.max:
            return None
        return _("A score runs from {low} to {high}.").format(low=self.min, high=self.max)


@dataclass(frozen=True)
class Step:
    id: str
    kind: PromptKind
    title: Text
    prompt: Text
    hint: Text = EMPTY
    timebox: int = 10  # minutes
    anonymous: bool = False
    pains: bool | None = None  # open: collects pain points (None: the comparison decides by the step's id)
    lessons: bool | None = None  # open: collects the pilot's lessons (None: by the id 'pilot-lessons')
    levels: tuple[Choice, ...] = ()  # open: the levels an interest is given (person, organisation, …)
    carry_over: bool = False
    items: tuple[Choice, ...] = ()  # scale
    scale: Scale = Scale()
    per: str = "partner"  # scale: partner | participant; choice: group | partner (the checker sets it)
    source: str = ""  # vote: the open step voted on
    dots: int = 3  # vote
    rows: tuple[Choice, ...] = ()  # assign
    when: str = "date"  # assign: date | rhythm
    actions: bool = False  # assign: rows are actions reviewed next time
    bodies: tuple[Choice, ...] = ()  # consent
    options: tuple[Choice, ...] = ()  # choice
    # scale: True, no one sees a score until the facilitator reveals them; not said (None), the same
    # once someone joined from a phone (SessionView.blind); False, never blind
    blind: bool | None = None
    show_names: bool = False  # scale, not blind: the minutes show each score beside its giver's name
    moderate: bool = False  # open: participants' contributions wait until the facilitator shows them
    answered: str = "count"  # who has answered, as the facilitator sees it: count | names


@dataclass(frozen=True)
class Guide:
    id: str
    title: Text
    steps: tuple[Step, ...]
    version: int = 1
    phase: str = ""
    description: Text = EMPTY
    source: str = ""  # where it was loaded from, for messages
    duration: int = 0  # the stated length of the meeting in minutes, breaks included; 0: not stated
    # the note-taker's labels the hints prescribe ("Ontbreekt: …"), per language: such a line is nobody's
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def label_words(self) -> list[str]:
        """Every declared label, in every language (a Dutch note-taker may type either)."""
        return list(dict.fromkeys(word for words in self.labels.values() for word in words))

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGUAGES if lang in self.title.values)

    @property
    def minutes(self) -> int:
        return sum(step.timebox for step in self.steps)
