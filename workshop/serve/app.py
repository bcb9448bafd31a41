"""The participants' web application (aiohttp): join, the open step's page, what they send, and
the events that tell a page the meeting moved on.

Every refusal is one clear sentence (a page, or JSON for a client that asks for it) and stores
nothing. Templates are autoescaped: names and texts are shown literally, never as HTML.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypedDict

import jinja2
from aiohttp import web

from workshop.core.session.live import SaveFailed, SessionClosed
from workshop.core.text.characters import visible
from workshop.core.text.i18n import _, language
from workshop.serve import forms
from workshop.serve.doors import BODY_TIMEOUT, Doors
from workshop.serve.guard import JoinAttempts, JoinRate, RateLimit, Signer, same_code
from workshop.serve.hub import ALREADY, Hub, Joined, Refused
from workshop.serve.pages import budget_line, step_page, submission_id
from workshop.serve.seats import NO_PARTNER
from workshop.serve.words import words

MAX_BODY = 32 * 1024  # bytes: 2,000 emoji sent from a form (12 bytes each, percent-encoded) fit
MAX_SUBMISSION_ID = 64
RETRY_MS = 2_000  # a page's connection to /events, lost, is tried again after this long
MAX_STREAMS = 8  # pages of one seat listening for the meeting to move at once (tabs, reloads)
COOKIE = "workshop_participant"
AGAIN = "workshop_again"  # who this device joined as, and with which code: a lost seat is taken again in one tap
TEMPLATES = Path(__file__).parent / "templates"
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; "
                               "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

HUB = web.AppKey("hub", Hub)
SETTINGS = web.AppKey("settings", dict)
DOORS = web.AppKey("doors", Doors)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def make_app(hub: Hub, code: str, scribe_code: str, hosts: frozenset[str],
             send_limit: RateLimit | None = None, attempts: JoinAttempts | None = None,
             secret: bytes | None = None) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY, middlewares=[guarded])
    pages = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                               undefined=jinja2.StrictUndefined)
    pages.filters["shown"] = visible  # the one safe-text rule: no phone gets another's bidi controls raw
    app[HUB] = hub
    app[SETTINGS] = {
        "code": code, "scribe_code": scribe_code, "hosts": hosts, "signer": Signer(secret),
        "send_limit": send_limit or RateLimit(burst=30, per_second=3),
        "attempts": attempts or JoinAttempts(),
        "join_rate": JoinRate(),
        "jinja": pages,
    }
    app.router.add_get("/", home)
    app.router.add_post("/join", join)
    app.router.add_post("/send", send)
    app.router.add_get("/events", events)
    app.router.add_get("/token", token)
    app.router.add_get("/page.css", style)
    app.router.add_get("/page.js", script)
    return app


async def style(request: web.Request) -> web.Response:
    return web.Response(body=(TEMPLATES / "page.css").read_bytes(), content_type="text/css")


async def script(request: web.Request) -> web.Response:
    return web.Response(body=(TEMPLATES / "page.js").read_bytes(), content_type="text/javascript")


# --- the checks every request passes -------------------------------------------------------------


@web.middleware
async def guarded(request: web.Request, handler: Handler) -> web.StreamResponse:
    settings, doors = request.app[SETTINGS], request.app.get(DOORS)
    if doors is not None:  # in a request: this connection is not idle, nobody closes it to get in
        doors.request_started(request.protocol)
    try:
        return await _guarded(request, handler, settings)
    finally:
        if doors is not None:
            doors.request_ended(request.protocol)


async def _guarded(request: web.Request, handler: Handler, settings: dict) -> web.StreamResponse:
    with language(request.app[HUB].live.lang):
        if request.host.lower() not in settings["hosts"]:
            # DNS rebinding: a page elsewhere that names itself 127.0.0.1 still sends its own name.
            response: web.StreamResponse = refuse(request, _("This server does not answer to that address."), 421)
        else:
            try:
                response = await handler(request)
            except web.HTTPRequestEntityTooLarge:
                response = refuse(request, _("That is too much at once (at most {limit} KB).").format(
                    limit=MAX_BODY // 1024), 413)
            except web.HTTPRequestTimeout:
                response = refuse(request, _("That took too long to arrive. Please send it again."), 408)
            except web.HTTPException as problem:
                if problem.status >= 400:
                    response = refuse(request, problem.reason, problem.status)
                else:
                    raise
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response


async def read_form(request: web.Request) -> Any:
    """The posted form, or 408 when it comes too slowly (a connection held open by a trickle)."""
    try:
        return await asyncio.wait_for(request.post(), BODY_TIMEOUT)
    except TimeoutError:
        raise web.HTTPRequestTimeout() from None


def wants_json(request: web.Request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def render(request: web.Request, template: str, status: int = 200, **values: Any) -> web.Response:
    hub = request.app[HUB]
    page = request.app[SETTINGS]["jinja"].get_template(template).render(
        w=words(), lang=hub.live.lang, version=hub.version, heading=values.pop("heading", hub.live.collaboration),
        **values)
    return web.Response(text=page, status=status, content_type="text/html")


def refuse(request: web.Request, message: str, status: int, reason: str = "") -> web.Response:
    """One clear line: a page, or JSON (`reason` "expired" for a form token: ask /token, send again)."""
    if wants_json(request):
        return web.json_response({"status": "refused", "message": message, **({"reason": reason} if reason else {})},
                                 status=status)
    return render(request, "message.html", status=status, message=message, problem=True)


def participant(request: web.Request) -> Joined | None:
    person_id = request.app[SETTINGS]["signer"].unsign(request.cookies.get(COOKIE))
    return request.app[HUB].joined.get(person_id or "")


# --- the pages -----------------------------------------------------------------------------------


async def home(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    who = participant(request)
    if who is None:  # nobody's name is shown before a code is entered: the page lists organisations only
        if seat_lost(request):  # its own name, organisation and code, from its own cookie
            return render(request, "join.html", heading=_("Join the meeting"), partners=hub.live.partners,
                          no_partner=NO_PARTNER, **again(request))
        return render(request, "join.html", heading=_("Join the meeting"), partners=hub.live.partners,
                      no_partner=NO_PARTNER, code=request.query.get("code", "")[:12], problem="", name="", partner="")
    return render(request, "step.html", p=step_page(hub, who), received=request.query.get("received"), problem="")


async def join(request: web.Request) -> web.Response:
    settings, hub = request.app[SETTINGS], request.app[HUB]
    attempts: JoinAttempts = settings["attempts"]
    client = request.remote or "?"
    form = await read_form(request)  # read first: from the checks below to the verdict nothing waits
    if attempts.locked(client):
        return refuse(request, _("Too many wrong codes: joining from this device is locked. Ask the facilitator."), 403)
    if attempts.too_fast(client):
        return refuse(request, _("Too many wrong codes. Wait a minute and try again."), 429)
    if attempts.room_busy():
        return refuse(request, _("Many wrong codes are being tried here. Wait a moment and try again."), 429)
    typed = str(form.get("code", ""))
    scribe = bool(settings["scribe_code"]) and same_code(typed, settings["scribe_code"])
    if not scribe and not same_code(typed, settings["code"]):
        attempts.failed(client)
        return refuse(request, _("That join code is not right."), 403)
    busy = settings["join_rate"].refusal(client)
    if busy == "address":
        return refuse(request, _("Too many joins from this device. Wait a minute and try again."), 429)
    if busy:
        return refuse(request, _("Many people are joining at once. Wait a moment and try again."), 429)
    try:
        who = hub.join(str(form.get("name", "")), str(form.get("partner", "")), scribe=scribe)
    except Refused as problem:
        return refuse(request, str(problem), problem.status)
    try:
        await hub.joined_from_device(who)
    except (SaveFailed, SessionClosed):
        pass  # the mark is not kept; it comes again with this seat's first submission. Joining goes on
    response: web.StreamResponse
    if wants_json(request):
        response = web.json_response({"status": "joined"})
    else:
        response = web.Response(status=303, headers={"Location": "/"})
    response.set_cookie(COOKIE, settings["signer"].sign(who.id), httponly=True, samesite="Strict", path="/")
    remembered = json.dumps([who.name, str(form.get("partner", "")), typed]).encode()
    response.set_cookie(AGAIN, settings["signer"].sign(base64.urlsafe_b64encode(remembered).decode()), httponly=True,
                        samesite="Strict", path="/")
    return response


def seat_lost(request: web.Request) -> bool:
    """This device held a seat of this room (its cookie is signed by it) that is no longer there:
    the facilitator freed it, or the room could not be restored."""
    return request.app[SETTINGS]["signer"].unsign(request.cookies.get(COOKIE)) is not None and \
        participant(request) is None


class Again(TypedDict):
    """The join form as this device filled it in before (`again`), and why it shows again."""

    name: str
    partner: str
    code: str
    problem: str


def again(request: web.Request) -> Again:
    """The join form filled in as this device joined before, with the one line that says why.
    The code only while it still lets anyone in (a new code keeps a freed device out)."""
    settings = request.app[SETTINGS]
    name = partner = code = ""
    with contextlib.suppress(ValueError, TypeError):
        signed = settings["signer"].unsign(request.cookies.get(AGAIN)) or ""
        name, partner, code = (str(x) for x in json.loads(base64.urlsafe_b64decode(signed.encode())))
    if not any(same_code(code, known) for known in (settings["code"], settings["scribe_code"]) if known):
        code = ""
    problem = _("Your seat is no longer held (it was freed, or the meeting was restarted without it). "
                "Tap Join to join again.") if code and name else \
        _("Your seat is no longer held (it was freed, or the meeting was restarted without it). "
          "Type the join code to join again.")
    return Again(name=name[:80], partner=partner, code=code[:12], problem=problem)


async def token(request: web.Request) -> web.Response:
    """A fresh one-time form token (for a client without the page; the page carries its own).
    Another site cannot read this answer: no CORS header, and the cookie is SameSite."""
    who = participant(request)
    if who is None:
        return refuse(request, _("Please join first."), 401)
    return web.json_response({"token": who.tokens.issue()})


async def send(request: web.Request) -> web.Response:
    hub, settings = request.app[HUB], request.app[SETTINGS]
    who = participant(request)
    if who is None:
        if seat_lost(request) and not wants_json(request):
            return web.Response(status=303, headers={"Location": "/"})  # the one line and the form to join again
        return refuse(request, _("Please join first."), 401)
    if not settings["send_limit"].allow(who.id):
        return refuse(request, _("Too many at once. Wait a moment and send again."), 429)
    form = await read_form(request)
    field = lambda name: str(form.get(name, ""))  # noqa: E731
    what, step_id, submission = field("what"), field("step"), field("uid")
    if not submission or len(submission) > MAX_SUBMISSION_ID:
        return refuse(request, _("This form carries no id. Reload the page and send again."), 400)
    if not who.tokens.take(field("csrf"), submission):
        return refuse(request, _("This form has expired or was sent already. Reload the page and send again."), 403,
                      "expired")
    try:
        if what == "scores":  # a step's one form: every score of the scale at once
            wanted = forms.scores(hub, who, step_id, form)
        elif what == "votes":  # every dot of the vote at once
            wanted = forms.votes(hub, who, step_id, form)
        elif what == "contribution":
            wanted = hub.contribution(who, step_id, field("text"), submission, field("partner"))
        elif what == "score":
            wanted = hub.score(who, step_id, field("item"), field("value"))
        elif what == "vote":
            wanted = hub.vote(who, step_id, field("target"), field("change"))
        elif what == "pick":
            wanted = hub.pick(who, step_id, field("option"))
        else:
            raise Refused(_("Unknown request."), 400)
        if wanted:
            outcome = await hub.send(who, step_id, wanted, submission)
        else:  # no dot moved (this form's numbers are there already): nothing to write
            outcome = ALREADY if submission in who.received else None
    except Refused as problem:
        return refuse(request, str(problem), problem.status)
    except SaveFailed as problem:
        return refuse(request, str(problem), 503)
    except SessionClosed as problem:
        return refuse(request, str(problem), 410)
    except ValueError as problem:
        return refuse(request, str(problem).splitlines()[0] if str(problem) else _("That did not work."), 400)
    again = outcome is ALREADY
    if wants_json(request):
        answer = {"status": ALREADY if again else "received", "submission": submission,
                  "uid": who.uid_for(submission) if what == "contribution" else ""}
        if field("next"):  # the page goes on without a reload: its next form's token and id, and what moved
            answer.update(next_form(hub, who, what, step_id))
        return web.json_response(answer)
    # without script: the page again, at the form's end where its button was
    return web.Response(status=303, headers={"Location": "/?received=again#sent" if again else "/?received=1#sent"})


def next_form(hub: Hub, who: Joined, what: str, step_id: str) -> dict[str, Any]:
    answer: dict[str, Any] = {"token": who.tokens.issue(), "next": submission_id()}
    if what == "votes" and step_id == hub.live.current.id and who.partner:
        answer["dots"] = hub.live.dots(step_id, who.partner)
        answer["dots_left"] = hub.live.dots_left(step_id, who.partner)
    elif what == "contribution" and step_id == hub.live.current.id:
        answer["hint"] = budget_line(hub, who, step_id)
    return answer


async def events(request: web.Request) -> web.StreamResponse:
    """Server-sent events: the stage's version now, and again each time the meeting moves."""
    hub = request.app[HUB]
    who = participant(request)
    if who is None:
        return refuse(request, _("Please join first."), 401)
    if who.streams >= MAX_STREAMS:  # each holds a connection: one device cannot hold them all
        return refuse(request, _("This device has the meeting open too often. Close a tab and reload."), 429)
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream", **HEADERS})
    await response.prepare(request)
    who.streams += 1
    try:
        await response.write(f"retry: {RETRY_MS}\n\n".encode())  # a lost connection is tried again this often
        while not hub.stopping.is_set():
            await response.write(f"data: {hub.version}\n\n".encode())
            if not await moved_or_stopping(hub, timeout=20):
                await response.write(b": still here\n\n")
        if hub.live.closed:  # the session was closed: the page says so (no server answers after this)
            await response.write(b"event: ended\ndata: ended\n\n")
    except (ConnectionResetError, RuntimeError):
        pass
    finally:
        who.streams -= 1
    return response


async def moved_or_stopping(hub: Hub, timeout: float) -> bool:
    """Wait until the stage moves or the server stops (True), or `timeout` seconds pass (False)."""
    moved = asyncio.ensure_future(hub.moved(timeout))
    stopping = asyncio.ensure_future(hub.stopping.wait())
    try:
        done, _pending = await asyncio.wait((moved, stopping), return_when=asyncio.FIRST_COMPLETED)
        return stopping in done or moved.result()
    finally:
        for waiting in (moved, stopping):
            waiting.cancel()
