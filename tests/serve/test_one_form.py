"""A step's one form, as the server takes it: a scale's scores and a vote's dots arrive in one
submit, every answer in it is checked as a single one would be, one bad answer refuses the whole
form (named in the line) and keeps nothing, the same form again is "already received", and the
form works without script (a plain POST, the page again at its button)."""

from __future__ import annotations

import asyncio
import re

import aiohttp

from tests.serve.conftest import run
from tests.serve.helpers import JSON, join, saved, send


def scores_of(store, session_id: str) -> dict[str, int]:
    return {x.item: x.value for x in saved(store, session_id) if x.step == "trust"}


def test_a_scale_s_scores_go_in_one_submit(serving, store):
    async def scenario():
        async with serving("trust") as server:
            phone = await join(server)
            answer = await send(phone, what="scores", step="trust", **{"score.honesty": "4", "score.listening": "2"})
            await phone.close()
            return answer, server.live.id

    (status, answer), session_id = run(scenario())
    assert (status, answer["status"]) == (200, "received")
    assert scores_of(store, session_id) == {"honesty": 4, "listening": 2}


def test_one_bad_score_refuses_the_whole_form_and_names_it(serving, store):
    async def scenario():
        async with serving("trust") as server:
            phone = await join(server)
            out_of_range = await send(phone, what="scores", step="trust",
                                      **{"score.honesty": "4", "score.listening": "9"})
            not_an_item = await send(phone, what="scores", step="trust", **{"score.honesty": "4", "score.nope": "2"})
            no_number = await send(phone, what="scores", step="trust", **{"score.honesty": "4", "score.listening": "x"})
            empty = await send(phone, what="scores", step="trust")
            await phone.close()
            return out_of_range, not_an_item, no_number, empty, server.live.id

    out_of_range, not_an_item, no_number, empty, session_id = run(scenario())
    assert out_of_range[0] == 400
    assert out_of_range[1]["message"] == ("“We really listen to each other.”: A score runs from 1 to 5. "
                                          "Nothing of this form was saved.")
    assert not_an_item[0] == 400 and "“nope”" in not_an_item[1]["message"]
    assert no_number[0] == 400 and "whole number" in no_number[1]["message"]
    assert empty == (400, {"status": "refused", "message": "Pick a score first."})
    assert scores_of(store, session_id) == {}  # honesty's 4 came in every refused form: none of it kept


def test_the_same_form_again_is_already_received_and_moves_no_dot_twice(serving, store):
    async def scenario():
        async with serving("ideas") as server:
            phone = await join(server)
            for text in ("First", "Second"):
                await send(phone, what="contribution", step="ideas", text=text)
            first, second = (x.uid for x in server.live.contributions("ideas"))
            server.live.go_to("dots")
            form = {"what": "votes", "step": "dots", f"dots.{first}": "2", f"was.{first}": "0",
                    f"dots.{second}": "1", f"was.{second}": "0"}
            sent = await send(phone, uid="the-form", **form)
            again = await send(phone, uid="the-form", **form)  # its reply was lost: sent again
            anew = await send(phone, **form)  # the page sent once more as a new form: its numbers are there
            dots = server.live.dots("dots", "Zorggroep")
            await phone.close()
            return sent, again, anew, dots, {first: 2, second: 1}

    sent, again, anew, dots, wanted = run(scenario())
    assert sent[1]["status"] == "received" and again[1]["status"] == "already received"
    assert anew[1]["status"] == "received"
    assert dots == wanted


def test_dots_over_the_budget_refuse_the_form_and_keep_none(serving):
    async def scenario():
        async with serving("ideas") as server:
            phone = await join(server)
            for text in ("One", "Two", "Three"):
                await send(phone, what="contribution", step="ideas", text=text)
            one, two, three = (x.uid for x in server.live.contributions("ideas"))
            server.live.go_to("dots")
            over = await send(phone, what="votes", step="dots", **{f"dots.{one}": "2", f"was.{one}": "0",
                                                                   f"dots.{two}": "2", f"was.{two}": "0"})
            moved = await send(phone, what="votes", step="dots", **{f"dots.{one}": "2", f"was.{one}": "0",
                                                                    f"dots.{three}": "1", f"was.{three}": "0"})
            taken_back = await send(phone, what="votes", step="dots", **{f"dots.{one}": "0", f"was.{one}": "2",
                                                                         f"dots.{two}": "2", f"was.{two}": "0"})
            dots = server.live.dots("dots", "Zorggroep")
            await phone.close()
            return over, moved, taken_back, dots, (one, two, three)

    over, moved, taken_back, dots, (_one, two, three) = run(scenario())
    assert over[0] == 409 and "has 3 dots, and this form places 4" in over[1]["message"]
    assert moved[1]["status"] == "received"
    assert taken_back[1]["status"] == "received"  # two taken back from one, two put on two: within three
    assert dots == {two: 2, three: 1}


