"""Guides: session designs as TOML, validated on load.

A broken guide never gets past `load_guide_text`: it raises `GuideError`, whose message names
the file, the line (where it can be found) or the field, and what was expected.
The format is described in docs/writing-a-guide.md.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from workshop.i18n import _
from workshop.model import LANGUAGES, PHASES, PromptKind

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MAX_GUIDE_BYTES = 1_000_000
MAX_STEPS = 100
TEXT_EXAMPLE = '{ nl = "…", en = "…" }'  # TOML, shown in messages as it is


class GuideError(ValueError):
    """A guide file that cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class Text:
    """A text in one or more languages; falls back to any language it has."""

    values: dict[str, str]

    def get(self, lang: str) -> str:
        if lang in self.values:
            return self.values[lang]
        for other in LANGUAGES:
            if other in self.values:
                return self.values[other]
        return next(iter(self.values.values()), "")

    def to_dict(self) -> dict[str, str]:
        return dict(self.values)


EMPTY = Text({})


@dataclass(frozen=True)
class Choice:
    """A labelled thing a step offers: a scale item, a choice option, a formal body, a row."""

    id: str
    text: Text


@dataclass(frozen=True)
class Scale:
    min: int = 1
    max: int = 5
    low: Text = EMPTY
    high: Text = EMPTY

    def refuses(self, value: int) -> str | None:
        """Why `value` is no score on this scale (one line), or None when it is one."""
        if self.min <= value <= self.max:
            return None
        return _("A score runs from {low} to {high}.").format(low=self.min, high=self.max)


@dataclass(frozen=True)
class Step:
    id: str
    kind: PromptKind
    title: Text
    prompt: Text
    hint: Text = EMPTY
    timebox: int = 10  # minutes
    anonymous: bool = False
    carry_over: bool = False
    items: tuple[Choice, ...] = ()  # scale
    scale: Scale = Scale()
    per: str = "partner"  # scale: partner | participant
    source: str = ""  # vote: the open step voted on
    dots: int = 3  # vote
    rows: tuple[Choice, ...] = ()  # assign
    when: str = "date"  # assign: date | rhythm
    actions: bool = False  # assign: rows are actions reviewed next time
    bodies: tuple[Choice, ...] = ()  # consent
    options: tuple[Choice, ...] = ()  # choice
    blind: bool = False  # scale: no one sees a score until the facilitator reveals them
    moderate: bool = False  # open: participants' contributions wait until the facilitator shows them
    answered: str = "count"  # who has answered, as the facilitator sees it: count | names


@dataclass(frozen=True)
class Guide:
    id: str
    title: Text
    steps: tuple[Step, ...]
    version: int = 1
    phase: str = ""
    description: Text = EMPTY
    source: str = ""  # where it was loaded from, for messages

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGUAGES if lang in self.title.values)

    @property
    def minutes(self) -> int:
        return sum(step.timebox for step in self.steps)


# --- validation ---------------------------------------------------------------------------

_STEP_FIELDS = {
    "id", "kind", "title", "prompt", "hint", "timebox", "anonymous", "carry_over", "items",
    "scale", "per", "source", "dots", "rows", "when", "actions", "bodies", "options",
    "blind", "moderate", "answered",
}
_KIND_FIELDS = {
    "anonymous": {PromptKind.OPEN},
    "carry_over": {PromptKind.STATEMENT},
    "items": {PromptKind.SCALE},
    "scale": {PromptKind.SCALE},
    "per": {PromptKind.SCALE},
    "blind": {PromptKind.SCALE},
    "moderate": {PromptKind.OPEN},
    "source": {PromptKind.VOTE},
    "dots": {PromptKind.VOTE},
    "rows": {PromptKind.ASSIGN},
    "when": {PromptKind.ASSIGN},
    "actions": {PromptKind.ASSIGN},
    "bodies": {PromptKind.CONSENT},
    "options": {PromptKind.CHOICE},
}


