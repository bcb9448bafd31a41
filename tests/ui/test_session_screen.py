"""Moving through the meeting, the timer, notes, presentation mode, closing, locks and failed saves."""

from __future__ import annotations

import errno

from textual.widgets import Digits

from screens.widgets.agenda import Agenda
from screens.widgets.save_state import SaveState
from tests.ui.helpers import SIZE, go_to, submit, toasts, written
from workshop.core.session import LiveSession


def shown(widget) -> bool:
    """Displayed, and so are all its containers."""
    return all(node.display for node in widget.ancestors_with_self if hasattr(node, "display"))


async def test_next_and_previous_move_the_meeting_and_are_remembered(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+b")
        await pilot.pause()
        assert app.screen.step_id == "welcome"
    assert saved(session_id).current.id == "welcome"


async def test_the_agenda_jumps_skips_reorders_and_adds_a_step(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        assert isinstance(app.focused, Agenda)
        await pilot.press("down", "down", "s")  # skip 'welcome' (the phase is asked at the start of a phase)
        await pilot.press(*["down"] * 7, "enter")  # jump to 'pains'
        await pilot.pause()
        assert app.screen.step_id == "pains"
        await pilot.press("ctrl+g", "shift+up", "shift+up")  # 'pains' before 'break' and 'interests'
        await pilot.press("a")
        await pilot.pause()
        app.focused.value = "Budget question"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.live.step(app.screen.step_id).title.get("en") == "Budget question"
        await submit(pilot, "Who pays for the pilot?")
    view = saved(session_id)
    order = [s.id for s in view.agenda]
    assert view.is_skipped("welcome")
    assert order.index("pains") < order.index("interests")
    extra = view.agenda[order.index("pains") + 1]
    assert extra.id.startswith("extra-") and view.current.id == extra.id
    assert [c.text for c in view.contributions(extra.id)] == ["Who pays for the pilot?"]


async def test_timer_starts_by_itself_pauses_and_gets_extra_minutes(make_session, make_app, saved, clock):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock.advance(90)
        app.screen.tick()
        assert str(app.screen.query_one(Digits).value) == "08:30"
        await pilot.press("ctrl+t")  # pause
        clock.advance(60)
        await pilot.press("ctrl+y")  # +5 minutes
        app.screen.tick()
        await pilot.pause()
        assert app.screen.query_one(Digits).value == "13:30"
    box = saved(session_id).timebox("checkin")
    assert box.since is None and box.spent(clock()) == 90 and box.extra == 5


async def test_timer_warns_when_nearly_up_and_when_over(make_session, make_app, clock):
    app = make_app(make_session())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock.advance(9 * 60 + 10)
        app.screen.tick()
        await pilot.pause()
        timer = app.screen.query_one("#timer")
        assert timer.has_class("nearly-up")
        clock.advance(60)
        app.screen.tick()
        await pilot.pause()
        assert timer.has_class("over")
        messages = toasts(app)
        assert any("nearly up" in m for m in messages) and any("Time is up" in m for m in messages)


async def test_private_note_is_saved_and_hidden_in_presentation_mode(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.focused.text = "Gemeente is nervous about money"
        await pilot.press("ctrl+s")
        await pilot.pause()
        note, hint = app.screen.query_one("#note"), app.screen.query_one("#hint")
        assert note.display and note.region.height > 0 and hint.region.height > 0
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.screen.has_class("presenting")
        for hidden in ("#note", "#hint", "#agenda", "#top-bar"):
            assert not shown(app.screen.query_one(hidden)), hidden
        for visible in ("#prompt", "#timer", "#prompt-input"):
            assert shown(app.screen.query_one(visible)), visible
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.has_class("presenting")
    assert saved(session_id).note("checkin") == "Gemeente is nervous about money"


async def test_closing_shows_the_summary_and_leaves_the_session_read_only(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "actions")
        await pilot.press(*"Draft", "enter")
        await pilot.press("G", "e", "m", "enter")
        await pilot.press("2", "0", "2", "6", "minus", "1", "2", "minus", "0", "1", "enter")  # a due date is a date
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        summary = "\n".join(str(s.render()) for s in app.screen.query(".summary-section"))
        assert "Draft" in summary and "Gemeente" in summary
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.live.read_only
        assert "closed" in str(app.screen.query_one("#banner").render())
        await pilot.press(*"more")
        await pilot.press("enter")
        await pilot.pause()
    view = saved(session_id)
    assert view.closed
    assert [c.text for c in view.contributions("actions")] == ["Draft"]


async def test_a_second_window_on_a_locked_session_is_read_only_with_a_message(make_session, make_app, store, saved):
    session_id = make_session()
    holder = LiveSession(store.open_session(session_id))
    try:
        app = make_app(session_id)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.screen.live.read_only
            assert "open elsewhere" in str(app.screen.query_one("#banner").render())
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert app.screen.step_id == "decision-rule"  # looking around is fine …
        assert saved(session_id).current.id == "checkin"  # … but nothing changes on disk
    finally:
        holder.release()


async def test_a_failed_save_shows_not_saved_and_is_retried(make_session, make_app, saved, monkeypatch):
    import workshop.core.store.atomic as atomic

    session_id = make_session()
    app = make_app(session_id)
    real = atomic.write_atomically

    def full_disk(path, payload):
        raise OSError(errno.ENOSPC, "No space left on device")

    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        monkeypatch.setattr(atomic, "write_atomically", full_disk)
        await submit(pilot, "kept while the disk is full")
        state = app.screen.query_one(SaveState)
        assert state.has_class("failed") and "NOT saved" in str(state.render())
        assert "kept while the disk is full" in str(app.screen.query_one("#contributions").get_option_at_index(0).prompt)
        monkeypatch.setattr(atomic, "write_atomically", real)
        app.screen.retry_saving()
        await written(pilot)
        assert state.has_class("saved")
    assert [c.text for c in saved(session_id).contributions("pains")] == ["kept while the disk is full"]


async def test_resuming_continues_at_the_step_where_the_meeting_was(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        await submit(pilot, "first")
    again = make_app(session_id)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.screen.step_id == "pains"
        assert again.screen.query_one("#contributions").option_count == 1


async def test_help_lists_the_keys_of_the_session_screen(make_session, make_app):
    app = make_app(make_session())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        from screens.help import HelpScreen, key_table

        assert isinstance(app.screen, HelpScreen)
        table = key_table(app.screen.shown)
        text = "\n".join(str(cell) for cell in table.columns[1].cells)
        for words in ("Next step", "Presentation", "Skip / unskip", "Start/pause timer", "Summary of what was agreed"):
            assert words in text, words
        await pilot.press("escape")


async def test_the_session_speaks_dutch_when_the_session_is_dutch(make_session, make_app):
    app = make_app(make_session(lang="nl"), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Waarvoor zitten we hier vandaag" in str(app.screen.query_one("#prompt").render())


async def test_f6_compares_and_f7_exports_from_the_running_session(make_session, make_app, store):
    from screens.compare import CompareScreen
    from screens.session import SessionScreen
    from workshop.core.session import LiveSession

    for held in (make_session(date="2026-10-01"), session_id := make_session()):  # both held: something said
        live = LiveSession(store.open_session(held))
        live.add("pains", "Te veel overleggen", "Gemeente")
        live.release()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.comparison is not None and len(app.screen.comparison.sessions) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("f7")
        await app.workers.wait_for_complete()
        await pilot.pause()
    exports = store.root / "exports"
    assert (exports / f"{session_id}.md").read_text().strip() and (exports / f"{session_id}.html").exists()
