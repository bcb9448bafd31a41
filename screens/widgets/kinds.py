"""Which input each prompt kind gets.

An input's module is imported when a step of its kind is first shown, so opening a session
imports the one input its current step needs, not all eight (the consent and assign inputs
bring a whole table widget with them).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING

from workshop.core.model import PromptKind

if TYPE_CHECKING:
    from screens.widgets.base import PromptInput

# kind -> (module, class): the whole map, in one place
WHERE: dict[PromptKind, tuple[str, str]] = {
    PromptKind.OPEN: ("screens.widgets.open_input", "OpenInput"),
    PromptKind.STATEMENT: ("screens.widgets.statement_input", "StatementInput"),
    PromptKind.SCALE: ("screens.widgets.scale_input", "ScaleInput"),
    PromptKind.VOTE: ("screens.widgets.vote_input", "VoteInput"),
    PromptKind.ASSIGN: ("screens.widgets.assign_input", "AssignInput"),
    PromptKind.CONSENT: ("screens.widgets.consent_input", "ConsentInput"),
    PromptKind.CHOICE: ("screens.widgets.choice_input", "ChoiceInput"),
    PromptKind.REVIEW: ("screens.widgets.review_input", "ReviewInput"),
}


class Inputs(Mapping):
    """`INPUTS[kind]` is the input class of a prompt kind, imported on first use."""

    def __getitem__(self, kind: PromptKind) -> type[PromptInput]:
        module, name = WHERE[kind]
        return getattr(import_module(module), name)

    def __iter__(self) -> Iterator[PromptKind]:
        return iter(WHERE)

    def __len__(self) -> int:
        return len(WHERE)


INPUTS: Mapping[PromptKind, type[PromptInput]] = Inputs()
