"""A comparison drawn with rich: the same renderables for `workshop compare` and the compare screen.

Every date and number goes through the language's formats, every typed text through `literal`.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from workshop.core.compare import DOWN, UP, Change, Comparison, SideBySide, Trend
from workshop.core.compare.facts import consent_stages, one_year, role_stages, still_open
from workshop.core.compare.words import PAIN_MARKS, trend_label
from workshop.core.outcomes.summary import consent_label, review_label
from workshop.core.text.i18n import SHORT_DAY_PATTERN, SHORT_DAY_YEAR_PATTERN, _, day, ngettext, number, pgettext
from workshop.present.compare_attendance import attendance_table
from workshop.present.compare_pains import due_words, late_renderable, pain_groups, pain_heading, pains_renderable
from workshop.present.compare_phases import phases_table
from workshop.present.compare_words import consent_count_words, prepared_words, reference_words
from workshop.present.room import group_words
from workshop.present.text import literal

__all__ = ["PAIN_MARKS", "column_label", "comparison_renderable", "pain_groups", "pain_heading", "side_by_side_table"]
ITEM_WIDTH = 30  # the item's words; session columns give way to it on a narrow screen
SESSION_WIDTH = 8  # "3.5" over "2–4" under "3 dec", padded


def column_label(comparison_dates: list[str], date: str, number_: int) -> str:
    """A session's column heading: its day, without the year when all share one year."""
    if len(date) == 10 and date[4] == "-":
        return day(date, SHORT_DAY_PATTERN if one_year(comparison_dates) else SHORT_DAY_YEAR_PATTERN)
    return f"#{number_}"


def session_labels(comparison: Comparison) -> list[str]:
    """Every compared session's column heading, in order."""
    dates = [s.date for s in comparison.sessions]
    return [column_label(dates, s.date, n) for n, s in enumerate(comparison.sessions, start=1)]


def sessions_table(comparison: Comparison) -> Table:
    table = Table(box=None, padding=(0, 2, 0, 0), show_header=True, header_style="bold")
    for column in ("#", _("date"), _("session"), _("guide"), _("phase")):
        table.add_column(column, no_wrap=column != _("session"))
    for index, ref in enumerate(comparison.sessions, start=1):
        table.add_row(str(index), literal(day(ref.date)), literal(ref.title), literal(ref.guide_title),
                      literal(ref.phase_label or "–"))
    return table


def _mean_cell(point, counted: bool = False) -> Text:
    """The mean over its range; with `counted`, how many scored (* when not the same as before)."""
    cell = Text(number(point.mean), style="bold")
    cell.append(f"\n{point.low}–{point.high}", style="dim")
    if counted:
        cell.append(f" ({point.count}{'*' if point.scorers_changed else ''})", style="dim")
    return cell


def latest_facts(comparison: Comparison, trend) -> Text:
    """How many scored and the standard deviation, of the latest session that scored the item (named when it
    is not the latest session)."""
    latest = trend.latest
    if latest is None:
        return Text("")
    facts = _("number {count}\nstandard deviation {deviation}").format(count=latest.count,
                                                                         deviation=number(latest.stdev))
    if latest.session != comparison.sessions[-1].id:
        facts = _("{date}: {facts}").format(date=day(comparison.session(latest.session).date), facts=facts)
    return Text(facts, style="dim")


