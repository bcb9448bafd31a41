"""A comparison as Markdown (`workshop compare --format md`): the same sections as on screen."""

from __future__ import annotations

from workshop.core.compare import Change, Comparison, SideBySide
from workshop.core.compare.facts import consent_stages, role_stages
from workshop.core.compare.words import trend_label
from workshop.core.outcomes.summary import consent_label, review_label
from workshop.core.text.i18n import _, day, ngettext, number, pgettext
from workshop.present.compare import (
    PAIN_MARKS,
    column_label,
    dependence_rows,
    pain_groups,
    pain_heading,
    pilot_review_words,
    said_when,
    session_labels,
)
from workshop.present.compare_attendance import attendance_markdown
from workshop.present.compare_pains import link_note, suggestion_notes
from workshop.present.compare_phases import phases_markdown
from workshop.present.compare_words import consent_count_words, prepared_words, reference_words
from workshop.present.room import group_words
from workshop.present.text import md_cell, md_escape, md_table


def _md_changes(changes: tuple[Change, ...]) -> str:
    parts: list[str] = []
    for change in changes:
        words = md_escape(change.text.strip())
        if not words:
            parts.append(" ")
            continue
        mark = {"added": "**", "removed": "~~"}.get(change.kind, "")
        lead = " " if change.text[:1].isspace() or (mark and parts and not parts[-1].endswith(" ")) else ""
        tail = " " if change.text[-1:].isspace() else ""
        parts.append(f"{lead}{mark}{words}{mark}{tail}")
    return "".join(parts).strip()


