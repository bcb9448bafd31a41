"""A score sent from a phone is stored as a phone's, so the facilitator's typing passes it by
(tests/ui/test_phone_scores_kept.py)."""

from __future__ import annotations

from tests.serve.conftest import run
from tests.serve.helpers import join, send


def test_a_score_from_a_phone_is_stored_as_a_phones(serving, store):
    async def scenario():
        async with serving(step="trust") as server:
            phone = await join(server, name="Bram")
            answer = await send(phone, what="score", step="trust", item="honesty", value="2")
            await phone.close()
            return answer, server.live.id

    answer, session_id = run(scenario())
    assert answer[0] == 200
    from workshop.core.session import SessionView

    given = SessionView(store.read_session(session_id)).scores("trust", "honesty")["Bram"]
    assert given.value == 2 and given.device
