"""Opening the Textual app (the only place the command line reaches into screens/)."""

from __future__ import annotations

import argparse


def open_app(args: argparse.Namespace, session_id: str | None = None) -> int:
    from workshop.cli.common import shelf, store_from
    from workshop.i18n import current_language

    store = store_from(args)
    store.ensure()
    from screens.app import WorkshopApp

    app = WorkshopApp(store=store, shelf=shelf, lang=args.lang or current_language(), session_id=session_id)
    app.run()
    return int(app.return_code or 0)
