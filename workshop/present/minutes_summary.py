"""The first page of the minutes, for directors: the bestuurlijke samenvatting.

What the group decided (the decisions only), the core message for the achterban, what is next
(the action list: today's actions, the carried ones still open, those done since last time as
done) and the next meeting with its theme. Also the minutes' status line ("draft, to be adopted
on …"). The werkverslag, step by step, follows it (`workshop.present.minutes`).
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.core.guides import Step
from workshop.core.machine import clock
from workshop.core.model import PromptKind, ReviewStatus
from workshop.core.session import SessionView
from workshop.core.text.i18n import _, day, ngettext, pgettext
from workshop.core.typed.due import due_date
from workshop.present.minutes_parts import decisions, session_day, when_words
from workshop.present.text import md_cell, md_escape, md_table

ACHTERBAN_STEP = "achterban"  # the step that asks the core message for the achterban, and who passes it on
# An action line that is the core message when a guide has no such step (the bestuurlijk overleg
# notes it among its actions): it starts with one of these words.
CORE_MESSAGE_WORDS = ("kernboodschap", "key message")


@dataclass(frozen=True)
class ActionRow:
    """One line of the action list: what, who, by when, and where it stands."""

    text: str
    who: str
    when: str  # as typed (a date in words when it is one)
    state: str  # new | open | done
    days_late: int = 0
    reviewed: bool = True  # a carried action the review did not discuss says so


def status_line(view: SessionView) -> str:
    """Where the minutes stand: a working version while the meeting is open; a draft to be
    adopted at the next meeting once it is closed."""
    if not view.closed:
        return _("Working version: the meeting is not closed yet")
    found = view.next_meeting
    if found is None:
        return _("Draft, to be adopted at the next meeting (its date is not set yet)")
    return _("Draft, to be adopted on {date}").format(date=day(found[0]))


def next_meeting_words(view: SessionView) -> str:
    """"3 december 2026, Stadhuis" ("" when not set)."""
    found = view.next_meeting
    if found is None:
        return ""
    when, where = found
    return f"{day(when)}, {where}" if where else day(when)


def _action_steps(view: SessionView) -> list[Step]:
    return [step for step in view.agenda if step.kind is PromptKind.ASSIGN and step.actions]


def _reviews(view: SessionView) -> dict[str, str]:
    found: dict[str, str] = {}
    for step in view.agenda:
        if step.kind is PromptKind.REVIEW:
            found.update(view.reviews(step.id))
    return found


def action_rows(view: SessionView) -> list[ActionRow]:
    """The action list: the carried actions still open (the late ones first, most days late
    first), today's new actions, then the carried ones the review marked done. A carried action
    the group dropped is a decision (in the decisions), not an action."""
    reviews = _reviews(view)
    reference = session_day(view) or clock.today()
    still, done = [], []
    for action in view.carried:
        if action.kind != "action" or not action.text.strip():
            continue
        verdict = reviews.get(action.uid, ReviewStatus.OPEN)
        if verdict == ReviewStatus.DONE:
            done.append(ActionRow(action.text, action.who, action.when, "done"))
        elif verdict == ReviewStatus.OPEN:
            due = due_date(action.when)
            late = (reference - due).days if due is not None and due < reference else 0
            still.append(ActionRow(action.text, action.who, action.when, "open", late, action.uid in reviews))
    still.sort(key=lambda row: -row.days_late)  # stable: the rest in the order they were carried
    new = [ActionRow(c.text, str(c.value or ""), c.when, "new")
           for step in _action_steps(view) for c in view.contributions(step.id) if c.text.strip()]
    return still + new + done


def state_words(row: ActionRow) -> str:
    if row.state == "done":
        return pgettext("action list", "done")
    if row.state == "new":
        return pgettext("action list", "new")
    state = pgettext("action list", "open") if row.reviewed else _("not reviewed")
    if row.days_late:
        return state + " · " + ngettext("{days} day late", "{days} days late", row.days_late).format(days=row.days_late)
    return state


def core_message(view: SessionView) -> list[tuple[str, str, str]]:
    """The core message for the achterban: (text, who passes it on, by when), from the step that
    asks it, else from the action lines that start with "Kernboodschap" / "Key message"."""
    steps = [step for step in view.agenda if step.id == ACHTERBAN_STEP]
    lines = [c for step in steps for c in view.contributions(step.id) if c.text.strip()]
    if not lines:
        lines = [c for step in _action_steps(view) for c in view.contributions(step.id)
                 if c.text.strip().casefold().startswith(CORE_MESSAGE_WORDS)]
    return [(c.text, str(c.value or ""), c.when) for c in lines]


def summary_markdown(view: SessionView) -> str:
    """The bestuurlijke samenvatting as Markdown: a level-2 heading and four level-3 parts."""
    parts = ["## " + _("Summary for the directors")]
    found = decisions(view)
    parts.append("### " + _("Decisions"))
    parts.append("\n".join(f"{n}. {line}" for n, line in enumerate(found, start=1)) if found
                 else "*" + _("No decisions were taken.") + "*")
    parts.append("### " + _("Key message for the wider organisations"))
    message = core_message(view)
    if message:
        quotes = []
        for text, who, when in message:
            quote = "\n".join(f"> {line}" for line in md_escape(text).split("\n"))
            due = _("by {date}").format(date=md_cell(when_words(when))) if when.strip() else ""
            by = ", ".join(part for part in (md_cell(who), due) if part)
            passed = _("Passed on by")
            quotes.append(quote + (f"\n>\n> *{passed}: {by}*" if by else ""))
        parts.append("\n\n".join(quotes))
    else:
        parts.append("*" + _("No key message recorded.") + "*")
    parts.append("### " + _("Action list"))
    rows = action_rows(view)
    if rows:
        parts.append("\n".join(md_table(
            [_("Action"), _("Who"), _("Due"), _("Status")],
            [[md_cell(row.text), md_cell(row.who), md_cell(when_words(row.when)),
              f"**{state_words(row)}**" if row.days_late else state_words(row)] for row in rows])))
    else:
        parts.append("*" + _("No agreements or actions recorded.") + "*")
    parts.append("### " + _("Next meeting"))
    when = next_meeting_words(view)
    theme = view.next_theme
    lines = [f"**{md_cell(when)}**" if when else "*" + _("Not set yet.") + "*"]
    if theme:
        label = _("Theme")
        lines.append(f"**{label}:** {md_cell(theme)}")
    parts.append("\\\n".join(lines))
    return "\n\n".join(parts)
