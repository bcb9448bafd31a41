"""The Dutch texts keep to the terms decided in docs/terms.md.

Guides, the Dutch catalogue and the golden exports are searched for the words we decided against.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from workshop.core.guides import builtin_guide_paths, load_guide_file

ROOT = Path(__file__).parents[2]
CATALOGUE = ROOT / "workshop" / "locale" / "nl" / "LC_MESSAGES" / "workshop.po"
GOLDEN = sorted((ROOT / "tests" / "core" / "golden").iterdir())

# Words decided against everywhere (docs/terms.md, "Words we decided against"): pattern -> the term to use.
EVERYWHERE = {
    r"\bknelpunt": "pijnpunt",
    r"\blive sessie": "bijeenkomst",
    r"door de tijd\b": "in de loop van de tijd",
    r"\bhoogstens\b": "maximaal",
    r"\bvorderden\b": "zich ontwikkelden",
    r"opdrachtenpalet|palet: elke actie|\bacties? op naam\b|toetsactie|zoek een actie": "opdracht (an actie is an action item)",
    r"\bpulscheck": "vinger aan de pols",
    r"(?-i:KERNVRAAG)": "(nothing: the app marks the key question)",
    r"\beigen notitie\b": "privénotitie",
    r"\bspreiding": "bereik (lowest–highest), standaardafwijking or verdeling (how many per score or option)",
    r"\bover de datum\b": "verlopen (an action past its date)",
    r"gelaten zoals het is": "ongemoeid gelaten",
    r"\bbestuursvergadering": "bestuurlijk overleg (six partners have no one bestuur)",
    r"\bhun zegje\b": "advies, instemming of goedkeuring (a formal body's say has a name)",
}
# In a guide, the meeting is a bijeenkomst; sessie is the app's record of it.
IN_GUIDES = {r"\bsessies?\b": "bijeenkomst"}
# Allowed on purpose: these name the app's record, not the meeting.
ALLOWED = ("open de sessie vooraf",)


def offences(text: str, rules: dict[str, str]) -> list[str]:
    for allowed in ALLOWED:
        text = text.replace(allowed, "")
    return [f"'{found.group()}' (use {use})" for pattern, use in rules.items()
            for found in re.finditer(pattern, text, re.IGNORECASE)]


def dutch_guide_texts(path: Path) -> list[tuple[str, str]]:
    guide = load_guide_file(path)
    texts = [("title", guide.title), ("description", guide.description)]
    for step in guide.steps:
        texts += [(f"{step.id}.title", step.title), (f"{step.id}.prompt", step.prompt), (f"{step.id}.hint", step.hint),
                  (f"{step.id}.scale", step.scale.low), (f"{step.id}.scale", step.scale.high)]
        for offered in (*step.items, *step.options, *step.rows, *step.bodies):
            texts.append((f"{step.id}.{offered.id}", offered.text))
    return [(where, text.values["nl"]) for where, text in texts if "nl" in text.values]


def test_the_check_finds_a_word_we_decided_against_and_spares_the_allowed_ones() -> None:
    assert offences("Drie knelpunten en een pulscheck", EVERYWHERE) == [
        "'knelpunt' (use pijnpunt)", "'pulscheck' (use vinger aan de pols)"]
    assert offences("Acties over de datum; gelaten zoals het is", EVERYWHERE) == [
        "'over de datum' (use verlopen (an action past its date))", "'gelaten zoals het is' (use ongemoeid gelaten)"]
    assert offences("Vul het in (open de sessie vooraf).", IN_GUIDES) == []
    assert offences("De volgende sessie begint hier.", IN_GUIDES) == ["'sessie' (use bijeenkomst)"]
    assert offences("Een werksessie van drie uur", IN_GUIDES) == []


@pytest.mark.parametrize("path", builtin_guide_paths(), ids=lambda path: path.stem)
def test_no_dutch_guide_text_uses_a_term_we_decided_against(path: Path) -> None:
    found = [f"{path.name} {where}: {offence}" for where, text in dutch_guide_texts(path)
             for offence in offences(text, EVERYWHERE | IN_GUIDES)]
    assert found == []


def test_no_dutch_translation_in_the_catalogue_uses_a_term_we_decided_against() -> None:
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    found = []
    for message in catalogue:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            found += [f"{message.id!r}: {offence}" for offence in offences(text or "", EVERYWHERE)]
    assert found == []


@pytest.mark.parametrize("path", GOLDEN, ids=lambda path: path.name)
def test_no_golden_export_uses_a_term_we_decided_against(path: Path) -> None:
    assert offences(path.read_text(encoding="utf-8"), EVERYWHERE) == []
