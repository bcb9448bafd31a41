"""A step's input is replaced while the room sends (issue 24: the app once crashed with NoMatches
under the bench's load): a redraw that arrives while the new input is not mounted or composed
yet skips it (the new input shows the session as it is once it is there), and two step changes
one after the other leave one input, focused."""

from __future__ import annotations

import asyncio

from tests.serve.test_join_panel import SIZE, make_app


def test_a_phone_record_while_the_step_is_replaced_is_shown_not_crashed_on(store, room_session):
    async def scenario():
        from workshop.core.session.changes import AddContribution

        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            screen = app.screen
            live = screen.live
            shown = []
            for n, target in enumerate(["trust", "ideas", "trust", "ideas"]):
                opening = asyncio.ensure_future(screen.open_step(target))
                for _turn in range(4):  # the record arrives at each point of the swap in turn
                    await asyncio.sleep(0)
                    live.apply_in_memory([AddContribution("ideas", f"from a phone {n}.{_turn}")])
                    await live.save_pending()
                await opening
                await pilot.pause()
                shown.append((screen.step_id, len(screen.query("#prompt-input")), app.focused is not None))
            both = asyncio.gather(screen.action_next_step(), screen.action_next_step())  # ctrl+n twice at once
            await both
            await pilot.pause()
            texts = [line.prompt for line in screen.prompt_input.query_one("#contributions").items] \
                if screen.step_id == "ideas" else None
            return shown, len(screen.query("#prompt-input")), texts, live.current.id, screen.step_id

    shown, inputs, _texts, current, step_id = asyncio.run(scenario())
    assert [one[1] for one in shown] == [1, 1, 1, 1]
    assert all(one[2] for one in shown)
    assert inputs == 1 and current == step_id
