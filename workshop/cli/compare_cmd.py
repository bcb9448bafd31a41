"""`workshop compare`: how a collaboration develops, session by session; or collaborations side by side.

The command only chooses what to print: the drawing is `workshop.present.compare` (shared with the
app's compare screen) and `workshop.present.compare_md`; `--json` gives the comparison as data.
"""

from __future__ import annotations

import argparse
import sys

from workshop.core.text.i18n import _

FORMATS = ("table", "md", "html", "json")


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
    compare.add_argument("--as-of", metavar="DATE",
                         help=_("count days late up to DATE (YYYY-MM-DD, or 'today'); by default up to the date "
                                "of the SESSION named, or of the latest meeting held"))
    compare.add_argument("--per-partner", action="store_true", help=_("show every partner's scores too"))
    compare.add_argument("--collaborations", action="store_true",
                         help=_("the latest session of every collaboration side by side"))
    compare.add_argument("--guide", metavar="ID", help=_("with --collaborations: only sessions run from this guide"))
    links = compare.add_mutually_exclusive_group()
    links.add_argument("--link", metavar="UID", nargs=2,
                       help=_("declare two pain points the same, or confirm a suggested match (ids as shown; "
                              "saved in the later session)"))
    links.add_argument("--unlink", metavar="UID", nargs=2, help=_("undo a link between two pain points"))
    links.add_argument("--not-same", metavar="UID", nargs=2,
                       help=_("reject a suggested match: the two pain points are not the same"))
    links.add_argument("--solved", metavar="UID",
                       help=_("the group says this pain point is solved (until it is raised again)"))
    links.add_argument("--unsolved", metavar="UID", help=_("take back a pain point's 'solved' mark"))
    compare.add_argument("--format", "-f", dest="fmt", choices=FORMATS, default="table",
                         help=_("table (default), md (Markdown), html (one page for a board meeting) or json"))
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


def _as_of(typed: str | None):
    """The day asked for with --as-of; None when not asked. A wrong date is the user's mistake."""
    from workshop.cli.main import UserError
    from workshop.core.machine import clock
    from workshop.core.text.i18n import current_language
    from workshop.core.typed.due import parse_due

    if typed is None:
        return None
    if typed.strip().casefold() in ("today", _("today").casefold()):
        return clock.today()
    try:
        return parse_due(typed, lang=current_language())
    except ValueError as problem:
        raise UserError(f"--as-of: {problem}") from None


def compare_cmd(args: argparse.Namespace) -> int:
    # Imported here, not at the top: every command's parser loads this module, and only
    # `compare` needs the analysis and rich (start-up time of `workshop list` and of the app).
    from workshop.cli.common import report_problems, store_from
    from workshop.cli.main import UserError
    from workshop.cli.output import err, literal, out, print_json
    from workshop.core.compare import (
        compare_collaborations,
        compare_sessions,
        link_pains,
        mark_solved,
        reject_match,
        select_sessions,
        unlink_pains,
    )
    from workshop.core.text.i18n import language
    from workshop.present.compare import comparison_renderable, side_by_side_table
    from workshop.present.compare_md import comparison_markdown, side_by_side_markdown

    fmt = "json" if args.json else args.fmt
    store = store_from(args)
    if args.collaborations:
        if args.sessions or args.collaboration or args.link or args.unlink or args.not_same or \
                args.solved or args.unsolved:
            raise UserError(_("--collaborations compares every collaboration; leave out SESSION, "
                              "--collaboration and --link"))
        if fmt == "html":
            raise UserError(_("--format html draws one collaboration over time; with --collaborations use "
                              "table, md or json"))
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
    for pair, annotate, done in ((args.link, link_pains, _("Linked; saved in session {id}.")),
                                 (args.unlink, unlink_pains, _("Link undone in session {id}.")),
                                 (args.not_same, reject_match, _("Marked not the same; saved in session {id}."))):
        if pair:
            saved_in = annotate(store, views, *pair)
            views = select_sessions(store, args.sessions, args.collaboration, args.last)
            err.print(literal(done.format(id=saved_in)))
    for uid, solved, done in ((args.solved, True, _("Marked solved; saved in session {id}.")),
                              (args.unsolved, False, _("No longer marked solved; saved in session {id}."))):
        if uid:
            saved_in = mark_solved(store, views, uid, solved)
            views = select_sessions(store, args.sessions, args.collaboration, args.last)
            err.print(literal(done.format(id=saved_in)))
    comparison = compare_sessions(views, lang=args.lang, today=_as_of(args.as_of),
                                  from_session=bool(args.sessions))
    report_problems(store)
    with language(comparison.lang):
        if fmt == "json":
            print_json(comparison.to_dict())
        elif fmt == "md":
            _write(comparison_markdown(comparison, args.per_partner))
        elif fmt == "html":
            from workshop.present.compare_html import comparison_html

            _write(comparison_html(comparison))
        else:
            # the match commands are the facilitator's: on their terminal, not in text sent on
            out.print(comparison_renderable(comparison, args.per_partner, marks=not out.is_terminal,
                                            width=out.width, ids=out.is_terminal))
    return 0


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
