"""A phone is a seat: bound to the device that joined, never to a typed name. Nobody takes
another's seat, sees another's blind score or speaks for an organisation they did not join for;
a newcomer's scores are counted among the people at the table."""

from __future__ import annotations

import aiohttp

from tests.serve.conftest import run
from tests.serve.helpers import JSON, join, send

HTML = {"Accept": "text/html"}


async def try_join(server, name: str, partner: str) -> tuple[int, str, aiohttp.ClientSession]:
    client = aiohttp.ClientSession(base_url=server.address, cookie_jar=aiohttp.CookieJar(unsafe=True), headers=JSON)
    async with client.post("/join", data={"code": server.code, "name": name, "partner": partner}) as answer:
        return answer.status, (await answer.json()).get("message", ""), client


async def page(client: aiohttp.ClientSession) -> str:
    async with client.get("/", headers=HTML) as answer:
        return await answer.text()


def test_a_seated_name_cannot_be_taken_by_another_device(serving, store):
    async def scenario():
        async with serving("trust") as server:
            anna = await join(server, name="Anna", partner="Gemeente")
            await send(anna, what="score", step="trust", item="honesty", value="2")
            status, message, intruder = await try_join(server, " anna ", "Gemeente")
            async with intruder.post("/send", data={"what": "score", "step": "trust", "item": "honesty",
                                                    "value": "5", "uid": "x", "csrf": "x"}) as answer:
                sent = answer.status
            for client in (anna, intruder):
                await client.close()
            return status, message, sent, len(server.hub.joined), server.live.scores("trust", "honesty")

    status, message, sent, seats, scores = run(scenario())
    assert status == 409 and "already joined as anna" in message.casefold() and "facilitator" in message
    assert sent == 401 and seats == 1
    assert {who: score.value for who, score in scores.items()} == {"Anna": 2}


def test_a_page_never_shows_what_another_seat_gave(serving):
    """Anna scored blind; her seat is freed and someone joins as Anna on another device: the
    page shows no score checked (before, it showed Anna's blind score pre-checked)."""
    async def scenario():
        async with serving("trust") as server:
            anna = await join(server, name="Anna", partner="Gemeente")
            await send(anna, what="score", step="trust", item="honesty", value="2")
            own = await page(anna)
            server.hub.free(next(iter(server.hub.joined)))
            newcomer = await join(server, name="Anna", partner="Gemeente")
            other = await page(newcomer)
            async with anna.get("/token") as answer:
                freed = answer.status
            for client in (anna, newcomer):
                await client.close()
            return own, other, freed

    own, other, freed = run(scenario())
    assert 'value="2" checked' in own
    assert "checked" not in other
    assert freed == 401  # the freed device is out


def test_a_name_of_an_organisation_is_nobody_s_name(serving):
    async def scenario():
        async with serving("trust") as server:
            status, message, client = await try_join(server, "Zorggroep", "Gemeente")
            await client.close()
            return status, message, len(server.hub.joined)

    status, message, seats = run(scenario())
    assert status == 400 and "name of an organisation" in message and seats == 0


def test_the_join_page_lists_no_names_and_preselects_no_organisation(serving):
    async def scenario():
        async with serving() as server:
            async with aiohttp.ClientSession(base_url=server.address, headers=HTML) as client:
                async with client.get("/") as answer:
                    html = await answer.text()
            status, message, client = await try_join(server, "Cem", "")
            await client.close()
            return html, status, message

    html, status, message = run(scenario())
    assert "Anna" not in html and "datalist" not in html
    assert '<option value="" selected disabled>Choose your organisation</option>' in html
    assert '<option value="-">no organisation</option>' in html
    assert status == 400 and "Pick your organisation" in message


def test_a_registered_name_keeps_its_organisation(serving):
    async def scenario():
        async with serving() as server:
            status, message, client = await try_join(server, "Anna", "Zorggroep")
            await client.close()
            anna = await join(server, name="Anna", partner="Gemeente")
            await send(anna, what="contribution", step="ideas", text="From Anna")
            await anna.close()
            return status, message, [(x.participant, x.partner) for x in server.live.contributions("ideas")]

    status, message, said = run(scenario())
    assert status == 400 and "Anna is on the list for Gemeente" in message
    assert said == [("Anna", "Gemeente")]


def test_a_newcomer_s_scores_count_among_the_people_at_the_table(serving, store):
    """Kees is not on the list and joins for no organisation: he is then at the table, so the
    count says 2 of 2 scores, never '2 of 1'."""
    from workshop.core.session import SessionView
    from workshop.present.room import expected, item_scores

    async def scenario():
        async with serving("trust") as server:
            anna = await join(server, name="Anna", partner="Gemeente")
            kees = await join(server, name="Kees", partner="-")
            answers = [await send(client, what="score", step="trust", item="honesty", value=value)
                       for client, value in ((anna, "2"), (kees, "4"))]
            for client in (anna, kees):
                await client.close()
            live = server.live
            step = live.step("trust")
            reread = SessionView(store.read_session(live.id))  # the file with Kees on the list reads as it was written
            return answers, item_scores(reread, step, "honesty").given, expected(reread, step), \
                {who: score.partner for who, score in reread.scores("trust", "honesty").items()}

    answers, given, out_of, partners = run(scenario())
    assert [status for status, _answer in answers] == [200, 200]
    assert (given, out_of) == (2, 2)
    assert partners == {"Anna": "Gemeente", "Kees": ""}


def test_a_seat_without_an_organisation_gives_no_organisation_s_dots(serving):
    async def scenario():
        async with serving() as server:
            target = server.live.add("ideas", "Shared desk").uid
            server.live.go_to("dots")
            kees = await join(server, name="Kees", partner="-")
            answer = await send(kees, what="vote", step="dots", target=target, change="1")
            await kees.close()
            return answer, server.live.dots("dots")

    (status, answer), dots = run(scenario())
    assert status == 409 and "per organisation" in answer["message"] and dots == {}


def test_the_facilitator_puts_a_listed_name_with_another_organisation_and_it_joins_for_that(serving):
    from workshop.core.session.changes import MoveParticipant

    async def scenario():
        async with serving() as server:
            refused, _message, client = await try_join(server, "Anna", "Zorggroep")
            await client.close()
            server.live.apply(MoveParticipant("anna", "Zorggroep"))  # the facilitator, on the panel (o)
            status, _message, client = await try_join(server, "Anna", "Zorggroep")
            await send(client, what="contribution", step="ideas", text="From Anna")
            await client.close()
            return refused, status, [(x.participant, x.partner) for x in server.live.contributions("ideas")]

    refused, status, said = run(scenario())
    assert refused == 400 and status == 200
    assert said == [("Anna", "Zorggroep")]
