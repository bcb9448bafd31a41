"""The comparison's status words, in the facilitator's language (translated where shown)."""

from __future__ import annotations

from workshop.i18n import N_, _

PAIN_STATUS = {
    "new": N_("new"),
    "recurring": N_("recurring"),
    "returned": N_("came back"),
    "gone": N_("no longer mentioned"),
    "solved": N_("solved"),
    "alike": N_("possibly raised before"),
}
PAIN_MARKS = {"new": "+", "recurring": "↻", "returned": "↺", "gone": "–", "solved": "✓", "alike": "≈"}


def pain_status(status: str) -> str:
    """"no longer mentioned", "solved", … in the current language."""
    return _(PAIN_STATUS.get(status, status))
