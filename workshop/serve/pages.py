"""What a participant's page shows of the session: the open step and only what that step lets
them see (never another session, a facilitator's note, or names on an anonymous step)."""

from __future__ import annotations

import secrets
from typing import Any

from workshop.dependence import is_partner_item, own_partner
from workshop.i18n import _
from workshop.model import PromptKind
from workshop.serve.hub import MAX_TEXT, Hub, Joined, settled
from workshop.session.view import PICK


def submission_id() -> str:
    """The id a form carries (a page without script too): sent again, it is saved once."""
    return secrets.token_urlsafe(12)


def step_page(hub: Hub, who: Joined) -> dict[str, Any]:
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
        "token": who.tokens.issue(),  # each form on the page gets its own one-time token below
        "form_uid": submission_id(),  # and its own submission id: sent again, it is saved once
    }
    if step.kind is PromptKind.OPEN:
        page["anonymous"], page["moderate"] = step.anonymous, step.moderate
        page["budget"] = _("You can send {left} more to this step (at most {limit} from one device, "
                           "{characters} characters each).").format(
            left=hub.budget.left_on_step(who, step.id), limit=hub.budget.per_step, characters=MAX_TEXT)
        page["earlier"] = [] if step.anonymous else [
            x.text for x in live.contributions(step.id) if not live.is_held(x.uid)][-50:]
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
            items.append({"id": item.id, "text": live.text(item.text), "mine": mine, "counts": counts,
                          "token": who.tokens.issue(), "uid": submission_id()})
        page.update(items=items, values=list(range(step.scale.min, step.scale.max + 1)),
                    low=live.text(step.scale.low), high=live.text(step.scale.high),
                    blind=not revealed, settled=settled(live, step))
    elif step.kind is PromptKind.VOTE:
        mine = live.dots(step.id, who.partner)
        page["dots_left"] = live.dots_left(step.id, who.partner)
        page["targets"] = [{"uid": x.uid, "text": x.text, "mine": mine.get(x.uid, 0),
                            "token": who.tokens.issue(), "token_back": who.tokens.issue(),
                            "uid_add": submission_id(), "uid_back": submission_id()}
                           for x in live.contributions(step.source) if not live.is_held(x.uid)]
    elif step.kind is PromptKind.CHOICE:
        own = live._by_uid.get(who.uid_for(f"pick:{step.id}"))
        page["mine"] = str(own.value) if own is not None and own.item == PICK else ""
        page["options"] = [{"id": o.id, "text": live.text(o.text)} for o in step.options]
    return page
