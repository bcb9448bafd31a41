"""Opening the Textual app: the single door from the command line into screens/.

Only the commands that open the app import this module, so the others start without Textual.
"""

from __future__ import annotations

import argparse
import gc
import sys

from screens.app import WorkshopApp
from workshop.cli.common import config_of, shelf, store_from
from workshop.core.text.i18n import _, current_language


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
    app = WorkshopApp(store=store, shelf=lambda: shelf(args), lang=args.lang or current_language(),
                      session_id=session_id, config=config_of(args))
    collect_less()
    app.run()
    return int(app.return_code or 0)


def collect_less() -> None:
    """Python's cycle collector walks every object it tracks, and the imports made ~50,000
    (Textual, Rich, ours) that live as long as the app. While the first screen is built it
    walked them all at least once and the younger ones often: about a tenth of the start. So
    leave them out of its walks from now on, and let young objects pile up longer before a
    walk (building a screen makes many short-lived ones)."""
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
