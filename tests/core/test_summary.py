"""The summary: what a session agreed, in reading order and in the session's language."""

from __future__ import annotations

import pytest

from workshop.core.outcomes.summary import ACTIONS_KEY, SummaryLine, SummarySection, summarise


@pytest.fixture
def filled(live):
    s = live()
    s.choose("welcome", "delen")
    s.revise("ambition", "Samen zorgen we voor een thuis dichtbij")
    s.revise("ambition", "Samen zorgen we voor een thuis dichtbij, voor iedereen")
    s.agree("ambition")
    s.revise("ambition", "een verworpen voorstel")
    s.revise("pilot", "Eén wijkteam in Oost")
    pain = s.add("pains", "Te veel overleg", partner="Gemeente")
    other = s.add("pains", "Geen gedeeld dossier", partner="Zorggroep")
    s.add("pains", "Niemand stemde hierop", partner="Woonstede")
    s.vote("priorities", pain.uid, "Gemeente", 2)
    s.vote("priorities", other.uid, "Zorggroep", 3)
    s.assign("achterban", "Kernboodschap aan de teams", "Bram", "2026-12-15")
    s.assign("roles", "Procesbegeleider", "Anna", "maandelijks")
    s.assign("actions", "OR informeren", "Gemeente", "2026-12-01")
    s.set_consent("consent", "Zorggroep", "rvt", "requested", "2026-12-10")
    s.set_consent("consent", "Gemeente", "or", "consent_given")
    s.score("interaction", "humour", "Gemeente", 4)
    s.score("interaction", "threshold", "Gemeente", 2)
    s.score("interaction", "threshold", "Zorggroep", 4)
    return s


def keys(sections: list[SummarySection]) -> list[str]:
    return [section.key for section in sections]


def test_actions_come_first_then_statements_roles_consent_choice_vote_scale(filled):
    assert keys(summarise(filled)) == [ACTIONS_KEY, "ambition", "pilot", "roles", "consent", "welcome",
                                       "priorities", "interaction"]


def test_every_action_step_feeds_the_agreements_table(filled):
    actions = summarise(filled)[0]
    assert actions.title == "Agreements and actions"
    assert actions.lines == (SummaryLine("Kernboodschap aan de teams", "Bram", "2026-12-15"),
                             SummaryLine("OR informeren", "Gemeente", "2026-12-01"))


def test_a_statement_reads_its_last_agreed_text_and_a_draft_says_so(filled):
    sections = {s.key: s for s in summarise(filled)}
    assert sections["ambition"].lines == (SummaryLine("Samen zorgen we voor een thuis dichtbij, voor iedereen",
                                                      status="agreed"),)
    assert sections["pilot"].lines == (SummaryLine("Eén wijkteam in Oost", status="draft"),)


def test_consent_is_listed_per_partner_with_the_body_and_status_in_words(filled):
    lines = {s.key: s for s in summarise(filled)}["consent"].lines
    assert lines == (SummaryLine("Works council (OR)", "Gemeente", "", "consent given"),
                     SummaryLine("Supervisory board (RvT)", "Zorggroep", "2026-12-10", "requested"))


def test_the_choice_reads_the_option_text(filled):
    lines = {s.key: s for s in summarise(filled)}["welcome"].lines
    assert lines[0].text.startswith("Sharing")


def test_the_vote_reads_the_ranking_with_dots_and_leaves_out_unvoted_items(filled):
    lines = {s.key: s for s in summarise(filled)}["priorities"].lines
    assert [(line.text, line.status) for line in lines] == [("Geen gedeeld dossier", "3 dots"),
                                                            ("Te veel overleg", "2 dots")]


def test_the_threshold_question_leads_the_scale_with_mean_and_spread(filled):
    lines = {s.key: s for s in summarise(filled)}["interaction"].lines
    assert lines[0].text == "The threshold for approaching each other is low."
    assert lines[0].status == "key question; mean 3.0, range 2–4"
    assert lines[0].who == ""  # read out to the room: no names beside scores unless the guide asks
    assert lines[1].status == "mean 4.0, range 4–4"


def test_an_empty_session_has_nothing_to_read_out(live):
    assert summarise(live()) == []


def test_titles_follow_the_session_language_and_the_app_language_is_restored(make_session, live):
    from workshop.core.text.i18n import current_language

    s = live(make_session(lang="nl"))
    s.revise("ambition", "Samen", agreed=True)
    sections = summarise(s)
    assert sections[0].title == "Gedeelde ambitie"
    assert current_language() == "en"


def test_review_lines_say_what_became_of_each_carried_item(live, make_session, store):
    first = live()
    first.assign("actions", "Wachtlijst delen", "Zorggroep", "2026-12-01")
    first.assign("actions", "Wethouder bellen", "Gemeente")
    first.release()
    second = live(make_session(date="2027-01-15"))
    done = second.carried[0]
    second.mark("review", done.uid, "done")
    lines = {s.key: s for s in summarise(second)}["review"].lines
    assert lines == (SummaryLine("Wachtlijst delen", "Zorggroep", "2026-12-01", "done"),
                     SummaryLine("Wethouder bellen", "Gemeente", "", "not reviewed"))


def test_summary_types_are_frozen():
    line = SummaryLine("x")
    with pytest.raises(AttributeError):
        line.text = "y"  # type: ignore[misc]
