"""`workshop export SESSION --format md|html|docx|csv|json [-o FILE]`: minutes and data of a session;
`workshop export --all [-o DIR]`: every session (or a collaboration's) as JSON, a backup."""

from __future__ import annotations

import argparse

from workshop.core.text.i18n import _, ngettext

# The same as workshop.present.export.FORMATS (a test holds them equal); spelled out here so that
# building the parser does not import the exporters.
FORMATS = ("md", "html", "docx", "csv", "json")


def register(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export", help=_("minutes (Markdown, HTML, Word) or data (CSV, JSON) of a session"),
        description=_("Export a session at any moment: minutes in the session's language as Markdown, "
                      "printable HTML or a Word document (docx, with -o FILE), one row per contribution as CSV, "
                      "or the whole session as JSON. "
                      "The facilitator's private notes are left out unless --include-notes is given; "
                      "contributions held back for moderation are only in the JSON. A scale's scores go out "
                      "as a distribution, mean and count: beside names only with --with-names or where the "
                      "guide asks for it, and in the minutes never for a blind scale. "
                      "--all writes every session as JSON into one folder: a backup that "
                      "`workshop import` reads back."))
    export.add_argument("session", metavar="SESSION", nargs="?", help=_("a session id or a unique prefix of it"))
    export.add_argument("--format", "-f", dest="fmt", choices=FORMATS,
                        help=_("md, html, docx, csv or json (default: md; json with --all)"))
    export.add_argument("-o", "--output", metavar="FILE",
                        help=_("write to FILE instead of the screen (replaced in one go; - is the screen); "
                               "with --all, the folder to write into (default: the current folder)"))
    export.add_argument("--all", action="store_true", help=_("every session of the store, one file each"))
    export.add_argument("--collaboration", metavar="NAME", help=_("with --all: only this collaboration's sessions"))
    export.add_argument("--include-notes", action="store_true",
                        help=_("include the facilitator's private notes (json only)"))
    export.add_argument("--with-names", action="store_true",
                        help=_("names beside each person's score: in the minutes (md, html) on a scale that is "
                               "not blind; in the CSV also a blind scale's scores, each with its giver's name "
                               "(without it the CSV gives a blind scale's mean and how many gave each score)"))
    export.add_argument("--sep", choices=(",", ";"),
                        help=_("the CSV separator (default: ; for a Dutch session, , for an English one)"))
    export.add_argument("--codes", action="store_true",
                        help=_("CSV: English column names and status codes, the same in every language (for "
                               "scripts); without it the header and the statuses are in the session's language"))
    export.set_defaults(handler=export_session_cmd)


def export_session_cmd(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from workshop.cli.common import report_problems, store_from
    from workshop.cli.main import UserError
    from workshop.core.session import SessionView
    from workshop.present.export import BINARY, export_bytes, export_session, save_export

    if args.all:
        return export_all(args)
    if args.collaboration:
        raise UserError(_("--collaboration goes with --all"))
    if not args.session:
        raise UserError(_("name a SESSION to export, or give --all (see `workshop export --help`)"))
    fmt = args.fmt or "md"
    store = store_from(args)
    session_id = store.resolve(args.session)
    view = SessionView(store.read_session(session_id), source=session_id)
    report_problems(store)
    if not args.output or args.output == "-":
        if fmt in BINARY:  # a file's bytes: into a pipe, never onto a terminal
            if sys.stdout.isatty():
                raise UserError(_("a Word document is a file, not text: write it with -o FILE.docx"))
            sys.stdout.buffer.write(export_bytes(view, fmt, with_names=args.with_names))
            sys.stdout.flush()
            return 0
        sys.stdout.write(export_session(view, fmt, args.include_notes, args.sep, args.with_names, args.codes))
        sys.stdout.flush()
        return 0
    usable(args.output, room=14)  # the temporary file's name is longer than the target's
    try:
        save_export(view, fmt, Path(args.output), args.include_notes, args.sep, args.with_names, args.codes)
    except OSError as error:
        raise UserError(_("cannot write {file}: {problem}").format(
            file=args.output, problem=error.strerror or error)) from None
    return 0


def export_all(args: argparse.Namespace) -> int:
    from pathlib import Path

    from workshop.cli.common import report_problems, store_from
    from workshop.cli.main import UserError
    from workshop.cli.output import err, literal
    from workshop.core.machine.platform import make_private_folder
    from workshop.core.session import SessionView
    from workshop.core.store import StoreError
    from workshop.present.export import save_export

    if args.session:
        raise UserError(_("--all exports every session; leave out SESSION"))
    if args.output == "-":
        raise UserError(_("--all writes one file per session; give a folder with -o"))
    fmt = args.fmt or "json"
    store = store_from(args)
    infos = store.catalogue()
    if args.collaboration:
        infos = [info for info in infos if info.collaboration.casefold() == args.collaboration.casefold()]
        if not infos:
            raise UserError(_("no sessions of '{name}' in {store}").format(
                name=args.collaboration[:60], store=store.root))
    usable(args.output or ".", room=40)  # a session's file name inside the folder
    folder = Path(args.output or ".").expanduser()
    try:
        make_private_folder(folder)
    except OSError as error:
        raise UserError(_("cannot write into {folder}: {problem}").format(
            folder=folder, problem=error.strerror or error)) from None
    written, failed = 0, 0
    for info in infos:
        try:
            view = SessionView(store.read_session(info.id), source=info.id)
        except StoreError:
            continue  # the store noted why; reported below
        target = folder / f"{view.id}.{fmt}"  # the id is safe as a file name by construction
        try:
            save_export(view, fmt, target, args.include_notes, args.sep, args.with_names, args.codes)
        except OSError as error:  # one planted link or FIFO in the folder: that file alone is not written
            err.print(literal(_("cannot write {file}: {problem}").format(file=target, problem=error.strerror or error)))
            failed += 1
            continue
        written += 1
    report_problems(store)
    err.print(literal(ngettext("Exported {count} session to {folder}.", "Exported {count} sessions to {folder}.",
                               written).format(count=written, folder=folder)))
    return 2 if failed else 0


def usable(path: str, room: int) -> None:
    """A target this platform (or a Windows laptop it may be copied to) can hold, else one line."""
    from workshop.cli.main import UserError
    from workshop.core.machine.platform import UnusablePath, check_user_path

    try:
        check_user_path(path, room=room)
    except UnusablePath as problem:
        raise UserError(str(problem)) from None
