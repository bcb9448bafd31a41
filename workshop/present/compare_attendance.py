"""Who was at the table, session by session, in a comparison: one line of how many partners were
there per session, then only the partners who were away at least once (or not yet, or no longer, a
partner), so 27 partners stay readable and two providers staying away cannot go unseen.

The same facts for the terminal (rich), Markdown and the board page; the callers give the
sessions' column labels, so every table of one comparison heads its sessions alike.
"""

from __future__ import annotations

from html import escape

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from workshop.core.compare import Comparison
from workshop.core.outcomes.attendance import word
from workshop.core.text.i18n import _, ngettext
from workshop.present.text import literal, md_cell, md_table, visible

NOT_RECORDED = "?"
NOT_A_PARTNER = "–"


def recorded(comparison: Comparison) -> list[bool]:
    """Per session: whether its attendance was recorded at all."""
    return [any(trail.marks[n] for trail in comparison.attendance) for n in range(len(comparison.sessions))]


def counts(comparison: Comparison) -> list[str]:
    """Per session: '25 of 27' partners at the table (one not marked counts as there), or '?'."""
    cells = []
    for n, known in enumerate(recorded(comparison)):
        partners = [trail.marks[n] for trail in comparison.attendance if trail.marks[n] is not None]
        there = sum(1 for mark in partners if mark in ("present", ""))
        cells.append(_("{present} of {total}").format(present=there, total=len(partners)) if known else NOT_RECORDED)
    return cells


def rows(comparison: Comparison) -> list[tuple[str, list[str]]]:
    """The partners away at least once (or a partner in only some sessions), with a word per session."""
    return [(trail.partner, [NOT_A_PARTNER if mark is None else word(mark) or NOT_RECORDED for mark in trail.marks])
            for trail in comparison.attendance if not trail.always_there]


def note(comparison: Comparison) -> str:
    """What the table leaves out, said in words."""
    if not any(recorded(comparison)):
        return _("Attendance was not recorded in these sessions.")
    others = sum(1 for trail in comparison.attendance if trail.always_there)
    words = [ngettext("The other partner was at every session.", "The other {count} partners were at every session.",
                      others).format(count=others) if others and rows(comparison) else
             _("Every partner was at every session.") if others else ""]
    if not all(recorded(comparison)) or any(NOT_RECORDED in cells for _p, cells in rows(comparison)):
        words.append(_("?: not recorded (counted as present); –: not a partner then."))
    elif any(NOT_A_PARTNER in cells for _p, cells in rows(comparison)):
        words.append(_("–: not a partner then."))
    return " ".join(w for w in words if w)


def attendance_table(comparison: Comparison, labels: list[str]) -> RenderableType:
    """For the terminal and the compare screen."""
    if not any(recorded(comparison)):
        return Text(note(comparison), style="dim")
    table = Table(box=box.SIMPLE_HEAD, show_header=True, header_style="bold", padding=(0, 1), expand=False)
    table.add_column(_("partner"), max_width=40, overflow="fold")
    for label in labels:
        table.add_column(literal(label), justify="center", no_wrap=True)
    table.add_row(Text(_("at the table"), style="bold"), *[Text(cell, style="bold") for cell in counts(comparison)])
    for partner, cells in rows(comparison):
        table.add_row(literal(partner), *[Text(cell, style="" if cell == word("present") else "yellow")
                                          for cell in cells])
    return Group(table, Text(note(comparison), style="dim"))


def attendance_markdown(comparison: Comparison, labels: list[str]) -> list[str]:
    """For `compare --format md`: the heading, the table and the note."""
    out = ["", f"## {_('Who was at the table')}", ""]
    if any(recorded(comparison)):
        out += md_table([_("partner"), *(md_cell(label) for label in labels)],
                        [[f"**{md_cell(_('at the table'))}**", *counts(comparison)]]
                        + [[md_cell(partner), *(md_cell(cell) for cell in cells)]
                           for partner, cells in rows(comparison)])
        out.append("")
    out.append(md_cell(note(comparison)))
    return out


def attendance_html(comparison: Comparison, labels: list[str]) -> list[str]:
    """For the board page."""
    out = [f"<h2>{escape(_('Who was at the table'))}</h2>"]
    if any(recorded(comparison)):
        head = "".join(f"<th>{escape(c)}</th>" for c in (_("partner"), *labels))
        body = ["<tr><th>" + escape(_("at the table")) + "</th>"
                + "".join(f"<th>{escape(c)}</th>" for c in counts(comparison)) + "</tr>"]
        body += ["<tr><td>" + escape(visible(partner)) + "</td>"
                 + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>"
                 for partner, cells in rows(comparison)]
        out.append(f"<table><thead><tr>{head}</tr></thead><tbody>" + "".join(body) + "</tbody></table>")
    out.append(f'<p class="muted">{escape(note(comparison))}</p>')
    return out
