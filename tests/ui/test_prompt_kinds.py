"""Every prompt kind, driven by keys as the facilitator would, checked against what the store holds."""

from __future__ import annotations

from tests.ui.helpers import SIZE, go_to, submit, toasts, type_text, written


async def test_open_step_saves_each_contribution_with_its_partner(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        await type_text(pilot, "Gem: too many meetings")
        await pilot.press("enter")
        await type_text(pilot, "Bram: privacy rules")
        await pilot.press("enter")
        await pilot.press("down")  # the partner after Zorggroep
        await type_text(pilot, "no shared budget")
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused.value == ""
    pains = saved(session_id).contributions("pains")
    assert [(c.text, c.partner, c.participant) for c in pains] == [
        ("too many meetings", "Gemeente", ""),
        ("privacy rules", "Zorggroep", "Bram"),
        ("no shared budget", "Woonstede", ""),
    ]


async def test_open_step_contributions_can_be_edited_removed_and_reordered(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        for text in ("one", "two", "three"):
            await submit(pilot, text)
        await pilot.press("shift+tab")  # to the list of contributions
        await pilot.press("home", "shift+down")  # 'one' goes below 'two'
        await pilot.press("down", "delete")  # the highlight followed 'one': remove 'three' below it
        await pilot.pause()
        await pilot.press("home", "e")
        await pilot.pause()
        app.focused.value = "two, edited"
        await pilot.press("enter")
        await pilot.pause()
    assert [c.text for c in saved(session_id).contributions("pains")] == ["two, edited", "one"]


async def test_a_new_contribution_is_scrolled_into_view_however_long_the_list(make_session, make_app, live):
    session_id = make_session()
    session = live(session_id)
    for number in range(60):
        session.add("pains", f"earlier point {number}", "Gemeente")
    session.release()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        listing = app.screen.query_one("#contributions")
        assert listing.scroll_y == 0
        await submit(pilot, "the newest point")
        await pilot.pause()
        assert listing.max_scroll_y > 0 and listing.scroll_y == listing.max_scroll_y


async def test_editing_with_a_name_first_changes_who_said_it(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        await submit(pilot, "Gem: waiting lists")
        await pilot.press("shift+tab", "home", "e")
        await pilot.pause()
        app.focused.value = "Bram: waiting lists for families"
        await pilot.press("enter")
        await pilot.pause()
    (contribution,) = saved(session_id).contributions("pains")
    assert (contribution.text, contribution.partner, contribution.participant) == \
        ("waiting lists for families", "Zorggroep", "Bram")


async def test_the_list_on_screen_always_matches_what_is_saved(make_session, make_app, saved):
    """Adding extends the list in place; moves, edits and removals rebuild it. Either way the
    lines on screen are the saved contributions, in order, numbered from 1."""
    from screens.widgets.contributions import ContributionList

    session_id = make_session()
    app = make_app(session_id)

    def shown() -> list[str]:
        listing = app.screen.query_one("#contributions", ContributionList)
        return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]

    def stored() -> list[str]:
        return [c.text for c in saved(session_id).contributions("pains")]

    def check(count: int) -> None:
        lines = shown()
        assert len(lines) == len(stored()) == count
        for number, (line, text) in enumerate(zip(lines, stored()), start=1):
            assert line.startswith(f"{number:>2}. ") and line.endswith(text)

    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        for count, text in enumerate(("one", "two", "three"), start=1):
            await submit(pilot, text)
            check(count)
        await pilot.press("shift+tab", "home", "shift+down")  # 'one' below 'two'
        await written(pilot)
        check(3)
        await pilot.press("tab")
        await submit(pilot, "four")
        check(4)
        await pilot.press("shift+tab", "end", "delete")  # remove 'four'
        await written(pilot)
        check(3)


async def test_anonymous_open_step_never_names_a_partner(store, make_session, make_app, saved, shelf, tmp_path):
    session_id = make_session(guide="verkenning")
    view = saved(session_id)
    anonymous = [s for s in view.agenda if s.kind == "open" and s.anonymous]
    if not anonymous:
        import pytest

        pytest.skip("no anonymous step in the verkenning guide")
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, anonymous[0].id)
        await submit(pilot, "Gem: something sensitive")
    (contribution,) = saved(session_id).contributions(anonymous[0].id)
    assert contribution.partner == "" and contribution.participant == ""


async def test_statement_keeps_every_revision_and_the_agreed_one(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "ambition")
        await submit(pilot, "Children grow up safely")
        await submit(pilot, "Every child grows up safely, close to home")
        await pilot.press("ctrl+r")
        await pilot.pause()
    view = saved(session_id)
    assert [r.text for r in view.revisions("ambition")] == [
        "Children grow up safely", "Every child grows up safely, close to home"]
    assert view.agreed_statement("ambition") == "Every child grows up safely, close to home"
    assert view.statement("ambition").value is True


async def test_scale_takes_a_score_per_person_and_shows_the_spread(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "interaction")
        await pilot.press("3", "4", "2")  # the first item, for each person in turn
        await pilot.press("5")  # the cursor moved on to the second item, first partner
        await pilot.press("left", "enter")  # back to Anna: a score with a comment
        await pilot.pause()
        app.focused.value = "4 we listen better now"
        await pilot.press("enter")
        await pilot.pause()
        spread = str(app.screen.query_one("#scores").get_row("threshold")[2])  # statement, mean, range, people
        assert "2–4" in spread
    view = saved(session_id)
    assert {who: c.value for who, c in view.scores("interaction", "threshold").items()} == {
        "Anna": 3, "Bram": 4, "Cem": 2}
    listening = view.scores("interaction", "questions")["Anna"]
    assert (listening.value, listening.text) == (4, "we listen better now")
    assert view.spread("interaction", "threshold").range == 2


async def test_scores_typed_in_one_burst_each_land_in_their_own_cell(make_session, make_app, saved):
    from textual import events

    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "interaction")
        for digit in "4352":  # as fast as a terminal delivers a quick typist's keys
            app.post_message(events.Key(digit, digit))
        await pilot.pause()
        await pilot.pause()
        await pilot.press("9")  # not on a 1-5 scale: refused, and the cursor stays
        await pilot.pause()
    view = saved(session_id)
    assert {who: c.value for who, c in view.scores("interaction", "threshold").items()} == {
        "Anna": 4, "Bram": 3, "Cem": 5}
    assert {who: c.value for who, c in view.scores("interaction", "questions").items()} == {"Anna": 2}


