"""Who said it: a typed prefix like 'Arnhem: …' named as one partner or participant, or not at all.

A prefix before a colon is matched against every word of a partner's or participant's name, a
partner's short name and its aliases. The result is one match, several candidates (then nothing
may be credited) or no match (then the facilitator decides). A table of 27 partners has several
"Gemeente …" and two "… Ede": a guess would credit the wrong one, so this never guesses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from workshop.core.model import Participant, PartnerCard

# At most three words before the colon; a time (10:30) or a link (https://…) is not a prefix.
PREFIX = re.compile(r"^\s*([^:\n\d/][^:\n/]{0,39}?)\s*:(?!/)\s*(\S.*)$", re.DOTALL)
MAX_PREFIX_WORDS = 3
# A note-taker's label before a colon ("Wens: …", "Idee: …") is part of the text, not a name
# mistyped: when it names nobody at the table, the line is saved as typed, not held to be asked.
LABELS = frozenset({
    "wens", "wensen", "pijnpunt", "knelpunt", "idee", "vraag", "actie", "besluit", "afspraak",
    "risico", "kans", "belang", "suggestie", "opmerking", "nb", "tip",
    "wish", "pain", "idea", "question", "action", "decision", "agreement", "risk", "opportunity",
    "interest", "suggestion", "remark", "note",
})


def fold(words: str) -> str:
    """Words as they are compared: case and accents left out ("Pre Wonen" is "Pré Wonen")."""
    return "".join(char for char in unicodedata.normalize("NFKD", words.casefold()) if not unicodedata.combining(char))


def is_label(prefix: str, labels: Iterable[str] = (), own: bool = True) -> bool:
    """Is `prefix` a note-taker's label: one the session's guide declares, or (own) one of LABELS?"""
    wanted = fold(prefix.strip())
    return (own and wanted in LABELS) or any(wanted == fold(label) for label in labels)


@dataclass(frozen=True)
class Speaker:
    """A partner, a participant of a partner, or nobody in particular (both empty)."""

    partner: str = ""
    participant: str = ""

    def label(self, nobody: str = "") -> str:
        if self.participant:
            return f"{self.participant} ({self.partner})" if self.partner else self.participant
        return self.partner or nobody


@dataclass(frozen=True)
class Attribution:
    """What a typed line says about who said it.

    - no prefix: `prefix` is "" and `text` is the whole line;
    - one match: `speaker` is set and `text` is the line without the prefix;
    - ambiguous: `candidates` lists who it could be, `text` is the whole line;
    - unknown: a prefix matching nobody; `text` is the whole line;
    - labelled: a note-taker's label ("Ontbreekt: …") naming nobody at the table: `label` is set,
      `text` is the whole line (the label kept) and the line is nobody's in particular."""

    text: str
    prefix: str = ""
    speaker: Speaker | None = None
    candidates: tuple[Speaker, ...] = field(default_factory=tuple)
    label: str = ""

    @property
    def labelled(self) -> bool:
        return bool(self.label)

    @property
    def matched(self) -> bool:
        return self.speaker is not None

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1

    @property
    def unknown(self) -> bool:
        return bool(self.prefix) and self.speaker is None and not self.candidates


def _words(name: str) -> list[str]:
    return [word for word in re.split(r"[\s\-/().,&]+", fold(name)) if word]


def names_of(card: PartnerCard) -> list[str]:
    """Every name a partner goes by: its name, short name and aliases."""
    return [name for name in (card.name, card.short, *card.aliases) if name]


