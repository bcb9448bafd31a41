"""Settings a facilitator gives through the environment, read and checked in one place.

A bad value is refused in one line naming the variable, when the command starts (not later, in
the middle of a meeting, when F8 would start the participants' server).
"""

from __future__ import annotations

import os

from workshop.i18n import _

SERVE_HOST, SERVE_PORT, LANG = "WORKSHOP_SERVE_HOST", "WORKSHOP_SERVE_PORT", "WORKSHOP_LANG"
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8765


class SettingError(ValueError):
    """A setting with a value the app cannot use; the text is the one line a user reads."""


def serve_host() -> str:
    """Where the participants' server listens: loopback unless $WORKSHOP_SERVE_HOST says otherwise."""
    value = os.environ.get(SERVE_HOST, "").strip()
    if not value:
        return DEFAULT_HOST
    if len(value) > 253 or any(ch.isspace() or not ch.isprintable() or ch in "/\\@" for ch in value):
        raise SettingError(_("{name} must be a host name or address such as 0.0.0.0, got '{value}'").format(
            name=SERVE_HOST, value=value[:40].encode("ascii", "backslashreplace").decode()))
    return value


def serve_port() -> int:
    """The participants' server's port: $WORKSHOP_SERVE_PORT, else 8765 (0: any free port)."""
    value = os.environ.get(SERVE_PORT, "").strip()
    if not value:
        return DEFAULT_PORT
    if not (value.isascii() and value.isdigit() and int(value) <= 65535):
        raise SettingError(_("{name} must be a number from 0 to 65535, got '{value}'").format(
            name=SERVE_PORT, value=value[:40].encode("ascii", "backslashreplace").decode()))
    return int(value)


def language() -> str | None:
    """The language asked for by $WORKSHOP_LANG (nl or en), or None when it is not set."""
    value = os.environ.get(LANG, "").strip()
    if not value:
        return None
    if value not in ("nl", "en"):
        raise SettingError(_("{name} must be nl or en, got '{value}'").format(
            name=LANG, value=value[:40].encode("ascii", "backslashreplace").decode()))
    return value


def check_environment() -> None:
    """Every setting read once, so that a bad one stops the command in one line before anything starts."""
    serve_host()
    serve_port()
    language()
