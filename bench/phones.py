"""Phones as Chromium is one without script: the participants' side of bench/participants.py, in
a process of its own. A form is posted as a browser posts it (form-encoded, Accept: text/html),
the 303 is followed by a GET of the page, and the page's own forms (their one-time tokens and
submission ids) are what the next tap sends. Each phone also holds the page's event stream
(/events) and, as page.js does, reloads the page when the meeting moves.

    python bench/phones.py ADDRESS CODE

Reads one command a line on stdin (JSON) and answers one JSON line on stdout:
    {"do": "join", "count": 60}                       seat these phones, each listening for events
    {"do": "contribute", "step": S, "round": R, "count": 10}   each phone sends 10 texts, one after another
    {"do": "scale", "round": R}                        each phone submits the open scale (all its items)
    {"do": "heard"}                                    when each phone heard the meeting move (and forget it)
    {"do": "crowd", "count": 200}                      that many other phones join at once, then leave
    {"do": "quit"}
Times are `time.monotonic()` (one clock for every process of this machine) or milliseconds.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import sys
import time
from collections import Counter
from typing import Any

import aiohttp

BROWSER = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "User-Agent": "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/126.0 Mobile Safari/537.36 (workshop bench)",
}
FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S)
INPUT = re.compile(r"<input\b[^>]*>")
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
VERSION = re.compile(r'data-version="([^"]*)"')


def forms(page: str) -> list[dict[str, Any]]:
    """The page's forms: action, hidden fields, and the radio groups with their values."""
    found = []
    for head, body in FORM.findall(page):
        hidden: dict[str, str] = {}
        radios: dict[str, list[str]] = {}
        for tag in INPUT.findall(body):
            attributes = {k: html.unescape(v) for k, v in ATTRIBUTE.findall(tag)}
            name = attributes.get("name")
            if not name:
                continue
            if attributes.get("type") == "hidden":
                hidden[name] = attributes.get("value", "")
            elif attributes.get("type") == "radio":
                radios.setdefault(name, []).append(attributes.get("value", ""))
        found.append({"action": dict(ATTRIBUTE.findall(head)).get("action", "/"), "hidden": hidden, "radios": radios})
    return found


def form_for(page: str, **wanted: str) -> dict[str, Any]:
    for form in forms(page):
        if all(form["hidden"].get(k) == v for k, v in wanted.items()):
            return form
    raise LookupError(f"no form with {wanted} on the page")


class Phone:
    def __init__(self, name: str, partner: str, address: str, connector: aiohttp.BaseConnector) -> None:
        self.name, self.partner = name, partner
        self.http = aiohttp.ClientSession(base_url=address, cookie_jar=aiohttp.CookieJar(unsafe=True),
                                          headers=BROWSER, connector=connector, connector_owner=False)
        self.page = ""
        self.heard: list[tuple[float, str]] = []  # (when, version) each time the meeting moved
        self.listening: asyncio.Task | None = None

    async def load(self, path: str = "/") -> str:
        async with self.http.get(path) as answer:
            self.page = await answer.text()
        return self.page

    async def post_then_page(self, action: str, fields: dict[str, str]) -> tuple[float, str]:
        """A form posted as a browser does, the 303 followed: ms to the page, and what it said."""
        started = time.monotonic()
        async with self.http.post(action, data=fields, allow_redirects=False) as answer:
            body = await answer.text()
            where = answer.headers.get("Location", "")
            status = answer.status
        if status == 303:
            body = await self.load(where)
        took = (time.monotonic() - started) * 1000
        self.page = body
        if status != 303:
            return took, f"refused {status}"
        if "received=again" in where:
            return took, "again"
        if "received=" in where and 'role="status"' in body:
            return took, "received"
        return took, "not received"  # redirected elsewhere (the seat lost): nothing was said to be received

    async def join(self, code: str) -> tuple[float, str]:
        took, outcome = await self.post_then_page("/join", {"code": code, "name": self.name, "partner": self.partner})
        if outcome == "not received":  # a join has no "received": the page of the step is the answer
            outcome = "joined" if 'id="follow"' in self.page else "not joined"
        return took, outcome

    async def contribute(self, step: str, text: str) -> tuple[float, str]:
        form = form_for(self.page, what="contribution", step=step)
        return await self.post_then_page(form["action"], {**form["hidden"], "text": text})

    async def listen(self) -> None:
        """The page's event stream; on a new version, reload the page and listen again (page.js)."""
        seen = (VERSION.findall(self.page) or [""])[0]
        while True:
            try:
                async with self.http.get("/events", timeout=aiohttp.ClientTimeout(total=None)) as stream:
                    async for line in stream.content:
                        if not line.startswith(b"data:"):
                            continue
                        version = line[5:].strip().decode()
                        if not seen:
                            seen = version
                        elif version != seen:
                            self.heard.append((time.monotonic(), version))
                            seen = version
                            break
                    else:
                        return  # the server ended the stream
                await self.load("/")
            except (TimeoutError, aiohttp.ClientError):
                return

    async def close(self) -> None:
        if self.listening is not None:
            self.listening.cancel()
        await self.http.close()


