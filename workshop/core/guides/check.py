"""The guide checker: parsed TOML in, a Guide or one GuideError (file, line or field, what was expected) out.

Which fields a step may have, for which kinds and how each is read, is one table (STEP_FIELDS);
docs/writing-a-guide.md describes the same fields for people.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workshop.core.guides.fields import (  # noqa: F401 (ID_PATTERN, PERSPECTIVES, TEXT_EXAMPLE re-exported)
    ID_PATTERN,
    PERSPECTIVES,
    POSITION,
    POSITION_WORDS,
    TEXT_EXAMPLE,
    WHY_WORDS,
    FieldReader,
)
from workshop.core.guides.types import Choice, Guide, Scale, Step, Text
from workshop.core.guides.words import describe, forbidden_character, short
from workshop.core.model import PHASES, PromptKind
from workshop.core.text.i18n import LANGUAGES, N_, _

MAX_GUIDE_BYTES = 1_000_000
MAX_STEPS = 100
GUIDE_FIELDS = ("id", "version", "phase", "duration", "title", "description", "labels")
LABELS_EXAMPLE = '{ nl = ["Ontbreekt", "Parkeerplaats"], en = ["Missing", "Parking lot"] }'  # TOML, as it is


class Checker(FieldReader):
    """Walks the parsed TOML and raises GuideError with the file and the line or field."""

    # the guide ------------------------------------------------------------------------------

    def guide(self, data: dict[str, Any]) -> Guide:
        unknown = set(data) - {"guide", "steps"}
        if unknown:
            name = sorted(unknown)[0]
            raise self.error(name, _("unknown table or field '{name}', expected [guide] and [[steps]]").format(
                name=short(name)))
        if "guide" not in data:
            raise self.fail("guide", _("missing the [guide] table (id, version, title)"))
        head = self.table(data["guide"], "guide")
        unknown = set(head) - set(GUIDE_FIELDS)
        if unknown:
            name = sorted(unknown)[0]
            raise self.error(f"guide.{name}", _("unknown field '{name}', expected {fields}").format(
                name=short(name), fields=", ".join(GUIDE_FIELDS)))
        ident = self.ident(head, "id", "guide")
        version = self.integer(head, "version", "guide", 1, 1, 1_000_000)
        phase = head.get("phase", "")
        if phase != "" and phase not in PHASES:
            raise self.error("guide.phase", _("expected one of {choices}, got {value}").format(
                choices=", ".join(PHASES), value=describe(phase)))
        title = self.text(head, "title", "guide")
        description = self.text(head, "description", "guide", required=False, multiline=True)
        duration = self.integer(head, "duration", "guide", 0, 0, 24 * 60)
        labels = self.labels(head)

        raw_steps = data.get("steps")
        if raw_steps is None:
            raise self.fail("steps", _("no steps: add at least one [[steps]] table"))
        if not isinstance(raw_steps, list) or not raw_steps:
            raise self.error("steps", _("expected one or more [[steps]] tables, got {value}").format(
                value=describe(raw_steps)))
        if len(raw_steps) > MAX_STEPS:
            raise self.error("steps", _("a guide has at most {limit} steps, this one has {count}").format(
                limit=MAX_STEPS, count=len(raw_steps)))
        steps: list[Step] = []
        for number, raw in enumerate(raw_steps, start=1):
            steps.append(self.step(raw, f"steps[{number}]", steps))
        guide = Guide(ident, title, tuple(steps), version, phase, description, duration=duration, labels=labels)
        if duration and guide.minutes > duration:
            raise self.error("guide.duration", _(
                "the steps take {minutes} minutes, more than the stated duration of {duration}").format(
                minutes=guide.minutes, duration=duration))
        return guide

    def labels(self, head: dict[str, Any]) -> dict[str, tuple[str, ...]]:
        """The note-taker's labels per language: each typed before a colon ("Ontbreekt: …"), so a
        label is at most three words and 40 characters on one line, with no ':' or '/'."""
        value = head.get("labels")
        if value is None:
            return {}
        if not isinstance(value, dict) or not value:
            raise self.error("guide.labels", _("expected labels per language like {example}, got {value}").format(
                example=LABELS_EXAMPLE, value=describe(value)))
        labels: dict[str, tuple[str, ...]] = {}
        line = self.line_of("guide.labels")
        for lang, words in value.items():
            path = f"guide.labels.{lang}"
            if lang not in LANGUAGES:
                raise self.error("guide.labels", _("unknown language '{lang}', expected nl or en").format(
                    lang=short(lang)))
            if not isinstance(words, list) or not words:
                raise self.fail(path, _("expected a list of labels like {example}, got {value}").format(
                    example=LABELS_EXAMPLE, value=describe(words)), line)
            for word in words:
                if not isinstance(word, str) or not word.strip():
                    raise self.fail(path, _("expected a non-empty string, got {value}").format(
                        value=describe(word)), line)
                if (any(mark in word for mark in ":/\n") or len(word) > 40 or len(word.split()) > 3
                        or word.strip()[0].isdigit() or forbidden_character(word, False) is not None):
                    raise self.fail(path, _("a label is typed before a colon: expected at most three words and 40 "
                                             "characters on one line, no ':' or '/', got {value}").format(
                        value=describe(word)), line)
            labels[lang] = tuple(word.strip() for word in words)
        return labels

    def step(self, raw: Any, where: str, earlier: list[Step]) -> Step:
        raw = self.table(raw, where)
        unknown = set(raw) - set(STEP_FIELDS) - {"id", "kind"}
        if unknown:
            name = sorted(unknown)[0]
            raise self.error(f"{where}.{name}", _("unknown field '{name}', expected {fields}").format(
                name=short(name), fields=", ".join(sorted({"id", "kind", *STEP_FIELDS}))))
        ident = self.ident(raw, "id", where)
        if any(step.id == ident for step in earlier):
            raise self.error(f"{where}.id", _("duplicate step id '{id}', expected each step id once").format(id=ident))
        kinds = tuple(kind.value for kind in PromptKind)
        if "kind" not in raw:
            raise self.error(where, _("missing 'kind', expected one of {choices}").format(choices=", ".join(kinds)))
        kind = PromptKind(self.word(raw, "kind", where, kinds, ""))
        for name, (allowed, _read) in STEP_FIELDS.items():
            if name in raw and allowed and kind not in allowed:
                only = ", ".join(sorted(other.value for other in allowed))
                if kind.value[0] in "aeiou":
                    message = _("'{name}' does not apply to an {kind} step (only to {only} steps)")
                else:
                    message = _("'{name}' does not apply to a {kind} step (only to {only} steps)")
                raise self.error(f"{where}.{name}", message.format(name=name, kind=kind, only=only))
        values: dict[str, Any] = {"id": ident, "kind": kind}
        for name, (allowed, read) in STEP_FIELDS.items():
            if not allowed or kind in allowed:
                values[name] = read(self, raw, where, earlier)
        return Step(**values)

    def show_names(self, raw: dict[str, Any], where: str) -> bool:
        """A scale's scores beside their givers' names in the minutes: never on a blind step."""
        shown = self.flag(raw, "show_names", where)
        if shown and raw.get("blind") is True:
            raise self.error(f"{where}.show_names", _(
                "a blind step never shows who gave which score; leave out show_names or blind"))
        return shown

    def vote_source(self, raw: dict[str, Any], where: str, earlier: list[Step]) -> str:
        """A vote's source: the id of an earlier open step."""
        source = raw.get("source")
        if source is None:
            raise self.error(where, _("missing 'source': the id of an earlier open step to vote on"))
        if not isinstance(source, str):
            raise self.error(f"{where}.source", _("expected a step id, got {value}").format(value=describe(source)))
        target = next((step for step in earlier if step.id == source), None)
        if target is None:
            raise self.error(f"{where}.source", _("no earlier step with id '{id}'").format(id=short(source)))
        if target.kind is not PromptKind.OPEN:
            raise self.error(f"{where}.source", _("step '{id}' is a {kind} step, expected an open step").format(
                id=source, kind=target.kind))
        return source

    def levels(self, raw: dict[str, Any], where: str) -> tuple[Choice, ...]:
        """An open step's levels: typed as a prefix ('Organisatie: …'), so a label is one short
        line without a colon, and no two levels share a label or a marker word."""
        if "levels" not in raw:
            return ()
        levels = self.choices(raw, "levels", where, least=2,
                              too_few=N_("'levels' needs at least two [[steps.levels]] with id and text"))
        seen: dict[str, str] = {}
        for number, level in enumerate(levels, start=1):
            here = f"{where}.levels[{number}]"
            if level.id == POSITION:
                raise self.error(f"{here}.id", _("'{id}' is kept for positions; choose another id").format(id=POSITION))
            if seen.get(level.id, level.id) != level.id:
                raise self.error(f"{here}.id", _("the text '{text}' is already that of level '{id}'").format(
                    text=level.id, id=seen[level.id]))
            seen[level.id] = level.id
            for lang, label in level.text.values.items():
                word = label.strip().casefold()
                if ":" in label or "\n" in label or len(label) > 40:
                    raise self.fail(f"{here}.text.{lang}", _(
                        "a level's text is typed before a colon: expected at most 40 characters, no ':', one line"),
                        self.line_of(f"{here}.text"))
                if word in POSITION_WORDS + WHY_WORDS:
                    raise self.fail(f"{here}.text.{lang}", _(
                        "'{word}' is kept for positions and the interest behind them; choose another text").format(
                        word=short(label)), self.line_of(f"{here}.text"))
                if seen.get(word, level.id) != level.id:
                    raise self.fail(f"{here}.text.{lang}",
                                    _("the text '{text}' is already that of level '{id}'").format(
                                        text=short(label), id=seen[word]), self.line_of(f"{here}.text"))
                seen[word] = level.id
        return levels

    def scale(self, raw: Any, where: str) -> Scale:
        raw = self.table(raw, where)
        unknown = set(raw) - {"min", "max", "low", "high"}
        if unknown:
            name = sorted(unknown)[0]
            raise self.error(f"{where}.{name}", _("unknown field '{name}', expected {fields}").format(
                name=short(name), fields="min, max, low, high"))
        low = self.integer(raw, "min", where, 1, 0, 100)
        high = self.integer(raw, "max", where, 5, 0, 100)
        if high <= low:
            raise self.error(f"{where}.max", _("max ({high}) must be greater than min ({low})").format(
                high=high, low=low))
        if high - low > 20:
            raise self.error(f"{where}.max", _("a scale has at most 21 points"))
        return Scale(low, high, self.text(raw, "low", where, False), self.text(raw, "high", where, False))


