"""A typed prefix names one partner, several (then nobody is credited) or nobody."""

from __future__ import annotations

from tests.table27 import PARTNERS
from workshop.core.model import Participant, PartnerCard
from workshop.core.typed.attribution import Speaker, attribute, cards_of, matching

CARDS = {"Gemeente Arnhem": PartnerCard("Gemeente Arnhem", "Arnhem")}
PEOPLE = [Participant("Anna", "Gemeente Arnhem"), Participant("Dewi", "Gemeente Ede")]


def test_a_word_of_one_partners_name_credits_that_partner_and_drops_the_prefix():
    found = attribute("Renkum: meer tijd", PARTNERS)
    assert found.speaker == Speaker("Gemeente Renkum") and found.text == "meer tijd"


def test_a_short_name_credits_its_partner_even_when_another_name_has_the_word():
    found = attribute("Arnhem: centrumgemeente", PARTNERS, cards=CARDS)
    assert found.speaker == Speaker("Gemeente Arnhem") and found.text == "centrumgemeente"


def test_a_word_in_two_names_is_ambiguous_and_names_both():
    found = attribute("Ede: wij willen spreiding", PARTNERS)
    assert found.ambiguous and found.speaker is None
    assert {c.partner for c in found.candidates} >= {"Gemeente Ede", "Woonstichting Ede"}
    assert found.text == "Ede: wij willen spreiding"


def test_the_start_of_a_word_shared_by_seven_municipalities_is_ambiguous():
    assert len(attribute("Gem: wij ook", PARTNERS).candidates) == 7


def test_a_participant_is_credited_with_their_partner():
    found = attribute("anna: ja", PARTNERS, PEOPLE)
    assert found.speaker == Speaker("Gemeente Arnhem", "Anna")


def test_a_word_before_a_colon_matching_nobody_is_unknown_and_keeps_the_text():
    found = attribute("Planning: morgen", PARTNERS)
    assert found.unknown and found.text == "Planning: morgen"


def test_a_note_takers_label_before_a_colon_is_text_unless_it_names_someone():
    for line in ("Wens: één aanpak voor de wijk", "idee: samen oefenen", "Wish: more time", "NB: niet vergeten"):
        found = attribute(line, PARTNERS)
        assert not found.unknown and not found.prefix and found.text == line
    named = attribute("Idee: een pilot", PARTNERS, [Participant("Ideefix", "Gemeente Arnhem")])
    assert named.matched and named.speaker.participant == "Ideefix"  # someone's name comes first


def test_an_unknown_name_with_a_word_of_a_partners_name_is_unknown_too():
    assert attribute("Gemeente Apeldoorn: wij ook", PARTNERS).unknown


def test_several_words_before_a_colon_that_name_nobody_are_just_text():
    found = attribute("Parking lot: the role of the GPs", PARTNERS)
    assert not found.prefix and not found.unknown and found.text == "Parking lot: the role of the GPs"


def test_a_time_or_a_link_is_no_prefix():
    assert not attribute("10:30 start", PARTNERS).prefix
    assert not attribute("https://example.org", PARTNERS).prefix


def test_the_picker_filter_finds_partners_by_any_part_of_a_name_or_short_name():
    assert matching("arnh", PARTNERS, CARDS) == ["Gemeente Arnhem", "Volkshuisvesting Arnhem", "Humanitas Arnhem"]
    assert matching("gem ede", PARTNERS) == ["Gemeente Ede"]


def test_a_session_without_partner_cards_reads_every_partner_with_just_its_name():
    cards = cards_of({"partners": ["A", "B"]})
    assert cards == {"A": PartnerCard("A"), "B": PartnerCard("B")}
