"""Parts of the minutes that make them ready to circulate: the list of decisions, the review with
what is late, consents grouped by status (\"not needed\" folded into one line), due dates in words."""

from __future__ import annotations

from datetime import date

from workshop.core.guides import Step
from workshop.core.machine import clock
from workshop.core.model import ConsentStatus, PilotStatus, PromptKind, ReviewStatus
from workshop.core.outcomes.carry import CARRIED_MARK, late_first
from workshop.core.outcomes.summary import consent_label, consents_set, review_label, review_words
from workshop.core.session import SessionView
from workshop.core.steps.statements import settled
from workshop.core.text.i18n import _, day, ngettext
from workshop.core.typed.due import due_date
from workshop.present.text import md_cell, md_escape, md_table

# the order a reader wants: what is still to be done first, what is settled after
# (every status but "not needed", which is folded into one line)
CONSENT_ORDER = (ConsentStatus.REFUSED, ConsentStatus.ADVICE_NEGATIVE, ConsentStatus.TO_REQUEST,
                 ConsentStatus.REQUESTED, ConsentStatus.ADVICE_CONDITIONS, ConsentStatus.ADVICE_POSITIVE,
                 ConsentStatus.ADVICE_GIVEN, ConsentStatus.CONSENT_GIVEN, ConsentStatus.APPROVED,
                 ConsentStatus.WISHES_GIVEN)
# A body's say given (or refused) in this session: a decision for the minutes' list of them.
CONSENT_DECIDED = frozenset(CONSENT_ORDER) - {ConsentStatus.TO_REQUEST, ConsentStatus.REQUESTED}


def who_said(c) -> str:
    """A contribution's partner and participant, as the minutes name them."""
    return " / ".join(part for part in (c.partner, c.participant) if part)


def plain_items(contributions) -> list[str]:
    """Contributions as a Markdown list, each with who said it."""
    lines = []
    for c in contributions:
        text = md_escape(c.text).replace("\\\n", "\\\n  ")  # continuation lines stay in the item
        lines.append(f"- {text}" + (f" — *{md_cell(who)}*" if (who := who_said(c)) else ""))
    return lines


def when_words(typed: str) -> str:
    """A date in words in the session's language ("1 december 2026"); a rhythm as typed."""
    parsed = due_date(typed)
    return day(parsed.isoformat()) if parsed else typed


def session_day(view: SessionView) -> date | None:
    return due_date(view.date)


def decisions(view: SessionView) -> list[str]:
    """What the group decided in this session, one line each: agreed texts, choices, consents
    given or refused, and what the review closed."""
    found = []
    for step in view.agenda:
        title = md_escape(view.text(step.title))
        if step.kind is PromptKind.STATEMENT:
            shown = settled(view.revisions(step.id))
            if shown is not None and shown.value is True and shown.text.strip() and shown.item != CARRIED_MARK:
                # a text of lines (a pilot card) keeps them: hard breaks inside the list item
                found.append(_("{title}: agreed, ‘{text}’").format(title=title, text=md_escape(shown.text)))
        elif step.kind is PromptKind.CHOICE and view.choice(step.id):
            option = next((o for o in step.options if o.id == view.choice(step.id)), None)
            chosen = view.text(option.text).partition(":")[0] if option else view.choice(step.id)
            found.append(_("{title}: {choice}").format(title=title, choice=md_cell(chosen)))
        elif step.kind is PromptKind.ASSIGN and view.adopted(step.id):
            rows = "; ".join(f"{c.text}: {c.value}" if str(c.value or "").strip() else c.text
                             for c in view.contributions(step.id) if c.text.strip())
            found.append(_("{title}: adopted, {rows}").format(title=title, rows=md_cell(rows)) if rows
                         else _("{title}: adopted").format(title=title))
        elif step.kind is PromptKind.CONSENT:
            if view.adopted(step.id):
                found.append(_("{title}: adopted").format(title=title))
            bodies = {body.id: view.text(body.text) for body in step.bodies}
            for (partner, body), c in view.consents(step.id).items():
                if str(c.value) in CONSENT_DECIDED:
                    found.append(_("{body} of {partner}: {status}").format(
                        body=md_cell(bodies.get(body, body)), partner=md_cell(partner),
                        status=consent_label(str(c.value))))
        elif step.kind is PromptKind.REVIEW:
            reviews = view.reviews(step.id)
            set_here = consents_set(view)
            for action in view.carried:
                verdict = reviews.get(action.uid)
                if verdict not in DECIDED or action.kind == "role":
                    continue
                if action.kind == "consent" and review_words(view, action, reviews, set_here)[0] != action.text:
                    continue  # the consent step of this session says where it stands (listed above)
                found.append(_("‘{what}’: {verdict}").format(what=md_cell(action.text),
                                                             verdict=review_label(verdict)))
    return found