# items = "partners": one item per partner, made when a session is prepared (workshop/core/steps/dependence.py)
PARTNER_ITEMS = (Choice("partners", Text({"nl": "(één stelling per partner)", "en": "(one item per partner)"})),)

# --- the step fields ----------------------------------------------------------------------
# name -> (the kinds it applies to, empty for every kind; how the checker reads it).
# A field given to a kind it does not apply to is refused; every other field gets its default.

Reader = Callable[[Checker, dict[str, Any], str, list[Step]], Any]
_OPEN, _STATEMENT, _SCALE, _VOTE = PromptKind.OPEN, PromptKind.STATEMENT, PromptKind.SCALE, PromptKind.VOTE
_ASSIGN, _CONSENT, _CHOICE = PromptKind.ASSIGN, PromptKind.CONSENT, PromptKind.CHOICE

STEP_FIELDS: dict[str, tuple[frozenset[PromptKind], Reader]] = {
    "title": (frozenset(), lambda c, raw, where, _earlier: c.text(raw, "title", where)),
    "prompt": (frozenset(), lambda c, raw, where, _earlier: c.text(raw, "prompt", where, multiline=True)),
    "hint": (frozenset(), lambda c, raw, where, _earlier: c.text(raw, "hint", where, False, multiline=True)),
    "timebox": (frozenset(), lambda c, raw, where, _earlier: c.integer(raw, "timebox", where, 10, 1, 240)),
    "anonymous": (frozenset({_OPEN}), lambda c, raw, where, _earlier: c.flag(raw, "anonymous", where)),
    "moderate": (frozenset({_OPEN}), lambda c, raw, where, _earlier: c.flag(raw, "moderate", where)),
    "answered": (frozenset(), lambda c, raw, where, _earlier: c.word(raw, "answered", where, ("count", "names"),
                                                                     "count")),
    "pains": (frozenset({_OPEN}), lambda c, raw, where, _earlier: c.flag(raw, "pains", where)
              if "pains" in raw else None),
    "lessons": (frozenset({_OPEN}), lambda c, raw, where, _earlier: c.flag(raw, "lessons", where)
                if "lessons" in raw else None),
    "levels": (frozenset({_OPEN}), lambda c, raw, where, _earlier: c.levels(raw, where)),
    "carry_over": (frozenset({_STATEMENT}), lambda c, raw, where, _earlier: c.flag(raw, "carry_over", where)),
    "items": (frozenset({_SCALE}), lambda c, raw, where, _earlier: PARTNER_ITEMS if raw.get("items") == "partners"
              else c.choices(
        raw, "items", where, least=1, scale_item=True,
        too_few=N_("a scale step needs at least one [[steps.items]] with id and text"))),
    "scale": (frozenset({_SCALE}), lambda c, raw, where, _earlier: c.scale(raw.get("scale", {}), f"{where}.scale")),
    "per": (frozenset({_SCALE, _CHOICE}), lambda c, raw, where, _earlier: c.word(
        raw, "per", where, ("partner", "participant"), "partner") if raw.get("kind") == "scale" else c.word(
        raw, "per", where, ("group", "partner"), "group")),
    "blind": (frozenset({_SCALE}), lambda c, raw, where, _earlier: c.flag(raw, "blind", where) if "blind" in raw
              else None),
    "show_names": (frozenset({_SCALE}), lambda c, raw, where, _earlier: c.show_names(raw, where)),
    "source": (frozenset({_VOTE}), lambda c, raw, where, earlier: c.vote_source(raw, where, earlier)),
    "dots": (frozenset({_VOTE}), lambda c, raw, where, _earlier: c.integer(raw, "dots", where, 3, 1, 20)),
    "rows": (frozenset({_ASSIGN}), lambda c, raw, where, _earlier: c.choices(raw, "rows", where, need_id=False,
                                                                                  row=True)),
    "when": (frozenset({_ASSIGN}), lambda c, raw, where, _earlier: c.word(raw, "when", where, ("date", "rhythm"),
                                                                           "date")),
    "actions": (frozenset({_ASSIGN}), lambda c, raw, where, _earlier: c.flag(raw, "actions", where)),
    "bodies": (frozenset({_CONSENT}), lambda c, raw, where, _earlier: c.choices(
        raw, "bodies", where, least=1,
        too_few=N_("a consent step needs at least one [[steps.bodies]] with id and text"))),
    "options": (frozenset({_CHOICE}), lambda c, raw, where, _earlier: c.choices(
        raw, "options", where, least=2,
        too_few=N_("a choice step needs at least two [[steps.options]] with id and text"))),
}
