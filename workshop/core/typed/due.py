"""Due dates as real dates: typed as 2026-12-01, 1-12-2026, "1 december" or "1 December 2026"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from workshop.core.machine import clock
from workshop.core.text.i18n import _

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}
_MONTH_NUMBER: dict[str, int] = {}
for _names in MONTHS.values():
    for _number, _name in enumerate(_names, start=1):
        _MONTH_NUMBER[_name.casefold()] = _number
        _MONTH_NUMBER[_name.casefold()[:3]] = _number
_MONTH_NUMBER.update({"mrt": 3, "sept": 9})

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})\s+([^\W\d_]+)\.?(?:\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$")


def parse_due(text: str, lang: str = "nl", today: date | None = None) -> date:
    """The date `text` names; a day and month without a year is the next such day from `today`.

    Anything else raises ValueError with one line that shows how to write it."""
    today = today or clock.today()
    cleaned = " ".join(str(text).split()).strip().casefold()
    try:
        if match := _ISO.match(cleaned):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DMY.match(cleaned):
            return date(int(match[3]), int(match[2]), int(match[1]))
        day = month = year = None
        if match := _DAY_MONTH.match(cleaned):
            day, month, year = int(match[1]), _MONTH_NUMBER.get(match[2]), match[3]
        elif match := _MONTH_DAY.match(cleaned):
            day, month, year = int(match[2]), _MONTH_NUMBER.get(match[1]), match[3]
        if day is not None and month is not None:
            if year is not None:
                return date(int(year), month, day)
            found = date(today.year, month, day) if (month, day) != (2, 29) else None
            if found is None or found < today:
                found = date(today.year + 1, month, day)
            return found
    except ValueError:
        pass  # 31-02-2026 and the like: no such day
    raise ValueError(_("'{text}' is not a date; write it like {examples}").format(
        text=_short(text), examples=date_examples(lang, today)))


def date_examples(lang: str, today: date | None = None) -> str:
    example = (today or clock.today()) + timedelta(days=30)
    example = example.replace(day=1)
    return _("{iso}, {numeric} or {words}").format(
        iso=example.isoformat(), numeric=f"{example.day}-{example.month}-{example.year}",
        words=f"{example.day} {MONTHS.get(lang, MONTHS['nl'])[example.month - 1]}")


def due_date(text: str) -> date | None:
    """A stored due date read back leniently: None when it is empty or not a date."""
    if not text or not str(text).strip():
        return None
    try:
        return parse_due(text, today=date(2000, 1, 1))
    except ValueError:
        return None


def _short(value: str, limit: int = 40) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"