def adopted_note(view: SessionView, step: Step) -> str:
    """Where a roles, rhythm, team or consent step stands: adopted today, as adopted on an earlier
    date, or a proposal; "" for a step of another kind or one that holds nothing."""
    if not (step.kind is PromptKind.CONSENT or (step.kind is PromptKind.ASSIGN and not step.actions)):
        return ""
    if view.adopted(step.id):
        return _("Adopted in this meeting.")
    if before := view.adopted_before(step.id):
        return _("As adopted on {date}; not adopted again in this meeting.").format(date=day(before))
    if view.contributions(step.id):
        return _("A proposal, not adopted.")
    return ""


# A review verdict that is a decision for the minutes: what the group agreed, not what happened.
# Dropping an action, stopping or adjusting the pilot are; an action done or a pilot finished is a
# fact for the review's table, not a decision (and a pilot that runs on is neither).
DECIDED = (ReviewStatus.DROPPED, PilotStatus.STOPPED, PilotStatus.ADJUSTED)


def decisions_section(view: SessionView) -> str:
    lines = decisions(view)
    if not lines:
        return ""
    return "## " + _("Decisions") + "\n\n" + "\n".join(f"{number}. {line}" for number, line in
                                                      enumerate(lines, start=1))


def review_body(view: SessionView, step: Step) -> str:
    """The carried items, what is late first (by owner), each with its verdict and lateness."""
    if not view.carried:
        return ""
    reviews = view.reviews(step.id)
    set_here = consents_set(view)
    reference = session_day(view) or clock.today()
    late, rest = late_first(view.carried, reference, reviews)
    rows = []
    for _owner, items in late:
        for action, days in items:
            text, status = review_words(view, action, reviews, set_here)
            late_words = ngettext("{days} day late", "{days} days late", days).format(days=days)
            rows.append([md_cell(text), md_cell(action.who), md_cell(when_words(action.when)),
                         f"{md_cell(status)} · **{late_words}**"])
    for action in rest:
        text, status = review_words(view, action, reviews, set_here)
        rows.append([md_cell(text), md_cell(action.who), md_cell(when_words(action.when)), md_cell(status)])
    table = "\n".join(md_table([_("Carried over"), _("Who"), _("When"), _("Status")], rows))
    if not any(action.kind == "action" and due_date(action.when) for action in view.carried):
        return table
    counted = (_("Reference date {date}, the date of this meeting: days late are counted up to it.")
               if session_day(view) else _("Reference date {date}, today: days late are counted up to it."))
    return table + "\n\n*" + counted.format(date=day(reference.isoformat())) + "*"


def consent_body(view: SessionView, step: Step) -> str:
    """Per status (what is still to be done first); "not needed" folded into one line."""
    bodies = {body.id: view.text(body.text) for body in step.bodies}
    by_status: dict[str, list[tuple[str, str, str]]] = {}
    for (partner, body), c in sorted(view.consents(step.id).items(), key=lambda kv: kv[0][0].casefold()):
        by_status.setdefault(str(c.value), []).append((partner, bodies.get(body, body), c.when))
    rows = []
    for status in CONSENT_ORDER:
        for partner, body, when in by_status.get(status, []):
            rows.append([md_cell(consent_label(status)), md_cell(partner), md_cell(body), md_cell(when_words(when))])
    parts = ["\n".join(md_table([_("Status"), _("Partner"), _("Body"), _("Date")], rows))] if rows else []
    folded = by_status.get(ConsentStatus.NOT_NEEDED, [])
    if folded:
        names = "; ".join(f"{md_cell(partner)} ({md_cell(body)})" for partner, body, _when in folded)
        label = consent_label(ConsentStatus.NOT_NEEDED)
        parts.append(f"*{label[:1].upper()}{label[1:]}:* {names}")
    return "\n\n".join(parts)


def contested_note(view: SessionView, step_id: str) -> str:
    """A newer text saved after the agreed one and not agreed: shown as contested."""
    revisions = view.revisions(step_id)
    shown = settled(revisions)
    if shown is None or shown.value is not True:
        return ""
    newer = [r for r in revisions[revisions.index(shown) + 1:] if r.text.strip() and r.text != shown.text]
    if not newer:
        return ""
    quote = "\n".join(f"> {line}" for line in md_escape(newer[-1].text).split("\n"))
    return "**" + _("Contested: a newer text, not agreed:") + "**\n\n" + quote
