"""`compare --format html`: one self-contained page for a board meeting.

The headline first, then a chart per scale item (the mean with the standard deviation as a band and how many
scored), the ambition's revisions as a word diff (a contested text beside the agreed one), the
pain-point trail and the late actions. Inline CSS and SVG, no script, no outside files; it
prints on A4. Everything typed is escaped."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Iterable

from workshop.compare import Change, Comparison
from workshop.compare.words import pain_status, trend_label
from workshop.i18n import N_, _, current_language, day, language, ngettext, number, pgettext
from workshop.locations import exports_folder

from workshop.present.compare import dependence_rows, pilot_review_words
from workshop.present.compare_attendance import attendance_html
from workshop.present.compare_chart import chart
from workshop.present.compare_words import prepared_words, reference_words
from workshop.present.text import visible
from workshop.store.atomic import write_atomically

BAND = N_("Each chart: the mean per meeting as a line; the band around it is one standard deviation on "
          "either side (how far apart the scores lie); under each point, how many scored.")
STYLE = """
@page { size: A4; margin: 16mm 14mm; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f;
       max-width: 182mm; margin: 0 auto; padding: 1em; }
h1 { font-size: 18pt; margin: 0 0 .2em; } h2 { font-size: 13pt; margin: 1.6em 0 .4em;
  border-bottom: 1px solid #ccc; break-after: avoid; } h3 { font-size: 11pt; margin: 1em 0 .2em; }
.headline { font-size: 12.5pt; background: #f4f4f6; padding: .6em .9em; border-left: 4px solid #555; }
.headline p { margin: .2em 0; } .muted { color: #666; font-size: 9.5pt; }
.trend { break-inside: avoid; margin-bottom: .6em; } .arrow-down { color: #b00020; } .arrow-up { color: #17742f; }
svg.chart { width: 100%; height: auto; max-width: 520px; display: block; }
svg .grid { stroke: #e2e2e2; stroke-width: 1; } svg .axis, svg .count { font-size: 10px; fill: #555; }
svg .band { fill: #9ab8e0; fill-opacity: .35; stroke: none; } svg .deviation { stroke: #9ab8e0; stroke-width: 6; }
svg .mean { fill: none; stroke: #1f4e8c; stroke-width: 2; } svg .dot { fill: #1f4e8c; }
ins { background: #dff3e3; text-decoration: underline; } del { background: #fbe1e1; color: #7a1f1f; }
.versions { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }
.contested { border: 1px dashed #b06000; padding: .4em .6em; } .agreed { padding: .4em .6em; background: #f7f7f7; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; } th, td { text-align: left; padding: .25em .5em;
  border-bottom: 1px solid #e4e4e4; vertical-align: top; } th { font-weight: 600; }
tr { break-inside: avoid; } .late { color: #b00020; font-weight: 600; }
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _diff(changes: Iterable[Change]) -> str:
    out = []
    for change in changes:
        tag = {"added": "ins", "removed": "del"}.get(change.kind)
        out.append(f"<{tag}>{_e(change.text)}</{tag}>" if tag else _e(change.text))
    return "".join(out)


def _short_date(iso: str) -> str:
    """"1 dec 2025": short enough to stand under a chart's point."""
    words = _date(iso).split()
    return " ".join([words[0], words[1][:3].casefold(), *words[2:]]) if len(words) == 3 else _date(iso)


def _heading(text: str) -> str:
    return f"<h2>{_e(text)}</h2>"


def _table_head(*columns: str) -> str:
    return "<table><thead><tr>" + "".join(f"<th>{_e(c)}</th>" for c in columns) + "</tr></thead><tbody>"


def _date(iso: str) -> str:
    return day(iso) if iso else "–"


def comparison_html(comparison: Comparison) -> str:
    """The whole page, in the current language."""
    refs = comparison.sessions
    names = ", ".join(dict.fromkeys(s.collaboration for s in refs))
    title = ngettext("{name}: {count} session compared", "{name}: {count} sessions compared",
                     len(refs)).format(name=names, count=len(refs))
    body = [f"<h1>{_e(title)}</h1>",
            f'<p class="muted">{_e(_date(refs[0].date))} – {_e(_date(refs[-1].date))}</p>']
    body += _headline(comparison) + attendance_html(comparison, [_short_date(s.date) for s in refs])
    body += [f'<p class="muted">{_e(words)}</p>' for words in (reference_words(comparison), prepared_words(comparison))
             if words]
    body += _perspectives(comparison) + _dependence(comparison) + _trends(comparison)
    body += _statements(comparison)
    body += _interests(comparison) + _lessons(comparison) + _pains(comparison) + _late(comparison)
    body.append(f'<p class="muted">{_e(comparison.trend_rule)}</p>')
    return ("<!DOCTYPE html>\n"
            f'<html lang="{_e(current_language())}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _headline(comparison: Comparison) -> list[str]:
    out = []
    for headline in comparison.headlines:
        if not headline.sentences:
            continue
        name = f"<h3>{_e(headline.collaboration)}</h3>" if len(comparison.headlines) > 1 else ""
        out.append('<section class="headline">' + name
                   + "".join(f"<p>{_e(s)}</p>" for s in headline.sentences) + "</section>")
    return out


def _trends(comparison: Comparison) -> list[str]:
    if not comparison.trends:
        return []
    labels = [_short_date(s.date) for s in comparison.sessions]
    out = [_heading(_("Communication and interaction")),
           f'<p class="muted">{_e(_(BAND))}</p>']
    for trend in comparison.trends:
        arrow = {"worse": "arrow-down", "better": "arrow-up"}.get(trend.verdict(trend.arrow), "arrow")
        head = _e(trend.text) + (f' <span class="{arrow}">{_e(trend_label(trend))}</span>' if trend.arrow else "")
        out.append(f'<div class="trend"><h3>{head}</h3>'
                   + chart(trend.points, labels, trend.text, _("scored:")) + "</div>")
    return out


def _perspectives(comparison: Comparison) -> list[str]:
    """The scan's mean per perspective per session; the lowest of the latest scan marked."""
    if not comparison.perspectives:
        return []
    out = [_heading(_("Collaboration scan per perspective")),
           _table_head(_("perspective"), *[_short_date(s.date) for s in comparison.sessions], "")]
    for trail in comparison.perspectives:
        cells = "".join(f"<td>{_e(number(p.mean)) if p else '–'}</td>" for p in trail.points)
        mark = f'<strong class="arrow-down">{_e(_("attention needed"))}</strong>' if trail.attention else ""
        out.append(f"<tr><td>{_e(trail.name)}</td>{cells}<td>{mark}</td></tr>")
    return out + ["</tbody></table>"]


def _dependence(comparison: Comparison) -> list[str]:
    if not comparison.dependence:
        return []
    out = [_heading(_("Mutual dependence")),
           _table_head(_("partners"), *[_short_date(s.date) for s in comparison.sessions], "")]
    for row in dependence_rows(comparison):
        out.append("<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>")
    return out + ["</tbody></table>"]


def _statements(comparison: Comparison) -> list[str]:
    out = []
    for trail in comparison.statements:
        out.append(f"<h2>{_e(trail.title)}</h2>")
        for version in trail.versions:
            ref = comparison.session(version.session)
            state = pgettext("text", "agreed") if version.agreed else _("draft")
            out.append(f"<h3>{_e(_date(ref.date))} · {_e(state)}</h3>")
            text = _diff(version.changes) if version.previous and version.changed else _e(version.text)
            if version.previous and not version.changed:
                text += ' <span class="muted">(' + _e(_("unchanged")) + ")</span>"
            if version.contested is None:
                out.append(f'<div class="agreed">{text}</div>')
                continue
            agreed, contested = _e(_("last agreed")), _e(_("contested: newer, not agreed"))
            out.append('<div class="versions">'
                       f'<div class="agreed"><strong>{agreed}</strong><br>{text}</div>'
                       f'<div class="contested"><strong>{contested}</strong><br>'
                       f"{_diff(version.contested_changes)}</div></div>")
        if trail.step == "pilot" and (said := pilot_review_words(comparison)):
            words = _("The pilot's reviews:") + " " + said
            out.append(f'<p class="muted">{_e(words)}</p>')
    return out


def _interests(comparison: Comparison) -> list[str]:
    if not comparison.interests:
        return []
    out = [_heading(_("Interests per partner and level")),
           _table_head(_("partner"), _("level"), *(_date(ref.date) for ref in comparison.sessions))]
    for trail in comparison.interests:
        cells = "".join(f"<td>{_e(visible('; '.join(texts))) if texts else '–'}</td>" for texts in trail.said)
        out.append(f"<tr><td>{_e(visible(trail.partner))}</td><td>{_e(visible(trail.label))}</td>{cells}</tr>")
    return out + ["</tbody></table>"]


def _lessons(comparison: Comparison) -> list[str]:
    if not any(comparison.lessons):
        return []
    out = [_heading(_("Lessons from the pilot"))]
    for ref, said in zip(comparison.sessions, comparison.lessons):
        if said:
            items = "".join(f"<li>{_e(lesson.text)}" + (f' <span class="muted">({_e(lesson.partner)})</span>'
                                                        if lesson.partner else "") + "</li>" for lesson in said)
            out.append(f"<h3>{_e(_date(ref.date))}</h3><ul>{items}</ul>")
    return out


def _pains(comparison: Comparison) -> list[str]:
    if not comparison.pain_trails:
        return []
    dates = {s.id: _date(s.date) for s in comparison.sessions}
    out = [_heading(_("Pain points")),
           _table_head(_("pain point, in the words of each time"), _("times raised"), _("now"))]
    order = {"recurring": 0, "returned": 1, "new": 2, "alike": 2, "gone": 3, "solved": 4}
    alike = {s.point.uid: s.earlier for r in comparison.pains for s in r.suggestions}
    # A pair suggested in the latest round and not yet confirmed stands once: the earlier point's
    # words in the row of the newer one, neither "new" nor "no longer mentioned".
    waiting = {s.earlier.uid: s.point.uid for s in (comparison.pains[-1].suggestions if comparison.pains else ())}
    earlier_trail = {waiting[ref.uid]: trail for trail in comparison.pain_trails for ref in trail.wordings
                     if ref.uid in waiting and trail.status == "alike"}
    shown_in_row = {id(trail) for trail in earlier_trail.values()}
    for trail in sorted(comparison.pain_trails, key=lambda t: (order.get(t.status, 9), -t.times)):
        if id(trail) in shown_in_row:
            continue
        before = earlier_trail.get(trail.wordings[-1].uid)
        wordings = (before.wordings if before else ()) + trail.wordings
        words = "<br>".join(f"{_e(dates.get(r.session, r.session))}: {_e(r.text)}" for r in wordings)
        status = _e(pain_status(trail.status))
        earlier = alike.get(trail.wordings[-1].uid)
        if earlier is not None:
            like = _("possibly the same as ‘{text}’ ({date}), still to be confirmed").format(
                text=earlier.text, date=dates.get(earlier.session, earlier.session))
            status += f'<br><span class="muted">{_e(like)}</span>'
        out.append(f"<tr><td>{words}</td><td>{trail.times}</td><td>{status}</td></tr>")
    out.append("</tbody></table>")
    return out


def _late(comparison: Comparison) -> list[str]:
    if not comparison.late:
        return []
    out = [_heading(_("Late actions")),
           _table_head(_("who"), _("action"), _("due"), _("days late"), _("agreed on"))]
    for group in comparison.late:
        for action in group.actions:
            out.append(f"<tr><td>{_e(group.owner or '–')}</td><td>{_e(action.text)}</td>"
                       f"<td>{_e(_date(action.due))}</td><td class=\"late\">{action.overdue_days}</td>"
                       f"<td>{_e(_date(action.agreed_on))}</td></tr>")
    out.append("</tbody></table>")
    return out


def save_comparison_page(store_root: Path, comparison: Comparison) -> Path:
    """Write the page into the store's exports folder, durably; its path. The name says whose
    collaboration and up to which session: `compare-pact-voor-de-wijk-2026-11-01.html`."""
    names = "-".join(dict.fromkeys(s.collaboration for s in comparison.sessions))
    slug = re.sub(r"[^a-z0-9]+", "-", names.casefold()).strip("-")[:60] or "sessions"
    path = exports_folder(store_root) / f"compare-{slug}-{comparison.sessions[-1].date}.html"
    with language(comparison.lang):
        write_atomically(path, comparison_html(comparison).encode("utf-8"))
    return path