async def submit_scale(phone: Phone, step: str, values: dict[str, int]) -> tuple[list[float], list[str]]:
    """One phone submits the open scale step as Chromium sends it without script: the step's one
    form with every item's score (`score.<item>`), then the page again; one post, timed to its
    "received" page."""
    form = form_for(phone.page, what="scores", step=step)
    fields = {**form["hidden"], **{f"score.{item}": str(value) for item, value in values.items()}}
    ms, outcome = await phone.post_then_page(form["action"], fields)
    return [ms], [outcome]


def scale_items(page: str) -> tuple[str, list[str]]:
    """The open scale's step id and item ids, as its one form names them (`score.<item>` radios)."""
    for form in forms(page):
        if form["hidden"].get("what") == "scores":
            items = [name.removeprefix("score.") for name in form["radios"] if name.startswith("score.")]
            return form["hidden"].get("step", ""), items
    return "", []


class Room:
    def __init__(self, address: str, code: str) -> None:
        self.address, self.code = address, code
        self.connector = aiohttp.TCPConnector(limit=0)
        self.phones: list[Phone] = []

    def phone(self, number: int, partners: list[str], prefix: str = "P") -> Phone:
        return Phone(f"{prefix}{number}", partners[number % len(partners)] if partners else "", self.address,
                     self.connector)

    async def join(self, count: int, partners: list[str]) -> dict[str, Any]:
        self.phones = [self.phone(n, partners) for n in range(count)]
        results = await asyncio.gather(*(p.join(self.code) for p in self.phones))
        for phone in self.phones:
            phone.listening = asyncio.ensure_future(phone.listen())
        return {"took": [t for t, _o in results], "outcomes": Counter(o for _t, o in results)}

    async def contribute(self, step: str, round_: int, count: int) -> dict[str, Any]:
        took, outcomes = [], Counter()

        async def one(phone: Phone) -> None:  # a person sends one text after another
            await phone.load("/")
            for n in range(count):
                ms, outcome = await phone.contribute(step, f"{phone.name} r{round_} idea {n}")
                took.append(ms)
                outcomes[outcome] += 1

        await asyncio.gather(*(one(p) for p in self.phones))
        return {"took": took, "outcomes": outcomes}

    async def scale(self, round_: int) -> dict[str, Any]:
        took, outcomes, given = [], Counter(), {}

        async def one(number: int, phone: Phone) -> None:
            await phone.load("/")
            step, items = scale_items(phone.page)
            values = {item: 1 + (number + n + round_) % 5 for n, item in enumerate(items)}
            ms, said = await submit_scale(phone, step, values)
            took.extend(ms)
            outcomes.update(said)
            given[phone.name] = values

        await asyncio.gather(*(one(n, p) for n, p in enumerate(self.phones)))
        return {"took": took, "outcomes": outcomes, "given": given}

    def heard(self) -> dict[str, Any]:
        found = {p.name: p.heard for p in self.phones}
        for phone in self.phones:
            phone.heard = []
        return {"heard": found}

    async def crowd(self, count: int, partners: list[str]) -> dict[str, Any]:
        crowd = [self.phone(n, partners, prefix="C") for n in range(count)]
        results = await asyncio.gather(*(p.join(self.code) for p in crowd))
        await asyncio.gather(*(p.close() for p in crowd))
        return {"took": [t for t, _o in results], "outcomes": Counter(o for _t, o in results)}

    async def close(self) -> None:
        await asyncio.gather(*(p.close() for p in self.phones))
        await self.connector.close()


async def main(address: str, code: str) -> None:
    room = Room(address, code)

    def say(message: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()

    say({"ready": True})
    while True:
        line = await asyncio.to_thread(sys.stdin.readline)
        if not line:
            break
        command = json.loads(line)
        do = command["do"]
        if do == "join":
            say(await room.join(command["count"], command.get("partners", [])))
        elif do == "contribute":
            say(await room.contribute(command["step"], command["round"], command["count"]))
        elif do == "scale":
            say(await room.scale(command["round"]))
        elif do == "heard":
            say(room.heard())
        elif do == "crowd":
            say(await room.crowd(command["count"], command.get("partners", [])))
        else:
            break
    await room.close()
    say({"closed": True})


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
