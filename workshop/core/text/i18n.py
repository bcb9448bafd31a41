"""Translation and formatting: one way for every string, number and date a user sees.

Source strings are English; `workshop/locale/nl/LC_MESSAGES/workshop.mo` holds the Dutch.
Mark strings with `_()`; `make translations` extracts and compiles them with Babel.

Which language applies is context, not a shared switch:
- `use_language(lang)` sets the app's language (at start, and when the app opens or leaves a
  session). There is one app per process, and Textual runs every widget's message loop in its own
  asyncio task, so this one must reach all of them: it is a plain module value.
- `with language(lang):` renders something in another language (the minutes of a Dutch session)
  through a `ContextVar`: only the running thread or asyncio task sees it, so a worker thread that
  exports in Dutch never changes what the UI thread draws, and its `finally` restores only its own.
"""

from __future__ import annotations

import datetime
import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

import workshop

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_app_language = DEFAULT_LANGUAGE
_rendering: ContextVar[str | None] = ContextVar("workshop_language", default=None)

DAY_PATTERN = "d MMMM y"  # 3 december 2026 / 3 December 2026
SHORT_DAY_PATTERN = "d MMM"  # 3 dec / 3 Dec (a column heading when every session is in one year)
SHORT_DAY_YEAR_PATTERN = "d MMM yy"


def locale_folder() -> Path:
    """The compiled catalogues, inside the package: `workshop/locale/<lang>/LC_MESSAGES/workshop.mo`."""
    return Path(workshop.__file__).parent / "locale"


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    return gettext.translation("workshop", locale_folder(), languages=[lang], fallback=True)


def _checked(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}, expected nl or en")
    return lang


def use_language(lang: str) -> None:
    """Switch the app's language (nl or en): every later `_()` outside a `language()` block."""
    global _app_language
    _app_language = _checked(lang)


def current_language() -> str:
    return _rendering.get() or _app_language


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Render something in `lang` in this thread or task only, and switch back after."""
    token = _rendering.set(_checked(lang))
    try:
        yield
    finally:
        _rendering.reset(token)


def _(message: str) -> str:
    return _catalogue(current_language()).gettext(message)


def N_(message: str) -> str:
    """Mark a string for extraction where it is translated later (constants)."""
    return message


def pgettext(context: str, message: str) -> str:
    """`message` in the sense `context` gives it: one English word, two Dutch ones ("agreed" is
    "vastgesteld" for a text and "afgesproken" for an action)."""
    return _catalogue(current_language()).pgettext(context, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalogue(current_language()).ngettext(singular, plural, count)


def number(value: float, decimals: int = 1) -> str:
    """A number the way the current language writes it: 3,5 in Dutch, 3.5 in English."""
    from babel.numbers import format_decimal  # here: Babel costs ~40 ms of start-up, before any number

    pattern = "0." + "0" * decimals if decimals else "0"
    return format_decimal(value, format=pattern, locale=current_language())


# The month names DAY_PATTERN writes (Babel's, held to them by a test): the home screen writes a
# date per row before its first frame, where importing Babel would cost ~40 ms.
MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def day(iso: str, pattern: str = DAY_PATTERN) -> str:
    """An ISO date (2026-12-03) in words: 3 december 2026 / 3 December 2026. Anything that is not
    a date (an old file, a typed "next week") comes back as it is."""
    try:
        date = datetime.date.fromisoformat(iso) if isinstance(iso, str) and len(iso) == 10 else None
    except ValueError:
        date = None
    if date is None:
        return iso
    lang = current_language()
    if pattern == DAY_PATTERN and lang in MONTHS:
        return f"{date.day} {MONTHS[lang][date.month - 1]} {date.year}"
    from babel.dates import format_date  # here: Babel costs ~40 ms of start-up, before any date

    return format_date(date, pattern, locale=lang)
