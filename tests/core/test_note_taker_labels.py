"""Words the guides tell the note-taker to type before a colon ('Ontbreekt:', 'Proces:') are
labels the guide declares: such a line is nobody's in particular, label kept, never held as an
unknown name nor credited to the partner selected last. Accents in names do not count."""

from __future__ import annotations

import re
import tomllib

import pytest

from workshop.core.guides import GuideError, builtin_guide_paths, load_guide_text, load_shelf
from workshop.core.model import Participant
from workshop.core.typed.attribution import Speaker, attribute

PARTNERS = ["Gemeente Ede", "Pré Wonen", "Procesbureau Oost", "Zorggroep"]
GUIDE = '''[guide]
id = "t"
title = { nl = "Titel", en = "Title" }
LABELS

[[steps]]
id = "a"
kind = "open"
title = { nl = "A", en = "A" }
prompt = { nl = "A", en = "A" }
'''


def test_a_declared_label_makes_the_line_nobodys_and_keeps_it_as_typed():
    found = attribute("Ontbreekt: de woningcorporatie", PARTNERS, labels=["Ontbreekt"])
    assert found.labelled and not found.unknown and found.speaker is None
    assert found.text == "Ontbreekt: de woningcorporatie"
    assert attribute("Ontbreekt: de woningcorporatie", PARTNERS).unknown  # undeclared: held as a name


def test_a_declared_label_is_not_the_start_of_a_partners_name_but_a_whole_name_comes_first():
    assert attribute("Proces: te traag", PARTNERS, labels=["Proces"]).labelled  # not Procesbureau Oost
    assert attribute("Proces: te traag", PARTNERS).speaker == Speaker("Procesbureau Oost")
    named = attribute("Zorggroep: te traag", PARTNERS, labels=["Zorggroep"])
    assert named.speaker == Speaker("Zorggroep")
    person = attribute("Anna: Ontbreekt: de school", PARTNERS, [Participant("Anna", "Zorggroep")], labels=["Ontbreekt"])
    assert person.speaker == Speaker("Zorggroep", "Anna") and person.text == "Ontbreekt: de school"


def test_accents_do_not_count_in_a_name_either_way():
    assert attribute("Pre Wonen: meer huizen", PARTNERS).speaker == Speaker("Pré Wonen")
    assert attribute("pré: meer huizen", PARTNERS).speaker == Speaker("Pré Wonen")
    assert attribute("Zörggroep: ja", PARTNERS).speaker == Speaker("Zorggroep")
    assert attribute("Pré Wonen: ja", ["Pre Wonen"]).speaker == Speaker("Pre Wonen")
    assert attribute("ontbréékt: x", PARTNERS, labels=["Ontbreekt"]).labelled


def test_a_guide_declares_its_labels_per_language():
    guide = load_guide_text(GUIDE.replace("LABELS", 'labels = { nl = ["Ontbreekt", "Parkeerplaats"], en = ["Missing"] }'))
    assert guide.labels == {"nl": ("Ontbreekt", "Parkeerplaats"), "en": ("Missing",)}
    assert guide.label_words == ["Ontbreekt", "Parkeerplaats", "Missing"]
    assert load_guide_text(GUIDE.replace("LABELS", "")).labels == {}


@pytest.mark.parametrize("labels, says", [
    ('labels = ["Ontbreekt"]', "line 4, guide.labels: expected labels per language"),
    ('labels = { fr = ["Manque"] }', "guide.labels: unknown language 'fr'"),
    ('labels = { nl = "Ontbreekt" }', "line 4, guide.labels.nl: expected a list of labels"),
    ('labels = { nl = ["Te: veel"] }', "line 4, guide.labels.nl: a label is typed before a colon"),
    ('labels = { nl = ["een twee drie vier"] }', "a label is typed before a colon"),
    ('labels = { nl = ["10 uur"] }', "a label is typed before a colon"),
    ('labels = { nl = [""] }', "line 4, guide.labels.nl: expected a non-empty string"),
    ('labels = { nl = [3] }', "guide.labels.nl: expected a non-empty string"),
])
def test_guide_check_names_a_wrong_label(labels, says):
    with pytest.raises(GuideError) as raised:
        load_guide_text(GUIDE.replace("LABELS", labels), "mine.toml")
    assert str(raised.value).startswith("mine.toml: ") and says in str(raised.value)


QUOTED = re.compile(r"'([A-Za-zÀ-ÿ][^':\n]{0,39}):'")  # 'Ontbreekt:' in a hint


def test_the_built_in_guides_declare_every_label_their_hints_tell_the_note_taker_to_type():
    from workshop.core.typed.interests import POSITION_WORDS, WHY_WORDS, level_of

    for path in builtin_guide_paths():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        guide = load_shelf().get(data["guide"]["id"])
        declared = {word.casefold() for word in guide.label_words}
        for step in guide.steps:
            for lang, hint in step.hint.values.items():
                for word in QUOTED.findall(hint):  # a step's level ('Samen:') or marker ('Waarom:') is no label
                    known = word.casefold() in declared | set(POSITION_WORDS + WHY_WORDS) or level_of(word, step.levels)
                    assert known, (path.name, step.id, lang, word)


def test_a_prepared_session_keeps_its_guides_labels(store, make_session):
    from workshop.core.session import SessionView

    view = SessionView(store.read_session(make_session(lang="nl")))
    assert {"Ontbreekt", "Missing", "Parkeerplaats"} <= set(view.labels)
