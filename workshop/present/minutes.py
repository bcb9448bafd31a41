"""Minutes of a session: Markdown, and printable HTML rendered from it.

The output depends only on the session (no clock inside), so the same session always gives the
same bytes. Everything typed is escaped (`workshop.present.text`): Markdown special characters are
backslash-escaped, the HTML is rendered from that Markdown with raw HTML switched off, and
control characters (ANSI escapes, lone surrogates, bidi overrides) are visible escapes.
Dates and numbers are written the way the session's language writes them.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt

from workshop.core.guides import Step, Text
from workshop.core.guides.direction import with_direction
from workshop.core.model import PromptKind
from workshop.core.outcomes.attendance import recorded, roll, statuses
from workshop.core.outcomes.disclosure import circulated, distribution_words, names_beside_scores, score_counts
from workshop.core.outcomes.summary import THRESHOLD_ITEM, place_words, places
from workshop.core.session import SessionView
from workshop.core.steps.dependence import asks_dependence
from workshop.core.steps.statements import settled
from workshop.core.text.i18n import _, day, language, ngettext, number, pgettext
from workshop.present.dependence import pairs_markdown
from workshop.present.interests import levels_body
from workshop.present.minutes_parts import (
    adopted_note,
    consent_body,
    contested_note,
    plain_items,
    review_body,
    when_words,
)
from workshop.present.minutes_summary import status_line, summary_markdown
from workshop.present.text import md_cell, md_escape, md_table, visible

# --- Markdown --------------------------------------------------------------------------------


def to_markdown(view: SessionView, with_names: bool = False) -> str:
    """The minutes: the header, a one-page summary for the directors (workshop.present.minutes_summary),
    then the record of the meeting step by step. Held lines are left out; a scale's scores stand beside names
    only where the guide or `with_names` asks for it, never on a blind step (workshop/core/outcomes/disclosure.py)."""
    view = circulated(view)
    with language(view.lang):
        parts = [_header(view), summary_markdown(view), "## " + _("Record of the meeting"), _attendance(view)]
        for place, step in enumerate(view.agenda, start=1):
            parts.append(_step_markdown(view, step, place, with_names))
        return "\n\n".join(part for part in parts if part) + "\n"


def _header(view: SessionView) -> str:
    title = view.title or view.text(_guide_title(view))
    rows = [
        (_("Collaboration"), view.collaboration),
        (_("Date"), day(view.date)),
        (_("Guide"), view.text(_guide_title(view))),
        (_("Facilitator"), view.meta.get("facilitator", "")),
        (_("Minutes taken by"), view.minutes_taker),
        (_("Minutes"), status_line(view)),
        (_("Partners"), ", ".join(view.partners)),
        *_roll_rows(view),
    ]
    lines = [f"# {md_escape(title)}", ""]
    lines += [f"- **{label}:** {md_cell(value)}" for label, value in rows if value]
    return "\n".join(lines)


def _roll_rows(view: SessionView) -> list[tuple[str, str]]:
    """Present, absent, and absent with notice, as the attendance says; when it was not recorded,
    the people listed, said as such (the comparison says the same: not recorded)."""

    def names(who: tuple) -> str:
        return ", ".join(who_ if isinstance(who_, str) else _person(who_.name, who_.partner, who_.role) for who_ in who)

    said = roll(view)
    if not recorded(view):  # nobody marked who came: the list says who was invited, not who was there
        return [(_("Listed (attendance not recorded)"), names(said.present))]
    return [(_("Present"), names(said.present)), (_("Absent"), names(said.absent)),
            (_("Excused (with notice)"), names(said.excused))]


def _attendance(view: SessionView) -> str:
    """Per partner: present, absent or excused, and its people (nothing when attendance was not
    recorded: the header's list of those present says it)."""
    status = statuses(view)
    if not any(status.values()):
        return ""
    words = {"present": _("present"), "absent": _("absent"), "excused": _("excused (with notice)"),
             "": _("not marked, counted as present")}
    people: dict[str, list[str]] = {}
    for person in view.participants:
        people.setdefault(person.partner, []).append(f"{person.name} ({person.role})" if person.role else person.name)
    rows = [[partner, words.get(marked, marked), ", ".join(people.get(partner, []))]
            for partner, marked in status.items()]
    return "### " + _("Attendance") + "\n\n" + _table([_("Partner"), _("Attendance"), _("People")], rows)


def _guide_title(view: SessionView) -> Text:
    raw = view.meta.get("guide_title")
    return Text(raw) if isinstance(raw, dict) and raw else Text({view.lang: view.guide_id})


def _person(name: str, partner: str, role: str) -> str:
    return f"{name} ({partner}, {role})" if role else f"{name} ({partner})"


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    """A table of typed cells (each escaped)."""
    return "\n".join(md_table(headers, [[md_cell(cell) for cell in row] for row in rows]))


def _step_markdown(view: SessionView, step: Step, place: int, with_names: bool = False) -> str:
    heading = f"### {place}. {md_escape(view.text(step.title))}"
    if view.is_skipped(step.id):
        heading += " *(" + _("skipped") + ")*"
    prompt = view.text(step.prompt)
    parts = [heading]
    if prompt:
        parts.append(f"*{md_escape(prompt)}*")
    if step.kind is PromptKind.CONSENT:  # grouped by status, "not needed" folded
        body = consent_body(view, step)
    elif step.kind is PromptKind.SCALE:
        body = _scale_body(view, step, names_beside_scores(view, step, with_names))
    else:
        body = _BODIES[step.kind](view, step)
    parts.append(body or "*" + _("Nothing recorded.") + "*")
    if note := adopted_note(view, step):
        parts.append(f"*{note}*")
    return "\n\n".join(parts)


def _open_body(view: SessionView, step: Step) -> str:
    if step.levels:  # interests per partner and level, positions with the interests behind them
        return levels_body(view, step)
    return "\n".join(plain_items(view.contributions(step.id)))


def _statement_body(view: SessionView, step: Step) -> str:
    revisions = view.revisions(step.id)
    shown = settled(revisions)
    if shown is None:
        return ""
    quote = "\n".join(f"> {line}" for line in md_escape(shown.text).split("\n")) if shown.text.strip() else ""
    state = pgettext("text", "agreed") if shown.value is True else _("draft")
    count = ngettext("{count} revision", "{count} revisions", len(revisions)).format(count=len(revisions))
    return "\n\n".join(part for part in (quote, f"*{state}; {count}*", contested_note(view, step.id)) if part)


def _scale_body(view: SessionView, step: Step, names: bool = False) -> str:
    """Per item the mean, the range and how many gave each score; the scores beside their
    givers' names only with `names` (then comments carry the name too)."""
    rows, comments = [], []
    for item in step.items:
        spread = view.spread(step.id, item.id)
        if spread is None:
            continue
        scores = view.scores(step.id, item.id)
        label = md_cell(view.text(item.text))
        if item.id == THRESHOLD_ITEM:
            label = f"**{label}**"
        if names:
            given = ", ".join(f"{who} {c.value}" for who, c in scores.items())
        else:
            counts = score_counts((c.value for c in scores.values()), step.scale.min, step.scale.max)
            given = distribution_words(counts)
        rows.append([label, number(spread.mean), f"{spread.low}–{spread.high}", str(spread.count), md_cell(given)])
        said = [(f" — *{md_cell(who)}*:" if names else " —", c.text) for who, c in scores.items() if c.text.strip()]
        # without names, in the order of their words: the order typed would follow the grid's
        comments += [f"- {md_cell(view.text(item.text))}{by} {md_cell(text)}"
                     for by, text in (said if names else sorted(said, key=lambda pair: pair[1]))]
    if not rows:
        return ""
    first = _("Depends on") if asks_dependence(step) else _("Item")
    last = _("Scores") if names else _("Distribution")
    table = "\n".join(md_table([first, _("Mean"), _("Range"), _("Number"), last], rows))
    pairs = "" if view.blind(step.id) else pairs_markdown(view, step)  # a pair's scores are the partners' own
    return "\n\n".join(part for part in (table, _good_ends(view, step), "\n".join(comments), pairs) if part)


def _good_ends(view: SessionView, step: Step) -> str:
    """Which end of the scale is good, for the scored items that declare it (the guide says so;
    an older session's item takes it from the built-in guides, see workshop/core/guides/direction.py)."""
    items = [with_direction(item) for item in step.items if view.spread(step.id, item.id) is not None]
    high = [view.text(item.text).rstrip(".") for item in items if item.good == "high"]
    low = [view.text(item.text).rstrip(".") for item in items if item.good == "low"]
    if len(high) == len(items) > 1:
        said = [_("A higher score is better on every item.")]
    elif len(low) == len(items) > 1:
        said = [_("A lower score is better on every item.")]
    else:
        said = [message.format(items="; ".join(f"‘{text}’" for text in texts)) for message, texts in (
            (_("A higher score is better on {items}."), high),
            (_("A lower score is better on {items}."), low)) if texts]
    return f"*{md_escape(' '.join(said))}*" if said else ""


def _vote_body(view: SessionView, step: Step) -> str:
    ranked = [(c, dots) for c, dots in view.ranking(step.id) if dots > 0]
    shared = places([dots for _c, dots in ranked])
    if not any(tied for _place, tied in shared):
        return "\n".join(
            f"{place}. {md_cell(c.text)} — " + ngettext("{count} dot", "{count} dots", dots).format(count=dots)
            for place, (c, dots) in enumerate(ranked, start=1))
    # a tie: each line says its place ("gedeeld 2e"), in a list that numbers nothing itself
    return "\n".join(
        f"- **{place_words(place, tied)}** {md_cell(c.text)} — "
        + ngettext("{count} dot", "{count} dots", dots).format(count=dots)
        for (c, dots), (place, tied) in zip(ranked, shared, strict=True))


def _assign_body(view: SessionView, step: Step) -> str:
    rows = [[c.text, c.value or "", when_words(c.when) if step.when == "date" else c.when]
            for c in view.contributions(step.id)]
    if not rows:
        return ""
    when = _("How often") if step.when == "rhythm" else _("Due") if step.actions else _("When")
    return _table([_("Action") if step.actions else _("Role"), _("Who"), when], rows)


def _choice_body(view: SessionView, step: Step) -> str:
    chosen = view.choice(step.id)
    parts = []
    picks = view.partner_picks(step.id) if step.per == "partner" else {}
    if picks:  # asked of each partner: who chose what, then what the group comes to (the choice most made)
        parts.append(_table([_("Partner"), _("Chosen")],
                            [[p, view.option_words(step.id, o)] for p, o in picks.items()]))
    if chosen:
        parts.append("**" + _("Chosen") + ":** " + md_cell(view.option_words(step.id, chosen)))
    if phones := view.picks(step.id):  # the participants' own picks: counted, never named
        parts.append(_table([_("Option"), _("Picked by participants")],
                            [[view.option_words(step.id, o), str(count)] for o, count in phones.items()]))
    return "\n\n".join(parts)


_BODIES: dict[PromptKind, Callable[[SessionView, Step], str]] = {  # consent: see _step_markdown
    PromptKind.OPEN: _open_body,
    PromptKind.STATEMENT: _statement_body,
    PromptKind.SCALE: _scale_body,
    PromptKind.VOTE: _vote_body,
    PromptKind.ASSIGN: _assign_body,
    PromptKind.CHOICE: _choice_body,
    PromptKind.REVIEW: review_body,
}


# --- HTML ------------------------------------------------------------------------------------

_STYLE = """
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b;
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #1b1b1b; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
blockquote { margin: .5rem 0; padding: .3rem 1rem; border-left: 4px solid #666; background: #f6f6f6; }
td, li, blockquote, p { overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; color: #000; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  h2.record { break-before: page; page-break-before: always; }
  table, blockquote, li { break-inside: avoid; page-break-inside: avoid; }
  th { background: none; }
  @page { margin: 1.5cm; }
}
""".strip()


def to_html(view: SessionView, with_names: bool = False) -> str:
    # Raw HTML off: a contribution can never become markup, whatever the Markdown escaping did.
    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    body = renderer.render(to_markdown(view, with_names))
    with language(view.lang):  # in print, the record of the meeting starts after the one-page summary
        record = "<h2>" + html.escape(_("Record of the meeting"), quote=False) + "</h2>"
    body = body.replace(record, record.replace("<h2>", '<h2 class="record">'), 1)
    title = html.escape(visible(view.title or view.guide_id))
    lang = html.escape(view.lang)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        f"<title>{title}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
