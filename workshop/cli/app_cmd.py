"""Opening the Textual app: the single door from the command line into screens/.

Only the commands that open the app import this module, so the others start without Textual.
"""

from __future__ import annotations

import argparse

from screens.app import WorkshopApp
from workshop.cli.common import shelf, store_from
from workshop.i18n import current_language


def open_app(args: argparse.Namespace, session_id: str | None = None) -> int:
    store = store_from(args)
    store.ensure()
    app = WorkshopApp(store=store, shelf=shelf, lang=args.lang or current_language(), session_id=session_id)
    app.run()
    return int(app.return_code or 0)
