"""`workshop compare`: how a collaboration develops, session by session; or collaborations side by side.

The rich renderables here are shared with the app's compare screen, which passes its own
`literal` (what people typed is never read as markup). `--format md` gives Markdown text,
`--json` the comparison as data for scripts.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, Callable

from workshop.i18n import _, ngettext

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from workshop.compare import Comparison, SideBySide

FORMATS = ("table", "md", "json")
TextMaker = Callable[..., "Text"]  # turns typed text into a rich Text shown literally


def register(commands: argparse._SubParsersAction) -> None:
    compare = commands.add_parser(
        "compare", help=_("compare sessions of a collaboration over time, or collaborations side by side"),
        description=_(
            "Compare sessions: the ambition revision by revision, every scale item as a trend (the "
            "threshold question first), pain points that recur, were resolved or are new, roles and "
            "consent as they progressed, actions and the phase. One SESSION compares it with the earlier "
            "sessions of its collaboration; several SESSIONs compare exactly those (of any collaboration); "
            "--collaboration NAME compares all its sessions. --collaborations puts the latest session of "
            "every collaboration side by side (only those run from --guide ID, if given)."))
    compare.add_argument("sessions", metavar="SESSION", nargs="*", help=_("a session id or a unique prefix of it"))
    compare.add_argument("--collaboration", metavar="NAME", help=_("compare the sessions of this collaboration"))
    compare.add_argument("--last", metavar="N", type=_count, help=_("only the newest N sessions"))
    compare.add_argument("--per-partner", action="store_true", help=_("show every partner's scores too"))
    compare.add_argument("--collaborations", action="store_true",
                         help=_("the latest session of every collaboration side by side"))
    compare.add_argument("--guide", metavar="ID", help=_("with --collaborations: only sessions run from this guide"))
    compare.add_argument("--link", metavar="UID", nargs=2,
                         help=_("declare two pain points the same (ids from --json; saved in the later session)"))
    compare.add_argument("--format", "-f", dest="fmt", choices=FORMATS, default="table",
                         help=_("table (default), md (Markdown) or json"))
    compare.add_argument("--json", action="store_true", help=_("print JSON for scripts (same as --format json)"))
    compare.set_defaults(handler=compare_cmd)


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("expected a whole number, got '{value}'").format(value=value[:20])) from None
    if number < 1:
        raise argparse.ArgumentTypeError(_("expected 1 or more, got {value}").format(value=number))
    return number


def compare_cmd(args: argparse.Namespace) -> int:
    from workshop.cli.common import report_problems, store_from
    from workshop.cli.main import UserError
    from workshop.cli.output import out, print_json
    from workshop.compare import compare_collaborations, compare_sessions, link_pains, select_sessions
    from workshop.i18n import language

    fmt = "json" if args.json else args.fmt
    store = store_from(args)
    if args.collaborations:
        if args.sessions or args.collaboration or args.link:
            raise UserError(_("--collaborations compares every collaboration; leave out SESSION, "
                              "--collaboration and --link"))
        side = compare_collaborations(store, args.guide, lang=args.lang)
        report_problems(store)
        with language(side.lang):
            if fmt == "json":
                print_json(side.to_dict())
            elif fmt == "md":
                _write(side_by_side_markdown(side))
            else:
                out.print(side_by_side_table(side))
        return 0
    if args.guide:
        raise UserError(_("--guide goes with --collaborations"))
    views = select_sessions(store, args.sessions, args.collaboration, args.last)
    if args.link:
        saved_in = link_pains(store, views, *args.link)
        views = select_sessions(store, args.sessions, args.collaboration, args.last)
        from workshop.cli.output import err, literal

        err.print(literal(_("Linked; saved in session {id}.").format(id=saved_in)))
    comparison = compare_sessions(views, lang=args.lang)
    report_problems(store)
    with language(comparison.lang):
        if fmt == "json":
            print_json(comparison.to_dict())
        elif fmt == "md":
            _write(comparison_markdown(comparison, args.per_partner))
        else:
            out.print(comparison_renderable(comparison, args.per_partner, marks=not out.is_terminal,
                                            width=out.width))
    return 0


def _write(text: str) -> None:
    import sys

    sys.stdout.write(text)
    sys.stdout.flush()


# --- shared words --------------------------------------------------------------------------------


def _literal(value: Any, style: str = "") -> "Text":
    from workshop.cli.output import literal

    return literal(value, style=style)


def column_label(comparison_dates: list[str], date: str, number: int) -> str:
    """A session's column heading: its date without the year when all share one year."""
    years = {d[:4] for d in comparison_dates}
    if len(date) == 10 and date[4] == "-":
        return date[5:] if len(years) == 1 else date[2:]
    return f"#{number}"


