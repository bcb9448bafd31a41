"""The pain-point trail and the late actions of a comparison, drawn with rich.

A link shows what it links to (and the two ids that undo it); a suggestion shows the earlier
wording it reads like (and the ids to confirm or reject it)."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from workshop.core.compare import Comparison, PainPoint, PainRound
from workshop.core.compare.words import PAIN_MARKS, pain_status
from workshop.core.text.i18n import _, day, ngettext
from workshop.core.typed.due import due_date
from workshop.present.text import literal

PAIN_STYLES = {"recurring": "bold yellow", "returned": "yellow", "new": "cyan", "gone": "dim", "solved": "green",
               "alike": "cyan"}
SHORT_ID = 8  # characters of a uid shown to type after --link / --unlink / --not-same


def pain_heading(status: str, first: bool = False) -> str:
    if first and status == "new":
        return _("raised")  # the first session has nothing to be new against
    return pain_status(status)


def pain_groups(pain_round: PainRound) -> list[tuple[str, tuple[PainPoint, ...]]]:
    return [("recurring", pain_round.recurring), ("returned", pain_round.returned),
            ("new", pain_round.new), ("alike", pain_round.alike), ("gone", pain_round.gone),
            ("solved", pain_round.solved)]


def due_words(typed: str) -> str:
    """A due date in words ("1 maart 2026" for "1-3-2026"); anything else as it was typed."""
    parsed = due_date(typed)
    return day(parsed.isoformat()) if parsed else typed


def short_id(uid: str) -> str:
    return uid[:SHORT_ID]


def link_note(comparison: Comparison, point: PainPoint, ids: bool = True) -> str:
    """"linked to ‘…’ (1 mei 2026; undo: a1b2c3d4 e5f6a7b8)", or "same words as 1 mei 2026".

    Without `ids` (a paper for a board, not the facilitator's terminal) no command is named."""
    if point.earlier is None:
        return ""
    when = day(comparison.session(point.earlier.session).date)
    if point.linked and point.link and ids:
        return _("linked to ‘{text}’ ({date}; undo: --unlink {a} {b})").format(
            text=point.earlier.text, date=when, a=short_id(point.link[0]), b=short_id(point.link[1]))
    if point.linked:
        return _("linked to ‘{text}’ ({date})").format(text=point.earlier.text, date=when)
    return _("same words as on {date}").format(date=when)


def suggestion_notes(comparison: Comparison, pain_round: PainRound, ids: bool = True) -> dict[str, str]:
    """uid → "reads like ‘…’ (date): --link a b to confirm, --not-same a b to reject" for the
    facilitator (`ids`), or "possibly the same as ‘…’ (date), still to be confirmed" on a paper."""
    notes = {}
    for suggestion in pain_round.suggestions:
        a, b = short_id(suggestion.point.uid), short_id(suggestion.earlier.uid)
        when = day(comparison.session(suggestion.earlier.session).date)
        if not ids:
            notes[suggestion.point.uid] = _("possibly the same as ‘{text}’ ({date}), still to be confirmed").format(
                text=suggestion.earlier.text, date=when)
            continue
        notes[suggestion.point.uid] = _("reads like ‘{text}’ ({date}): --link {a} {b} to confirm, "
                                        "--not-same {a} {b} to reject").format(
            text=suggestion.earlier.text, date=when, a=a, b=b)
    return notes


def pains_renderable(comparison: Comparison, ids: bool = True) -> RenderableType:
    """The pain rounds; with `ids` (the facilitator's screen or terminal) the commands that
    confirm, reject or undo a match, without them (a paper) only the words."""
    parts: list[Any] = []
    for pain_round in comparison.pains:
        parts.append(literal(day(comparison.session(pain_round.session).date), style="bold"))
        suggested = suggestion_notes(comparison, pain_round, ids)
        for status, points in pain_groups(pain_round):
            style = PAIN_STYLES[status]
            for point in points:
                line = Text(f"  {PAIN_MARKS[status]} ", style=style)
                line.append(pain_heading(status, pain_round.previous is None), style=style)
                if status in ("recurring", "returned"):
                    note = ngettext("raised {times} time since {date}", "raised {times} times since {date}",
                                    point.times).format(times=point.times,
                                                        date=day(comparison.session(point.since).date))
                    line.append(f" ({note})", style="dim")
                line.append(": ")
                line.append(literal(point.text))
                if point.partner:
                    line.append(literal(f" — {point.partner}", style="dim"))
                parts.append(line)
                for note in (link_note(comparison, point, ids) if status in ("recurring", "returned") else "",
                             suggested.get(point.uid, "")):
                    if note:
                        parts.append(Text("      ").append(literal(note, style="dim italic")))
    if not parts:
        parts.append(Text(_("No pain points were collected in these sessions."), style="dim"))
    return Group(*parts)


def late_renderable(comparison: Comparison) -> RenderableType:
    """The late actions by owner, the longest overdue first, with their age."""
    if not comparison.late:
        return Text(_("No action is past its date."), style="dim")
    parts: list[Any] = []
    for group in comparison.late:
        parts.append(literal(group.owner or "–", style="bold"))
        for action in group.actions:
            line = Text("  • ").append(literal(action.text))
            days = ngettext("{days} day late", "{days} days late", action.overdue_days or 0).format(
                days=action.overdue_days)
            line.append(" — " + _("due {date}").format(date=day(action.due)) + ", ", style="dim")
            line.append(days, style="bold red")
            if action.agreed_on:
                line.append(" (" + _("agreed {date}, {age} days ago").format(
                    date=day(action.agreed_on), age=action.age_days) + ")", style="dim")
            parts.append(line)
    return Group(*parts)
