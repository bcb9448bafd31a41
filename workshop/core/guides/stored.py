"""A guide inside a session file.

A session keeps its own copy of the guide's steps (in the guide's TOML shape), so it stays
readable when the guide file changes and can hold steps added on the fly.
"""

from __future__ import annotations

from typing import Any

from workshop.core.guides.check import STEP_FIELDS, Checker
from workshop.core.guides.types import Choice, GuideError, Scale, Step, Text
from workshop.core.text.i18n import _

# written only when they say something
_ONLY_WHEN_SET = {"anonymous", "carry_over", "hint", "moderate", "show_names", "levels"}
# blind: None (not said) is left out, true and false are kept (a guide's false wins over phones)
_DEFAULTS = {"answered": "count"}  # left out when they have these values


def _plain(value: Any) -> Any:
    if isinstance(value, Text):
        return value.to_dict()
    if isinstance(value, Scale):
        scale: dict[str, Any] = {"min": value.min, "max": value.max}
        if value.low.values:
            scale["low"] = value.low.to_dict()
        if value.high.values:
            scale["high"] = value.high.to_dict()
        return scale
    if isinstance(value, tuple) and all(isinstance(entry, Choice) for entry in value):
        return [_choice(c) for c in value]
    return value


def _choice(choice: Choice) -> dict[str, Any]:
    data: dict[str, Any] = {"id": choice.id, "text": choice.text.to_dict()}
    if choice.perspective:
        data["perspective"] = choice.perspective
    if choice.per:
        data["per"] = choice.per
    if choice.good:
        data["good"] = choice.good
    if choice.rising.values:
        data["rising"], data["falling"] = choice.rising.to_dict(), choice.falling.to_dict()
    return data


def step_to_dict(step: Step) -> dict[str, Any]:
    data: dict[str, Any] = {"id": step.id, "kind": step.kind.value}
    for name, (allowed, _read) in STEP_FIELDS.items():
        if allowed and step.kind not in allowed:
            continue
        value = getattr(step, name)
        if name in _ONLY_WHEN_SET and not (value.values if isinstance(value, Text) else value):
            continue
        if value is None or _DEFAULTS.get(name, object()) == value:  # not said: the reader decides
            continue
        data[name] = _plain(value)
    return data


# The last list read and its steps. Opening a session reads its steps twice: the store checks the
# file, then the session's view is built from the same list. A changed agenda is always stored
# as a new list, so the same list object means the same steps.
_last_read: tuple[list[dict[str, Any]], tuple[Step, ...]] | None = None


def steps_from_dicts(raw_steps: list[dict[str, Any]], source: str) -> tuple[Step, ...]:
    """Read steps back from a session file; a damaged copy raises GuideError naming `source`."""
    global _last_read
    last = _last_read
    if last is not None and last[0] is raw_steps:
        return last[1]
    checker = Checker(source, "")
    steps: list[Step] = []
    if not isinstance(raw_steps, list):
        raise GuideError(_("{file}: the session's steps are damaged").format(file=source))
    for number, raw in enumerate(raw_steps, start=1):
        steps.append(checker.step(raw, f"steps[{number}]", steps))
    _last_read = (raw_steps, tuple(steps))
    return _last_read[1]
