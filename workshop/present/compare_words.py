"""Sentences every way of showing a comparison prints alike: the day it counts from, the sessions
prepared and not yet held, and where advice and consent stand (counted apart from the actions)."""

from __future__ import annotations

from workshop.core.compare import ASKED, FROM_SESSION, LATEST_HELD, Comparison
from workshop.core.compare.headline import pending_consents
from workshop.core.text.i18n import _, day, ngettext


def reference_words(comparison: Comparison) -> str:
    """"Reference date 1 November 2026, the date of the latest meeting held: …"."""
    if not comparison.today:
        return ""
    when = day(comparison.today)
    if comparison.counted_from == LATEST_HELD:
        why = _("Reference date {date}, the date of the latest meeting held: days late are counted up to it.")
    elif comparison.counted_from == FROM_SESSION:
        why = _("Reference date {date}, the date of the session this comparison was made from: "
                "days late are counted up to it.")
    elif comparison.counted_from == ASKED:
        why = _("Reference date {date}, as asked: days late are counted up to it.")
    else:
        why = _("Reference date {date}, today: days late are counted up to it.")
    return why.format(date=when)


def prepared_words(comparison: Comparison) -> str:
    """"Prepared, not yet held: 8 December 2026 (…); not counted in this comparison."."""
    if not comparison.prepared:
        return ""
    names = "; ".join(f"{day(ref.date)} ({ref.title or ref.guide_title})" for ref in comparison.prepared)
    return ngettext("Prepared, not yet held: {names}. It is not counted in this comparison.",
                    "Prepared, not yet held: {names}. They are not counted in this comparison.",
                    len(comparison.prepared)).format(names=names)


def consent_count_words(comparison: Comparison) -> str:
    """How many bodies' say is settled and how many still pending, after the latest session."""
    if not comparison.consents:
        return ""
    pending = pending_consents(comparison.sessions, comparison.consents, {s.id for s in comparison.sessions})
    settled = len(comparison.consents) - pending
    return _("Advice and consent after the latest session: {settled} settled, {pending} still to request "
             "or awaited.").format(settled=settled, pending=pending)
