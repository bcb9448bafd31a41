"""What several commands share: the store and the guides the user pointed at."""

from __future__ import annotations

import argparse

from workshop.guides import GuideShelf, load_shelf
from workshop.locations import own_guides_folder, store_path
from workshop.store import Store


def store_from(args: argparse.Namespace) -> Store:
    return Store(store_path(getattr(args, "store", None)))


def shelf() -> GuideShelf:
    return load_shelf(own_guides_folder())


def report_problems(store: Store) -> None:
    """Damaged files the store set aside or skipped: one warning line each, on stderr."""
    from workshop.cli.output import err, literal

    for problem in store.problems:
        err.print(literal(f"workshop: warning: {problem}", style="yellow"))
