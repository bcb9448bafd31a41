"""Keys that arrive in a burst (a paste, a text expander, a laggy link) keep their order: each
Enter ends exactly one contribution, nothing lost, merged or saved twice."""

from __future__ import annotations

from textual import events

from tests.ui.helpers import SIZE, go_to, written

BURST = [f"w{number:03d}-{number:03d}" for number in range(20)]


def key(ch: str) -> events.Key:
    names = {"-": "minus", " ": "space", "\r": "enter", ":": "colon"}
    return events.Key(names.get(ch, ch), ch)


def send_burst(app, text: str) -> None:
    """Every key posted at once, before the app handles any of them (as a pty burst arrives)."""
    for ch in text:
        app.post_message(key(ch))


async def settle(pilot, rounds: int = 20) -> None:
    for _ in range(rounds):
        await pilot.pause()


async def test_a_enter_b_enter_sent_in_one_burst_saves_a_then_b(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        send_burst(app, "a\rb\r")
        await settle(pilot)
        assert app.focused.value == ""
    assert [c.text for c in saved(session_id).contributions("pains")] == ["a", "b"]


async def test_twenty_contributions_sent_in_one_burst_are_saved_once_each_in_order(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        send_burst(app, "".join(text + "\r" for text in BURST))
        await settle(pilot, 40)
        shown = [option.id for option in app.screen.query_one("#contributions").options]
    pains = saved(session_id).contributions("pains")
    assert [c.text for c in pains] == BURST
    assert shown == [c.uid for c in pains]


async def test_twenty_contributions_pressed_without_pauses_are_saved_once_each_in_order(
        make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        await pilot.press(*[key(ch).key for text in BURST for ch in text + "\r"])
        await settle(pilot)
    assert [c.text for c in saved(session_id).contributions("pains")] == BURST


async def test_a_paste_of_lines_in_an_open_step_makes_one_contribution_per_line(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        send_burst(app, "typed ")
        app.post_message(events.Paste("first\nsecond\n\nthird\nunfinished"))
        await settle(pilot)
        assert app.focused.value == "unfinished"  # no line break yet: it waits for Enter
        await pilot.press("enter")
        await settle(pilot)
    assert [c.text for c in saved(session_id).contributions("pains")] == [
        "typed first", "second", "third", "unfinished"]


async def test_a_paste_of_lines_in_a_statement_keeps_its_lines(make_session, make_app, saved):
    """The paste opens the editor of lines; an Enter in the same burst lands there, and ctrl+s
    saves one version with its lines."""
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "ambition")
        app.focused.value = ""
        app.post_message(events.Paste("Every child\ngrows up safely\n"))
        app.post_message(key("\r"))
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [r.text for r in saved(session_id).revisions("ambition")] == ["Every child\ngrows up safely"]


async def test_changes_on_a_full_disk_are_counted_on_screen_and_saved_in_order_later(
        make_session, make_app, saved, monkeypatch):
    import errno

    import workshop.core.store.atomic as atomic
    from screens.widgets.save_state import SaveState

    session_id = make_session()
    app = make_app(session_id)
    real = atomic.write_atomically

    def full_disk(path, payload):
        raise OSError(errno.ENOSPC, "No space left on device")

    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        monkeypatch.setattr(atomic, "write_atomically", full_disk)
        send_burst(app, "een\rtwee\r")
        await settle(pilot)
        await written(pilot)
        state = app.screen.query_one(SaveState)
        assert "NOT saved" in str(state.render()) and "2 waiting" in str(state.render())
        assert saved(session_id).contributions("pains") == []
        monkeypatch.setattr(atomic, "write_atomically", real)
        app.screen.retry_saving()
        await written(pilot)
        assert state.has_class("saved")
    assert [c.text for c in saved(session_id).contributions("pains")] == ["een", "twee"]


async def test_a_refused_contribution_goes_back_into_the_entry(make_session, make_app, saved, monkeypatch):
    import workshop.core.session.rules as rules

    session_id = make_session()
    app = make_app(session_id)
    monkeypatch.setattr(rules, "MAX_TEXT", 5)
    monkeypatch.setattr("workshop.core.session.live.MAX_TEXT", 5)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        send_burst(app, "much too long\r")
        await settle(pilot)
        assert app.focused.value == "much too long"
    assert saved(session_id).contributions("pains") == []
