"""Every path the app uses, in one place."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "workshop-companion"
STORE_ENV = "WORKSHOP_STORE"


def default_store() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "store"


def store_path(option: str | None = None) -> Path:
    """The store folder: `--store DIR`, else $WORKSHOP_STORE, else the platform's data folder."""
    chosen = option or os.environ.get(STORE_ENV) or ""
    return Path(chosen).expanduser().absolute() if chosen else default_store()


def own_guides_folder() -> Path:
    """Where a facilitator keeps their own guides."""
    from platformdirs import user_config_path

    override = os.environ.get("WORKSHOP_GUIDES")
    if override:
        return Path(override).expanduser().absolute()
    return user_config_path(APP_NAME, appauthor=False) / "guides"


def locale_folder() -> Path:
    return Path(__file__).parent / "locale"


def keymap_path() -> Path:
    """The user's own key bindings (binding id → key), applied when the app starts."""
    from platformdirs import user_config_path

    override = os.environ.get("WORKSHOP_KEYMAP")
    if override:
        return Path(override).expanduser().absolute()
    return user_config_path(APP_NAME, appauthor=False) / "keymap.toml"
