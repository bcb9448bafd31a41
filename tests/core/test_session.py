"""A live session: every prompt kind, moving through the agenda, the timer, closing."""

from __future__ import annotations

import pytest

from workshop.core.session import SessionClosed, SessionView
from workshop.core.session.timer import Timebox, TimeLeft, TimerState, clock_text


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def reread(store, session) -> SessionView:
    return SessionView(store.read_session(session.id))


def test_open_contributions_are_attributed_edited_reordered_and_removed(live, store):
    s = live()
    a = s.add("pains", "Te veel overleg", partner="Gemeente", participant="Anna")
    b = s.add("pains", "Geen gedeeld dossier", partner="Zorggroep")
    s.edit(a.uid, text="Te veel overleggen")
    s.move(b.uid, -1)
    view = reread(store, s)
    assert [(c.text, c.partner) for c in view.contributions("pains")] == [
        ("Geen gedeeld dossier", "Zorggroep"), ("Te veel overleggen", "Gemeente")]
    s.remove(b.uid)
    assert [c.text for c in reread(store, s).contributions("pains")] == ["Te veel overleggen"]


ANONYMOUS_GUIDE = """
[guide]
id = "eerlijk"
title = { nl = "Eerlijk", en = "Honest" }

[[steps]]
id = "worries"
kind = "open"
anonymous = true
title = { nl = "Zorgen", en = "Worries" }
prompt = { nl = "Wat houdt je tegen?", en = "What holds you back?" }
"""


def test_an_anonymous_step_drops_who_said_it(live, store, tmp_path):
    from workshop.core.guides import load_guide_text
    from workshop.core.making.prepare import Plan, prepare_session

    guide = load_guide_text(ANONYMOUS_GUIDE, "eerlijk.toml")
    session_id = prepare_session(store, Plan("Zorg Oost", guide, ["Gemeente"], lang="en"))
    s = live(session_id)
    c = s.add("worries", "eerlijk gezegd", partner="Gemeente", participant="Anna")
    assert (c.partner, c.participant) == ("", "")
    assert reread(store, s).contributions("worries")[0].partner == ""


def test_a_statement_keeps_every_revision_and_knows_the_agreed_one(live, store):
    s = live()
    s.revise("ambition", "Samen zorg dichtbij")
    s.revise("ambition", "Samen zorg dichtbij huis", agreed=True)
    s.revise("ambition", "Een voorstel dat nog niet af is")
    view = reread(store, s)
    assert len(view.revisions("ambition")) == 3
    assert view.agreed_statement("ambition") == "Samen zorg dichtbij huis"
    s.agree("ambition")
    assert reread(store, s).agreed_statement("ambition") == "Een voorstel dat nog niet af is"


def test_scale_scores_replace_earlier_ones_and_give_the_spread(live, store):
    s = live()
    s.score("interaction", "threshold", "Gemeente", 2)
    s.score("interaction", "threshold", "Zorggroep", 4, "beter dan vorig jaar")
    s.score("interaction", "threshold", "Gemeente", 3)
    spread = reread(store, s).spread("interaction", "threshold")
    assert (spread.count, spread.mean, spread.low, spread.high) == (2, 3.5, 3, 4)
    with pytest.raises(ValueError):
        s.score("interaction", "threshold", "Gemeente", 9)
    with pytest.raises(ValueError):
        s.score("interaction", "no-such-item", "Gemeente", 3)


def test_votes_are_limited_to_the_dots_per_partner_and_give_a_ranking(live, store):
    s = live()
    first = s.add("pains", "Wachtlijsten", partner="Gemeente")
    second = s.add("pains", "Administratie", partner="Zorggroep")
    dots = s.step("priorities").dots
    s.vote("priorities", second.uid, "Gemeente", dots)
    with pytest.raises(ValueError, match="no dots left"):
        s.vote("priorities", first.uid, "Gemeente", 1)
    s.vote("priorities", second.uid, "Gemeente", -1)
    s.vote("priorities", first.uid, "Zorggroep", 1)
    ranking = reread(store, s).ranking("priorities")
    assert [(c.text, n) for c, n in ranking] == [("Administratie", dots - 1), ("Wachtlijsten", 1)]


