"""Interests at a level, and the interest behind a position: what a typed line says besides who.

An open step may declare `levels` (person, organisation, collaboration). A contribution's level
is kept in its `item` (the level's id), as a scale item's id is; a position is `item` POSITION;
an interest typed as the answer to "why?" keeps the position's uid in its `value`.

Typed, these are prefixes before a colon, in any order with a name: "Anna: organisatie: …",
"organisatie: Anna: …", "standpunt: …", "waarom: samen: …" (all of them only on a step with
levels; elsewhere such a word is held as an unknown name, as before). The order of precedence, so that a
level is never held as an unknown name and a name is never taken for a level:
1. a prefix that is exactly a partner's or participant's name (or short name, alias) names them;
2. a prefix that is a level's label or id, or the start of a label (three letters at least), or a
   marker word (standpunt, waarom; position, why) is that level or marker;
3. anything else is left to the name matching (workshop/core/typed/attribution.py), which may hold it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workshop.core.guides import Choice, Step
from workshop.core.guides.fields import POSITION, POSITION_WORDS, WHY_WORDS  # the guide checks levels against them
from workshop.core.model import Contribution, Participant, PartnerCard
from workshop.core.text.i18n import _
from workshop.core.typed.attribution import PREFIX, Attribution, attribute, fold, names_of

MIN_START = 3  # "org:" is Organisatie; "or:" is nobody's level


@dataclass(frozen=True)
class Typed:
    """A typed line read: who (the name matching's answer), the level id ("" none, POSITION a
    position), whether it answers "why?" to a position, and the text without the prefixes."""

    who: Attribution
    level: str = ""
    why: bool = False

    @property
    def text(self) -> str:
        return self.who.text


def level_words(level: Choice) -> list[str]:
    return [level.id.casefold(), *(label.casefold() for label in level.text.values.values())]


def level_of(prefix: str, levels: Iterable[Choice]) -> str:
    """The level a typed prefix names: a whole label or id first, then the start of a label."""
    wanted = prefix.strip().casefold()
    levels = tuple(levels)
    for level in levels:
        if wanted in level_words(level):
            return level.id
    if len(wanted) >= MIN_START:
        starts = [level.id for level in levels if any(word.startswith(wanted) for word in level_words(level))]
        if len(set(starts)) == 1:
            return starts[0]
    return ""


def _exact_names(partners: Iterable[str], participants: Iterable[Participant],
                 cards: dict[str, PartnerCard]) -> set[str]:
    names: set[str] = set()
    for partner in partners:
        names.update(fold(name) for name in names_of(cards.get(partner) or PartnerCard(partner)))
    names.update(fold(person.name) for person in participants)
    return names


def read_typed(text: str, step: Step, partners: Iterable[str], participants: Iterable[Participant] = (),
               cards: dict[str, PartnerCard] | None = None, labels: Iterable[str] = ()) -> Typed:
    """Read the prefixes of a typed line: at most one name, one level (or 'standpunt'), one 'waarom'.
    A note-taker's label (`labels`: the guide's) names nobody: the line is nobody's, label kept."""
    partners, participants, cards, labels = list(partners), list(participants), cards or {}, list(labels)
    exact = _exact_names(partners, participants, cards)
    level, why, rest = "", False, text
    who: Attribution | None = None
    for _round in range(4):
        found = PREFIX.match(rest)
        if not found:
            break
        prefix, after = found.group(1).strip(), found.group(2)
        word = prefix.casefold()
        if who is None and fold(prefix) in exact:
            who = attribute(rest, partners, participants, cards, labels)
            rest = who.text if who.matched else rest
            if not who.matched:
                break
            continue
        # positions and the interests behind them belong to a step with levels
        if step.levels and not level and word in POSITION_WORDS:
            level, rest = POSITION, after
            continue
        if step.levels and not why and word in WHY_WORDS:
            why, rest = True, after
            continue
        named = level_of(prefix, step.levels) if not level else ""
        if named:
            level, rest = named, after
            continue
        if who is None:
            who = attribute(rest, partners, participants, cards, labels)
            if who.matched:
                rest = who.text
                continue
        break
    if who is None:
        who = Attribution(rest)
    elif who.matched:
        who = Attribution(rest, who.prefix, who.speaker)
    # else held (unknown or unclear): its text is the line from that name on, as typed
    return Typed(who, level, why)


def level_label(step: Step, level: str, lang: str) -> str:
    """A level's label in `lang`; a position's word; "" for none (or a level the step lost)."""
    if level == POSITION:
        return _("Position")
    found = next((choice for choice in step.levels if choice.id == level), None)
    return found.text.get(lang) if found is not None else ""


def next_level(step: Step, level: str) -> str:
    """The level after `level` in the step's order, then none, then the first again."""
    order = ["", *(choice.id for choice in step.levels)]
    return order[(order.index(level) + 1) % len(order)] if level in order else order[0]


LATEST_POSITION = "latest-position"  # an AddContribution's value: "the position this answers", found when applied


def no_position() -> str:
    return _("No position yet to put this under: note one first with '{word}: …'.").format(word=_("Position"))


def position_behind(contributions: list[Contribution], partner: str) -> Contribution | None:
    """The position an answer to "why?" belongs to: this partner's latest, else the step's latest."""
    positions = [c for c in contributions if c.item == POSITION]
    own = [c for c in positions if partner and c.partner == partner]
    return (own or positions)[-1] if own or positions else None


def behind(c: Contribution) -> str:
    """The uid of the position this contribution is the interest behind ("" when none)."""
    return c.value if isinstance(c.value, str) and c.item != POSITION else ""


def refuses(step: Step, item: str, value: object, step_contributions: list[Contribution]) -> str | None:
    """Why a level or link cannot be set on an open step's contribution (one line), or None."""
    if item and item != POSITION and item not in {choice.id for choice in step.levels}:
        return _("'{level}' is not a level of this step.").format(level=item)
    if value not in (None, "") and not (isinstance(value, str) and any(
            c.uid == value and c.item == POSITION for c in step_contributions)):
        return _("An interest can only be linked to a position of the same step.")
    return None

