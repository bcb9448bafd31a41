"""`compare --format html`: one self-contained page for a board meeting.

The headline first, then a chart per scale item (the mean with the standard deviation as a band and how many
scored), the ambition's revisions as a word diff (a contested text beside the agreed one), the
pain-point trail and the late actions. Inline CSS and SVG, no script, no outside files; it
prints on A4. The page is a Jinja template (templates/compare.html) that escapes everything it is
given; this module gives it the words, in the current language."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from workshop.core.compare import Comparison
from workshop.core.compare.words import pain_status, trend_label
from workshop.core.config.locations import exports_folder
from workshop.core.store.atomic import write_atomically
from workshop.core.text.i18n import N_, _, current_language, day, language, ngettext, number, pgettext
from workshop.present.compare import dependence_rows, pilot_review_words
from workshop.present.compare_attendance import attendance_html
from workshop.present.compare_chart import chart
from workshop.present.compare_phases import phases_html
from workshop.present.compare_words import prepared_words, reference_words
from workshop.present.text import visible

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


TEMPLATES = Path(__file__).parent / "templates"


@cache
def _pages() -> Any:
    import jinja2  # here: only the board page needs it

    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def _short_date(iso: str) -> str:
    """"1 dec 2025": short enough to stand under a chart's point."""
    words = _date(iso).split()
    return " ".join([words[0], words[1][:3].casefold(), *words[2:]]) if len(words) == 3 else _date(iso)


def _date(iso: str) -> str:
    return day(iso) if iso else "–"


def comparison_html(comparison: Comparison) -> str:
    """The whole page, in the current language (templates/compare.html, autoescaped)."""
    from markupsafe import Markup

    refs = comparison.sessions
    names = ", ".join(dict.fromkeys(s.collaboration for s in refs))
    title = ngettext("{name}: {count} session compared", "{name}: {count} sessions compared",
                     len(refs)).format(name=names, count=len(refs))
    dates = [_short_date(s.date) for s in refs]
    words = {
        "unchanged": _("unchanged"), "last_agreed": _("last agreed"), "contested": _("contested: newer, not agreed"),
        "attention": _("attention needed"), "band": _(BAND),
        "perspectives": _("Collaboration scan per perspective"), "dependence": _("Mutual dependence"),
        "trends": _("Communication and interaction"), "interests": _("Interests per partner and level"),
        "lessons": _("Lessons from the pilot"), "pains": _("Pain points"), "late": _("Late actions"),
    }
    columns = {
        "perspectives": [_("perspective"), *dates, ""],
        "dependence": [_("partners"), *dates, ""],
        "interests": [_("partner"), _("level"), *(_date(ref.date) for ref in refs)],
        "pains": [_("pain point, in the words of each time"), _("times raised"), _("now")],
        "late": [_("who"), _("action"), _("due"), _("days late"), _("agreed on")],
    }
    return _pages().get_template("compare.html").render(
        lang=current_language(), title=title, style=Markup(STYLE), words=words, columns=columns,
        first=_date(refs[0].date), last=_date(refs[-1].date),
        headlines=[{"name": h.collaboration if len(comparison.headlines) > 1 else "", "sentences": h.sentences}
                   for h in comparison.headlines if h.sentences],
        attendance=Markup("\n".join(attendance_html(comparison, dates) + phases_html(comparison, dates))),
        notes=[note for note in (reference_words(comparison), prepared_words(comparison)) if note],
        perspectives=comparison.perspectives, number=number,
        dependence=dependence_rows(comparison) if comparison.dependence else [],
        trends=_trends(comparison, dates), statements=_statements(comparison),
        interests=[{"partner": visible(t.partner), "label": visible(t.label),
                    "said": [visible("; ".join(texts)) if texts else "" for texts in t.said]}
                   for t in comparison.interests],
        lessons=[(_date(ref.date), said) for ref, said in zip(comparison.sessions, comparison.lessons) if said],
        pains=_pains(comparison),
        late=[(group.owner, action) for group in comparison.late for action in group.actions], date=_date,
        trend_rule=comparison.trend_rule)


def _trends(comparison: Comparison, labels: list[str]) -> list[dict]:
    from markupsafe import Markup

    return [{"text": trend.text, "label": trend_label(trend) if trend.arrow else "",
             "arrow": {"worse": "arrow-down", "better": "arrow-up"}.get(trend.verdict(trend.arrow), "arrow"),
             "chart": Markup(chart(trend.points, labels, trend.text, _("scored:")))}  # an SVG that escapes its texts
            for trend in comparison.trends]


def _statements(comparison: Comparison) -> list[dict]:
    trails = []
    for trail in comparison.statements:
        versions = [{"date": _date(comparison.session(v.session).date),
                     "state": pgettext("text", "agreed") if v.agreed else _("draft"),
                     "previous": v.previous, "changed": v.changed, "changes": v.changes, "text": v.text,
                     "contested": v.contested, "contested_changes": v.contested_changes}
                    for v in trail.versions]
        said = pilot_review_words(comparison) if trail.step == "pilot" else ""
        trails.append({"title": trail.title, "versions": versions,
                       "pilot_words": _("The pilot's reviews:") + " " + said if said else ""})
    return trails


def _pains(comparison: Comparison) -> list[dict]:
    """The pain-point trail, the ones raised again first."""
    dates = {s.id: _date(s.date) for s in comparison.sessions}
    order = {"recurring": 0, "returned": 1, "new": 2, "alike": 2, "gone": 3, "solved": 4}
    alike = {s.point.uid: s.earlier for r in comparison.pains for s in r.suggestions}
    # A pair suggested in the latest round and not yet confirmed stands once: the earlier point's
    # words in the row of the newer one, neither "new" nor "no longer mentioned".
    waiting = {s.earlier.uid: s.point.uid for s in (comparison.pains[-1].suggestions if comparison.pains else ())}
    earlier_trail = {waiting[ref.uid]: trail for trail in comparison.pain_trails for ref in trail.wordings
                     if ref.uid in waiting and trail.status == "alike"}
    shown_in_row = {id(trail) for trail in earlier_trail.values()}
    rows = []
    for trail in sorted(comparison.pain_trails, key=lambda t: (order.get(t.status, 9), -t.times)):
        if id(trail) in shown_in_row:
            continue
        before = earlier_trail.get(trail.wordings[-1].uid)
        wordings = (before.wordings if before else ()) + trail.wordings
        earlier = alike.get(trail.wordings[-1].uid)
        like = "" if earlier is None else _("possibly the same as ‘{text}’ ({date}), still to be confirmed").format(
            text=earlier.text, date=dates.get(earlier.session, earlier.session))
        rows.append({"wordings": [(dates.get(r.session, r.session), r.text) for r in wordings],
                     "times": trail.times, "status": pain_status(trail.status), "like": like})
    return rows


def save_comparison_page(store_root: Path, comparison: Comparison) -> Path:
    """Write the page into the store's exports folder, durably; its path. The name says whose
    collaboration and up to which session: `compare-pact-voor-de-wijk-2026-11-01.html`."""
    names = "-".join(dict.fromkeys(s.collaboration for s in comparison.sessions))
    slug = re.sub(r"[^a-z0-9]+", "-", names.casefold()).strip("-")[:60] or "sessions"
    path = exports_folder(store_root) / f"compare-{slug}-{comparison.sessions[-1].date}.html"
    with language(comparison.lang):
        write_atomically(path, comparison_html(comparison).encode("utf-8"))
    return path
