"""What several commands share: the store and the guides the user pointed at."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from workshop.core.config.locations import own_guides_folder, store_path
from workshop.core.config.settings import Config, load
from workshop.core.store import Store

if TYPE_CHECKING:
    from workshop.core.guides import GuideShelf


def config_of(args: argparse.Namespace) -> Config:
    """The configuration `run` read for this command (workshop/core/config/settings.py)."""
    config = getattr(args, "config", None)
    return config if config is not None else load(args)


def store_from(args: argparse.Namespace) -> Store:
    """The store the user pointed at; a path that is a file is named as the mistake it is."""
    store = Store(store_path(config_of(args).store))
    store.check_folder()
    return store


def shelf(args: argparse.Namespace) -> GuideShelf:
    """The built-in guides and the user's own (their folder is in the configuration)."""
    from workshop.core.guides import load_shelf

    return load_shelf(own_guides_folder(config_of(args).guides))


def report_problems(store: Store) -> None:
    """Damaged files the store set aside or skipped: one warning line each, on stderr."""
    from workshop.cli.output import err, literal
    from workshop.core.text.i18n import _

    for problem in store.problems:
        err.print(literal("workshop: " + _("warning: {problem}").format(problem=problem), style="yellow"))