def trends_table(comparison: Comparison, per_partner: bool = False, width: int | None = None) -> Table:
    """Every scale item, one row each (the threshold question first): per session the mean over
    its range, the sparkline and arrow, and the count and standard deviation of the latest.
    Within `width`, only the newest sessions that fit get a column; the sparkline covers all."""
    sessions = comparison.sessions
    fixed = ITEM_WIDTH + len(sessions) + 12 + 22  # item, sparkline and arrow with its word, "latest"
    shown = len(sessions) if width is None else max(1, min(len(sessions), (width - fixed) // SESSION_WIDTH))
    first = len(sessions) - shown
    dates = [s.date for s in sessions]
    table = Table(box=box.SIMPLE_HEAD, show_header=True, header_style="bold", show_lines=not per_partner,
                  padding=(0, 1), expand=False)
    if first:
        table.caption = _("the newest {shown} of {count} sessions; the trend covers all").format(
            shown=shown, count=len(sessions))
    table.add_column(_("item"), min_width=16, max_width=ITEM_WIDTH + 10, ratio=1)
    for index, ref in list(enumerate(sessions, start=1))[first:]:
        table.add_column(literal(column_label(dates, ref.date, index)), justify="right", no_wrap=True)
    table.add_column(_("trend"), no_wrap=True)
    table.add_column(_("latest"), no_wrap=True)
    for trend in comparison.trends:
        cells = [_mean_cell(p, counted=True) if p is not None else Text("–", style="dim")
                 for p in trend.points[first:]]
        shape = Text(trend.sparkline + " ")
        shape.append(trend_label(trend), style=_arrow_style(trend))
        facts = latest_facts(comparison, trend)
        label = literal(trend.text, style="bold" if trend.key_question else "")
        table.add_row(label, *cells, shape, facts)
        if per_partner:
            for who in trend.who:
                scores = [Text(group_words(p.by_partner[who])) if p is not None and who in p.by_partner
                          else Text("–", style="dim") for p in trend.points[first:]]
                table.add_row(literal("  " + who, style="italic"), *scores, Text(""), Text(""))
    return table


def _arrow_style(trend: Trend) -> str:
    """Green for better, red for worse; an item with no good end is neither (bold, no colour)."""
    verdict = trend.verdict(trend.arrow)
    return {"better": "bold green", "worse": "bold red"}.get(verdict, "bold" if trend.arrow in (UP, DOWN) else "dim")


def changes_text(changes: tuple[Change, ...], marks: bool = False) -> Text:
    """A word diff: removed words struck through, added words underlined; with `marks` (for output
    that loses styles) also as [-removed-] and {+added+}."""
    text = Text()
    for change in changes:
        style = {"added": "bold green underline", "removed": "red strike"}.get(change.kind, "")
        words = change.text
        if marks and change.kind != "same":
            core = words.rstrip()
            opening, closing = ("{+", "+}") if change.kind == "added" else ("[-", "-]")
            text.append(opening + " ", style="dim")
            text.append(literal(core, style=style))
            text.append(" " + closing + words[len(core):], style="dim")
        else:
            text.append(literal(words, style=style))
    return text


def statements_renderable(comparison: Comparison, marks: bool = False) -> RenderableType:
    parts: list[Any] = []
    for trail in comparison.statements:
        parts.append(literal(trail.title, style="bold underline"))
        for version in trail.versions:
            head = Text("  ")
            head.append(literal(day(comparison.session(version.session).date), style="bold"))
            head.append(" · " + (pgettext("text", "agreed") if version.agreed else _("draft")), style="dim")
            if version.revisions:
                count = len(version.revisions)
                head.append(" · " + ngettext("{count} revision", "{count} revisions", count).format(count=count),
                            style="dim")
            if version.previous is not None and not version.changed:
                head.append(" · " + _("unchanged"), style="dim italic")
            parts.append(head)
            if version.previous is None:
                parts.append(Text("  ").append(literal(version.text)))
            elif version.changed:
                parts.append(Text("  ").append(changes_text(version.changes, marks)))
            if version.contested is not None:
                parts.append(Text("  ⚠ " + _("contested: a newer text, not agreed:"), style="bold yellow"))
                parts.append(Text("  ").append(changes_text(version.contested_changes, marks)))
        if trail.step == "pilot" and (said := pilot_review_words(comparison)):
            parts.append(Text("  " + _("The pilot's reviews:") + " ", style="dim").append(literal(said)))
    if not parts:
        parts.append(Text(_("No carried statement (ambition, pilot) in these sessions."), style="dim"))
    return Group(*parts)


def pilot_review_words(comparison: Comparison) -> str:
    """The carried pilot's verdict per session, "running (12 October 2026) · adjusted (9 November 2026)"; "" when
    never carried."""
    return " · ".join(_("{status} ({date})").format(
        status=review_label(verdict) if verdict != "not_reviewed" else _("not reviewed"), date=day(ref.date))
        for ref, verdict in zip(comparison.sessions, comparison.pilot_reviews) if verdict)


def lessons_renderable(comparison: Comparison) -> RenderableType:
    """Per session, the lessons it collected from the pilot."""
    parts: list[Any] = []
    for ref, said in zip(comparison.sessions, comparison.lessons):
        if said:
            parts.append(literal(day(ref.date), style="bold"))
            parts += [Text("  • ").append(literal(lesson.text)).append(
                literal(f" ({lesson.partner})" if lesson.partner else "", style="dim")) for lesson in said]
    return Group(*parts)


def interests_table(comparison: Comparison) -> Table:
    """Per partner and level, what each session heard (the interests steps that have levels)."""
    dates = [s.date for s in comparison.sessions]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(_("partner"), overflow="fold")
    table.add_column(_("level"), overflow="fold")
    for n, ref in enumerate(comparison.sessions, start=1):
        table.add_column(column_label(dates, ref.date, n), overflow="fold")
    shown = ""
    for trail in comparison.interests:
        partner = literal(trail.partner if trail.partner != shown else "", style="bold")
        shown = trail.partner
        table.add_row(partner, literal(trail.label),
                      *(literal("; ".join(texts)) if texts else Text("–", style="dim") for texts in trail.said))
    return table


def headline_text(comparison: Comparison) -> Text:
    text = Text()
    for headline in comparison.headlines:
        if len(comparison.headlines) > 1:
            text.append(literal(headline.collaboration + ": ", style="bold"))
        text.append(literal(" ".join(headline.sentences), style="bold"))
        text.append("\n")
    for words in (reference_words(comparison), prepared_words(comparison)):
        if words:
            text.append(literal(words, style="dim"))
            text.append("\n")
    return text


def said_when(typed: str) -> str:
    """A role's 'when': a date (as the date field stores it) in words, a rhythm as typed."""
    import re

    return day(typed) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", typed or "") else typed


def progress_renderable(comparison: Comparison) -> RenderableType:
    """Roles and consent: each with the moments it changed."""
    dates = [s.date for s in comparison.sessions]

    def when(session_id: str) -> str:
        return column_label(dates, comparison.session(session_id).date, 0)

    parts: list[Any] = []
    title = None
    for trail in comparison.roles:
        if trail.step_title != title:
            title = trail.step_title
            parts.append(literal(title, style="bold"))
        line = Text("  ").append(literal(trail.role)).append(" — ")
        for index, (session_id, (who, rhythm)) in enumerate(role_stages(comparison, trail.holders)):
            if index:
                line.append(" → ", style="bold")
            line.append(literal(who or "–"))
            detail = ", ".join(x for x in (said_when(rhythm), when(session_id)) if x)
            line.append(literal(f" ({detail})", style="dim"))
        last = next((h for h in reversed(trail.holders) if h is not None), None)
        confirmed = [sid for sid, h in zip((s.id for s in comparison.sessions), trail.holders) if h and h.confirmed]
        if last is not None and last.confirmed and confirmed:
            line.append(literal(" · " + _("still valid, said the review of {date}").format(date=when(confirmed[-1])),
                                style="dim italic"))
        parts.append(line)
    if comparison.consents:
        parts.append(Text(_("Advice and consent"), style="bold"))
    for consent in comparison.consents:
        line = Text("  ").append(literal(f"{consent.partner} · {consent.label}")).append(": ")
        stages = consent_stages(comparison, consent.marks)
        for index, (session_id, (status, date, review)) in enumerate(stages):
            if index:
                line.append(" → ", style="bold")
            words = consent_label(status) + (" · " + _("review: {verdict}").format(verdict=review_label(review))
                                             if review else "")
            line.append(literal(words, style="bold" if index == len(stages) - 1 else ""))
            detail = ", ".join(x for x in (day(date), when(session_id)) if x)
            line.append(literal(f" ({detail})", style="dim"))
        parts.append(line)
    if consents := consent_count_words(comparison):
        parts.append(literal(consents, style="dim"))
    if not parts:
        parts.append(Text(_("No roles or consents were recorded in these sessions."), style="dim"))
    return Group(*parts)


def actions_table(comparison: Comparison) -> Table:
    table = Table(box=None, padding=(0, 2, 0, 0), show_header=True, header_style="bold")
    table.add_column(_("session"), no_wrap=True)
    for column in (_("agreed"), _("done"), _("still open"), _("dropped"), _("not reviewed")):
        table.add_column(column, justify="right")
    for actions in comparison.actions:
        counts = [len(actions.agreed)] + [actions.count(s) for s in ("done", "open", "dropped", "not_reviewed")]
        table.add_row(literal(day(comparison.session(actions.session).date)),
                      *(Text(str(n), style="dim" if not n else "") for n in counts))
    return table


def open_actions_text(comparison: Comparison) -> Text:
    """What is still open after the latest session: carried and not done, and what it agreed."""
    lines = still_open(comparison.actions[-1])
    text = Text(_("Open after the latest session:") if lines else _("Nothing open after the latest session."),
                style="bold")
    for line in lines:
        text.append("\n  • ")
        text.append(literal(line.text))
        details = " · ".join(x for x in (line.who, due_words(line.when)) if x)
        if details:
            text.append(literal(f" → {details}", style="dim"))
    return text


def comparison_renderable(comparison: Comparison, per_partner: bool = False, marks: bool = False,
                          width: int | None = None, ids: bool = True) -> RenderableType:
    """The whole comparison; `ids`: the commands that confirm or undo a pain-point match (the
    facilitator's terminal), left out of text written elsewhere (a paper)."""
    collaborations = ", ".join(dict.fromkeys(s.collaboration for s in comparison.sessions))
    title = literal(ngettext("{name}: {count} session compared", "{name}: {count} sessions compared",
                             len(comparison.sessions)).format(name=collaborations, count=len(comparison.sessions)),
                    style="bold")

    def heading(words: str) -> Text:
        return Text("\n" + words, style="bold reverse")

    parts: list[Any] = [title, headline_text(comparison), sessions_table(comparison)]
    parts += [heading(_("Who was at the table")), attendance_table(comparison, session_labels(comparison))]
    if comparison.phases:
        parts += [heading(_("Phase per partner")), phases_table(comparison, session_labels(comparison))]
    parts += [heading(_("Communication and interaction")),
              trends_table(comparison, per_partner, width) if comparison.trends
              else Text(_("No scale was scored in these sessions."), style="dim")]
    if comparison.trends:
        parts.append(literal(comparison.trend_rule, style="dim"))
    if comparison.perspectives:
        parts += [heading(_("Collaboration scan per perspective")), perspectives_table(comparison)]
    if comparison.dependence:
        parts += [heading(_("Mutual dependence")), dependence_table(comparison)]
    parts += [heading(_("Ambition and other carried statements")), statements_renderable(comparison, marks)]
    if comparison.interests:
        parts += [heading(_("Interests per partner and level")), interests_table(comparison)]
    if any(comparison.lessons):
        parts += [heading(_("Lessons from the pilot")), lessons_renderable(comparison)]
    parts += [heading(_("Pain points")), pains_renderable(comparison, ids)]
    parts += [heading(_("Roles and consent")), progress_renderable(comparison)]
    parts += [heading(_("Actions")), actions_table(comparison), open_actions_text(comparison)]
    parts += [heading(_("Late actions")), late_renderable(comparison)]
    return Group(*parts)


def perspectives_table(comparison: Comparison) -> Table:
    """The scan's mean per perspective per session; the lowest of the latest scan marked."""
    dates = [s.date for s in comparison.sessions]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(_("perspective"), overflow="fold")
    for n, ref in enumerate(comparison.sessions, start=1):
        table.add_column(column_label(dates, ref.date, n), justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for trail in comparison.perspectives:
        cells = [Text(number(p.mean)) if p is not None else Text("–", style="dim") for p in trail.points]
        mark = Text(_("attention needed"), style="bold red") if trail.attention else Text("")
        table.add_row(literal(trail.name, style="bold" if trail.attention else ""), *cells, mark)
    return table


def dependence_rows(comparison: Comparison) -> list[list[str]]:
    """Per pair: "A ⇄ B", per session "a on b / b on a", and the flag; for every renderer."""
    rows = []
    for pair in comparison.dependence:
        cells = [f"{x}/{y}" if x is not None and y is not None else "–" for x, y in zip(pair.a_on_b, pair.b_on_a)]
        flag = _("one-sided: {partner} depends more").format(partner=pair.more_dependent) if pair.one_sided else ""
        rows.append([f"{pair.a} ⇄ {pair.b}", *cells, flag])
    return rows


def dependence_table(comparison: Comparison) -> Table:
    dates = [s.date for s in comparison.sessions]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, caption=_(
        "a/b: how much the first partner depends on the second for the ambition, and the other way round"))
    table.add_column(_("partners"), overflow="fold")
    for n, ref in enumerate(comparison.sessions, start=1):
        table.add_column(column_label(dates, ref.date, n), justify="right", no_wrap=True)
    table.add_column("")
    for row in dependence_rows(comparison):
        table.add_row(literal(row[0]), *row[1:-1], literal(row[-1], style="bold red"))
    return table


def side_by_side_table(side: SideBySide) -> Table:
    title = _("Collaborations side by side") + (f" ({side.guide})" if side.guide else "")
    table = Table(title=literal(title), title_justify="left", show_lines=True, header_style="bold")
    table.add_column(_("item"), min_width=18, max_width=38)
    for ref in side.sessions:
        header = literal(ref.collaboration, style="bold")
        header.append(literal(f"\n{day(ref.date)}", style="dim"))
        table.add_column(header, justify="right")
    table.add_row(Text(_("phase"), style="italic"), *(literal(ref.phase_label or "–") for ref in side.sessions))
    for trend in side.trends:
        cells = [_mean_cell(p) if p is not None else Text("–", style="dim") for p in trend.points]
        table.add_row(literal(trend.text, style="bold" if trend.key_question else ""), *cells)
    return table
