"""Translation: one way for every string a user sees.

Source strings are English; `workshop/locale/nl/LC_MESSAGES/workshop.mo` holds the Dutch.
Mark strings with `_()`; `make translations` extracts and compiles them with Babel.
The language follows the session (`use_language`), defaulting to `--lang` or Dutch.
"""

from __future__ import annotations

import gettext
from contextlib import contextmanager
from functools import cache
from typing import Iterator

from workshop.locations import locale_folder
from workshop.model import LANGUAGES

DEFAULT_LANGUAGE = "nl"
_current = DEFAULT_LANGUAGE


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    return gettext.translation("workshop", locale_folder(), languages=[lang], fallback=True)


def use_language(lang: str) -> None:
    """Switch every later `_()` to `lang` (nl or en)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}, expected nl or en")
    _current = lang


def current_language() -> str:
    return _current


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Render something in `lang` (an export of a session) and switch back after."""
    before = _current
    use_language(lang)
    try:
        yield
    finally:
        use_language(before)


def _(message: str) -> str:
    return _catalogue(_current).gettext(message)


def N_(message: str) -> str:
    """Mark a string for extraction where it is translated later (constants)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalogue(_current).ngettext(singular, plural, count)
