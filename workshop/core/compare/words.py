"""The comparison's status words, in the facilitator's language (translated where shown)."""

from __future__ import annotations

from workshop.core.compare.result import Trend
from workshop.core.text.i18n import N_, _

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


VERDICT = {"better": N_("better"), "worse": N_("worse")}  # a trend's arrow, by the item's good end


def trend_label(trend: Trend) -> str:
    """The latest arrow with what it means: "↑ better", "↓ worse"; the arrow alone (↑, ↓, →) for an
    item that declares no good end, so a rise is never called better without the guide saying so."""
    verdict = trend.verdict(trend.arrow)
    return f"{trend.arrow} {_(VERDICT[verdict])}" if verdict else trend.arrow
