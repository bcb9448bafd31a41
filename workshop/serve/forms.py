"""A step's one form, as a phone sends it: all the scores of a scale at once (`score.<item>`), all
the dots of a vote at once (`dots.<contribution>` with `was.<contribution>`, the number the page
showed). Every answer in it is checked as a single one would be (the hub's rules) before anything
is queued, and one bad answer refuses the whole form with a line that names it: nothing of a
refused form is kept (the hub takes back a form that the session refuses in part).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workshop.core.model import PromptKind
from workshop.core.session import changes as c
from workshop.core.steps.dependence import is_partner_item, own_partner
from workshop.core.text.i18n import _
from workshop.serve.hub import Hub
from workshop.serve.seats import Joined, Refused

SCORE, DOTS, WAS = "score.", "dots.", "was."


def answers(form: Mapping[str, Any], prefix: str) -> dict[str, str]:
    """The form's fields named `prefix<id>`, by id (an empty field is no answer)."""
    return {str(name)[len(prefix):]: str(value).strip() for name, value in form.items()
            if str(name).startswith(prefix) and str(value).strip()}


def _refused(what: str, problem: Refused | str, status: int = 400) -> Refused:
    return Refused(_("{what}: {problem} Nothing of this form was saved.").format(
        what=what, problem=str(problem)), problem.status if isinstance(problem, Refused) else status)


def scores(hub: Hub, who: Joined, step_id: str, form: Mapping[str, Any]) -> list[c.Change]:
    """Every score the form carries, or Refused naming the first one that is no score here."""
    step = hub.open_step(step_id, (PromptKind.SCALE,))
    given = answers(form, SCORE)
    if not given:
        raise Refused(_("Pick a score first."), 400)
    live, items = hub.live, {item.id: item for item in step.items}
    wanted: list[c.Change] = []
    for item_id, value in given.items():
        item = items.get(item_id)
        shown = live.text(item.text) if item is not None else item_id[:80]
        try:
            made = hub.score(who, step_id, item_id, value)  # the step, the seat, a whole number, the item
        except Refused as problem:
            if problem.status == 400:
                raise _refused(f"“{shown}”", problem) from None
            raise
        assert item is not None
        if (refused := step.scale.refuses(int(value))) is not None:
            raise _refused(f"“{shown}”", refused)
        if is_partner_item(item) and own_partner(item, live.lang) == who.partner:
            raise _refused(f"“{shown}”", _("Your own organisation is not scored here."))
        wanted.extend(x for x in made if not (isinstance(x, c.AddParticipant) and x in wanted))
    return wanted


def votes(hub: Hub, who: Joined, step_id: str, form: Mapping[str, Any]) -> list[c.Change]:
    """The dots the form moves, as changes from what the organisation has now: a number the page
    showed (`was`) and the form leaves alone is not touched (a colleague may have changed it
    meanwhile); a number changed here, and by someone else since the page was drawn, refuses the
    form. The same form again changes nothing (its numbers are already there)."""
    step = hub.open_step(step_id, (PromptKind.VOTE,))
    live = hub.live
    targets = {x.uid: x for x in live.contributions(step.source) if not live.is_held(x.uid)}
    shown, wanted = answers(form, WAS), answers(form, DOTS)
    now = live.dots(step.id, who.partner) if who.partner else {}
    moves: list[tuple[str, int]] = []
    for uid, typed in wanted.items():
        target = targets.get(uid)
        what = f"“{target.text[:80]}”" if target is not None else _("A contribution")
        try:
            hub.vote(who, step_id, uid, "1")  # the seat may vote, and for this contribution
            if target is None:
                raise Refused(_("That is not a contribution of the step being voted on."), 400)
            number, before = int(typed), int(shown.get(uid, now.get(uid, 0)))
        except Refused as problem:
            if problem.status in (400,):
                raise _refused(what, problem) from None
            raise
        except ValueError:
            raise _refused(what, _("A number of dots is a whole number.")) from None
        if number < 0 or number > step.dots:
            raise _refused(what, _("A number of dots runs from 0 to {most}.").format(most=step.dots))
        has = now.get(uid, 0)
        if number == before or number == has:
            continue  # left alone here, or already so (this form sent before)
        if has != before:
            raise Refused(_("Someone of your organisation changed the dots on {what} meanwhile: the page "
                            "now shows them. Nothing of this form was saved.").format(what=what), 409)
        moves.append((uid, number - has))
    placed = sum(now.values()) + sum(change for _uid, change in moves)
    if placed > step.dots:
        raise Refused(_("Your organisation has {dots} dots, and this form places {placed}. Take some back "
                        "first. Nothing of this form was saved.").format(dots=step.dots, placed=placed), 409)
    moves.sort(key=lambda move: move[1])  # dots taken back first: those placed after fit the budget
    return [c.Vote(step.id, uid, who.partner, change) for uid, change in moves]
