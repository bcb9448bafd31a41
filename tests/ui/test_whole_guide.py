"""A whole procesregie werksessie with four partners, from check-in to the closed session, by keyboard."""

from __future__ import annotations

from tests.ui.helpers import SIZE, submit, type_text

PARTNERS = ("Gemeente", "Zorggroep", "Woonstede", "Regenboog")
PEOPLE = ("Anna@Gemeente:alliance manager", "Bram@Zorggroep:kwartiermaker", "Cem@Woonstede", "Dana@Regenboog")


async def next_step(pilot, expected: str) -> None:
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert pilot.app.screen.step_id == expected


async def test_a_whole_procesregie_meeting_is_recorded(make_session, make_app, saved, live):
    """The second werksessie of a collaboration, on the minute plan: mandate in the check-in round,
    the phase skipped (it is asked at the start of a phase), the review by exception, the pilot's
    lessons before its card, the hamerstukken, then readiness, the achterban, the actions, the close."""
    earlier = live(make_session(partners=PARTNERS, participants=PEOPLE, date="2026-09-01"))
    earlier.assign("actions", "Write the privacy protocol", "Zorggroep", "2026-10-01")
    earlier.revise("ambition", "Children grow up safely")
    earlier.agree("ambition")
    earlier.revise("pilot", "One contact person at two schools")
    earlier.agree("pilot")
    earlier.close()
    earlier.release()
    session_id = make_session(partners=PARTNERS, participants=PEOPLE, date="2026-11-20")
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [step.id for step in app.screen.live.agenda] == [
            "checkin", "decision-rule", "welcome", "review", "ambition", "interaction", "lower-threshold",
            "interests", "break", "pains", "priorities", "pilot-lessons", "pilot", "pilot-team", "roles", "rhythm",
            "consent", "intentieverklaring", "next-phase", "achterban", "actions", "close"]
        assert pilot.app.screen.step_id == "checkin"
        await submit(pilot, "Anna: goal: choose the pilot schools")
        await submit(pilot, "Bram: may decide on a six-month pilot")  # the mandate, in the same round
        await next_step(pilot, "decision-rule")
        await pilot.press("enter")  # consent
        await next_step(pilot, "welcome")
        await pilot.press("ctrl+g", "s")  # not the start of a phase: skipped, and on to the review
        await pilot.pause()
        assert app.screen.step_id == "review"
        await pilot.press("d")  # the late action first: done
        await pilot.press("o")  # then the pilot: running
        await next_step(pilot, "ambition")
        assert app.focused.value == "Children grow up safely"  # carried over from last time
        await pilot.press("ctrl+r")  # still holds: agreed again
        await next_step(pilot, "interaction")
        for _item in range(8):  # one score per person
            await pilot.press("3", "4", "2", "5")
        await next_step(pilot, "lower-threshold")
        await type_text(pilot, "Share phone numbers")
        await pilot.press("enter")
        await type_text(pilot, "Anna")
        await pilot.press("enter", "enter")
        await next_step(pilot, "interests")
        await submit(pilot, "Gem: brings the prevention budget")
        await submit(pilot, "Dana: wants one contact person")
        await next_step(pilot, "break")
        await submit(pilot, "Parking lot: the role of the GPs")
        await next_step(pilot, "pains")
        await submit(pilot, "Reg: teachers do not know whom to call")
        await submit(pilot, "Zorg: privacy rules")
        await next_step(pilot, "priorities")
        await pilot.press("plus", "plus", "right", "plus", "down", "plus", "right", "plus", "right", "plus", "plus")
        await next_step(pilot, "pilot-lessons")
        await submit(pilot, "Reg: teachers call the contact person sooner")
        await submit(pilot, "Agreement: one contact person for each school")  # a label: nobody's in particular
        await next_step(pilot, "pilot")
        assert app.focused.value == "One contact person at two schools"  # the card as last agreed
        await submit(pilot, "Pilot: one contact person at four schools for six months")
        await pilot.press("ctrl+r")
        await next_step(pilot, "pilot-team")
        await pilot.press("shift+tab", "home", "enter")
        await type_text(pilot, "bram")
        await pilot.press("enter")
        await type_text(pilot, "2026-12-15")
        await pilot.press("enter")
        await next_step(pilot, "roles")
        await pilot.press("shift+tab", "home", "down", "enter")
        await type_text(pilot, "Anna")
        await pilot.press("enter")
        await type_text(pilot, "quarterly")
        await pilot.press("enter")
        await next_step(pilot, "rhythm")
        await pilot.press("shift+tab", "home", "enter", "enter")  # who: empty
        await type_text(pilot, "every six weeks")
        await pilot.press("enter")
        await next_step(pilot, "consent")
        await pilot.press("3", "right", "7", "down", "0")  # requested; consent given; 0: refused
        await next_step(pilot, "intentieverklaring")
        await submit(pilot, "Agreed: the ambition. Still to settle: privacy")
        await next_step(pilot, "next-phase")  # 1 ready, 2 almost, 3 not yet
        await pilot.press("home", "2", "1", "2", "3")  # a digit picks and moves to the next partner
        await next_step(pilot, "achterban")
        await type_text(pilot, "Tell the teams about the pilot")
        await pilot.press("enter")
        await type_text(pilot, "Zorg")
        await pilot.press("enter", "enter")
        await next_step(pilot, "actions")
        await type_text(pilot, "Choose the schools")
        await pilot.press("enter")
        await type_text(pilot, "Reg")
        await pilot.press("enter", "enter")
        await next_step(pilot, "close")
        await submit(pilot, "Anna: energised")
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    view = saved(session_id)
    assert view.closed
    assert [(c.participant, c.text) for c in view.contributions("checkin")] == [
        ("Anna", "goal: choose the pilot schools"), ("Bram", "may decide on a six-month pilot")]
    assert view.choice("decision-rule") == "consent"
    assert view.is_skipped("welcome") and view.partner_picks("welcome") == {}
    (action, carried_pilot) = view.carried
    assert (action.kind, carried_pilot.kind) == ("action", "pilot")
    assert view.reviews("review") == {action.uid: "done", carried_pilot.uid: "running"}
    assert view.agreed_statement("ambition") == "Children grow up safely"
    assert len(view.contributions("interaction")) == 32
    assert view.spread("interaction", "threshold").range == 3
    assert set(view.scores("interaction", "threshold")) == {"Anna", "Bram", "Cem", "Dana"}
    (lower,) = view.contributions("lower-threshold")
    assert (lower.text, lower.value) == ("Share phone numbers", "Anna")
    assert [(c.partner, c.participant) for c in view.contributions("interests")] == [
        ("Gemeente", ""), ("Regenboog", "Dana")]
    assert [c.text for c in view.contributions("break")] == ["Parking lot: the role of the GPs"]
    pains = view.contributions("pains")
    assert [(c.text, c.partner) for c in pains] == [
        ("teachers do not know whom to call", "Regenboog"), ("privacy rules", "Zorggroep")]
    assert sum(view.dots("priorities").values()) == 7
    assert view.ranking("priorities")[0][1] >= view.ranking("priorities")[1][1]
    assert [(c.partner, c.text) for c in view.contributions("pilot-lessons")] == [
        ("Regenboog", "teachers call the contact person sooner"),
        ("", "Agreement: one contact person for each school")]
    assert view.agreed_statement("pilot") == "Pilot: one contact person at four schools for six months"
    (lead,) = view.contributions("pilot-team")
    assert (lead.value, lead.when, lead.item) == ("Bram", "2026-12-15", "rows-1")
    (manager,) = view.contributions("roles")
    assert (manager.item, manager.value, manager.when) == ("rows-2-gemeente", "Anna", "quarterly")  # her own partner's
    (rhythm,) = view.contributions("rhythm")
    assert (rhythm.value, rhythm.when) == ("", "every six weeks")
    consents = {key: c.value for key, c in view.consents("consent").items()}
    assert consents == {("Gemeente", "or"): "requested", ("Zorggroep", "or"): "consent_given",
                        ("Zorggroep", "clientenraad"): "refused"}
    assert view.statement("intentieverklaring").text.startswith("Agreed: the ambition")
    assert view.partner_picks("next-phase") == {"Gemeente": "almost", "Zorggroep": "ready", "Woonstede": "almost",
                                                "Regenboog": "not-yet"}
    assert view.choice("next-phase") == "almost"
    (message,) = view.contributions("achterban")
    assert (message.text, message.value) == ("Tell the teams about the pilot", "Zorggroep")
    (action,) = view.contributions("actions")
    assert (action.text, action.value) == ("Choose the schools", "Regenboog")
    assert [c.participant for c in view.contributions("close")] == ["Anna"]
    assert view.progress() == (22, 22)
