"""Refused means refused: a submission is on disk and answered "received", or refused and not
kept. Every submission carries its id; the same id again is answered "already received" and is
saved once (a resend after a lost reply, after a refusal, a double tap)."""

from __future__ import annotations

import errno

from tests.serve.conftest import run
from tests.serve.helpers import join, saved, send, token


def full_disk(monkeypatch):
    from workshop.core.store import atomic

    def refuse(path, payload):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "write_atomically", refuse)
    return atomic


def test_a_submission_refused_on_a_full_disk_is_not_kept(serving, store, monkeypatch):
    """Before: the text stayed in memory, was saved with the next write although the phone was
    told it was refused, and its resend (a new form) saved it twice."""
    from workshop.core.store import atomic

    real = atomic.write_atomically

    async def scenario():
        async with serving() as server:
            client = await join(server)
            full_disk(monkeypatch)
            refused = await send(client, what="contribution", step="ideas", text="On a full disk", uid="f1")
            in_memory = [x.text for x in server.live.contributions("ideas")]
            waiting = list(server.live.pending)
            monkeypatch.setattr(atomic, "write_atomically", real)
            server.live.add("ideas", "The facilitator types on")  # a later save keeps nothing of it
            again = await send(client, what="contribution", step="ideas", text="On a full disk", uid="f1")
            await client.close()
            return refused, in_memory, waiting, again, server.live.id

    (status, answer), in_memory, waiting, again, session_id = run(scenario())
    assert status == 503 and answer["status"] == "refused" and answer["message"].startswith("Not saved")
    assert in_memory == [] and waiting == []
    assert again[0] == 200 and again[1]["status"] == "received"
    assert sorted(x.text for x in saved(store, session_id)) == ["On a full disk", "The facilitator types on"]


def test_the_same_submission_again_is_already_received_and_saved_once(serving, store):
    async def scenario():
        async with serving() as server:
            client = await join(server)
            answers = []
            csrf = await token(client)  # the same form, sent again after its reply was lost
            for _n in range(3):
                answers.append(await send(client, what="contribution", step="ideas", text="Twice?", uid="same",
                                          csrf=csrf))
            await client.close()
            return answers, server.live.id

    answers, session_id = run(scenario())
    assert [(status, answer["status"]) for status, answer in answers] == \
        [(200, "received"), (200, "already received"), (200, "already received")]
    assert [x.text for x in saved(store, session_id)] == ["Twice?"]


def test_a_dot_sent_again_is_given_once(serving):
    async def scenario():
        async with serving() as server:
            target = server.live.add("ideas", "Shared desk").uid
            server.live.go_to("dots")
            client = await join(server)
            answers = [await send(client, what="vote", step="dots", target=target, change="1", uid="dot-1")
                       for _n in range(2)]
            await client.close()
            return answers, server.live.dots("dots")

    answers, dots = run(scenario())
    assert [answer["status"] for _status, answer in answers] == ["received", "already received"]
    assert list(dots.values()) == [1]


def test_a_form_token_passes_again_only_for_its_own_submission(serving):
    async def scenario():
        async with serving() as server:
            client = await join(server)
            csrf = await token(client)
            first = await send(client, what="contribution", step="ideas", text="One", uid="a", csrf=csrf)
            other = await send(client, what="contribution", step="ideas", text="Other", uid="b", csrf=csrf)
            await client.close()
            return first, other, [x.text for x in server.live.contributions("ideas")]

    first, other, texts = run(scenario())
    assert first[0] == 200 and other[0] == 403 and texts == ["One"]


def test_a_submission_without_an_id_is_refused(serving):
    async def scenario():
        async with serving() as server:
            client = await join(server)
            answer = await send(client, what="contribution", step="ideas", text="No id", uid="")
            await client.close()
            return answer, server.live.contributions("ideas")

    (status, answer), kept = run(scenario())
    assert status == 400 and "no id" in answer["message"] and kept == []
