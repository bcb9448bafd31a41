"""The comparison tells the truth: a failing alliance over three sessions, built through the public API."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.core.alliance import (
    ALLIANCE,
    AMBITION,
    AMBITION_NEW,
    MEETINGS,
    PARTNERS,
    PEOPLE,
    PRIVACY,
    RISK,
    TODAY,
    WAITING,
    build_alliance,
    give_scores,
    run_session,
)
from workshop.core.compare import (
    DOWN,
    STEADY,
    UP,
    collects_pains,
    compare_sessions,
    link_pains,
    mark_solved,
    parse_due,
    reject_match,
    select_sessions,
    similarity,
    unlink_pains,
)
from workshop.core.guides import Step, Text
from workshop.core.model import PromptKind
from workshop.core.outcomes.carry import carried_from, late_first
from workshop.core.session import SessionView
from workshop.core.store import StoreError


@pytest.fixture
def alliance(store, make_session) -> dict[str, str]:
    return build_alliance(store, make_session)


def _compare(store, name: str = ALLIANCE):
    return compare_sessions(select_sessions(store, collaboration=name), today=TODAY)


@pytest.fixture
def failing(store, alliance):
    return _compare(store)


def _suggested(round_) -> dict[str, str]:
    return {s.point.text: s.earlier.text for s in round_.suggestions}


# --- pain points ---------------------------------------------------------------------------------


def test_each_reworded_pain_point_is_suggested_as_the_earlier_one(failing):
    # each stands once, as possibly the same as the earlier one, until the facilitator says
    assert [len(r.new) for r in failing.pains] == [4, 0, 0]
    assert [len(r.alike) for r in failing.pains] == [0, 3, 3]
    second, third = failing.pains[1], failing.pains[2]
    assert _suggested(second) == {RISK[1]: RISK[0], WAITING[1]: WAITING[0], MEETINGS[1]: MEETINGS[0]}
    for group in (RISK, WAITING, MEETINGS):
        assert _suggested(third)[group[2]] in group[:2]


def test_a_pain_point_not_raised_again_is_no_longer_mentioned_never_solved(failing):
    assert all(r.solved == () for r in failing.pains)
    assert "solved" not in {t.status for t in failing.pain_trails}
    assert PRIVACY in {p.text for p in failing.pains[1].gone}
    privacy = next(t for t in failing.pain_trails if t.wordings[0].text == PRIVACY)
    assert privacy.status == "gone"


def test_unrelated_pain_points_are_not_suggested():
    assert similarity(PRIVACY, RISK[0]) == 0
    assert similarity(WAITING[0], MEETINGS[1]) == 0
    assert similarity("Wethouder komt niet naar de stuurgroep", "De stuurgroep neemt geen besluiten") < 0.4


def test_a_confirmed_suggestion_links_shows_what_it_links_to_and_can_be_undone(store, alliance):
    views = select_sessions(store, collaboration=ALLIANCE)
    suggestion = next(s for s in _compare(store).pains[1].suggestions if s.point.text == RISK[1])
    assert link_pains(store, views, suggestion.point.uid, suggestion.earlier.uid) == alliance["second"]
    linked = _compare(store)
    risk = next(p for p in linked.pains[1].recurring if p.text == RISK[1])
    assert risk.linked and risk.earlier.text == RISK[0] and risk.earlier.session == alliance["first"]
    assert set(risk.link) == {suggestion.point.uid, suggestion.earlier.uid}
    assert risk.link_session == alliance["second"]
    assert RISK[1] not in _suggested(linked.pains[1])

    views = select_sessions(store, collaboration=ALLIANCE)
    assert unlink_pains(store, views, *risk.link) == alliance["second"]
    undone = _compare(store)
    assert RISK[1] in {p.text for p in undone.pains[1].alike} and RISK[1] in _suggested(undone.pains[1])
    with pytest.raises(StoreError, match="not linked"):
        unlink_pains(store, select_sessions(store, collaboration=ALLIANCE), *risk.link)


def test_a_rejected_suggestion_is_not_offered_again(store, alliance):
    views = select_sessions(store, collaboration=ALLIANCE)
    suggestion = next(s for s in _compare(store).pains[1].suggestions if s.point.text == MEETINGS[1])
    assert reject_match(store, views, suggestion.point.uid, suggestion.earlier.uid) == alliance["second"]
    assert MEETINGS[1] not in _suggested(_compare(store).pains[1])
    assert SessionView(store.read_session(alliance["second"])).meta["not_same"] == [
        [suggestion.point.uid, suggestion.earlier.uid]]


def test_confirmed_links_make_the_pain_points_recur_and_the_headline_counts_them(store, alliance):
    for index in (1, 2):
        for suggestion in _compare(store).pains[index].suggestions:
            link_pains(store, select_sessions(store, collaboration=ALLIANCE), suggestion.point.uid,
                       suggestion.earlier.uid)
    linked = _compare(store)
    assert {p.text for p in linked.pains[2].recurring} == {RISK[2], WAITING[2], MEETINGS[2]}
    assert all(p.times == 3 for p in linked.pains[2].recurring)
    assert linked.headlines[0].recurring_pains == 3
    assert "3 pijnpunten komen steeds terug" in " ".join(linked.headlines[0].sentences)


def test_a_pain_point_is_solved_only_when_the_group_marks_it_and_until_it_comes_back(store, alliance):
    views = select_sessions(store, collaboration=ALLIANCE)
    privacy = next(c for c in views[0].contributions("pains") if c.text == PRIVACY)
    assert mark_solved(store, views, privacy.uid[:12]) == alliance["first"]
    solved = _compare(store)
    assert [p.text for p in solved.pains[1].solved] == [PRIVACY]
    assert PRIVACY not in {p.text for p in solved.pains[1].gone}
    mark_solved(store, select_sessions(store, collaboration=ALLIANCE), privacy.uid, solved=False)
    assert _compare(store).pains[1].solved == ()


def test_a_step_declared_to_collect_pain_points_joins_the_trail():
    open_step = Step(id="extra-1234", kind=PromptKind.OPEN, title=Text({"en": "Worries"}), prompt=Text({}))
    assert not collects_pains(open_step)
    assert collects_pains(open_step, {"id": "extra-1234", "pains": True})
    pains = Step(id="pains", kind=PromptKind.OPEN, title=Text({}), prompt=Text({}))
    assert collects_pains(pains) and not collects_pains(pains, {"pains": False})


# --- the ambition --------------------------------------------------------------------------------


def test_the_contested_ambition_is_in_the_comparison_beside_the_agreed_text(failing):
    ambition = next(t for t in failing.statements if t.step == "ambition")
    last = ambition.versions[-1]
    assert (last.text, last.agreed, last.contested) == (AMBITION, True, AMBITION_NEW)
    assert ambition.contested == AMBITION_NEW
    assert "".join(c.text for c in last.contested_changes if c.kind != "removed") == AMBITION_NEW
    assert {c.kind for c in last.contested_changes} >= {"added", "removed"}
    data = json.loads(json.dumps(failing.to_dict()))
    assert data["statements"][0]["versions"][-1]["contested"] == AMBITION_NEW
    assert failing.headlines[0].ambition_contested


# --- trends --------------------------------------------------------------------------------------


def test_the_threshold_falls_with_an_arrow_where_the_fall_beats_the_rule(failing):
    threshold = failing.trends[0]
    assert threshold.key_question
    assert [round(p.mean, 2) for p in threshold.points] == [3.75, 2.25, 1.5]
    assert [p.arrow for p in threshold.points] == ["", DOWN, DOWN]
    assert [p.count for p in threshold.points] == [4, 4, 4]
    listening = next(t for t in failing.trends if t.item == "listening")
    assert [p.arrow for p in listening.points] == ["", STEADY, STEADY]  # 3.0 → 3.0 → 2.75: noise


def test_one_partner_moving_one_point_among_four_gets_no_arrow(store, make_session):
    ids = []
    for date_, values in (("2026-01-01", (3, 3, 3, 3)), ("2026-02-01", (3, 3, 3, 4))):
        session_id = make_session(guide="pulse", date=date_, partners=PARTNERS, participants=PEOPLE)
        run_session(store, session_id, lambda live, values=values: give_scores(live, "threshold", values))
        ids.append(session_id)
    compared = compare_sessions(select_sessions(store, ids), today=TODAY)
    assert compared.trends[0].arrow == STEADY
    assert compared.trends[0].arrow not in (UP, DOWN)


def test_a_changed_set_of_scorers_is_marked(store, make_session):
    ids = []
    for date_, partners in (("2026-01-01", PARTNERS), ("2026-02-01", PARTNERS[:3])):
        session_id = make_session(guide="pulse", date=date_, partners=partners, participants=PEOPLE[:len(partners)])
        run_session(store, session_id, lambda live: give_scores(live, "threshold", (5, 5, 5, 5)))
        ids.append(session_id)
    points = compare_sessions(select_sessions(store, ids), today=TODAY).trends[0].points
    assert [(p.count, p.scorers_changed) for p in points] == [(4, False), (3, True)]


def test_the_rule_for_an_arrow_is_stated_in_words_without_jargon(failing):
    assert "0,3" in failing.trend_rule or "0.3" in failing.trend_rule
    assert " sd " not in failing.trend_rule


# --- consents, roles, actions --------------------------------------------------------------------


def test_the_reviews_verdict_updates_the_consent(failing):
    council = next(t for t in failing.consents if t.body == "clientenraad")
    assert council.marks[1].status == "to_request" and not council.marks[1].settled
    assert (council.marks[2].status, council.marks[2].review, council.marks[2].settled) == ("to_request", "done", True)


def test_a_role_confirmed_in_the_review_still_holds(failing):
    quartermaster = next(t for t in failing.roles if t.role == "Kwartiermaker(s)")
    assert [h.who if h else None for h in quartermaster.holders] == [None, "Eva", "Eva"]
    assert quartermaster.holders[2].confirmed and not quartermaster.holders[1].confirmed


def test_roles_and_rhythm_are_carried_into_the_next_review_as_still_valid(store, alliance):
    carried = carried_from(SessionView(store.read_session(alliance["second"])))
    role = next(a for a in carried if a.kind == "role")
    assert (role.text, role.who, role.when) == ("Kwartiermaker(s)", "Eva", "elke twee weken")
    again = carried_from(SessionView(store.read_session(alliance["third"])))  # confirmed: carried on
    assert [a.text for a in again if a.kind == "role"] == ["Kwartiermaker(s)"]


def test_overdue_actions_are_flagged_with_their_age_late_ones_grouped_by_owner(failing):
    trails = {a.text: a for a in failing.action_trails}
    risk = trails["Risicoverdeling op papier zetten"]
    assert (risk.due, risk.status, risk.overdue_days, risk.age_days) == ("2025-12-20", "not_reviewed", 335, 354)
    assert trails["Wachtlijstcijfers delen"].status == "done" and not trails["Wachtlijstcijfers delen"].late
    assert trails["Besluitenlijst bijhouden"].due == "2026-03-01" and trails["Besluitenlijst bijhouden"].late
    assert not trails["Agenda van de stuurgroep herzien"].late  # due 1 December 2026
    assert [(g.owner, [a.text for a in g.actions]) for g in failing.late] == [
        ("Gemeente", ["Risicoverdeling op papier zetten"]), ("Welzijn", ["Besluitenlijst bijhouden"])]
    assert failing.headlines[0].late_actions == 2


def test_a_long_review_opens_with_what_is_late_by_owner(store, alliance):
    carried = SessionView(store.read_session(alliance["third"])).carried
    late, rest = late_first(carried, TODAY)
    assert [(owner, [(a.text, days) for a, days in items]) for owner, items in late] == [
        ("Gemeente", [("Risicoverdeling op papier zetten", 335)]), ("Welzijn", [("Besluitenlijst bijhouden", 264)])]
    assert "Agenda van de stuurgroep herzien" in {a.text for a in rest}


# --- headline and due dates ----------------------------------------------------------------------


def test_the_headline_states_the_facts_in_plain_sentences(failing):
    headline = failing.headlines[0]
    assert headline.collaboration == ALLIANCE and headline.threshold_arrow == DOWN
    text = " ".join(headline.sentences)
    assert text.startswith("De drempel werd hoger: de score op ‘De drempel om elkaar te benaderen is laag’ daalde van 3,8 naar 1,5 (3 bijeenkomsten)")
    assert "3 " in text and "laat" in text and "ambitie" in text


@pytest.mark.parametrize("typed, expected", [
    ("2026-12-01", date(2026, 12, 1)), ("1-12-2026", date(2026, 12, 1)), ("1 december", date(2026, 12, 1)),
    ("1 december 2026", date(2026, 12, 1)), ("1 December", date(2026, 12, 1)), ("1 juli", date(2027, 7, 1)),
    ("  3 MRT 2027 ", date(2027, 3, 3)),
])
def test_a_due_date_is_read_as_a_real_date(typed, expected):
    assert parse_due(typed, "nl", TODAY) == expected


@pytest.mark.parametrize("typed", ["volgende week", "31-02-2026", "2026-13-01", "", "1 smarch"])
def test_anything_else_is_refused_with_an_example(typed):
    with pytest.raises(ValueError, match=r"2026-12-01, 1-12-2026 or 1 december"):
        parse_due(typed, "nl", TODAY)


# --- choosing the collaboration ------------------------------------------------------------------


def test_a_collaboration_is_found_by_a_unique_case_insensitive_prefix(store, alliance):
    assert [v.id for v in select_sessions(store, collaboration="pact voor")] == list(alliance.values())


def test_an_ambiguous_or_unknown_name_lists_the_names_in_full(store, alliance, make_session):
    long_name = "Pact voor gezonde jeugd in Twente en de Achterhoek samen"
    make_session(collaboration=long_name)
    with pytest.raises(StoreError, match=f"several collaborations: {ALLIANCE}; {long_name}; write more"):
        select_sessions(store, collaboration="PACT")
    with pytest.raises(StoreError, match=f"known: {ALLIANCE}; {long_name}\\)"):
        select_sessions(store, collaboration="Zorg")


def test_the_word_index_scores_exactly_as_the_pairwise_similarity():
    from workshop.core.compare.similar import Likeness

    texts = [*RISK, *WAITING, *MEETINGS, PRIVACY, "Wethouder komt niet naar de stuurgroep", "Too many meetings"]
    likeness = Likeness(texts)
    for text in texts:
        scores = likeness.scores(text)
        assert {other: round(scores.get(other, 0.0), 9) for other in texts if other != text} == {
            other: round(similarity(text, other), 9) for other in texts if other != text}
