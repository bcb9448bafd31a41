"""The phones hear the meeting move when it moves: the session's record of a stage change is
pushed on `/events`, with nothing polling the stage; and on the facilitator's screen a phone's
contribution shows from the session's record, with no timer redrawing it."""

from __future__ import annotations

import asyncio

from tests.serve.conftest import run
from tests.serve.helpers import join, send
from tests.serve.test_join_panel import SIZE, make_app, panel_text


async def next_version(stream) -> int:
    """The next `data:` line of a server-sent event stream."""
    while True:
        line = (await stream.content.readline()).decode().strip()
        if line.startswith("data: "):
            return int(line[len("data: "):])


def test_a_step_change_reaches_an_event_stream_as_it_is_made(serving):
    from workshop.core.session.changes import GoTo, Reveal

    async def scenario():
        async with serving() as server:
            phone = await join(server)
            async with phone.get("/events") as stream:
                first = await next_version(stream)
                server.live.apply(GoTo("trust"))
                bumped = server.hub.version  # at once, in `apply`: no look on an interval
                moved = await asyncio.wait_for(next_version(stream), 5)
                server.live.apply(Reveal("trust"))
                revealed = await asyncio.wait_for(next_version(stream), 5)
                server.live.apply(Reveal("trust"))  # revealed already: nothing moved, nothing sent
                server.live.apply(GoTo("phase"))
                again = await asyncio.wait_for(next_version(stream), 5)
            await phone.close()
            return first, bumped, moved, revealed, again

    first, bumped, moved, revealed, again = run(scenario())
    assert bumped == first + 1 and moved == first + 1
    assert revealed == first + 2 and again == first + 3


def test_the_server_has_no_look_at_the_stage_on_an_interval():
    from workshop.serve import hub, server

    assert not hasattr(server, "LOOK_EVERY") and not hasattr(hub.Hub, "look")


def test_a_phone_s_contribution_shows_on_the_facilitator_s_screen_from_the_session_s_record(store, room_session):
    import screens.session_serve as serve

    async def scenario():
        app = make_app(store, room_session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f8")
            await pilot.pause()
            heard = []
            app.screen.live.listen(heard.append)
            phone = await join(app.screen.server, name="Bram")
            status, _answer = await send(phone, what="contribution", step="ideas", text="From a phone")
            await phone.close()
            await pilot.pause()  # the record's message, and the redraw after the frame
            shown = str(app.screen.query_one("#contributions").get_option_at_index(0).prompt)
            return status, heard, shown, panel_text(app)

    status, heard, shown, panel = asyncio.run(scenario())
    assert not hasattr(serve, "REDRAW_EVERY")  # the one-second redraw is gone: only the record can show it
    assert status == 200 and any("ideas" in record.steps for record in heard)
    assert "From a phone" in shown
    assert "1 joined" in panel and "1 answered this step" in panel
