"""Proposals become decisions: roles, rhythm, the pilot team and the consent grid, prepared as a
proposal, are adopted (vastgesteld) in the meeting, listed among the decisions, and come back in
the next session's step as they stand; a carried role is still valid, changed or lapsed, never done."""

from __future__ import annotations

import json

import pytest

from workshop.cli.main import run
from workshop.core.model import RoleStatus
from workshop.core.session import LiveSession, SessionView, changes as c
from workshop.core.text.i18n import language
from workshop.present.minutes import to_markdown
from workshop.present.minutes_parts import decisions

PEOPLE = ("--partner", "Gemeente", "--partner", "Zorggroep",
          "--participant", "Anna@Gemeente", "--participant", "Bram@Zorggroep")


def new(capsys, date: str, lang: str = "nl") -> str:
    code = run(["new", "--collaboration", "Zorg Oost", *PEOPLE, "--guide", "procesregie", "--lang", lang,
                "--date", date, "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)["id"]


def prepared_and_adopted(store, capsys, lang: str = "nl") -> LiveSession:
    s = LiveSession(store.open_session(new(capsys, "2026-11-01", lang)))
    rows = s.step("roles").rows
    s.assign("roles", s.text(rows[0].text), "Fleur", "elke bijeenkomst", row=rows[0].id)  # prepared beforehand
    s.assign("roles", s.text(rows[2].text), "Bram", "tot de zomer", row=rows[2].id)
    s.assign("rhythm", "Werksessie", "Anna", "elke zes weken")
    s.set_consent("consent", "Gemeente", "or", "to_request")
    s.apply(c.Adopt("roles"))  # in the meeting: akkoord
    s.apply(c.Adopt("consent"))
    return s


def test_an_adopted_step_is_a_decision_and_a_proposal_says_it_is_one(store, capsys):
    s = prepared_and_adopted(store, capsys, "en")
    with language("en"):
        found = decisions(s)
        minutes = to_markdown(s)
    assert any(line.startswith("Roles: adopted, ") and "Fleur" in line and "Bram" in line for line in found)
    assert "Advice, consent and approval: adopted" in found
    assert not any(line.startswith("Meeting rhythm") for line in found)  # a proposal, not adopted
    assert "*A proposal, not adopted.*" in minutes
    assert minutes.count("*Adopted in this meeting.*") == 2
    s.apply(c.Adopt("roles", adopted=False))  # taken back
    with language("en"):
        assert not any(line.startswith("Roles") for line in decisions(s))


def test_adopting_refuses_a_step_of_actions(store, capsys):
    s = prepared_and_adopted(store, capsys, "en")
    with pytest.raises(ValueError):
        s.apply(c.Adopt("actions"))


def test_what_was_adopted_comes_back_in_the_next_sessions_step_as_it_stands(store, capsys):
    first = prepared_and_adopted(store, capsys)
    before = {(x.item, x.text, x.value, x.when) for x in first.contributions("roles")}
    first.close()
    first.release()
    second = LiveSession(store.open_session(new(capsys, "2026-12-01")))
    assert {(x.item, x.text, x.value, x.when) for x in second.contributions("roles")} == before
    assert second.consents("consent")[("Gemeente", "or")].value == "to_request"
    assert second.contributions("rhythm") == []  # never adopted: not carried into the step
    assert second.adopted_before("roles") == "2026-11-01" and not second.adopted("roles")
    minutes = to_markdown(second)
    assert "*Zoals vastgesteld op 1 november 2026; in deze bijeenkomst niet opnieuw vastgesteld.*" in minutes
    # The roles come to the review too: still valid, changed, lapsed, never done.
    roles = [a for a in second.carried if a.kind == "role"]
    assert {a.who for a in roles} >= {"Fleur", "Bram"}
    fleur = next(a for a in roles if a.who == "Fleur")
    bram = next(a for a in roles if a.who == "Bram")
    assert second.mark("review", fleur.uid, "done").value == RoleStatus.VALID  # d: still valid
    assert second.mark("review", bram.uid, "dropped").value == RoleStatus.LAPSED
    anna_role = next(a for a in roles if a.who not in ("Fleur", "Bram"))
    assert second.mark("review", anna_role.uid, "adjusted").value == RoleStatus.CHANGED
    with pytest.raises(ValueError):
        second.mark("review", fleur.uid, "finished")  # a pilot's word is not a role's
    minutes = to_markdown(second)
    review = minutes.split("Terugblik", 1)[1].split("\n### ", 1)[0]
    assert "nog geldig" in review and "vervallen" in review and "gewijzigd" in review
    assert "gedaan" not in review


def test_a_role_called_lapsed_stays_out_of_the_step_after_it(store, capsys):
    first = prepared_and_adopted(store, capsys)
    first.close()
    first.release()
    second = LiveSession(store.open_session(new(capsys, "2026-12-01")))
    bram = next(a for a in second.carried if a.kind == "role" and a.who == "Bram")
    second.mark("review", bram.uid, "dropped")
    second.close()
    second.release()  # the roles were not adopted again: the third starts from the first's, less Bram's
    third = SessionView(store.read_session(new(capsys, "2027-01-10")))
    assert [x.value for x in third.contributions("roles")] == ["Fleur"]
    assert [a.text for a in third.carried if a.kind == "role" and a.who == "Bram"] == []  # nor in the review


def test_the_parking_lot_comes_back_in_the_next_review_until_it_is_dealt_with(store, capsys):
    first = LiveSession(store.open_session(new(capsys, "2026-11-01")))
    first.add("break", "Gegevensdeling tussen de partners (AVG), naar het bestuurlijk overleg")
    first.add("break", "Parkeerplaats: financiering na 2027")
    first.close()
    first.release()
    second = LiveSession(store.open_session(new(capsys, "2026-12-01")))
    parked = [a for a in second.carried if a.kind == "parked"]
    assert [a.text for a in parked] == ["Parkeerplaats: Gegevensdeling tussen de partners (AVG), naar het "
                                        "bestuurlijk overleg", "Parkeerplaats: financiering na 2027"]
    second.mark("review", parked[0].uid, "done")  # dealt with at the directors' meeting
    review = to_markdown(second).split("Terugblik", 1)[1].split("\n### ", 1)[0]
    assert "Parkeerplaats: Gegevensdeling" in review and "Parkeerplaats: financiering na 2027" in review
    second.close()
    second.release()
    third = SessionView(store.read_session(new(capsys, "2027-01-10")))
    assert [a.text for a in third.carried if a.kind == "parked"] == ["Parkeerplaats: financiering na 2027"]


def test_the_alliance_manager_row_is_one_row_per_partner(store, capsys):
    s = LiveSession(store.open_session(new(capsys, "2026-11-01")))
    rows = [s.text(row.text) for row in s.step("roles").rows]
    assert "Alliantiemanager — Gemeente" in rows and "Alliantiemanager — Zorggroep" in rows
    assert not any(row == "Alliantiemanager per partner" for row in rows)
    gemeente = next(row for row in s.step("roles").rows if s.text(row.text).endswith("Gemeente"))
    s.assign("roles", s.text(gemeente.text), "Anna", row=gemeente.id)
    assert [c.item for c in s.contributions("roles")] == [gemeente.id]


def test_a_row_per_what_else_is_refused_in_a_guide():
    from workshop.core.guides import GuideError, load_guide_text

    text = ('[guide]\nid = "g"\nversion = 1\ntitle = { nl = "G", en = "G" }\n\n[[steps]]\nid = "roles"\nkind = "assign"\n'
            'title = { nl = "Rollen", en = "Roles" }\nprompt = { nl = "Wie?", en = "Who?" }\n\n'
            '[[steps.rows]]\ntext = { nl = "A", en = "A" }\nper = "%s"\n')
    assert load_guide_text(text % "partner").steps[0].rows[0].per == "partner"
    with pytest.raises(GuideError, match="partner"):
        load_guide_text(text % "body")