def test_assign_consent_choice_and_review_are_kept(live, store):
    s = live()
    row = s.step("roles").rows[0].id
    s.assign("roles", "Alliantiemanager", "Anna", "", row=row)
    s.assign("roles", "Alliantiemanager", "Bram", "", row=row)  # the row is re-assigned, not doubled
    s.assign("actions", "Verslag rondsturen", "Cem", "2026-12-01")
    s.set_consent("consent", "Gemeente", "or", "requested", "2026-12-10")
    s.choose("welcome", s.step("welcome").options[1].id)
    view = reread(store, s)
    assert [(c.value, c.item) for c in view.contributions("roles")] == [("Bram", row)]
    assert view.contributions("actions")[0].when == "2026-12-01"
    assert view.consents("consent")[("Gemeente", "or")].value == "requested"
    assert view.choice("welcome") == s.step("welcome").options[1].id


def test_moving_through_the_agenda_is_saved_for_a_resume(live, store):
    s = live()
    s.next_step()
    s.next_step()
    assert reread(store, s).current.id == s.agenda[2].id
    s.previous_step()
    s.go_to("pains")
    assert reread(store, s).current.id == "pains"


def test_skipping_reordering_and_adding_steps(live, store):
    s = live()
    s.go_to("pains")
    s.skip("pains")
    assert s.current.id != "pains" and s.is_skipped("pains")
    s.move_step("consent", -3)
    extra = s.add_step("Onverwacht: de begroting", minutes=15)
    view = reread(store, s)
    order = [step.id for step in view.agenda]
    assert order.index(extra.id) == order.index(s.current.id) + 1
    assert order.index("consent") < order.index("rhythm")
    assert view.step(extra.id).timebox == 15 and view.step(extra.id).kind == "open"
    s.add(extra.id, "Wie betaalt de pilot?", partner="Gemeente")


def test_notes_are_private_per_step_and_saved(live, store):
    s = live()
    s.set_note("pains", "Let op de spanning tussen Gemeente en Zorggroep")
    assert reread(store, s).note("pains").startswith("Let op")


def test_the_timer_starts_on_a_step_pauses_and_extends(live, store):
    clock = Clock()
    s = live(clock=clock)
    s.go_to("pains")
    clock.now += 90
    box = s.timebox("pains")
    assert box.state() is TimerState.RUNNING and box.spent(clock.now) == 90
    s.pause_timer("pains")
    clock.now += 1000
    assert s.timebox("pains").spent(clock.now) == 90
    s.add_minutes("pains", 5)
    assert s.timebox("pains").total == (s.step("pains").timebox + 5) * 60
    s.go_to("ambition")
    assert s.timebox("ambition").state() is TimerState.RUNNING
    assert reread(store, s).timebox("pains").spent(clock.now) == 90


def test_the_timer_warns_near_the_end_and_when_over():
    box = Timebox(minutes=10)
    box.start(0)
    assert box.warning(60) is TimeLeft.PLENTY
    assert box.warning(545) is TimeLeft.NEARLY_UP
    assert box.warning(601) is TimeLeft.OVER
    assert clock_text(box.left(601)) == "-00:01"
    assert clock_text(box.left(0)) == "10:00"


def test_a_one_minute_step_does_not_warn_the_moment_it_opens():
    box = Timebox(minutes=1)
    box.start(0)
    assert box.warning(1) is TimeLeft.PLENTY
    assert box.warning(31) is TimeLeft.NEARLY_UP
    assert box.warning(61) is TimeLeft.OVER


def test_a_closed_session_cannot_be_changed(live, store):
    s = live()
    s.add("pains", "laatste", partner="Gemeente")
    s.close()
    with pytest.raises(SessionClosed):
        s.add("pains", "te laat", partner="Gemeente")
    assert reread(store, s).closed


def test_a_huge_paste_is_saved_exactly_and_a_runaway_one_refused(live, store):
    s = live()
    paste = ("Lorem ipsum dolor sit amet, Ω 😀 \u202e " * 3000)[:100_000]
    s.add("pains", paste, partner="Gemeente")
    assert reread(store, s).contributions("pains")[0].text == paste
    with pytest.raises(ValueError, match="too long"):
        s.add("pains", "x" * 300_000, partner="Gemeente")


def test_progress_counts_steps_with_answers(live, store):
    s = live()
    s.add("pains", "a", partner="Gemeente")
    done, total = reread(store, s).progress()
    assert done >= 1 and total == len(s.agenda)
