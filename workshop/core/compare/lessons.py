"""The pilot's lessons per session, from every open step that collects them: the step's guide
says `lessons = true`, or (when it says nothing) its id is `pilot-lessons`."""

from __future__ import annotations

from workshop.core.compare.indexed import Indexed
from workshop.core.compare.result import Lesson
from workshop.core.guides import Step
from workshop.core.model import PromptKind

LESSON_STEPS = ("pilot-lessons",)


def collects_lessons(step: Step) -> bool:
    if step.kind is not PromptKind.OPEN:
        return False
    return step.lessons if step.lessons is not None else step.id in LESSON_STEPS


def lessons(sessions: list[Indexed]) -> tuple[tuple[Lesson, ...], ...]:
    """Per session (in order), the lessons it collected, in the order they were said."""
    return tuple(tuple(Lesson(c.text, c.partner, step.id)
                       for step in s.steps(PromptKind.OPEN) if collects_lessons(step)
                       for c in s.of(step.id) if c.text.strip())
                 for s in sessions)