async def test_home_goes_to_the_first_score_and_a_digit_on_a_statement_says_where_scores_go(
        make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "interaction")
        grid = app.screen.query_one("#scores")
        await pilot.press("right", "right", "home")  # Home: Anna's cell, not the statement
        assert grid.here() == ("threshold", "Anna")
        await pilot.press("left", "left", "left")  # on the statement itself
        assert grid.here()[1] == "item"
        await pilot.press("4")
        await pilot.pause()
        assert any("Home or →" in message for message in toasts(app))
        await pilot.press("home", "4")
        await pilot.pause()
    assert {who: c.value for who, c in saved(session_id).scores("interaction", "threshold").items()} == {"Anna": 4}


TEN_POINT_GUIDE = """
[guide]
id = "ten"
version = 1
title = { en = "Ten points" }

[[steps]]
id = "mood"
kind = "scale"
title = { en = "Mood" }
prompt = { en = "How is it going?" }
scale = { min = 0, max = 10 }

[[steps.items]]
id = "overall"
text = { en = "Overall" }
"""


async def test_a_scale_to_ten_takes_two_digits_in_a_row(store, make_app, saved):
    from screens.widgets.scale_input import ScaleInput
    from workshop.core.guides import load_guide_text
    from workshop.core.making.prepare import Plan, prepare_session
    from workshop.core.model import Participant

    plan = Plan(collaboration="Zorg Oost", guide=load_guide_text(TEN_POINT_GUIDE), partners=["A", "B", "C"],
                participants=[Participant.parse("Anna@A")], lang="en", date="2026-11-20")
    session_id = prepare_session(store, plan)
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen.prompt_input, ScaleInput)
        await pilot.press("1", "0")  # A: 10, at once
        await pilot.pause()
        await pilot.press("7")  # B: 7, no second digit can follow
        await pilot.pause()
        await pilot.press("1")  # C: 1, after the wait for a second digit
        await pilot.pause(ScaleInput.SECOND_DIGIT_WAIT + 0.3)
    scores = saved(session_id).scores("mood", "overall")
    assert {who: given.value for who, given in scores.items()} == {"A": 10, "B": 7, "C": 1}


