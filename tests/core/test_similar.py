"""The pain-point matcher's words: Snowball's stemmer (Dutch, or English for an English
collaboration) under the project's own overlap score, which separates the labelled pairs."""

from __future__ import annotations

import itertools

import pytest

from tests.core.alliance import MEETINGS, PRIVACY, RISK, WAITING
from workshop.core.compare.similar import SUGGEST_FROM, Likeness, content_words, similarity, stem

SAME = [*itertools.combinations(RISK, 2), *itertools.combinations(WAITING, 2), MEETINGS[:2], MEETINGS[::2],
        ("Tekorten op de begroting", "Het tekort op de begroting groeit"),
        ("Het budget is te krap", "De budgetten zijn te krap")]
DIFFERENT = [(PRIVACY, RISK[0]), (WAITING[0], MEETINGS[1]),
             ("Wethouder komt niet naar de stuurgroep", "De stuurgroep neemt geen besluiten")]


def test_a_plural_and_its_singular_share_a_stem():
    assert stem("tekorten") == stem("tekort") == "tekort"
    assert stem("wachtlijsten") == "wachtlijst" and stem("besluiten") == "besluit"


def test_budget_keeps_its_last_letter():
    assert stem("budget") == "budget"  # the hand-made stemmer cut it to "budge"
    assert content_words("het budget") == ("budget",)


@pytest.mark.parametrize(("first", "second"), SAME)
def test_rewordings_of_one_pain_point_are_suggested(first, second):
    assert similarity(first, second) >= SUGGEST_FROM


@pytest.mark.parametrize(("first", "second"), DIFFERENT)
def test_different_pain_points_are_not(first, second):
    assert similarity(first, second) < SUGGEST_FROM


def test_an_english_collaboration_is_stemmed_in_english():
    assert stem("meetings", "en") == stem("meeting", "en")
    assert similarity("Too many meetings", "The meeting takes too long", lang="en") >= SUGGEST_FROM
    likeness = Likeness(["Too many meetings", "The meeting takes too long"], lang="en")
    assert likeness.scores("Too many meetings") == {
        "The meeting takes too long": similarity("Too many meetings", "The meeting takes too long", lang="en")}
