"""Users' own keys: a TOML file mapping binding ids to keys, e.g.

    [keys]
    "session.next" = "ctrl+right"
    "session.previous" = "ctrl+left,ctrl+b"

Every command in the app has an id (F1 lists them; screens/commands.py declares them). The keys
given replace all default keys of that command, its F-key and the key beside it alike. The app
applies this map at start and names ids it does not know.
"""

from __future__ import annotations

import re
from pathlib import Path

from workshop.core.config.errors import SettingError
from workshop.core.text.i18n import _

BINDING_ID = re.compile(r"^[a-z_]+\.[a-z0-9_]+$")
KEYS = re.compile(r"^[a-z0-9_+,\-]{1,60}$")


class KeymapError(SettingError):
    """A keymap file that cannot be used; one line naming the file and the problem."""


def load_keymap(path: Path) -> dict[str, str]:
    """The binding id → keys map in `path`; an absent file is an empty map."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise KeymapError(_("{file}: cannot be read ({problem})").format(
            file=path, problem=getattr(error, "strerror", None) or error)) from None
    import tomllib  # here: most facilitators have no keymap, and opening a session should not wait

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise KeymapError(_("{file}: not valid TOML ({problem})").format(file=path, problem=error)) from None
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or set(data) - {"keys"}:
        raise KeymapError(_("{file}: expected only a [keys] table of {example} lines").format(
            file=path, example='"binding.id" = "key"'))
    for binding, value in keys.items():
        if not BINDING_ID.match(binding):
            raise KeymapError(_("{file}: keys.{binding} is not a binding id like {example} (F1 lists them)").format(
                file=path, binding=repr(binding[:40]), example='"session.next"'))
        if not isinstance(value, str) or not KEYS.match(value):
            raise KeymapError(_("{file}: keys.{binding} must be a key like {example} (several: {several})").format(
                file=path, binding=binding, example='"ctrl+right"', several='"f5,ctrl+r"'))
    return dict(keys)