def status_word(status: str) -> str:
    from workshop.compare import NOT_REVIEWED
    from workshop.summary import review_label

    return _("not reviewed") if status == NOT_REVIEWED else review_label(status)


PAIN_MARKS = {"recurring": "↻", "returned": "↺", "new": "+", "resolved": "✓"}


def pain_heading(status: str) -> str:
    return {"recurring": _("recurring"), "returned": _("came back"), "new": _("new"),
            "resolved": _("resolved")}[status]


def _stages(values: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """(session, value) pairs with the repeats left out: where something changed."""
    stages: list[tuple[str, Any]] = []
    for session_id, value in values:
        if value is not None and (not stages or stages[-1][1] != value):
            stages.append((session_id, value))
    return stages


# --- rich ------------------------------------------------------------------------------------------


def sessions_table(comparison: "Comparison", literal: TextMaker = _literal) -> "Table":
    from rich.table import Table

    table = Table(box=None, padding=(0, 2, 0, 0), show_header=True, header_style="bold")
    for column in ("#", _("date"), _("session"), _("guide"), _("phase")):
        table.add_column(column, no_wrap=column != _("session"))
    for number, ref in enumerate(comparison.sessions, start=1):
        table.add_row(str(number), literal(ref.date), literal(ref.title), literal(ref.guide_title),
                      literal(ref.phase_label or "–"))
    return table


ITEM_WIDTH = 30  # the item's words; session columns give way to it on a narrow screen
SESSION_WIDTH = 8  # "3.5" over "2–4" under "11-05", padded


def trends_table(comparison: "Comparison", per_partner: bool = False, literal: TextMaker = _literal,
                 width: int | None = None) -> "Table":
    """Every scale item, one row each (the threshold question first): per session the mean over
    its range, the sparkline and arrow, and the count and standard deviation of the latest.
    Within `width`, only the newest sessions that fit get a column; the sparkline covers all."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from workshop.summary import decimal

    sessions = comparison.sessions
    fixed = ITEM_WIDTH + len(sessions) + 4 + 18  # item, sparkline and arrow, "latest"
    shown = len(sessions) if width is None else max(1, min(len(sessions), (width - fixed) // SESSION_WIDTH))
    first = len(sessions) - shown
    dates = [s.date for s in sessions]
    table = Table(box=box.SIMPLE_HEAD, show_header=True, header_style="bold", show_lines=not per_partner,
                  padding=(0, 1), expand=False)
    if first:
        table.caption = _("the newest {shown} of {count} sessions; the trend covers all").format(
            shown=shown, count=len(sessions))
    table.add_column(_("item"), min_width=16, max_width=ITEM_WIDTH + 10, ratio=1)
    for number, ref in list(enumerate(sessions, start=1))[first:]:
        table.add_column(literal(column_label(dates, ref.date, number)), justify="right", no_wrap=True)
    table.add_column(_("trend"), no_wrap=True)
    table.add_column(_("latest"), no_wrap=True)
    for trend in comparison.trends:
        cells: list[Any] = []
        for point in trend.points[first:]:
            if point is None:
                cells.append(Text("–", style="dim"))
                continue
            cell = Text(decimal(point.mean), style="bold")
            cell.append(f"\n{point.low}–{point.high}", style="dim")
            cells.append(cell)
        latest = trend.latest
        shape = Text(trend.sparkline + " ")
        shape.append(trend.arrow, style=_arrow_style(trend.arrow))
        facts = Text(_("n {count} · sd {stdev}").format(count=latest.count, stdev=decimal(latest.stdev)),
                     style="dim") if latest else Text("")
        label = literal(trend.text, style="bold" if trend.key_question else "")
        table.add_row(label, *cells, shape, facts)
        if per_partner:
            for who in trend.who:
                scores = [Text(str(p.scores[who])) if p is not None and who in p.scores else Text("–", style="dim")
                          for p in trend.points[first:]]
                table.add_row(literal("  " + who, style="italic"), *scores, Text(""), Text(""))
    return table


def _arrow_style(arrow: str) -> str:
    from workshop.compare import DOWN, UP

    return "bold green" if arrow == UP else "bold red" if arrow == DOWN else "dim"


def changes_text(changes, literal: TextMaker = _literal, marks: bool = False) -> "Text":
    """A word diff: removed words struck through, added words underlined; with `marks` (for output
    that loses styles) also as [-removed-] and {+added+}."""
    from rich.text import Text

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


def statements_renderable(comparison: "Comparison", literal: TextMaker = _literal,
                          marks: bool = False) -> "RenderableType":
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = []
    for trail in comparison.statements:
        parts.append(literal(trail.title, style="bold underline"))
        for version in trail.versions:
            ref = comparison.session(version.session)
            head = Text("  ")
            head.append(literal(ref.date, style="bold"))
            state = _("agreed") if version.agreed else _("draft")
            head.append(f" · {state}", style="dim")
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
                parts.append(Text("  ").append(changes_text(version.changes, literal, marks)))
    if not parts:
        parts.append(Text(_("No carried statement (ambition, pilot) in these sessions."), style="dim"))
    return Group(*parts)


def pains_renderable(comparison: "Comparison", literal: TextMaker = _literal) -> "RenderableType":
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = []
    dates = [s.date for s in comparison.sessions]
    for pain_round in comparison.pains:
        ref = comparison.session(pain_round.session)
        parts.append(literal(ref.date, style="bold"))
        for status, points in (("recurring", pain_round.recurring), ("returned", pain_round.returned),
                               ("new", pain_round.new), ("resolved", pain_round.resolved)):
            if pain_round.previous is None and status == "new":
                status_label = _("raised")
            else:
                status_label = pain_heading(status)
            for point in points:
                line = Text(f"  {PAIN_MARKS[status]} ", style=_pain_style(status))
                line.append(status_label, style=_pain_style(status))
                if status in ("recurring", "returned"):
                    since = comparison.session(point.since).date
                    note = _("since {date}, {times}×").format(
                        date=column_label(dates, since, 0), times=point.times)
                    if point.linked:
                        note += ", " + _("linked")
                    line.append(f" ({note})", style="dim")
                line.append(": ")
                line.append(literal(point.text))
                if point.partner:
                    line.append(literal(f" — {point.partner}", style="dim"))
                parts.append(line)
    if not parts:
        parts.append(Text(_("No pain points were collected in these sessions."), style="dim"))
    return Group(*parts)


def _pain_style(status: str) -> str:
    return {"recurring": "bold yellow", "returned": "yellow", "new": "cyan", "resolved": "green"}[status]


def progress_renderable(comparison: "Comparison", literal: TextMaker = _literal) -> "RenderableType":
    """Roles and consent: each with the moments it changed."""
    from rich.console import Group
    from rich.text import Text

    from workshop.summary import consent_label

    dates = [s.date for s in comparison.sessions]
    ids = [s.id for s in comparison.sessions]

    def when(session_id: str) -> str:
        return column_label(dates, comparison.session(session_id).date, 0)

    parts: list[Any] = []
    title = None
    for trail in comparison.roles:
        if trail.step_title != title:
            title = trail.step_title
            parts.append(literal(title, style="bold"))
        line = Text("  ")
        line.append(literal(trail.role))
        line.append(" — ")
        stages = _stages([(sid, (h.who, h.when) if h else None) for sid, h in zip(ids, trail.holders)])
        for number, (session_id, (who, rhythm)) in enumerate(stages):
            if number:
                line.append(" → ", style="bold")
            line.append(literal(who or "–"))
            detail = ", ".join(x for x in (rhythm, when(session_id)) if x)
            line.append(literal(f" ({detail})", style="dim"))
        parts.append(line)
    if comparison.consents:
        parts.append(Text(_("Advice and consent"), style="bold"))
    for trail in comparison.consents:
        line = Text("  ")
        line.append(literal(f"{trail.partner} · {trail.label}"))
        line.append(": ")
        stages = _stages([(sid, (m.status, m.when) if m else None) for sid, m in zip(ids, trail.marks)])
        for number, (session_id, (status, date)) in enumerate(stages):
            if number:
                line.append(" → ", style="bold")
            line.append(literal(consent_label(status), style="bold" if number == len(stages) - 1 else ""))
            detail = ", ".join(x for x in (date, when(session_id)) if x)
            line.append(literal(f" ({detail})", style="dim"))
        parts.append(line)
    if not parts:
        parts.append(Text(_("No roles or consents were recorded in these sessions."), style="dim"))
    return Group(*parts)


def actions_table(comparison: "Comparison", literal: TextMaker = _literal) -> "Table":
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, padding=(0, 2, 0, 0), show_header=True, header_style="bold")
    table.add_column(_("session"), no_wrap=True)
    for column in (_("agreed"), _("done"), _("still open"), _("dropped"), _("not reviewed")):
        table.add_column(column, justify="right")
    for actions in comparison.actions:
        ref = comparison.session(actions.session)
        counts = [len(actions.agreed)] + [actions.count(s) for s in ("done", "open", "dropped", "not_reviewed")]
        table.add_row(literal(ref.date), *(Text(str(n), style="dim" if not n else "") for n in counts))
    return table


def open_actions_text(comparison: "Comparison", literal: TextMaker = _literal) -> "Text":
    """What is still open after the latest session: carried and not done, and what it agreed."""
    from rich.text import Text

    latest = comparison.actions[-1]
    lines = [line for line in latest.reviewed if line.status in ("open", "not_reviewed")] + list(latest.agreed)
    text = Text(_("Open after the latest session:") if lines else _("Nothing open after the latest session."),
                style="bold")
    for line in lines:
        text.append("\n  • ")
        text.append(literal(line.text))
        details = " · ".join(x for x in (line.who, line.when) if x)
        if details:
            text.append(literal(f" → {details}", style="dim"))
    return text


def comparison_renderable(comparison: "Comparison", per_partner: bool = False, literal: TextMaker = _literal,
                          marks: bool = False, width: int | None = None) -> "RenderableType":
    from rich.console import Group
    from rich.text import Text

    collaborations = list(dict.fromkeys(s.collaboration for s in comparison.sessions))
    title = Text(ngettext("Comparing {count} session of ", "Comparing {count} sessions of ",
                          len(comparison.sessions)).format(count=len(comparison.sessions)), style="bold")
    title.append(literal(", ".join(collaborations), style="bold"))

    def heading(words: str) -> Text:
        return Text("\n" + words, style="bold reverse")

    parts: list[Any] = [title, sessions_table(comparison, literal)]
    parts += [heading(_("Communication and interaction")),
              trends_table(comparison, per_partner, literal, width) if comparison.trends
              else Text(_("No scale was scored in these sessions."), style="dim")]
    parts += [heading(_("Ambition and other carried statements")), statements_renderable(comparison, literal, marks)]
    parts += [heading(_("Pain points")), pains_renderable(comparison, literal)]
    parts += [heading(_("Roles and consent")), progress_renderable(comparison, literal)]
    parts += [heading(_("Actions")), actions_table(comparison, literal), open_actions_text(comparison, literal)]
    return Group(*parts)


def side_by_side_table(side: "SideBySide", literal: TextMaker = _literal) -> "Table":
    from rich.table import Table
    from rich.text import Text

    from workshop.summary import decimal

    title = _("Collaborations side by side") + (f" ({side.guide})" if side.guide else "")
    table = Table(title=literal(title), title_justify="left", show_lines=True, header_style="bold")
    table.add_column(_("item"), min_width=18, max_width=38)
    for ref in side.sessions:
        header = literal(ref.collaboration, style="bold")
        header.append(literal(f"\n{ref.date}", style="dim"))
        table.add_column(header, justify="right")
    table.add_row(Text(_("phase"), style="italic"), *(literal(ref.phase_label or "–") for ref in side.sessions))
    for trend in side.trends:
        cells = []
        for point in trend.points:
            if point is None:
                cells.append(Text("–", style="dim"))
            else:
                cell = Text(decimal(point.mean), style="bold")
                cell.append(f"\n{point.low}–{point.high}", style="dim")
                cells.append(cell)
        table.add_row(literal(trend.text, style="bold" if trend.key_question else ""), *cells)
    return table


# --- Markdown ----------------------------------------------------------------------------------


def _md_changes(changes) -> str:
    from workshop.export import md_escape

    parts = []
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


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def comparison_markdown(comparison: "Comparison", per_partner: bool = False) -> str:
    from workshop.export import md_cell, md_escape
    from workshop.summary import consent_label, decimal

    sessions = comparison.sessions
    dates = [s.date for s in sessions]
    collaborations = ", ".join(dict.fromkeys(md_escape(s.collaboration) for s in sessions))
    out = [f"# {_('Comparing {count} sessions of ').format(count=len(sessions))}{collaborations}", ""]
    out += _md_table(["#", _("date"), _("session"), _("guide"), _("phase")],
                     [[str(n), md_cell(s.date), md_cell(s.title), md_cell(s.guide_title), md_cell(s.phase_label or "–")]
                      for n, s in enumerate(sessions, start=1)])
    out += ["", f"## {_('Communication and interaction')}", ""]
    if comparison.trends:
        rows = []
        for trend in comparison.trends:
            cells = [f"{decimal(p.mean)} ({p.low}–{p.high}, sd {decimal(p.stdev)}, n {p.count})" if p else "–"
                     for p in trend.points]
            label = md_cell(trend.text)
            rows.append([f"**{label}**" if trend.key_question else label, *cells, f"{trend.sparkline} {trend.arrow}"])
            if per_partner:
                for who in trend.who:
                    rows.append([f"↳ {md_cell(who)}", *[str(p.scores[who]) if p and who in p.scores else "–"
                                                        for p in trend.points], ""])
        out += _md_table([_("item"), *[md_cell(column_label(dates, s.date, n)) for n, s in enumerate(sessions, 1)],
                          _("trend")], rows)
    else:
        out.append(_("No scale was scored in these sessions."))
    out += ["", f"## {_('Ambition and other carried statements')}"]
    for trail in comparison.statements:
        out += ["", f"### {md_escape(trail.title)}", ""]
        for version in trail.versions:
            state = _("agreed") if version.agreed else _("draft")
            if version.previous is None:
                body = md_escape(version.text)
            elif version.changed:
                body = _md_changes(version.changes)
            else:
                body = f"*{_('unchanged')}*"
            out.append(f"- **{md_escape(comparison.session(version.session).date)}** ({state}): {body}")
    out += ["", f"## {_('Pain points')}", ""]
    for pain_round in comparison.pains:
        out.append(f"- **{md_escape(comparison.session(pain_round.session).date)}**")
        for status, points in (("recurring", pain_round.recurring), ("returned", pain_round.returned),
                               ("new", pain_round.new), ("resolved", pain_round.resolved)):
            for point in points:
                label = _("raised") if pain_round.previous is None and status == "new" else pain_heading(status)
                who = f" ({md_escape(point.partner)})" if point.partner else ""
                if status in ("recurring", "returned"):
                    label += " (" + _("since {date}, {times}×").format(
                        date=md_escape(comparison.session(point.since).date), times=point.times) + ")"
                out.append(f"  - {PAIN_MARKS[status]} {label}: {md_escape(point.text)}{who}")
    out += ["", f"## {_('Roles and consent')}", ""]
    ids = [s.id for s in sessions]
    for trail in comparison.roles:
        stages = _stages([(sid, (h.who, h.when) if h else None) for sid, h in zip(ids, trail.holders)])
        steps = " → ".join(f"{md_escape(who or '–')} ({md_escape(', '.join(x for x in (rhythm, comparison.session(sid).date) if x))})"
                           for sid, (who, rhythm) in stages)
        out.append(f"- {md_escape(trail.role)} — {steps}")
    for trail in comparison.consents:
        stages = _stages([(sid, (m.status, m.when) if m else None) for sid, m in zip(ids, trail.marks)])
        steps = " → ".join(f"{consent_label(status)} ({md_escape(comparison.session(sid).date)})"
                           for sid, (status, _date) in stages)
        out.append(f"- {md_escape(trail.partner)} · {md_escape(trail.label)}: {steps}")
    out += ["", f"## {_('Actions')}", ""]
    out += _md_table([_("session"), _("agreed"), _("done"), _("still open"), _("dropped"), _("not reviewed")],
                     [[md_cell(comparison.session(a.session).date), str(len(a.agreed)),
                       *(str(a.count(s)) for s in ("done", "open", "dropped", "not_reviewed"))]
                      for a in comparison.actions])
    return "\n".join(out) + "\n"


def side_by_side_markdown(side: "SideBySide") -> str:
    from workshop.export import md_cell
    from workshop.summary import decimal

    title = _("Collaborations side by side") + (f" ({md_cell(side.guide)})" if side.guide else "")
    out = [f"# {title}", ""]
    headers = [_("item"), *[f"{md_cell(s.collaboration)} ({md_cell(s.date)})" for s in side.sessions]]
    rows = [[f"*{_('phase')}*", *[md_cell(s.phase_label or "–") for s in side.sessions]]]
    for trend in side.trends:
        label = md_cell(trend.text)
        rows.append([f"**{label}**" if trend.key_question else label,
                     *[f"{decimal(p.mean)} ({p.low}–{p.high})" if p else "–" for p in trend.points]])
    return "\n".join(out + _md_table(headers, rows)) + "\n"
