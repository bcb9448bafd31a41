"""A participant as an HTTP client (aiohttp) for the tests and the bench."""

from __future__ import annotations

import secrets

import aiohttp

JSON = {"Accept": "application/json"}


async def join(server, name: str = "Bram", partner: str = "Zorggroep", code: str | None = None) -> aiohttp.ClientSession:
    """A device that joined (its own cookie jar): a seat."""
    client = aiohttp.ClientSession(base_url=server.address, cookie_jar=aiohttp.CookieJar(unsafe=True), headers=JSON)
    async with client.post("/join", data={"code": code or server.code, "name": name, "partner": partner}) as answer:
        assert answer.status == 200, await answer.text()
    return client


async def token(client: aiohttp.ClientSession) -> str:
    async with client.get("/token") as answer:
        return (await answer.json())["token"]


async def send(client: aiohttp.ClientSession, **form: str) -> tuple[int, dict]:
    """One submission; it carries a fresh id unless `uid` names one (the same id again: a resend)."""
    form.setdefault("uid", secrets.token_hex(8))
    form.setdefault("csrf", await token(client))
    async with client.post("/send", data=form) as answer:
        return answer.status, await answer.json()


def saved(store, session_id: str) -> list:
    """The contributions as they are in the session file now."""
    from workshop.core.session import SessionView

    return SessionView(store.read_session(session_id)).contributions()