async def test_vote_gives_dots_per_partner_and_ranks(make_session, make_app, saved, live):
    session_id = make_session()
    session = live(session_id)
    first = session.add("pains", "meetings", "Gemeente")
    second = session.add("pains", "privacy", "Zorggroep")
    session.release()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "priorities")
        await pilot.press("plus", "plus")  # Gemeente: two dots on 'meetings'
        await pilot.press("right", "down", "plus", "space", "plus")  # Zorggroep: three on 'privacy'
        await pilot.press("plus")  # no dots left: refused with a message, nothing saved
        await pilot.press("left", "minus")  # Gemeente takes one back from 'privacy'? none there: stays 0
        await pilot.pause()
    view = saved(session_id)
    assert view.dots("priorities", "Gemeente") == {first.uid: 2}
    assert view.dots("priorities", "Zorggroep") == {second.uid: 3}
    assert [c.uid for c, _ in view.ranking("priorities")] == [second.uid, first.uid]


async def test_a_dot_on_a_contribution_s_own_column_says_where_dots_go(make_session, make_app, saved, live):
    session_id = make_session()
    session = live(session_id)
    first = session.add("pains", "meetings", "Gemeente")
    session.release()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "priorities")
        grid = app.screen.query_one("#dots")
        await pilot.press("left", "left")  # the contribution's text: no partner's column
        assert grid.here() == (first.uid, "item")
        await pilot.press("plus")
        await pilot.pause()
        assert any("Home or →" in message for message in toasts(app))
        await pilot.press("home")
        assert grid.here() == (first.uid, "Gemeente")
        await pilot.press("plus")
        await pilot.pause()
    assert saved(session_id).dots("priorities", "Gemeente") == {first.uid: 1}


async def test_assign_fills_a_guide_row_and_adds_a_free_one(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "roles")
        await pilot.press("shift+tab")  # the rows
        await pilot.press("home", "enter")  # the first guide row: its text is filled in, the cursor in 'who'
        await pilot.pause()
        await type_text(pilot, "ann")
        await pilot.press("enter")
        await type_text(pilot, "monthly")
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Secretary")
        await pilot.press("enter")
        await type_text(pilot, "Zorg")
        await pilot.press("enter")
        await type_text(pilot, "weekly")
        await pilot.press("enter")
        await pilot.pause()
    rows = saved(session_id).contributions("roles")
    assert [(c.text, c.value, c.when, c.item) for c in rows] == [
        ("Facilitator (procesbegeleider)", "Anna", "monthly", "rows-1"),
        ("Secretary", "Zorggroep", "weekly", ""),
    ]


async def test_consent_sets_a_status_and_date_per_partner_and_body(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "consent")
        await pilot.press("2")  # works council, Gemeente: to request
        await pilot.press("right", "space", "space")  # Zorggroep: not needed, then to request
        await pilot.press("d")
        await pilot.pause()
        app.focused.value = "2026-12-01"
        await pilot.press("enter")
        await pilot.pause()
    consents = saved(session_id).consents("consent")
    assert consents[("Gemeente", "or")].value == "to_request"
    assert (consents[("Zorggroep", "or")].value, consents[("Zorggroep", "or")].when) == ("to_request", "2026-12-01")


async def test_choice_picks_one_option(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "decision-rule")  # a choice for the group (the phase is asked per partner)
        await pilot.press("home", "down", "enter")
        await pilot.press("down", "enter")
        await pilot.pause()
    assert saved(session_id).choice("decision-rule") == "achterban-first"


async def test_review_marks_what_was_carried_over(make_session, make_app, saved, live):
    earlier = live(make_session(date="2026-10-01"))
    earlier.assign("actions", "Write the privacy protocol", "Zorggroep", "2026-11-01")
    earlier.assign("actions", "Choose two schools", "Gemeente", "2026-11-01")
    earlier.close()
    earlier.release()
    session_id = make_session(date="2026-11-20")
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "review")
        listing = app.screen.query_one("#carried")
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        # Both are 19 days late on the meeting's date: grouped by owner, each under a heading.
        assert [line.split(":")[0].lstrip("⚠ ") for line in shown if line.startswith("⚠")] == ["Gemeente", "Zorggroep"]
        assert "Choose two schools" in shown[1] and "19 days late" in shown[1]
        await pilot.press("home", "d", "x")  # d marks the first and moves on to the second
        await pilot.press("home", "space")  # done -> the next status: still open
        await pilot.pause()
    view = saved(session_id)
    by_text = {a.text: view.reviews("review").get(a.uid) for a in view.carried}
    assert by_text == {"Choose two schools": "open", "Write the privacy protocol": "dropped"}
