"""The phase per partner: each partner's pick, the group's phase (the most chosen), and the guide
suggested when the group's phase is not the guide's."""

from __future__ import annotations

import pytest

from workshop.core.guides import GuideError, load_guide_text
from workshop.core.outcomes.phase import suggestion
from workshop.core.session import LiveSession, SessionView

PARTNERS = ("Gemeente", "Zorggroep", "Woonstede")


def _picks(store, session_id: str, picks: dict[str, str]) -> SessionView:
    live = LiveSession(store.open_session(session_id))
    try:
        for partner, phase in picks.items():
            live.choose("welcome", phase, partner=partner)
    finally:
        live.release()
    return SessionView(store.read_session(session_id))


def test_each_partner_pick_is_kept_with_the_partner_and_the_group_phase_is_the_most_chosen(store, make_session):
    session_id = make_session(guide="verkenning")
    view = _picks(store, session_id, {"Gemeente": "delen", "Zorggroep": "verkennen", "Woonstede": "delen"})
    assert view.partner_picks("welcome") == {"Gemeente": "delen", "Zorggroep": "verkennen", "Woonstede": "delen"}
    assert view.choice("welcome") == "delen"


def test_a_partner_picking_again_replaces_their_own_pick_only(store, make_session):
    session_id = make_session(guide="verkenning")
    _picks(store, session_id, {"Gemeente": "delen", "Zorggroep": "delen"})
    view = _picks(store, session_id, {"Gemeente": "verkennen"})
    assert view.partner_picks("welcome") == {"Gemeente": "verkennen", "Zorggroep": "delen"}


def test_a_tie_goes_to_the_earlier_phase(store, make_session):
    view = _picks(store, make_session(guide="verkenning"), {"Gemeente": "delen", "Zorggroep": "verkennen"})
    assert view.choice("welcome") == "verkennen"


def test_a_pick_for_someone_not_at_the_table_is_refused(store, make_session):
    live = LiveSession(store.open_session(make_session(guide="verkenning")))
    try:
        with pytest.raises(ValueError, match="not a partner"):
            live.choose("welcome", "delen", partner="Politie")
    finally:
        live.release()


def test_the_guide_for_the_groups_phase_is_suggested_when_it_is_not_the_sessions(store, make_session, shelf):
    view = _picks(store, make_session(guide="verkenning"), {"Gemeente": "delen", "Zorggroep": "delen"})
    found = suggestion(view, shelf)
    assert (found.phase, found.guide) == ("delen", "procesregie")


def test_no_guide_is_suggested_when_the_group_is_in_the_guides_own_phase(store, make_session, shelf):
    view = _picks(store, make_session(guide="verkenning"), {"Gemeente": "verkennen", "Zorggroep": "delen",
                                                            "Woonstede": "verkennen"})
    assert suggestion(view, shelf) is None


CHOICE = """[guide]
id = "mine"
title = "Mine"
[[steps]]
id = "welcome"
kind = "choice"
per = "{per}"
title = "Phase"
prompt = "Which phase?"
[[steps.options]]
id = "verkennen"
text = "Exploring"
[[steps.options]]
id = "delen"
text = "Sharing"
"""


def test_a_choice_step_is_per_group_unless_it_says_per_partner():
    assert load_guide_text(CHOICE.format(per="partner"), "mine.toml").step("welcome").per == "partner"
    assert load_guide_text(CHOICE.replace('per = "{per}"\n', ""), "mine.toml").step("welcome").per == "group"
    with pytest.raises(GuideError, match="expected one of group, partner"):
        load_guide_text(CHOICE.format(per="participant"), "mine.toml")


def test_workshop_show_lists_each_partners_phase_the_groups_and_the_fitting_guide(store, make_session, capsys):
    from workshop.cli.main import run

    session_id = make_session(guide="verkenning")
    _picks(store, session_id, {"Gemeente": "delen", "Zorggroep": "delen", "Woonstede": "verkennen"})
    assert run(["--lang", "en", "show", session_id]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Gemeente: Sharing" in out and "Woonstede: Exploring" in out
    assert "The group's phase: Sharing" in out
    assert "(procesregie)" in out


FOUR = ("Gemeente", "Zorggroep", "Woonstede", "Regenboog")


def test_procesregie_asks_each_partner_its_phase_and_suggests_overeenkomen_when_the_group_has_moved_on(
        store, make_session, shelf):
    session_id = make_session(guide="procesregie", partners=FOUR)
    view = _picks(store, session_id, {"Gemeente": "overeenkomen", "Zorggroep": "delen",
                                      "Woonstede": "overeenkomen", "Regenboog": "overeenkomen"})
    assert view.step("welcome").per == "partner"  # as the session recorded the guide's step
    assert view.partner_picks("welcome")["Zorggroep"] == "delen"
    assert view.choice("welcome") == "overeenkomen"
    found = suggestion(view, shelf)
    assert (found.phase, found.guide) == ("overeenkomen", "overeenkomen")


def test_procesregie_suggests_no_other_guide_while_most_partners_see_the_group_in_delen(store, make_session, shelf):
    view = _picks(store, make_session(guide="procesregie", partners=FOUR),
                  {"Gemeente": "delen", "Zorggroep": "overeenkomen", "Woonstede": "delen", "Regenboog": "verkennen"})
    assert view.choice("welcome") == "delen"
    assert suggestion(view, shelf) is None


def test_procesregie_asks_each_partner_whether_the_group_is_ready_for_overeenkomen(store, make_session):
    live = LiveSession(store.open_session(make_session(guide="procesregie", partners=FOUR)))
    try:
        for partner, answer in zip(FOUR, ("ready", "almost", "almost", "not-yet")):
            live.choose("next-phase", answer, partner=partner)
    finally:
        live.release()
    view = SessionView(store.read_session(live.id))
    assert view.partner_picks("next-phase") == {"Gemeente": "ready", "Zorggroep": "almost", "Woonstede": "almost",
                                                "Regenboog": "not-yet"}
    assert view.choice("next-phase") == "almost"


def test_workshop_show_does_not_call_the_readiness_answer_the_groups_phase(store, make_session, capsys):
    from workshop.cli.main import run

    session_id = make_session(guide="procesregie", partners=FOUR)
    live = LiveSession(store.open_session(session_id))
    try:
        live.choose("next-phase", "almost", partner="Gemeente")
    finally:
        live.release()
    assert run(["--lang", "en", "show", session_id]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Gemeente: Almost" in out
    assert "The group's phase: Almost" not in out