def attribute(text: str, partners: Iterable[str], participants: Iterable[Participant] = (),
              cards: dict[str, PartnerCard] | None = None, labels: Iterable[str] = ()) -> Attribution:
    """Read the prefix of `text` against the partners (their cards give short names and aliases)
    and the participants. Tiers, first one with any candidate wins: a whole name or short name;
    a whole word of a name; the start of a word. One candidate in that tier is a match. Case and
    accents do not count. A note-taker's label makes the line nobody's in particular, the label kept
    in its text: one of the guide's `labels` unless it is a whole name or a word of one, one of
    LABELS only when it names nobody at all."""
    found = PREFIX.match(text)
    if not found or len(found.group(1).split()) > MAX_PREFIX_WORDS:
        return Attribution(text)
    prefix, rest = found.group(1).strip(), found.group(2)
    wanted = fold(prefix)
    cards = cards or {}
    everyone: list[tuple[Speaker, list[str]]] = []
    for partner in partners:
        card = cards.get(partner) or PartnerCard(partner)
        everyone.append((Speaker(partner), names_of(card)))
    for person in participants:
        everyone.append((Speaker(person.partner, person.name), [person.name]))
    tiers = (
        lambda names: any(fold(name) == wanted for name in names),
        lambda names: any(wanted == word for name in names for word in _words(name)),
        lambda names: any(word.startswith(wanted) for name in names for word in _words(name)) or
        any(fold(name).startswith(wanted) for name in names),
    )
    for number, tier in enumerate(tiers):
        if number == 2 and is_label(prefix, labels, own=False):  # the guide's 'Proces:' is not 'Procesbureau'
            return Attribution(text, label=prefix)
        hits = list(dict.fromkeys(speaker for speaker, names in everyone if tier(names)))
        if len(hits) == 1:
            return Attribution(rest, prefix, hits[0])
        if hits:
            return Attribution(text, prefix, None, tuple(hits))
    if is_label(prefix, labels):
        return Attribution(text, label=prefix)
    # One word before a colon that names nobody may be a name mistyped: the facilitator decides.
    # Several words are a name only when one of them is a word of a name ("Gemeente Apeldoorn:");
    # otherwise ("Parking lot: …") the line is just text.
    known = {word for _speaker, names in everyone for name in names for word in _words(name)}
    if len(_words(prefix)) > 1 and not any(word in known for word in _words(prefix)):
        return Attribution(text)
    return Attribution(text, prefix)


def matching(typed: str, partners: Iterable[str], cards: dict[str, PartnerCard] | None = None) -> list[str]:
    """The partners with a word (of name, short name or alias) starting with each typed word
    (the picker's filter: "gem ede" finds Gemeente Ede, not Gemeente Rheden)."""
    typed_words = _words(typed)
    cards = cards or {}
    found = []
    for partner in partners:
        words = [word for name in names_of(cards.get(partner) or PartnerCard(partner)) for word in _words(name)]
        if all(any(word.startswith(t) for word in words) for t in typed_words):
            found.append(partner)
    return found


def cards_of(meta: dict[str, Any]) -> dict[str, PartnerCard]:
    """A session's partner cards (short name, aliases, group) by partner name. Sessions made
    before cards existed have none: every partner then gets a card with just its name."""
    stored = meta.get("partner_cards") or {}
    cards = {}
    for name in meta.get("partners", []):
        data = stored.get(name) if isinstance(stored, dict) else None
        cards[name] = PartnerCard.from_dict({**data, "name": name}) if isinstance(data, dict) else PartnerCard(name)
    return cards


def short_name(card: PartnerCard | None, name: str) -> str:
    return card.short if card is not None and card.short else name


def groups_of(cards: dict[str, PartnerCard]) -> dict[str, list[str]]:
    """Group → its partners, in the order the partners were given (partners without a group left out)."""
    groups: dict[str, list[str]] = {}
    for name, card in cards.items():
        if card.group:
            groups.setdefault(card.group, []).append(name)
    return groups


def column_headings(partners: list[str]) -> dict[str, str]:
    """A short heading per partner for a grid's column: a first word that several partners share
    ("Gemeente", "Stichting") is left out, unless that makes two headings the same."""
    firsts: dict[str, int] = {}
    for name in partners:
        words = name.split()
        if len(words) > 1:
            firsts[words[0].casefold()] = firsts.get(words[0].casefold(), 0) + 1
    headings = {}
    for name in partners:
        words = name.split()
        shared = len(words) > 1 and firsts.get(words[0].casefold(), 0) > 1
        headings[name] = " ".join(words[1:]) if shared else name
    seen: dict[str, int] = {}
    for heading in headings.values():
        seen[heading.casefold()] = seen.get(heading.casefold(), 0) + 1
    return {name: heading if seen[heading.casefold()] == 1 else name for name, heading in headings.items()}
