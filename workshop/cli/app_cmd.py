"""Opening the Textual app: the single door from the command line into screens/.

Only the commands that open the app import this module, so the others start without Textual.
"""

from __future__ import annotations

import argparse
import sys

from screens.app import WorkshopApp
from workshop.cli.common import shelf, store_from
from workshop.i18n import _, current_language


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def open_app(args: argparse.Namespace, session_id: str | None = None) -> int:
    from workshop.cli.main import UserError

    if not has_terminal():
        # Under cron, a pipe or ssh without -t the app would wait for keys that never come.
        raise UserError(_("the app needs a terminal (stdin and stdout are not one); "
                          "for scripts, use a command such as `workshop list` (see `workshop --help`)"))
    store = store_from(args)
    store.ensure()
    app = WorkshopApp(store=store, shelf=shelf, lang=args.lang or current_language(), session_id=session_id)
    app.run()
    return int(app.return_code or 0)
