"""Each partner's phase, session by session, in a comparison: per partner the phase it named and
whether it called the collaboration ready for the next one, then in one sentence who was ready at
the latest meeting that asked it, and who was not. The same facts for the terminal (rich),
Markdown and the board page; the callers give the sessions' column labels.
"""

from __future__ import annotations

from html import escape

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from workshop.core.compare import Comparison
from workshop.core.compare.phases import READINESS
from workshop.core.text.i18n import _, day
from workshop.present.text import literal, md_cell, md_escape, md_table, visible

NOT_ASKED = "·"
NOT_A_PARTNER = "–"


def _lower(words: str) -> str:
    return words[:1].lower() + words[1:]


def rows(comparison: Comparison) -> list[tuple[str, list[str]]]:
    """Per partner a cell per session: "Delen · klaar", "Delen", "· klaar" or a mark."""
    found = []
    for trail in comparison.phases:
        cells = []
        for phase, words in zip(trail.phases, trail.ready_words):
            if phase is None:
                cells.append(NOT_A_PARTNER)
            elif phase or words:
                cells.append(" · ".join(part for part in (phase or NOT_ASKED, _lower(words or "")) if part))
            else:
                cells.append(NOT_ASKED)
        found.append((trail.partner, cells))
    return found


def readiness_words(comparison: Comparison) -> str:
    """Who called the collaboration ready for the next phase at the latest meeting that asked it,
    who almost and who not yet ("" when no meeting asked it)."""
    for n in reversed(range(len(comparison.sessions))):
        said = {trail.partner: (trail.ready[n], trail.ready_words[n]) for trail in comparison.phases
                if trail.ready[n] is not None}
        if not any(ready for ready, _words in said.values()):
            continue
        groups = []
        for option in READINESS:
            partners = [p for p, (ready, _words) in said.items() if ready == option]
            if partners:
                groups.append(f"{_lower(said[partners[0]][1] or option)}: {', '.join(partners)}")
        silent = [p for p, (ready, _words) in said.items() if not ready]
        if silent:
            groups.append(_("not said: {partners}").format(partners=", ".join(silent)))
        return _("Ready for the next phase? On {date}, {groups}.").format(
            date=day(comparison.sessions[n].date), groups="; ".join(groups))
    return ""


def note(comparison: Comparison) -> str:
    marks = {cell for _partner, cells in rows(comparison) for cell in cells}
    words = [_("Per partner: the phase it named · whether it called us ready for the next phase.")]
    if NOT_ASKED in marks or any(cell.startswith(NOT_ASKED) for cell in marks):
        words.append(_("·: not asked of it in that session."))
    if NOT_A_PARTNER in marks:
        words.append(_("–: not a partner then."))
    return " ".join(words)


def phases_table(comparison: Comparison, labels: list[str]) -> RenderableType:
    """For the terminal and the compare screen."""
    if not comparison.phases:
        return Text(_("No partner was asked its phase in these sessions."), style="dim")
    table = Table(box=box.SIMPLE_HEAD, show_header=True, header_style="bold", padding=(0, 1), expand=False)
    table.add_column(_("partner"), max_width=40, overflow="fold")
    for label in labels:
        table.add_column(literal(label), justify="center")
    for partner, cells in rows(comparison):
        table.add_row(literal(partner), *[literal(cell) for cell in cells])
    parts: list[RenderableType] = [table]
    if readiness := readiness_words(comparison):
        parts.append(literal(readiness, style="bold"))
    parts.append(literal(note(comparison), style="dim"))
    return Group(*parts)


def phases_markdown(comparison: Comparison, labels: list[str]) -> list[str]:
    """For `compare --format md`: the heading, the table, who is ready, the note (nothing when
    no partner was asked its phase)."""
    if not comparison.phases:
        return []
    out = ["", f"## {_('Phase per partner')}", ""]
    out += md_table([_("partner"), *(md_cell(label) for label in labels)],
                    [[md_cell(partner), *(md_cell(cell) for cell in cells)] for partner, cells in rows(comparison)])
    if readiness := readiness_words(comparison):
        out += ["", f"**{md_escape(readiness)}**"]
    return out + ["", f"*{md_escape(note(comparison))}*"]


def phases_html(comparison: Comparison, labels: list[str]) -> list[str]:
    """For the board page."""
    if not comparison.phases:
        return []
    head = "".join(f"<th>{escape(c)}</th>" for c in (_("partner"), *labels))
    body = ["<tr><td>" + escape(visible(partner)) + "</td>" + "".join(f"<td>{escape(visible(c))}</td>" for c in cells)
            + "</tr>" for partner, cells in rows(comparison)]
    out = [f"<h2>{escape(_('Phase per partner'))}</h2>",
           f"<table><thead><tr>{head}</tr></thead><tbody>" + "".join(body) + "</tbody></table>"]
    if readiness := readiness_words(comparison):
        out.append(f"<p><strong>{escape(visible(readiness))}</strong></p>")
    out.append(f'<p class="muted">{escape(note(comparison))}</p>')
    return out