def comparison_markdown(comparison: Comparison, per_partner: bool = False) -> str:
    sessions = comparison.sessions
    dates = [s.date for s in sessions]

    def when(session_id: str) -> str:
        return md_escape(day(comparison.session(session_id).date))

    collaborations = ", ".join(dict.fromkeys(s.collaboration for s in sessions))
    title = ngettext("{name}: {count} session compared", "{name}: {count} sessions compared",
                     len(sessions)).format(name=collaborations, count=len(sessions))
    out = [f"# {md_escape(title)}", ""]
    for headline in comparison.headlines:
        if headline.sentences:
            who = f"**{md_escape(headline.collaboration)}:** " if len(comparison.headlines) > 1 else ""
            out += [f"> {who}" + md_escape(" ".join(headline.sentences)), ""]
    if reference := reference_words(comparison):
        out += [f"*{md_escape(reference)}*", ""]
    out += md_table(["#", _("date"), _("session"), _("guide"), _("phase")],
                    [[str(n), md_cell(day(s.date)), md_cell(s.title), md_cell(s.guide_title),
                      md_cell(s.phase_label or "–")] for n, s in enumerate(sessions, start=1)])
    out += attendance_markdown(comparison, session_labels(comparison))
    out += phases_markdown(comparison, session_labels(comparison))
    if prepared := prepared_words(comparison):
        out += ["", f"*{md_escape(prepared)}*"]
    out += ["", f"## {_('Communication and interaction')}", ""]
    if comparison.trends:
        rows = []
        for trend in comparison.trends:
            cells = [_("{mean} (range {low}–{high}, standard deviation {deviation}, number {count}{changed})").format(
                mean=number(p.mean), low=p.low, high=p.high, deviation=number(p.stdev), count=p.count,
                changed="*" if p.scorers_changed else "") if p else "–" for p in trend.points]
            label = md_cell(trend.text)
            rows.append([f"**{label}**" if trend.key_question else label, *cells,
                         f"{trend.sparkline} {trend_label(trend)}"])
            if per_partner:
                for who in trend.who:
                    rows.append([f"↳ {md_cell(who)}", *[group_words(p.by_partner[who]) if p and who in p.by_partner
                                                      else "–" for p in trend.points], ""])
        out += md_table([_("item"), *[md_cell(column_label(dates, s.date, n)) for n, s in enumerate(sessions, 1)],
                         _("trend")], rows)
        out += ["", md_escape(comparison.trend_rule)]
    else:
        out.append(_("No scale was scored in these sessions."))
    if comparison.perspectives:
        out += ["", f"## {_('Collaboration scan per perspective')}", ""]
        out += md_table([_("perspective"),
                         *[md_cell(column_label(dates, s.date, n)) for n, s in enumerate(sessions, 1)], ""],
                        [[md_cell(t.name), *[number(p.mean) if p else "–" for p in t.points],
                          f"**{md_cell(_('attention needed'))}**" if t.attention else ""]
                         for t in comparison.perspectives])
    if comparison.dependence:
        out += ["", f"## {_('Mutual dependence')}", ""]
        out += md_table([_("partners"), *[md_cell(column_label(dates, s.date, n)) for n, s in enumerate(sessions, 1)],
                         ""], [[md_cell(cell) for cell in row] for row in dependence_rows(comparison)])
        out += ["", md_escape(_("a/b: how much the first partner depends on the second for the ambition, "
                                "and the other way round"))]
    out += ["", f"## {_('Ambition and other carried statements')}"]
    if not comparison.statements:  # a heading with nothing under it reads as a lost page
        out += ["", f"*{_('Nothing recorded.')}*"]
    for trail in comparison.statements:
        out += ["", f"### {md_escape(trail.title)}", ""]
        for version in trail.versions:
            state = pgettext("text", "agreed") if version.agreed else _("draft")
            if version.previous is None:
                body = md_escape(version.text)
            elif version.changed:
                body = _md_changes(version.changes)
            else:
                body = f"*{_('unchanged')}*"
            out.append(f"- **{when(version.session)}** ({state}): {body}")
            if version.contested is not None:
                contested = _("contested: a newer text, not agreed:")
                out.append(f"  - ⚠ {contested} {_md_changes(version.contested_changes)}")
        if trail.step == "pilot" and (said := pilot_review_words(comparison)):
            out += ["", md_escape(_("The pilot's reviews:") + " " + said)]
    if comparison.interests:
        out += ["", f"## {_('Interests per partner and level')}", ""]
        dates = [ref.date for ref in sessions]
        out += md_table([_("partner"), _("level"),
                         *(column_label(dates, ref.date, n) for n, ref in enumerate(sessions, 1))],
                        [[md_cell(t.partner), md_cell(t.label), *(md_cell("; ".join(texts)) or "–" for texts in t.said)]
                         for t in comparison.interests])
    if any(comparison.lessons):
        out += ["", f"## {_('Lessons from the pilot')}", ""]
        for ref, lessons in zip(sessions, comparison.lessons):
            if lessons:
                out.append(f"- **{when(ref.id)}**")
                out += [f"    - {md_escape(lesson.text)}"
                        + (f" ({md_escape(lesson.partner)})" if lesson.partner else "") for lesson in lessons]
    out += ["", f"## {_('Pain points')}", ""]
    for pain_round in comparison.pains:
        out.append(f"- **{when(pain_round.session)}**")
        suggested = suggestion_notes(comparison, pain_round, ids=False)  # a paper: words, no commands
        for status, points in pain_groups(pain_round):
            for point in points:
                label = pain_heading(status, pain_round.previous is None)
                who = f" ({md_escape(point.partner)})" if point.partner else ""
                if status in ("recurring", "returned"):
                    label += " (" + ngettext("raised {times} time since {date}", "raised {times} times since {date}",
                                             point.times).format(times=point.times, date=when(point.since)) + ")"
                out.append(f"  - {PAIN_MARKS[status]} {label}: {md_escape(point.text)}{who}")
                for note in (link_note(comparison, point, ids=False) if status in ("recurring", "returned") else "",
                             suggested.get(point.uid, "")):
                    if note:
                        out.append(f"    - *{md_escape(note)}*")
    out += ["", f"## {_('Roles and consent')}", ""]
    for role in comparison.roles:
        steps = " → ".join(
            f"{md_escape(who or '–')} "
            f"({md_escape(', '.join(x for x in (said_when(rhythm), day(comparison.session(sid).date)) if x))})"
            for sid, (who, rhythm) in role_stages(comparison, role.holders))
        out.append(f"- {md_escape(role.role)} — {steps}")
    for consent in comparison.consents:
        steps = " → ".join(
            consent_label(status)
            + (" · " + _("review: {verdict}").format(verdict=review_label(review)) if review else "")
            + f" ({when(sid)})" for sid, (status, _date, review) in consent_stages(comparison, consent.marks))
        out.append(f"- {md_escape(consent.partner)} · {md_escape(consent.label)}: {steps}")
    if consents := consent_count_words(comparison):
        out += ["", md_escape(consents)]
    if not (comparison.roles or comparison.consents or consents):
        out.append(f"*{_('Nothing recorded.')}*")
    out += ["", f"## {_('Actions')}", ""]
    out += md_table([_("session"), _("agreed"), _("done"), _("still open"), _("dropped"), _("not reviewed")],
                    [[when(a.session), str(len(a.agreed)), *(str(a.count(s)) for s in ("done", "open", "dropped",
                                                                                        "not_reviewed"))]
                     for a in comparison.actions])
    if comparison.late:
        out += ["", f"## {_('Late actions')}", ""]
        out += md_table([_("who"), _("action"), _("due"), _("days late"), _("agreed on")],
                        [[md_cell(group.owner or "–"), md_cell(a.text), md_cell(day(a.due)), str(a.overdue_days),
                          md_cell(day(a.agreed_on))] for group in comparison.late for a in group.actions])
    return "\n".join(out) + "\n"


def side_by_side_markdown(side: SideBySide) -> str:
    title = _("Collaborations side by side") + (f" ({md_cell(side.guide)})" if side.guide else "")
    headers = [_("item"), *[f"{md_cell(s.collaboration)} ({md_cell(day(s.date))})" for s in side.sessions]]
    rows = [[f"*{_('phase')}*", *[md_cell(s.phase_label or "–") for s in side.sessions]]]
    for trend in side.trends:
        label = md_cell(trend.text)
        rows.append([f"**{label}**" if trend.key_question else label,
                     *[f"{number(p.mean)} ({p.low}–{p.high})" if p else "–" for p in trend.points]])
    return "\n".join([f"# {title}", "", *md_table(headers, rows)]) + "\n"
