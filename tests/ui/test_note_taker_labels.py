"""On the open step, as the note-taker types: a guide's label ('Ontbreekt: …') is nobody's in
particular and saved at once as typed; every step starts on 'algemeen'; accents in a name do not count."""

from __future__ import annotations

from tests.ui.helpers import SIZE, go_to, type_text

PARTNERS = ("Gemeente Ede", "Pré Wonen", "Zorggroep")


async def test_a_labelled_line_is_nobodys_and_every_step_starts_on_nobody_in_particular(make_session, make_app, saved):
    session_id = make_session(lang="nl", partners=PARTNERS, participants=("Anna@Gemeente Ede",))
    app = make_app(session_id, lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "checkin")
        await type_text(pilot, "Fijn dat we er zijn")
        await pilot.press("enter")
        await pilot.press("down")  # the first partner, Gemeente Ede, selected
        await type_text(pilot, "Ontbreekt: de woningcorporatie")
        await pilot.press("enter")  # once: a label is no unknown name to confirm
        await type_text(pilot, "Pre Wonen: meer huizen")
        await pilot.press("enter")
        await type_text(pilot, "en sneller")
        await pilot.press("enter")
        await pilot.pause()
        await go_to(pilot, "pains")  # the next open step starts on nobody in particular again
        await type_text(pilot, "Een pijnpunt van iedereen")
        await pilot.press("enter")
        await pilot.pause()
    view = saved(session_id)
    assert [(c.partner, c.text) for c in view.contributions("checkin")] == [
        ("", "Fijn dat we er zijn"), ("", "Ontbreekt: de woningcorporatie"), ("Pré Wonen", "meer huizen"),
        ("Pré Wonen", "en sneller")]
    assert [(c.partner, c.text) for c in view.contributions("pains")] == [("", "Een pijnpunt van iedereen")]


async def test_the_picker_says_before_enter_that_a_labelled_line_is_nobodys(make_session, make_app):
    from screens.widgets.who import WhoPicker

    session_id = make_session(lang="nl", partners=PARTNERS, participants=())
    app = make_app(session_id, lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "checkin")
        await pilot.press("down")
        await type_text(pilot, "Ontbreekt: de school")
        await pilot.pause()
        picker = app.screen.query_one(WhoPicker)
        assert str(picker.render()).startswith("→ algemeen")
