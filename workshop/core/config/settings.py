"""The app's configuration, read and checked in one place: the command line, the environment
($WORKSHOP_*) and the user's keymap.toml become one frozen `Config`.

A bad value is refused in one line naming where it came from, when the command starts (not later,
in the middle of a meeting, when F8 would start the participants' server). The command line wins
over the environment, the environment over the defaults.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from workshop.core.config.errors import SettingError
from workshop.core.config.keymap import load_keymap
from workshop.core.config.locations import keymap_path, store_path
from workshop.core.text.i18n import _

SERVE_HOST, SERVE_PORT, LANG = "WORKSHOP_SERVE_HOST", "WORKSHOP_SERVE_PORT", "WORKSHOP_LANG"
STORE, GUIDES, KEYMAP = "WORKSHOP_STORE", "WORKSHOP_GUIDES", "WORKSHOP_KEYMAP"
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8765
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Config:
    """What the facilitator set. `None` for a folder or file means the platform's own place
    (see workshop/core/config/locations.py); `keys` is the keymap's binding id → keys, read only for the app."""

    store: Path | None = None
    guides: Path | None = None
    keymap: Path | None = None
    lang: str | None = None
    serve_host: str = DEFAULT_HOST
    serve_port: int = DEFAULT_PORT
    keys: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def keymap_file(self) -> Path:
        return self.keymap or keymap_path()


def load(args: Any = None, environ: Mapping[str, str] | None = None, *, read_keys: bool = False) -> Config:
    """The configuration from `args` (the parsed command line: --store, --lang, --host, --port when
    the command has them) and `environ`; `read_keys` also reads the keymap file. Raises
    `SettingError` (or the store's `StoreError` for an unusable store folder) with one line."""
    env = os.environ if environ is None else environ

    def given(option: str, variable: str) -> str:
        value = getattr(args, option, None)
        return str(value).strip() if value is not None else env.get(variable, "").strip()

    store = given("store", STORE)
    keymap = _path(env.get(KEYMAP, ""))
    config = Config(
        store=_store(store) if store else None,
        guides=_path(env.get(GUIDES, "")),
        keymap=keymap,
        lang=_language(given("lang", LANG), LANG),
        serve_host=_host(given("host", SERVE_HOST), "--host" if getattr(args, "host", None) else SERVE_HOST),
        serve_port=_port(given("port", SERVE_PORT),
                         "--port" if getattr(args, "port", None) is not None else SERVE_PORT),
    )
    if read_keys:
        config = replace(config, keys=MappingProxyType(load_keymap(config.keymap_file())))
    return config


def environment_language() -> str | None:
    """$WORKSHOP_LANG when it names a language, else None: the help must be built in it before
    the command line is read (a bad value is said in one line afterwards, by `load`)."""
    value = os.environ.get(LANG, "").strip()
    return value if value in LANGUAGES else None


def _shown(value: str) -> str:
    return value[:40].encode("ascii", "backslashreplace").decode()


def _path(value: str) -> Path | None:
    return Path(value.strip()).expanduser().absolute() if value.strip() else None


def _store(value: str) -> Path:
    return store_path(value)


def _host(value: str, name: str) -> str:
    """Where the participants' server listens: loopback unless told otherwise."""
    if not value:
        return DEFAULT_HOST
    if len(value) > 253 or any(ch.isspace() or not ch.isprintable() or ch in "/\\@" for ch in value):
        raise SettingError(_("{name} must be a host name or address such as 0.0.0.0, got '{value}'").format(
            name=name, value=_shown(value)))
    return value


def _port(value: str, name: str) -> int:
    """The participants' server's port, 8765 unless told otherwise (0: any free port)."""
    if not value:
        return DEFAULT_PORT
    if not (value.isascii() and value.isdigit() and int(value) <= 65535):
        raise SettingError(_("{name} must be a number from 0 to 65535, got '{value}'").format(
            name=name, value=_shown(value)))
    return int(value)


def _language(value: str, name: str) -> str | None:
    if not value:
        return None
    if value not in LANGUAGES:
        raise SettingError(_("{name} must be nl or en, got '{value}'").format(name=name, value=_shown(value)))
    return value
