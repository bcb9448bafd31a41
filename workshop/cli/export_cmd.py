"""`workshop export SESSION --format md|html|csv|json [-o FILE]`: minutes and data of a session."""

from __future__ import annotations

import argparse

from workshop.i18n import _

# The same as workshop.export.FORMATS (a test holds them equal); spelled out here so that
# building the parser does not import the exporters.
FORMATS = ("md", "html", "csv", "json")


def register(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export", help=_("minutes (Markdown, HTML) or data (CSV, JSON) of a session"),
        description=_("Export a session at any moment: minutes in the session's language as Markdown or "
                      "printable HTML, one row per contribution as CSV, or the whole session as JSON."))
    export.add_argument("session", metavar="SESSION", help=_("a session id or a unique prefix of it"))
    export.add_argument("--format", "-f", dest="fmt", choices=FORMATS, default="md",
                        help=_("md, html, csv or json (default: md)"))
    export.add_argument("-o", "--output", metavar="FILE",
                        help=_("write to FILE instead of the screen (replaced in one go)"))
    export.set_defaults(handler=export_session_cmd)


def export_session_cmd(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from workshop.cli.common import report_problems, store_from
    from workshop.cli.main import UserError
    from workshop.export import export_session, save_export
    from workshop.session import SessionView

    store = store_from(args)
    session_id = store.resolve(args.session)
    view = SessionView(store.read_session(session_id), source=session_id)
    report_problems(store)
    if not args.output or args.output == "-":
        sys.stdout.write(export_session(view, args.fmt))
        sys.stdout.flush()
        return 0
    try:
        save_export(view, args.fmt, Path(args.output))
    except OSError as error:
        raise UserError(_("cannot write {file}: {problem}").format(
            file=args.output, problem=error.strerror or error)) from None
    return 0
