"""Which input each prompt kind gets."""

from __future__ import annotations

from screens.widgets.assign_input import AssignInput
from screens.widgets.base import PromptInput
from screens.widgets.choice_input import ChoiceInput
from screens.widgets.consent_input import ConsentInput
from screens.widgets.open_input import OpenInput
from screens.widgets.review_input import ReviewInput
from screens.widgets.scale_input import ScaleInput
from screens.widgets.statement_input import StatementInput
from screens.widgets.vote_input import VoteInput
from workshop.model import PromptKind

INPUTS: dict[PromptKind, type[PromptInput]] = {
    PromptKind.OPEN: OpenInput,
    PromptKind.STATEMENT: StatementInput,
    PromptKind.SCALE: ScaleInput,
    PromptKind.VOTE: VoteInput,
    PromptKind.ASSIGN: AssignInput,
    PromptKind.CONSENT: ConsentInput,
    PromptKind.CHOICE: ChoiceInput,
    PromptKind.REVIEW: ReviewInput,
}