class _Checker:
    """Walks the parsed TOML and raises GuideError with the file and the line or field."""

    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.lines = text.split("\n")  # TOML lines end at \n only (not at \u2028, \x0c, …)

    def fail(self, where: str, message: str, line: int | None = None) -> GuideError:
        where = _short(where, 120)  # a quoted key may hold a newline: keep the message one line
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
            raise self.error(where, _("expected a table, got {value}").format(value=_describe(data)))
        return data

    def ident(self, data: dict[str, Any], key: str, where: str) -> str:
        value = data.get(key)
        path = f"{where}.{key}" if where else key
        if value is None:
            raise self.error(where or key, _("missing '{key}' (an id: lowercase letters, digits, '-' or '_')").format(key=key))
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):  # match() lets "x\n" through
            raise self.error(path, _("expected an id of at most 64 lowercase letters, digits, '-' or '_', got {value}").format(
                value=_describe(value)))
        return value

    def text(self, data: dict[str, Any], key: str, where: str, required: bool = True) -> Text:
        path = f"{where}.{key}" if where else key
        value = data.get(key)
        if value is None:
            if required:
                raise self.error(where or key, _("missing '{key}' (a text: {example})").format(key=key, example=TEXT_EXAMPLE))
            return EMPTY
        given = value
        if isinstance(value, str):
            value = {"nl": value, "en": value} if value.strip() else {}
        if not isinstance(value, dict) or not value:
            raise self.error(path, _("expected a text like {example}, got {value}").format(
                example=TEXT_EXAMPLE, value=_describe(given)))
        for lang, words in value.items():
            if lang not in LANGUAGES:
                raise self.error(path, _("unknown language '{lang}', expected nl or en").format(lang=_short(lang)))
            if not isinstance(words, str) or not words.strip():
                raise self.error(f"{path}.{lang}", _("expected a non-empty string, got {value}").format(value=_describe(words)))
            if len(words) > 5000:
                raise self.error(f"{path}.{lang}", _("text is longer than 5000 characters"))
        return Text(dict(value))

    def integer(self, data: dict[str, Any], key: str, where: str, default: int, low: int, high: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(f"{where}.{key}", _("expected a whole number from {low} to {high}, got {value}").format(
                low=low, high=high, value=_describe(value)))
        if not low <= value <= high:
            raise self.error(f"{where}.{key}", _("expected a whole number from {low} to {high}, got {value}").format(
                low=low, high=high, value=value))
        return value

    def flag(self, data: dict[str, Any], key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.error(f"{where}.{key}", _("expected true or false, got {value}").format(value=_describe(value)))
        return value

    def word(self, data: dict[str, Any], key: str, where: str, allowed: tuple[str, ...], default: str) -> str:
        value = data.get(key, default)
        if value not in allowed:
            raise self.error(f"{where}.{key}", _("expected one of {choices}, got {value}").format(
                choices=", ".join(allowed), value=_describe(value)))
        return value

    def choices(self, data: dict[str, Any], key: str, where: str, need_id: bool = True) -> tuple[Choice, ...]:
        value = data.get(key, [])
        path = f"{where}.{key}"
        if not isinstance(value, list):
            table = re.sub(r"\[\d+\]", "", path)  # steps[2].items -> steps.items
            raise self.error(path, _("expected a list of tables ({table}), got {value}").format(
                table=f"[[{table}]]", value=_describe(value)))
        result: list[Choice] = []
        seen: set[str] = set()
        for number, entry in enumerate(value, start=1):
            here = f"{path}[{number}]"
            entry = self.table(entry, here)
            unknown = set(entry) - {"id", "text"}
            if unknown:
                name = sorted(unknown)[0]
                raise self.error(f"{here}.{name}", _("unknown field '{name}', expected id and text").format(name=_short(name)))
            ident = self.ident(entry, "id", here) if need_id or "id" in entry else f"{key}-{number}"
            if ident in seen:
                raise self.error(f"{here}.id", _("duplicate id '{id}', expected each id once").format(id=ident))
            seen.add(ident)
            result.append(Choice(ident, self.text(entry, "text", here)))
        return tuple(result)

    # the guide ------------------------------------------------------------------------------

    def guide(self, data: dict[str, Any]) -> Guide:
        unknown = set(data) - {"guide", "steps"}
        if unknown:
            name = sorted(unknown)[0]
            raise self.error(name, _("unknown table or field '{name}', expected [guide] and [[steps]]").format(name=_short(name)))
        if "guide" not in data:
            raise self.fail("guide", _("missing the [guide] table (id, version, title)"))
        head = self.table(data["guide"], "guide")
        unknown = set(head) - {"id", "version", "phase", "title", "description"}
        if unknown:
            name = sorted(unknown)[0]
            raise self.error(f"guide.{name}", _("unknown field '{name}', expected {fields}").format(
                name=_short(name), fields="id, version, phase, title, description"))
        ident = self.ident(head, "id", "guide")
        version = self.integer(head, "version", "guide", 1, 1, 1_000_000)
        phase = head.get("phase", "")
        if phase != "" and phase not in PHASES:
            raise self.error("guide.phase", _("expected one of {choices}, got {value}").format(
                choices=", ".join(PHASES), value=_describe(phase)))
        title = self.text(head, "title", "guide")
        description = self.text(head, "description", "guide", required=False)

        raw_steps = data.get("steps")
        if raw_steps is None:
            raise self.fail("steps", _("no steps: add at least one [[steps]] table"))
        if not isinstance(raw_steps, list) or not raw_steps:
            raise self.error("steps", _("expected one or more [[steps]] tables, got {value}").format(value=_describe(raw_steps)))
        if len(raw_steps) > MAX_STEPS:
            raise self.error("steps", _("a guide has at most {limit} steps, this one has {count}").format(
                limit=MAX_STEPS, count=len(raw_steps)))
        steps: list[Step] = []
        for number, raw in enumerate(raw_steps, start=1):
            steps.append(self.step(raw, f"steps[{number}]", steps))
        return Guide(ident, title, tuple(steps), version, phase, description)

    def step(self, raw: Any, where: str, earlier: list[Step]) -> Step:
        raw = self.table(raw, where)
        unknown = set(raw) - _STEP_FIELDS
        if unknown:
            name = sorted(unknown)[0]
            raise self.error(f"{where}.{name}", _("unknown field '{name}', expected {fields}").format(
                name=_short(name), fields=", ".join(sorted(_STEP_FIELDS))))
        ident = self.ident(raw, "id", where)
        if any(step.id == ident for step in earlier):
            raise self.error(f"{where}.id", _("duplicate step id '{id}', expected each step id once").format(id=ident))
        kinds = tuple(kind.value for kind in PromptKind)
        if "kind" not in raw:
            raise self.error(where, _("missing 'kind', expected one of {choices}").format(choices=", ".join(kinds)))
        kind = PromptKind(self.word(raw, "kind", where, kinds, ""))
        for name, allowed in _KIND_FIELDS.items():
            if name in raw and kind not in allowed:
                only = ", ".join(sorted(other.value for other in allowed))
                if kind.value[0] in "aeiou":
                    message = _("'{name}' does not apply to an {kind} step (only to {only} steps)")
                else:
                    message = _("'{name}' does not apply to a {kind} step (only to {only} steps)")
                raise self.error(f"{where}.{name}", message.format(name=name, kind=kind, only=only))
        values: dict[str, Any] = dict(
            id=ident,
            kind=kind,
            title=self.text(raw, "title", where),
            prompt=self.text(raw, "prompt", where),
            hint=self.text(raw, "hint", where, required=False),
            timebox=self.integer(raw, "timebox", where, 10, 1, 240),
            anonymous=self.flag(raw, "anonymous", where),
            carry_over=self.flag(raw, "carry_over", where),
            moderate=self.flag(raw, "moderate", where),
            answered=self.word(raw, "answered", where, ("count", "names"), "count"),
        )
        if kind is PromptKind.SCALE:
            values["items"] = self.choices(raw, "items", where)
            if not values["items"]:
                raise self.error(where, _("a scale step needs at least one [[steps.items]] with id and text"))
            values["scale"] = self.scale(raw.get("scale", {}), f"{where}.scale")
            values["per"] = self.word(raw, "per", where, ("partner", "participant"), "partner")
            values["blind"] = self.flag(raw, "blind", where)
        elif kind is PromptKind.VOTE:
            source = raw.get("source")
            if source is None:
                raise self.error(where, _("missing 'source': the id of an earlier open step to vote on"))
            if not isinstance(source, str):
                raise self.error(f"{where}.source", _("expected a step id, got {value}").format(value=_describe(source)))
            target = next((step for step in earlier if step.id == source), None)
            if target is None:
                raise self.error(f"{where}.source", _("no earlier step with id '{id}'").format(id=_short(source)))
            if target.kind is not PromptKind.OPEN:
                raise self.error(f"{where}.source", _("step '{id}' is a {kind} step, expected an open step").format(
                    id=source, kind=target.kind))
            values["source"] = source
            values["dots"] = self.integer(raw, "dots", where, 3, 1, 20)
        elif kind is PromptKind.ASSIGN:
            values["rows"] = self.choices(raw, "rows", where, need_id=False)
            values["when"] = self.word(raw, "when", where, ("date", "rhythm"), "date")
            values["actions"] = self.flag(raw, "actions", where)
        elif kind is PromptKind.CONSENT:
            values["bodies"] = self.choices(raw, "bodies", where)
            if not values["bodies"]:
                raise self.error(where, _("a consent step needs at least one [[steps.bodies]] with id and text"))
        elif kind is PromptKind.CHOICE:
            values["options"] = self.choices(raw, "options", where)
            if len(values["options"]) < 2:
                raise self.error(where, _("a choice step needs at least two [[steps.options]] with id and text"))
        return Step(**values)

    def scale(self, raw: Any, where: str) -> Scale:
        raw = self.table(raw, where)
        unknown = set(raw) - {"min", "max", "low", "high"}
        if unknown:
            name = sorted(unknown)[0]
            raise self.error(f"{where}.{name}", _("unknown field '{name}', expected {fields}").format(
                name=_short(name), fields="min, max, low, high"))
        low = self.integer(raw, "min", where, 1, 0, 100)
        high = self.integer(raw, "max", where, 5, 0, 100)
        if high <= low:
            raise self.error(f"{where}.max", _("max ({high}) must be greater than min ({low})").format(high=high, low=low))
        if high - low > 20:
            raise self.error(f"{where}.max", _("a scale has at most 21 points"))
        return Scale(low, high, self.text(raw, "low", where, False), self.text(raw, "high", where, False))


def _short(value: Any, limit: int = 40) -> str:
    text = str(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(value: Any) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("{value} (a boolean)").format(value=str(value).lower())
    if isinstance(value, str):
        return f"'{_short(value)}'"
    if isinstance(value, (int, float)):
        return _("{value} (a number)").format(value=value)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a table")
    return type(value).__name__


# --- loading ------------------------------------------------------------------------------


def load_guide_text(text: str, source: str = "<guide>") -> Guide:
    """Parse and validate a guide; raise GuideError naming `source` on any problem."""
    if len(text) > MAX_GUIDE_BYTES:
        raise GuideError(_("{file}: the file is larger than {limit} KB; is it a guide?").format(
            file=source, limit=MAX_GUIDE_BYTES // 1000))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message ends with "(at line N, column M)"; put the line first.
        message = str(error)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        if match:
            detail = message[: match.start()].strip()
            raise GuideError(_("{file}: line {line}, column {column}: not valid TOML: {detail}").format(
                file=source, line=match.group(1), column=match.group(2), detail=detail)) from None
        raise GuideError(_("{file}: not valid TOML: {detail}").format(file=source, detail=message)) from None
    except (ValueError, RecursionError) as error:  # e.g. nesting too deep
        raise GuideError(_("{file}: not valid TOML: {detail}").format(file=source, detail=_short(error, 120))) from None
    checker = _Checker(source, text)
    guide = checker.guide(data)
    return Guide(guide.id, guide.title, guide.steps, guide.version, guide.phase, guide.description, source)


def load_guide_file(path: Path) -> Guide:
    from workshop.store.platform import UnusablePath, check_user_path, no_wait_read_flags

    try:
        check_user_path(path)  # a name Windows reserves, a Windows path typed on macOS or Linux
    except UnusablePath as problem:
        raise GuideError(_("{file}: {problem}").format(file=path, problem=problem)) from None
    try:
        # Read at most one byte past the limit: /dev/zero or a named pipe must not hang us.
        fd = os.open(path, no_wait_read_flags())  # a FIFO would block a plain open()
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise GuideError(_("{file}: not a regular file, expected a .toml guide file").format(file=path))
            raw = handle.read(MAX_GUIDE_BYTES + 1)
    except FileNotFoundError:
        raise GuideError(_("{file}: no such file").format(file=path)) from None
    except IsADirectoryError:
        raise GuideError(_("{file}: is a folder, expected a .toml guide file").format(file=path)) from None
    except OSError as error:
        raise GuideError(_("{file}: cannot be read ({problem})").format(file=path, problem=error.strerror or error)) from None
    if len(raw) > MAX_GUIDE_BYTES:  # load_guide_text counts characters; multi-byte text could slip by
        raise GuideError(_("{file}: the file is larger than {limit} KB; is it a guide?").format(
            file=path, limit=MAX_GUIDE_BYTES // 1000))
    try:
        text = raw.decode("utf-8-sig")  # a BOM (Windows Notepad) is harmless
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise GuideError(_("{file}: line {line}: not UTF-8 text (byte {position}), expected a UTF-8 encoded guide").format(
            file=path, line=line, position=error.start)) from None
    return load_guide_text(text, str(path))


def builtin_guide_paths() -> list[Path]:
    folder = resources.files("sessions")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".toml"))


@dataclass
class GuideShelf:
    """All guides a user can start a session from: built-in ones and their own."""

    guides: dict[str, Guide] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)  # id -> "built-in" | "own"
    problems: list[str] = field(default_factory=list)  # one line per broken own guide

    def get(self, name: str) -> Guide:
        if name in self.guides:
            return self.guides[name]
        path = Path(name)
        try:
            exists = path.exists()
        except (OSError, ValueError):  # e.g. a name too long for the file system
            exists = False
        if name.endswith(".toml") or exists:
            return load_guide_file(path)
        known = ", ".join(sorted(self.guides)) or _("none")
        raise GuideError(_("no guide named '{name}' (known: {known})").format(name=_short(name), known=known))


def load_shelf(own_folder: Path | None = None) -> GuideShelf:
    """Built-in guides, then the user's own from `own_folder` (a broken one is reported, not fatal)."""
    shelf = GuideShelf()
    for path in builtin_guide_paths():
        guide = load_guide_file(path)  # a broken built-in guide is our bug: stay loud
        shelf.guides[guide.id] = guide
        shelf.origins[guide.id] = "built-in"
    if own_folder is not None and own_folder.is_dir():
        for path in sorted(own_folder.glob("*.toml")):
            try:
                guide = load_guide_file(path)
            except GuideError as error:
                shelf.problems.append(str(error))
                continue
            shelf.guides[guide.id] = guide
            shelf.origins[guide.id] = "own"
    return shelf


# --- a guide inside a session file --------------------------------------------------------
# A session keeps its own copy of the guide's steps (in the guide's TOML shape), so it stays
# readable when the guide file changes and can hold steps added on the fly.


def step_to_dict(step: Step) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": step.id,
        "kind": step.kind.value,
        "title": step.title.to_dict(),
        "prompt": step.prompt.to_dict(),
        "timebox": step.timebox,
    }
    if step.hint.values:
        data["hint"] = step.hint.to_dict()
    kind = step.kind
    if kind is PromptKind.OPEN and step.anonymous:
        data["anonymous"] = True
    if kind is PromptKind.OPEN and step.moderate:
        data["moderate"] = True
    if step.answered != "count":
        data["answered"] = step.answered
    if kind is PromptKind.STATEMENT and step.carry_over:
        data["carry_over"] = True
    if kind is PromptKind.SCALE:
        data["items"] = [{"id": c.id, "text": c.text.to_dict()} for c in step.items]
        scale = {"min": step.scale.min, "max": step.scale.max}
        if step.scale.low.values:
            scale["low"] = step.scale.low.to_dict()
        if step.scale.high.values:
            scale["high"] = step.scale.high.to_dict()
        data["scale"] = scale
        data["per"] = step.per
        if step.blind:
            data["blind"] = True
    if kind is PromptKind.VOTE:
        data["source"], data["dots"] = step.source, step.dots
    if kind is PromptKind.ASSIGN:
        data["rows"] = [{"id": c.id, "text": c.text.to_dict()} for c in step.rows]
        data["when"], data["actions"] = step.when, step.actions
    if kind is PromptKind.CONSENT:
        data["bodies"] = [{"id": c.id, "text": c.text.to_dict()} for c in step.bodies]
    if kind is PromptKind.CHOICE:
        data["options"] = [{"id": c.id, "text": c.text.to_dict()} for c in step.options]
    return data


def steps_from_dicts(raw_steps: list[dict[str, Any]], source: str) -> tuple[Step, ...]:
    """Read steps back from a session file; a damaged copy raises GuideError naming `source`."""
    checker = _Checker(source, "")
    steps: list[Step] = []
    if not isinstance(raw_steps, list):
        raise GuideError(_("{file}: the session's steps are damaged").format(file=source))
    for number, raw in enumerate(raw_steps, start=1):
        steps.append(checker.step(raw, f"steps[{number}]", steps))
    return tuple(steps)
