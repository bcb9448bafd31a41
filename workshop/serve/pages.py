"""What a participant's page shows of the session: the open step and only what that step lets
them see (never another session, a facilitator's note, or names on an anonymous step)."""

from __future__ import annotations

import hashlib
import secrets
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from workshop.core.model import PromptKind
from workshop.core.session.view import PICK
from workshop.core.steps.dependence import is_partner_item, own_partner
from workshop.core.text.characters import visible
from workshop.core.text.i18n import _
from workshop.serve.hub import MAX_TEXT, Hub, Joined, settled

EARLIER = 50  # the step's latest contributions a phone's page lists


@lru_cache(maxsize=64)
def said(texts: tuple[str, ...]) -> Markup:
    """The list of what was said, as the page shows it: the same for every phone on the step
    until the next one arrives, so made once (it was most of a page's making during a burst);
    each text shown as the `shown` filter shows it, and escaped."""
    return Markup("").join(Markup("<li>{}</li>").format(visible(text)) for text in texts)


def latest(live: Any, step_id: str) -> tuple[str, ...]:
    """The texts of the step's latest EARLIER contributions a phone may see, oldest first (taken
    from the end: none waiting for moderation)."""
    held = set(live.meta.get("held", []))
    texts: list[str] = []
    for x in reversed(live.contributions(step_id)):
        if x.uid not in held:
            texts.append(x.text)
            if len(texts) == EARLIER:
                break
    return tuple(reversed(texts))


def submission_id() -> str:
    """The id a form carries (a page without script too): sent again, it is saved once."""
    return secrets.token_urlsafe(12)


def budget_line(hub: Hub, who: Joined, step_id: str) -> str:
    return _("You can send {left} more to this step (at most {limit} from one device, "
             "{characters} characters each).").format(
        left=hub.budget.left_on_step(who, step_id), limit=hub.budget.per_step, characters=MAX_TEXT)


def step_page(hub: Hub, who: Joined) -> dict[str, Any]:
    """The page's values. A step has one form with one one-time token (however many items it
    lists, none of them can expire while the page is shown) and one submission id."""
    live = hub.live
    step = live.current
    page: dict[str, Any] = {
        "session": live.title or live.collaboration, "collaboration": live.collaboration,
        "step_id": step.id, "kind": step.kind.value, "title": live.text(step.title),
        "prompt": live.text(step.prompt), "who": who,  # the step's hint is the facilitator's, not shown
        "partners": live.partners, "closed": live.closed,
        "open": step.kind in (PromptKind.OPEN, PromptKind.SCALE, PromptKind.VOTE, PromptKind.CHOICE)
        and not live.input_closed(step.id) and not live.closed,
        "input_closed": live.input_closed(step.id), "version": hub.version,
        "token": who.tokens.issue(),  # the step's one form: one one-time token
        "form_uid": submission_id(),  # and one submission id: sent again, it is saved once
        # the browser keeps a draft of this step's form under this name (this session, this step)
        "draft": hashlib.sha256(f"{live.id}:{step.id}".encode()).hexdigest()[:16],
    }
    if step.kind is PromptKind.OPEN:
        page["anonymous"], page["moderate"] = step.anonymous, step.moderate
        page["budget"] = budget_line(hub, who, step.id)
        page["earlier"] = () if step.anonymous else latest(live, step.id)
        page["said"] = said(page["earlier"])
    elif step.kind is PromptKind.SCALE:
        revealed = live.revealed(step.id)
        items = []
        for item in step.items:
            if is_partner_item(item) and own_partner(item, live.lang) == who.partner:
                continue  # a dependence grid: one's own organisation is not scored
            mine = who.given.get((step.id, item.id))  # what this seat gave, never what another gave
            counts = []
            if revealed:  # blind, no count is shown: no need to go through the room's scores
                scores = live.scores(step.id, item.id)
                counts = [sum(1 for x in scores.values() if x.value == value)
                          for value in range(step.scale.min, step.scale.max + 1)]
            items.append({"id": item.id, "text": live.text(item.text), "mine": mine, "counts": counts})
        page.update(items=items, values=list(range(step.scale.min, step.scale.max + 1)),
                    low=live.text(step.scale.low), high=live.text(step.scale.high),
                    blind=not revealed, settled=settled(live, step))
    elif step.kind is PromptKind.VOTE:
        placed = live.dots(step.id, who.partner)  # the organisation's dots: its people share them
        left = page["dots_left"] = live.dots_left(step.id, who.partner)
        page["targets"] = [{"uid": x.uid, "text": x.text, "mine": placed.get(x.uid, 0),
                            "most": min(step.dots, placed.get(x.uid, 0) + left)}
                           for x in live.contributions(step.source) if not live.is_held(x.uid)]
        page["spendable"] = left + sum(target["mine"] for target in page["targets"])  # over the ones listed
        page["can_vote"] = bool(who.partner) and not who.scribe
    elif step.kind is PromptKind.CHOICE:
        own = live._by_uid.get(who.uid_for(f"pick:{step.id}"))
        page["mine"] = str(own.value) if own is not None and own.item == PICK else ""
        page["options"] = [{"id": o.id, "text": live.text(o.text)} for o in step.options]
    return page
