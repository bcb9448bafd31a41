"""Who is here from a device: a seat is bound to the device that joined (its signed cookie), never
to a typed name. A name already seated cannot be taken by another device; a registered name keeps
its organisation; a name of an organisation is nobody's name.

A seat is kept with the session's room (workshop/core/session/room.py): a server started again finds it,
and the device's cookie still names it. Its form tokens and streams live in memory only.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from workshop.core.model import Participant
from workshop.core.session import LiveSession
from workshop.core.text.characters import cleaned
from workshop.core.text.i18n import _
from workshop.serve.guard import FormTokens

MAX_NAME = 80
MAX_JOINED = 500
NO_PARTNER = "-"  # the join form's "no organisation": a newcomer who speaks for none


class Refused(ValueError):
    """A submission the server refuses, with the HTTP status that says why."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Joined:
    """A seat: someone who joined from a device (kept with the room; its tokens in memory only)."""

    id: str
    name: str
    partner: str
    scribe: bool = False
    tokens: FormTokens = field(default_factory=FormTokens)
    joined_at: float = field(default_factory=time.time)
    registered: bool = False  # the name is on the session's list of participants
    given: dict[tuple[str, str], int] = field(default_factory=dict)  # (step, item) → the score this seat gave
    received: OrderedDict[str, None] = field(default_factory=OrderedDict)  # submission ids on disk
    streams: int = 0  # pages of this seat listening for the meeting to move (each holds a connection)
    folded: str = field(init=False, repr=False, compare=False)  # the name as names are compared (`folded`)

    def __post_init__(self) -> None:
        self.folded = folded(self.name)

    def uid_for(self, form_uid: str) -> str:
        """A contribution uid of this participant's own: one form sent twice is saved once, and
        no one can name another's contribution."""
        return hashlib.sha256(f"{self.id}:{form_uid}".encode()).hexdigest()[:32]

    def got(self, submission: str) -> None:
        self.received[submission] = None
        while len(self.received) > 4_096:
            self.received.popitem(last=False)


def folded(name: str) -> str:
    """A name as two names are compared: case and spacing left out."""
    return " ".join(name.split()).casefold()



def seat(live: LiveSession, joined: dict[str, Joined], name: str, partner: str, scribe: bool = False) -> Joined:
    """A new seat for `name`, or Refused with the one line the phone shows."""
    name = " ".join(cleaned(name, lines=False).split())
    if not name:
        raise Refused(_("Please fill in your name."), 400)
    if len(name) > MAX_NAME:
        raise Refused(_("A name has at most {limit} characters.").format(limit=MAX_NAME), 400)
    if len(joined) >= MAX_JOINED:
        raise Refused(_("This meeting is full."), 503)
    key = folded(name)
    # the listed people as stored (building every Participant for each of 200 joins at once cost
    # more than the rest of a join)
    listed = next((p for p in live.meta.get("participants", []) if folded(str(p.get("name", ""))) == key), None)
    registered = Participant.from_dict(listed) if listed is not None else None
    if scribe:
        partner = ""
    elif any(folded(other) == key for other in live.partners):
        raise Refused(_("That is the name of an organisation. Please type your own name."), 400)
    elif (taken := next((other for other in joined.values() if other.folded == key and not other.scribe),
                        None)) is not None:
        raise Refused(_("Someone has already joined as {name} on another device. Was that you? Ask the "
                        "facilitator to free your seat. If not, add your surname or an initial.").format(
                            name=taken.name))
    elif registered is not None:
        if partner != registered.partner and live.partners:
            raise Refused(_("{name} is on the list for {partner}. Pick that organisation, or ask the "
                            "facilitator to change it.").format(name=registered.name, partner=registered.partner),
                          400)
        name, partner = registered.name, registered.partner
    elif partner == NO_PARTNER or not live.partners:
        partner = ""
    elif partner not in live.partners:
        raise Refused(_("Pick your organisation from the list (or: no organisation)."), 400)
    person = Joined(secrets.token_hex(16), name, partner, scribe, registered=registered is not None)
    joined[person.id] = person
    return person