def test_a_colleague_s_change_meanwhile_refuses_only_a_form_that_touches_it(serving):
    """Dots are the organisation's: Piet's page was drawn before Anna placed hers."""
    async def scenario():
        async with serving("ideas") as server:
            anna = await join(server, name="Anna", partner="Gemeente")
            piet = await join(server, name="Piet", partner="Gemeente")
            for text in ("One", "Two"):
                await send(anna, what="contribution", step="ideas", text=text)
            one, two = (x.uid for x in server.live.contributions("ideas"))
            server.live.go_to("dots")
            await send(anna, what="votes", step="dots", **{f"dots.{one}": "1", f"was.{one}": "0"})
            clash = await send(piet, what="votes", step="dots", **{f"dots.{one}": "2", f"was.{one}": "0"})
            beside = await send(piet, what="votes", step="dots", **{f"dots.{one}": "0", f"was.{one}": "0",
                                                                    f"dots.{two}": "1", f"was.{two}": "0"})
            dots = server.live.dots("dots", "Gemeente")
            for phone in (anna, piet):
                await phone.close()
            return clash, beside, dots, (one, two)

    clash, beside, dots, (one, two) = run(scenario())
    assert clash[0] == 409 and "changed the dots on “One” meanwhile" in clash[1]["message"]
    assert beside[1]["status"] == "received"
    assert dots == {one: 1, two: 1}  # Anna's dot stays: Piet's page left it alone


def test_a_form_the_session_refuses_in_part_is_kept_in_no_part(serving):
    """The hub's side: the session refuses the second dot of a form (placed meanwhile by the
    same organisation); the form's first dot is taken back, a form beside it in the same write stays."""
    from workshop.core.session import changes as c
    from workshop.serve.hub import Refused

    async def scenario():
        async with serving("ideas") as server:
            phone = await join(server)
            for text in ("One", "Two"):
                await send(phone, what="contribution", step="ideas", text=text)
            one, two = (x.uid for x in server.live.contributions("ideas"))
            server.live.go_to("dots")
            hub = server.hub
            who = next(iter(hub.joined.values()))
            torn = hub.send(who, "dots", [c.Vote("dots", one, "Zorggroep", 1), c.Vote("dots", two, "Zorggroep", 5)], "t")
            beside = hub.send(who, "dots", [c.Vote("dots", two, "Zorggroep", 1)], "b")
            outcomes = await asyncio.gather(torn, beside, return_exceptions=True)
            await phone.close()
            return outcomes, server.live.dots("dots", "Zorggroep"), two, "t" in who.received

    (torn, beside), dots, two, torn_received = run(scenario())
    assert isinstance(torn, ValueError) and not isinstance(torn, Refused)
    assert beside == 1
    assert dots == {two: 1} and not torn_received


def test_without_script_the_form_posts_and_the_page_comes_back_at_its_button(serving, store):
    async def scenario():
        async with serving("trust") as server:
            phone = await join(server)
            plain = aiohttp.ClientSession(base_url=server.address, cookie_jar=phone.cookie_jar)  # a browser: no JSON
            async with plain.get("/") as answer:
                page = await answer.text()
            form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page))
            async with plain.post("/send", data={**form, "score.honesty": "5", "score.listening": "3"},
                                  allow_redirects=False) as answer:
                status, location = answer.status, answer.headers["Location"]
            async with plain.get(location.split("#")[0]) as answer:
                after = await answer.text()
            for client in (plain, phone):
                await client.close()
            return form, status, location, after, server.live.id

    form, status, location, after, session_id = run(scenario())
    assert form["what"] == "scores" and form["step"] == "trust" and form["csrf"] and form["uid"]
    assert (status, location) == (303, "/?received=1#sent")
    assert "Received. Thank you!" in after and 'id="sent"' in after and after.count('checked') == 2
    assert scores_of(store, session_id) == {"honesty": 5, "listening": 3}


def test_a_page_with_forty_items_carries_one_token_that_takes_its_first_and_last(serving):
    """Before: two one-time tokens per item, 64 kept per seat, so a 40-item vote page had expired
    its first items' forms before it was shown ("This form has expired"), after a reload too."""
    async def scenario():
        async with serving("ideas") as server:
            for n in range(40):
                server.live.add("ideas", f"Idea {n}")
            server.live.go_to("dots")
            phone = await join(server)
            plain = aiohttp.ClientSession(base_url=server.address, cookie_jar=phone.cookie_jar, headers=JSON)
            for _reload in range(3):
                async with plain.get("/", headers={"Accept": "text/html"}) as answer:
                    page = await answer.text()
            form = dict(re.findall(r'<input type="hidden" name="([\w.]+)" value="([^"]*)">', page))
            targets = [x.uid for x in server.live.contributions("ideas")]
            async with plain.post("/send", data={**form, f"dots.{targets[0]}": "1", f"dots.{targets[-1]}": "2",
                                                 "next": "1"}) as answer:
                first = await answer.json()
            async with plain.post("/send", data={**form, "csrf": first["token"], "uid": first["next"],
                                                 f"was.{targets[0]}": "1", f"was.{targets[-1]}": "2",
                                                 f"dots.{targets[0]}": "0", f"dots.{targets[-1]}": "3"}) as answer:
                second = await answer.json()
            dots = server.live.dots("dots", "Zorggroep")
            for client in (plain, phone):
                await client.close()
            return page.count('name="csrf"'), first, second, dots, targets

    tokens, first, second, dots, targets = run(scenario())
    assert tokens == 1
    assert first["status"] == "received" and first["dots"] == {targets[0]: 1, targets[-1]: 2}
    assert first["dots_left"] == 0
    assert second["status"] == "received"
    assert dots == {targets[-1]: 3}


def test_the_events_say_ended_when_the_session_closes(serving):
    async def scenario():
        async with serving("ideas") as server:
            phone = await join(server)
            async with phone.get("/events") as stream:
                await stream.content.readline()  # the retry line: the stream is open
                server.live.close()
                lines = [line.decode().strip() async for line in stream.content]
            await phone.close()
            return lines

    lines = run(scenario())
    assert "event: ended" in lines
