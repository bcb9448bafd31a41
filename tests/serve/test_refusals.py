"""Each request the server refuses is refused with a clear message, and nothing is stored."""

from __future__ import annotations

import aiohttp

from tests.serve.conftest import run
from tests.serve.helpers import JSON, join, saved, send, token


def stored(server) -> list[str]:
    return [x.text for x in server.live.contributions() if x.text]


def test_a_contribution_is_received_after_it_is_saved(serving, store):
    async def scenario():
        async with serving() as server:
            client = await join(server)
            status, answer = await send(client, what="contribution", step="ideas", text="Shared desk", uid="u1")
            await client.close()
            return status, answer, server.live.id

    status, answer, session_id = run(scenario())
    assert (status, answer["status"]) == (200, "received")
    assert [(c.text, c.participant, c.partner) for c in saved(store, session_id)] == \
        [("Shared desk", "Bram", "Zorggroep")]


def test_the_same_form_sent_twice_is_saved_once(serving):
    async def scenario():
        async with serving() as server:
            client = await join(server)
            first = await send(client, what="contribution", step="ideas", text="Once", uid="same")
            second = await send(client, what="contribution", step="ideas", text="Once", uid="same")
            await client.close()
            return first, second, stored(server)

    first, second, texts = run(scenario())
    assert first[0] == second[0] == 200
    assert texts == ["Once"]


def test_a_body_over_the_limit_is_refused(serving):
    async def scenario():
        async with serving() as server:
            client = await join(server)
            answer = await send(client, what="contribution", step="ideas", text="x" * 40_000, uid="big")
            await client.close()
            return answer, stored(server)

    (status, answer), texts = run(scenario())
    assert status == 413 and "too much" in answer["message"]
    assert texts == []


def test_a_text_over_the_participants_limit_is_refused(serving):
    async def scenario():
        async with serving() as server:
            client = await join(server)
            answer = await send(client, what="contribution", step="ideas", text="y" * 2_001, uid="long")
            await client.close()
            return answer, stored(server)

    (status, answer), texts = run(scenario())
    assert status == 413 and "too long" in answer["message"]
    assert texts == []


def test_too_many_requests_from_one_participant_are_refused(serving):
    from workshop.serve.guard import RateLimit

    async def scenario():
        async with serving() as server:
            client = await join(server)
            server.runner.app[SETTINGS]["send_limit"] = RateLimit(burst=3, per_second=0.001)
            answers = [await send(client, what="contribution", step="ideas", text=f"n{n}", uid=f"n{n}")
                       for n in range(5)]
            await client.close()
            return answers, stored(server)

    from workshop.serve.app import SETTINGS

    answers, texts = run(scenario())
    assert [status for status, _answer in answers] == [200, 200, 200, 429, 429]
    assert "Too many" in answers[-1][1]["message"]
    assert texts == ["n0", "n1", "n2"]


def test_a_forged_step_id_is_refused(serving):
    async def scenario():
        async with serving() as server:
            client = await join(server)
            answers = [await send(client, what="contribution", step=step, text="sneaky", uid=step)
                       for step in ("secret", "no-such-step", "../ideas")]
            await client.close()
            return answers, stored(server)

    answers, texts = run(scenario())
    assert {status for status, _answer in answers} == {409}
    assert "not open" in answers[0][1]["message"]
    assert texts == []


def test_a_step_closed_to_input_is_refused(serving):
    from workshop.core.session import changes as c

    async def scenario():
        async with serving() as server:
            server.live.apply(c.CloseInput("ideas"))
            client = await join(server)
            answer = await send(client, what="contribution", step="ideas", text="late", uid="late")
            await client.close()
            return answer, stored(server)

    (status, answer), texts = run(scenario())
    assert status == 409 and "closed this step" in answer["message"]
    assert texts == []


def test_a_guessed_join_code_is_rate_limited_then_locked(serving):
    async def scenario():
        async with serving() as server:
            client = aiohttp.ClientSession(base_url=server.address, headers=JSON)
            statuses = []
            for guess in range(12):
                async with client.post("/join", data={"code": f"GUESS{guess}", "name": "Eve",
                                                      "partner": "Gemeente"}) as answer:
                    statuses.append((answer.status, (await answer.json())["message"]))
            attempts = server.runner.app[SETTINGS]["attempts"]
            attempts.wrong["127.0.0.1"] = [0.0] * 10  # the minutes have passed, the count has not
            async with client.post("/join", data={"code": server.code, "name": "Eve", "partner": "Gemeente"}) as late:
                locked = late.status, (await late.json())["message"]
            await client.close()
            return statuses, locked, len(server.hub.joined)

    from workshop.serve.app import SETTINGS

    statuses, locked, joined = run(scenario())
    assert [status for status, _m in statuses[:5]] == [403] * 5 and "not right" in statuses[0][1]
    assert statuses[5][0] == 429 and "Wait a minute" in statuses[5][1]
    assert locked[0] == 403 and "locked" in locked[1]
    assert joined == 0


def test_a_missing_or_replayed_form_token_is_refused(serving):
    async def scenario():
        async with serving() as server:
            client = await join(server)
            missing = await send(client, what="contribution", step="ideas", text="no token", uid="a", csrf="")
            used = await token(client)
            first = await send(client, what="contribution", step="ideas", text="first", uid="b", csrf=used)
            replayed = await send(client, what="contribution", step="ideas", text="replayed", uid="c", csrf=used)
            await client.close()
            return missing, first, replayed, stored(server)

    missing, first, replayed, texts = run(scenario())
    assert missing[0] == 403 and "expired" in missing[1]["message"]
    assert first[0] == 200 and replayed[0] == 403
    assert texts == ["first"]


