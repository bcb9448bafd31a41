"""Every path the app uses, in one place (the translations are inside the package:
workshop.core.text.i18n.locale_folder)."""

from __future__ import annotations

from pathlib import Path

from workshop.core.machine.platform import UnusablePath, check_user_path, make_private_folder
from workshop.core.store.store import StoreError
from workshop.core.text.i18n import _

APP_NAME = "workshop-companion"
# The longest name the store adds below its folder (`corrupt/<id>.json.<stamp>.<n>`, a temp file),
# kept free within Windows' 260 characters.
STORE_ROOM = 60


def default_store() -> Path:
    from platformdirs import user_data_path  # here: start-up, ~10 ms that a folder given never needs

    return user_data_path(APP_NAME, appauthor=False) / "store"


def store_path(chosen: str | Path | None = None) -> Path:
    """The store folder the user named (`--store DIR` or $WORKSHOP_STORE, read by
    workshop/core/config/settings.py), else the platform's data folder. A folder the user names is checked
    first: a name Windows reserves, a Windows path on macOS or Linux, or a path too long for
    Windows is refused with one line."""
    chosen = str(chosen or "")
    if not chosen:
        return default_store()
    try:
        check_user_path(chosen, room=STORE_ROOM)
    except UnusablePath as problem:
        raise StoreError(_("cannot use the store folder: {problem}").format(problem=problem)) from None
    return Path(chosen).expanduser().absolute()


def exports_folder(store_root: Path) -> Path:
    """Where the app writes a session's minutes: `exports/` in the store, created private (0700)."""
    folder = Path(store_root) / "exports"
    make_private_folder(folder)
    return folder


def own_guides_folder(override: Path | None = None) -> Path:
    """Where a facilitator keeps their own guides ($WORKSHOP_GUIDES overrides it: the config)."""
    from platformdirs import user_config_path  # here: start-up, as in default_store

    if override:
        return override
    return user_config_path(APP_NAME, appauthor=False) / "guides"


def keymap_path() -> Path:
    """The user's own key bindings (binding id → key), applied when the app starts
    ($WORKSHOP_KEYMAP overrides it: the config)."""
    from platformdirs import user_config_path  # here: start-up, as in default_store

    return user_config_path(APP_NAME, appauthor=False) / "keymap.toml"
