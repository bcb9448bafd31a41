"""`workshop import FILE.json|DIR [--replace]`: sessions read back from a backup into the store."""

from __future__ import annotations

import argparse

from workshop.core.text.i18n import _, ngettext


def register(commands: argparse._SubParsersAction) -> None:
    importing = commands.add_parser(
        "import", help=_("read sessions back from JSON exports (a backup)"),
        description=_("Read sessions exported as JSON (`workshop export --format json` or `--all`) back into "
                      "the store: one file, or every .json file in a folder. Each is checked like any session "
                      "file; a damaged one is refused in one line. An existing session is never overwritten "
                      "unless --replace is given."))
    importing.add_argument("source", metavar="FILE|DIR", help=_("a JSON export, or a folder of them"))
    importing.add_argument("--replace", action="store_true", help=_("overwrite sessions already in the store"))
    importing.set_defaults(handler=import_cmd)


def import_cmd(args: argparse.Namespace) -> int:
    from pathlib import Path

    from workshop.cli.common import store_from
    from workshop.cli.main import USAGE_ERROR, UserError
    from workshop.cli.output import err, fail, literal
    from workshop.core.store import StoreError
    from workshop.core.store.backup import import_session, read_backup

    source = Path(args.source).expanduser()
    try:
        is_folder, exists = source.is_dir(), source.exists()
    except (OSError, ValueError) as error:
        raise UserError(_("cannot read {file}: {problem}").format(file=args.source[:200], problem=error)) from None
    if is_folder:
        files = sorted(path for path in source.iterdir() if path.suffix == ".json" and not path.name.startswith("."))
        if not files:
            raise UserError(_("no .json files in {folder}").format(folder=source))
    elif exists:
        files = [source]
    else:
        raise UserError(_("{file} does not exist").format(file=source))
    store = store_from(args)
    imported, refused = [], 0
    for path in files:
        try:
            imported.append(import_session(store, read_backup(path), replace=args.replace))
        except StoreError as error:
            fail(str(error))  # one line per refused file; the others are still imported
            refused += 1
    if imported:
        err.print(literal(ngettext("Imported {count} session into {store}.", "Imported {count} sessions into {store}.",
                                   len(imported)).format(count=len(imported), store=store.root)))
    return USAGE_ERROR if refused else 0