def test_a_request_without_joining_is_refused(serving):
    async def scenario():
        async with serving() as server:
            client = aiohttp.ClientSession(base_url=server.address, headers=JSON)
            async with client.post("/send", data={"what": "contribution", "step": "ideas", "text": "x"}) as answer:
                result = answer.status, await answer.json()
            await client.close()
            return result, stored(server)

    (status, answer), texts = run(scenario())
    assert status == 401 and "join first" in answer["message"]
    assert texts == []


def test_a_forged_cookie_is_not_a_participant(serving):
    async def scenario():
        async with serving() as server:
            client = await join(server)
            real = next(iter(server.hub.joined))
            jar = aiohttp.CookieJar(unsafe=True)
            jar.update_cookies({"workshop_participant": f"{real}.{'0' * 64}"})
            forger = aiohttp.ClientSession(base_url=server.address, cookie_jar=jar, headers=JSON)
            async with forger.get("/token") as answer:
                status = answer.status
            await client.close()
            await forger.close()
            return status

    assert run(scenario()) == 401


def test_a_foreign_host_header_is_refused(serving):
    async def scenario():
        async with serving() as server:
            client = aiohttp.ClientSession(base_url=server.address, headers=JSON)
            async with client.get("/", headers={"Host": f"evil.example:{server.port}"}) as answer:
                foreign = answer.status, await answer.json()
            async with client.post("/join", headers={"Host": "rebound.example"},
                                   data={"code": server.code, "name": "Eve", "partner": "Gemeente"}) as answer:
                join_status = answer.status
            async with client.get("/", headers={"Host": f"localhost:{server.port}"}) as answer:
                own = answer.status
            await client.close()
            return foreign, join_status, own, len(server.hub.joined)

    (status, answer), join_status, own, joined = run(scenario())
    assert status == join_status == 421 and "does not answer" in answer["message"]
    assert own == 200 and joined == 0


def test_markup_in_names_and_texts_is_stored_exactly_and_shown_escaped(serving, store):
    name = '<script>alert("n")</script>[b]Bo'
    text = '<img src=x onerror=alert(1)> & {{ 7*7 }} [red]x[/red]'

    async def scenario():
        async with serving() as server:
            client = await join(server, name=name)
            status, _answer = await send(client, what="contribution", step="ideas", text=text, uid="m")
            async with client.get("/", headers={"Accept": "text/html"}) as page:
                html = await page.text()
            await client.close()
            return status, html, server.live.id

    status, html, session_id = run(scenario())
    assert status == 200
    [kept] = saved(store, session_id)
    assert (kept.text, kept.participant) == (text, name)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;n&#34;)&lt;/script&gt;[b]Bo" in html
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; {{ 7*7 }}" in html


def test_the_facilitator_s_hint_is_not_on_a_participant_s_page(serving):
    """The hint guides the facilitator (hidden on the shared screen too); on the phones it spoke of
    things they do not see, such as the dash on one's own organisation in a dependence grid."""
    async def scenario():
        async with serving() as server:
            client = await join(server)
            async with client.get("/", headers={"Accept": "text/html"}) as page:
                html = await page.text()
            async with client.get("/") as answer:
                data = await answer.text()
            await client.close()
            return html, data

    html, data = run(scenario())
    assert "What could we try?" in html
    assert "wait for the quiet ones" not in html and "wait for the quiet ones" not in data


def test_an_anonymous_step_stores_no_name_and_shows_no_earlier_contributions(serving, store):
    async def scenario():
        async with serving("secret") as server:
            first = await join(server, name="Anna", partner="Gemeente")
            await send(first, what="contribution", step="secret", text="Budget cuts", uid="w")
            server.live.apply(__import__("workshop.core.session.changes", fromlist=["x"]).Moderate(
                server.live.held()[0].uid, shown=True))
            second = await join(server, name="Cem")
            async with second.get("/", headers={"Accept": "text/html"}) as page:
                html = await page.text()
            for client in (first, second):
                await client.close()
            return html, server.live.id

    html, session_id = run(scenario())
    [kept] = saved(store, session_id)
    assert (kept.text, kept.participant, kept.partner) == ("Budget cuts", "", "")
    assert "Budget cuts" not in html


def test_a_moderated_contribution_waits_until_the_facilitator_shows_it(serving):
    async def scenario():
        async with serving("secret") as server:
            client = await join(server)
            await send(client, what="contribution", step="secret", text="Held back", uid="h")
            held = [x.text for x in server.live.held()]
            await client.close()
            return held

    assert run(scenario()) == ["Held back"]


def test_dots_beyond_the_organisations_budget_are_refused(serving):
    async def scenario():
        async with serving() as server:
            target = server.live.add("ideas", "Shared desk").uid
            server.live.go_to("dots")
            client = await join(server)
            answers = [await send(client, what="vote", step="dots", target=target, change="1") for _n in range(4)]
            await client.close()
            return answers, server.live.dots("dots")

    answers, dots = run(scenario())
    assert [status for status, _answer in answers] == [200, 200, 200, 400]
    assert "no dots left" in answers[-1][1]["message"] and list(dots.values()) == [3]
