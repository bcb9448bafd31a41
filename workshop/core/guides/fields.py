"""Reading the fields of a guide's parsed TOML, one at a time: texts in both languages, ids,
numbers, flags, words from a list, choices and a scale item's direction. Each mistake is one
GuideError naming the file and the line or field, and what was expected."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from workshop.core.guides.types import EMPTY, GOOD_ENDS, Choice, GuideError, Text
from workshop.core.guides.words import code_point, describe, forbidden_character, short, spellings
from workshop.core.text.i18n import LANGUAGES, _

# The five perspectives of a collaboration (Common Eye): a scale item may name one.
PERSPECTIVES = ("ambitie", "belangen", "relatie", "organisatie", "proces")

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
TEXT_EXAMPLE = '{ nl = "…", en = "…" }'  # TOML, shown in messages as it is
# An open step's levels are typed as prefixes beside these (workshop/core/typed/interests.py reads them), so no
# level may be named like them: POSITION is the item of a position (standpunt); the marker words
# count in both languages whatever the session's, a Dutch facilitator may type either.
POSITION = "position"
POSITION_WORDS = ("standpunt", "position")
WHY_WORDS = ("waarom", "why")
SCALE_ITEM_FIELDS = ("perspective", "good", "rising", "falling")  # besides id and text


class FieldReader:
    """Reads one field of parsed TOML at a time, and raises GuideError naming the file and the line
    or field of what is not as expected (the Checker walks a whole guide with it)."""

    def __init__(self, source: str, text: str, strict: bool = False) -> None:
        self.source = source
        self.lines = text.split("\n")  # TOML lines end at \n only (not at \u2028, \x0c, …)
        # A guide file is strict about control characters; a session's own copy of its steps is
        # not (a step added on the fly holds what the facilitator typed, shown safely on screen).
        self.strict = strict

    def fail(self, where: str, message: str, line: int | None = None) -> GuideError:
        where = short(where, 120)  # a quoted key may hold a newline: keep the message one line
        place = _("line {line}, {where}").format(line=line, where=where) if line else where
        return GuideError(f"{self.source}: {place}: {message}")

    def line_of(self, where: str) -> int | None:
        """Best-effort line number for a field path like ``steps[3].items[1].id``."""
        parts = re.findall(r"(\w+)(?:\[(\d+)\])?", where)
        if not parts:
            return None
        start, header = 0, ""
        for name, index in parts[:-1]:
            header = f"{header}.{name}" if header else name
            if index:
                count = -1
                pattern = re.compile(r"^\s*\[\[\s*" + re.escape(header) + r"\s*\]\]")
                for number in range(start, len(self.lines)):
                    if pattern.match(self.lines[number]):
                        count += 1
                        if count == int(index) - 1:
                            start = number + 1
                            break
                else:
                    return start or None
        last = parts[-1][0]
        key = re.compile(r"^\s*" + re.escape(last) + r"\s*(=|\.)")
        for number in range(start, len(self.lines)):
            line = self.lines[number]
            if number > start and re.match(r"^\s*\[", line):
                break
            if key.match(line):
                return number + 1
        return start or None

    def error(self, where: str, message: str) -> GuideError:
        return self.fail(where, message, self.line_of(where))

    # typed getters ------------------------------------------------------------------------

    def table(self, data: Any, where: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.error(where, _("expected a table, got {value}").format(value=describe(data)))
        return data

    def ident(self, data: dict[str, Any], key: str, where: str) -> str:
        value = data.get(key)
        path = f"{where}.{key}" if where else key
        if value is None:
            raise self.error(where or key, _("missing '{key}' (an id: lowercase letters, digits, '-' or '_')").format(
                key=key))
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):  # match() lets "x\n" through
            raise self.error(path, _("expected an id of at most 64 lowercase letters, digits, '-' or '_', "
                                     "got {value}").format(
                value=describe(value)))
        return value

    def text(self, data: dict[str, Any], key: str, where: str, required: bool = True,
             multiline: bool = False) -> Text:
        path = f"{where}.{key}" if where else key
        value = data.get(key)
        if value is None:
            if required:
                raise self.error(where or key, _("missing '{key}' (a text: {example})").format(
                    key=key, example=TEXT_EXAMPLE))
            return EMPTY
        given = value
        if isinstance(value, str):
            value = {"nl": value, "en": value} if value.strip() else {}
        if not isinstance(value, dict) or not value:
            raise self.error(path, _("expected a text like {example}, got {value}").format(
                example=TEXT_EXAMPLE, value=describe(given)))
        for lang, words in value.items():
            if lang not in LANGUAGES:
                raise self.error(path, _("unknown language '{lang}', expected nl or en").format(lang=short(lang)))
            if not isinstance(words, str) or not words.strip():
                raise self.error(f"{path}.{lang}", _("expected a non-empty string, got {value}").format(
                    value=describe(words)))
            if len(words) > 5000:
                raise self.error(f"{path}.{lang}", _("text is longer than 5000 characters"))
            if self.strict and (char := forbidden_character(words, multiline)) is not None:
                raise self.fail(f"{path}.{lang}", _("control character {code} in the text; remove it").format(
                    code=code_point(char)), self.line_holding(char) or self.line_of(f"{path}.{lang}"))
        return Text(dict(value))

    def line_holding(self, char: str) -> int | None:
        """The first line that holds `char`, written as itself or as an escape."""
        for number, line in enumerate(self.lines, start=1):
            if any(spelling in line for spelling in spellings(char)):
                return number
        return None

    def integer(self, data: dict[str, Any], key: str, where: str, default: int, low: int, high: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(f"{where}.{key}", _("expected a whole number from {low} to {high}, got {value}").format(
                low=low, high=high, value=describe(value)))
        if not low <= value <= high:
            raise self.error(f"{where}.{key}", _("expected a whole number from {low} to {high}, got {value}").format(
                low=low, high=high, value=value))
        return value

    def flag(self, data: dict[str, Any], key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.error(f"{where}.{key}", _("expected true or false, got {value}").format(value=describe(value)))
        return value

    def word(self, data: dict[str, Any], key: str, where: str, allowed: tuple[str, ...], default: str) -> str:
        value = data.get(key, default)
        if value not in allowed:
            raise self.error(f"{where}.{key}", _("expected one of {choices}, got {value}").format(
                choices=", ".join(allowed), value=describe(value)))
        return value

    def choices(self, data: dict[str, Any], key: str, where: str, need_id: bool = True,
                least: int = 0, too_few: str = "", scale_item: bool = False, row: bool = False
                ) -> tuple[Choice, ...]:
        value = data.get(key, [])
        path = f"{where}.{key}"
        if not isinstance(value, list):
            table = re.sub(r"\[\d+\]", "", path)  # steps[2].items -> steps.items
            raise self.error(path, _("expected a list of tables ({table}), got {value}").format(
                table=f"[[{table}]]", value=describe(value)))
        result: list[Choice] = []
        seen: set[str] = set()
        for number, entry in enumerate(value, start=1):
            here = f"{path}[{number}]"
            entry = self.table(entry, here)
            unknown = set(entry) - {"id", "text"} - (set(SCALE_ITEM_FIELDS) if scale_item else set()) \
                - ({"per"} if row else set())
            if unknown:
                name = sorted(unknown)[0]
                if scale_item:
                    message = _("unknown field '{name}', expected id, text, perspective, good, rising and falling")
                else:
                    message = _("unknown field '{name}', expected id, text and per") if row else \
                        _("unknown field '{name}', expected id and text")
                raise self.error(f"{here}.{name}", message.format(name=short(name)))
            ident = self.ident(entry, "id", here) if need_id or "id" in entry else f"{key}-{number}"
            if ident in seen:
                raise self.error(f"{here}.id", _("duplicate id '{id}', expected each id once").format(id=ident))
            seen.add(ident)
            lens = self.word(entry, "perspective", here, PERSPECTIVES, "") if "perspective" in entry else ""
            direction = self.direction(entry, here) if scale_item else {}
            if row and entry.get("per", "partner") != "partner":
                raise self.error(f"{here}.per", _('expected "partner" (one row per partner), got {value}').format(
                    value=describe(entry["per"])))
            choice = Choice(ident, self.text(entry, "text", here), lens, **direction)
            result.append(replace(choice, per="partner") if row and "per" in entry else choice)
        if len(result) < least:
            raise self.error(where, _(too_few))
        return tuple(result)

    def direction(self, entry: dict[str, Any], where: str) -> dict[str, Any]:
        """A scale item's good end and, in words, what a rising and a falling score mean."""
        good = entry.get("good", "")
        if "good" in entry and good not in GOOD_ENDS:
            raise self.error(f"{where}.good", _(
                'expected the good end of the scale: "high", "low" or "neither", got {value}').format(
                value=describe(good)))
        rising = self.text(entry, "rising", where, required=False)
        falling = self.text(entry, "falling", where, required=False)
        if bool(rising.values) != bool(falling.values):
            given, missing = ("rising", "falling") if rising.values else ("falling", "rising")
            raise self.error(f"{where}.{given}", _(
                "'{given}' needs '{missing}' beside it: what a rising and what a falling score mean, in words").format(
                given=given, missing=missing))
        return {"good": good, "rising": rising, "falling": falling}

