"""Which end of a scale item is good, also for sessions stored before items said so.

A session keeps its own copy of the guide's steps (`stored.py`), so a session stored before scale
items declared their good end holds none. Such an item takes the direction of the built-in
guides' item with the same id and the same words in one of its languages (the built-in guides
share an item id only with the same text; a test holds them to that). Any other item keeps having
no direction, and a change of its score is never called better or worse.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from workshop.core.guides.shelf import builtin_guide_paths, load_guide_file
from workshop.core.guides.types import Choice, GuideError
from workshop.core.model import PromptKind


def declares_direction(item: Choice) -> bool:
    return bool(item.good or item.rising.values)


def with_direction(item: Choice) -> Choice:
    """`item`, with the built-in guides' direction when it declares none of its own."""
    if declares_direction(item):
        return item
    for lang, words in item.text.values.items():
        known = _builtin_directions().get((item.id, lang, words))
        if known is not None:
            return replace(item, good=known.good, rising=known.rising, falling=known.falling)
    return item


@lru_cache(maxsize=1)
def _builtin_directions() -> dict[tuple[str, str, str], Choice]:
    found: dict[tuple[str, str, str], Choice] = {}
    for path in builtin_guide_paths():
        try:
            guide = load_guide_file(path)
        except GuideError:  # a broken installation: the checks of the built-in guides say so elsewhere
            continue
        for step in guide.steps:
            if step.kind is PromptKind.SCALE:
                for item in step.items:
                    if declares_direction(item):
                        for lang, words in item.text.values.items():
                            found.setdefault((item.id, lang, words), item)
    return found
