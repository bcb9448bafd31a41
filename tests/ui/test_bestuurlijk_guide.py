"""The bestuurlijk variant of procesregie, run end to end by keyboard on the Dutch standard agenda:
opening, verslag, actielijst, mededelingen, the hamerstuk, the discussion, the besluitpunten (the pilot
recorded as a decision), the achterban, the actions, rondvraag and the close."""

from __future__ import annotations

from tests.ui.helpers import SIZE, submit, type_text

PARTNERS = ("Gemeente", "Zorggroep", "Woonstede")
DIRECTORS = ("Anna@Gemeente:wethouder", "Bram@Zorggroep:bestuurder", "Cem@Woonstede:directeur")
AGENDA = ["checkin", "previous-minutes", "review", "announcements", "roles", "ambition", "interaction", "pilot",
          "pilot-decision", "escalations", "resources", "achterban", "actions", "rondvraag", "close"]


async def next_step(pilot, expected: str) -> None:
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert pilot.app.screen.step_id == expected


async def test_a_directors_meeting_runs_the_standard_agenda_and_records_its_decisions(
        make_session, make_app, saved, live):
    from workshop.present.minutes_parts import decisions

    earlier = live(make_session(guide="procesregie", partners=PARTNERS, participants=DIRECTORS, date="2026-09-01"))
    earlier.assign("actions", "Ask the works council", "Zorggroep", "2026-10-01")
    earlier.revise("pilot", "One contact person at two schools", agreed=True)
    earlier.close()
    earlier.release()
    session_id = make_session(guide="procesregie-bestuurlijk", partners=PARTNERS, participants=DIRECTORS,
                              date="2026-11-20")
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [step.id for step in app.screen.live.agenda] == AGENDA
        assert app.screen.step_id == "checkin"
        await submit(pilot, "Anna: mandate to decide on extending the pilot")
        await next_step(pilot, "previous-minutes")
        await submit(pilot, "Adopted without changes.")
        await pilot.press("ctrl+r")
        await next_step(pilot, "review")
        await pilot.press("d")  # the first carried item: the late action, done
        await next_step(pilot, "announcements")
        await submit(pilot, "Zorg: the works council advises on 1 December")
        await next_step(pilot, "roles")
        await pilot.press("shift+tab", "home", "enter")  # alliance manager for each partner
        await type_text(pilot, "Anna")
        await pilot.press("enter")
        await type_text(pilot, "quarterly")
        await pilot.press("enter")
        await next_step(pilot, "ambition")
        await submit(pilot, "Every child grows up safely, close to home")
        await pilot.press("ctrl+r")
        await next_step(pilot, "interaction")
        for _item in range(3):  # threshold, honesty, contact: one score per director
            await pilot.press("4", "3", "5")
        await next_step(pilot, "pilot")
        assert app.focused.value == "One contact person at two schools"  # carried over from the werksessie
        await submit(pilot, "One contact person at four schools")
        await pilot.press("ctrl+r")
        await next_step(pilot, "pilot-decision")
        await pilot.press("home", "down", "enter")  # adjust
        await next_step(pilot, "escalations")
        await submit(pilot, "Pain point: privacy rules. Decision: one protocol for all partners")
        await pilot.press("ctrl+r")
        await next_step(pilot, "resources")
        await pilot.press("ctrl+g", "s")  # no money item today: skipped, and on
        await pilot.pause()
        assert app.screen.step_id == "achterban"
        await type_text(pilot, "Key message: the pilot grows to four schools")
        await pilot.press("enter")
        await type_text(pilot, "Gem")
        await pilot.press("enter", "enter")
        await next_step(pilot, "actions")
        await type_text(pilot, "Tell the teams about the four schools")
        await pilot.press("enter")
        await type_text(pilot, "Woon")
        await pilot.press("enter")
        await type_text(pilot, "2026-12-01")
        await pilot.press("enter")
        await next_step(pilot, "rondvraag")
        await submit(pilot, "Cem: who invites the GPs?")
        await next_step(pilot, "close")
        await submit(pilot, "Bram: decisive")
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    view = saved(session_id)
    assert view.closed and view.progress() == (15, 15)
    assert view.guide_id == "procesregie-bestuurlijk"
    (checkin,) = view.contributions("checkin")
    assert (checkin.participant, checkin.partner) == ("Anna", "Gemeente")
    assert list(view.reviews("review").values()) == ["done"]
    assert [c.partner for c in view.contributions("announcements")] == ["Zorggroep"]
    (role,) = view.contributions("roles")
    assert (role.item, role.value, role.when) == ("rows-1-gemeente", "Anna", "quarterly")  # one row per partner
    assert view.agreed_statement("ambition") == "Every child grows up safely, close to home"
    assert {who: c.value for who, c in view.scores("interaction", "threshold").items()} == {
        "Anna": 4, "Bram": 3, "Cem": 5}
    assert len(view.contributions("interaction")) == 9
    assert view.agreed_statement("pilot") == "One contact person at four schools"
    assert view.choice("pilot-decision") == "adjust"
    assert view.is_skipped("resources")
    (message,) = view.contributions("achterban")
    assert (message.text, message.value) == ("Key message: the pilot grows to four schools", "Gemeente")
    (action,) = view.contributions("actions")
    assert (action.text, action.value, action.when) == ("Tell the teams about the four schools", "Woonstede",
                                                        "2026-12-01")
    assert [c.participant for c in view.contributions("rondvraag")] == ["Cem"]
    listed = decisions(view)  # the besluitenlijst: the minutes adopted, the pilot decided, the escalation decided
    assert any(line.startswith("Minutes of the last meeting: agreed") for line in listed)
    assert "Decision on the pilot: Adjust" in listed
    assert any(line.startswith("For decision: pain points from the working session: agreed") for line in listed)
