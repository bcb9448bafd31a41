"""What each change checks and does to a `LiveSession`'s model (nothing here writes to disk:
`LiveSession.apply` saves afterwards). A change that is refused raises ValueError before it
touches anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from workshop.core.guides import Step, steps_from_dicts
from workshop.core.model import (
    ConsentStatus,
    Contribution,
    PromptKind,
    SessionStatus,
    new_uid,
    now_iso,
)
from workshop.core.session import changes as c
from workshop.core.session.room import ROOM, free_seat, open_room, take_seat
from workshop.core.session.table import (
    add_participant,
    devices_joined,
    move_participant,
    set_attendance,
    set_partner_card,
)
from workshop.core.session.timer import Timebox
from workshop.core.session.verdicts import adopt, mark
from workshop.core.session.view import PARTNER_PICK, PICK
from workshop.core.steps.bodies import add_body, remove_body, rename_body, with_added
from workshop.core.text.i18n import _
from workshop.core.typed.interests import LATEST_POSITION, no_position, position_behind, refuses

if TYPE_CHECKING:
    from workshop.core.session.live import LiveSession

ID_PREFIX_EXTRA = "extra-"
MAX_TEXT = 200_000  # characters; a 100 KB paste fits, a runaway clipboard does not


def _check_level(live: LiveSession, step_id: str, item: str, value: Any) -> None:
    """An open step's contribution holds one of the step's levels (or a position) in `item`, and
    in `value` at most the uid of a position of the same step (workshop/core/typed/interests.py)."""
    step = live.step(step_id)
    if step.kind is PromptKind.OPEN and (item or value not in (None, "")):
        if (why := refuses(step, item, value, live.contributions(step_id))) is not None:
            raise ValueError(why)


def _add(live: LiveSession, change: c.AddContribution) -> Contribution:
    if change.uid and change.uid in live._by_uid:
        return live._by_uid[change.uid]  # sent again: it is there already
    value = change.value
    if value == LATEST_POSITION:  # 'waarom: …': the position it answers is found now, in the order
        # typed, so one typed just before it in a burst of keys is found
        shown = [c for c in live.contributions(change.step) if not live.is_held(c.uid)]
        if (position := position_behind(shown, change.partner)) is None:
            raise ValueError(no_position())
        value = position.uid
    _check_level(live, change.step, change.item, value)
    chosen = {"uid": change.uid} if change.uid else {}
    return live._add(change.step, change.text, change.partner, change.participant,
                     item=change.item, value=value, when=change.when, **chosen)


def _edit(live: LiveSession, change: c.EditContribution) -> Contribution:
    if "item" in change.fields or "value" in change.fields:
        old = live.contribution(change.uid)
        _check_level(live, old.step, change.fields.get("item", old.item), change.fields.get("value", old.value))
    return live._edit(change.uid, **change.fields)


def _remove(live: LiveSession, change: c.RemoveContribution) -> None:
    live._drop(change.uid)


def _restore(live: LiveSession, change: c.Restore) -> Contribution:
    back = Contribution.from_dict(change.contribution)
    live.step(back.step)  # a step that is gone cannot take it back
    if back.uid in live._by_uid:
        return live._by_uid[back.uid]
    for other in live.contributions(back.step):  # its old place: the ones after it move down one
        if other.position >= back.position:
            other.position += 1
    return live._put(Contribution.from_dict({**back.to_dict(), "text": live._clean(back.text)}))


def _move(live: LiveSession, change: c.MoveContribution) -> None:
    moving = live._by_uid[change.uid]
    ordered = live.contributions(moving.step)
    index = ordered.index(moving)
    target = max(0, min(len(ordered) - 1, index + change.offset))
    if target == index:
        return
    ordered.insert(target, ordered.pop(index))
    for position, contribution in enumerate(ordered):
        if contribution.position != position:
            contribution.position = position
            live._moved(contribution.step)


def _revise(live: LiveSession, change: c.Revise) -> Contribution:
    latest = live.statement(change.step)
    if latest is not None and latest.text == change.text and bool(latest.value) == change.agreed:
        return latest  # the same text again (Enter twice): no new version
    return live._add(change.step, change.text, value=bool(change.agreed))


def _agree(live: LiveSession, change: c.Agree) -> Contribution | None:
    latest = live.statement(change.step)
    if latest is None or latest.value is True:
        return latest
    return live._edit(latest.uid, value=True)


def _score(live: LiveSession, change: c.Score) -> Contribution:
    step = live.step(change.step)
    if change.item not in {choice.id for choice in step.items}:
        raise ValueError(_("'{item}' is not an item of this step.").format(item=change.item))
    if (refused := step.scale.refuses(change.value)) is not None:
        raise ValueError(refused)
    # A partner's name is a partner's score, also on a step that asks each person (no people listed).
    per_participant = step.per == "participant" and change.who not in live.partners
    fields: dict[str, Any] = {
        "value": int(change.value), "item": change.item,
        "partner": live._partner_of(change.who) if per_participant else change.who,
        "participant": change.who if per_participant else "",
        "device": bool(change.device),
    }
    if change.comment is not None:
        fields["text"] = change.comment
    return live._upsert(change.step, lambda x: x.item == change.item and (x.participant or x.partner) == change.who,
                        **fields)


def _clear_score(live: LiveSession, change: c.ClearScore) -> None:
    given = live.scores(change.step, change.item).get(change.who)
    if given is not None:
        _remove(live, c.RemoveContribution(given.uid))


def _vote(live: LiveSession, change: c.Vote) -> int:
    step = live.step(change.step)
    current = live.dots(change.step, change.partner).get(change.target, 0)
    wanted = max(0, current + change.change)
    if wanted - current > live.dots_left(change.step, change.partner):
        raise ValueError(_("{partner} has no dots left.").format(partner=change.partner))
    if change.target not in {x.uid for x in live.contributions(step.source)}:
        raise ValueError(_("That is not a contribution of the step being voted on."))
    live._upsert(change.step, lambda x: x.item == change.target and x.partner == change.partner,
                 item=change.target, partner=change.partner, value=wanted)
    return wanted


def _a_date(live: LiveSession, typed: str) -> str:
    """A typed date (2026-12-01, 1-12-2026, "1 december") as ISO; a day without a year is the
    next such day from the session's date. Empty stays empty; anything else is refused with an
    example, so the minutes and the comparison always hold a real date."""
    if not typed.strip():
        return ""
    from workshop.core.typed.due import parse_due  # here: most changes carry no date

    try:
        start = date.fromisoformat(live.date)
    except ValueError:
        start = None
    return parse_due(typed, live.lang, start).isoformat()


def _assign(live: LiveSession, change: c.Assign) -> Contribution:
    step = live.step(change.step)
    when = change.when if step.when == "rhythm" else _a_date(live, change.when)  # "every six weeks" stays
    if change.uid:
        return live._edit(change.uid, text=change.text, value=change.who, when=when)
    if change.row:
        return live._upsert(change.step, lambda x: x.item == change.row,
                            text=change.text, value=change.who, when=when, item=change.row)
    return live._add(change.step, change.text, value=change.who, when=when)


def _set_consent(live: LiveSession, change: c.SetConsent) -> Contribution:
    ConsentStatus(change.status)  # a wrong status is a programming error: stay loud
    return live._upsert(change.step, lambda x: x.partner == change.partner and x.item == change.body,
                        partner=change.partner, item=change.body, value=str(change.status),
                        when=_a_date(live, change.when))


def _choose(live: LiveSession, change: c.Choose) -> Contribution:
    if change.option not in {choice.id for choice in live.step(change.step).options}:
        raise ValueError(_("'{option}' is not one of the options.").format(option=change.option))
    if change.partner:  # a step with per = "partner": one pick per partner
        if change.partner not in live.partners:
            raise ValueError(_("'{partner}' is not a partner at this table.").format(partner=change.partner))
        return live._upsert(change.step, lambda x: x.item == PARTNER_PICK and x.partner == change.partner,
                            item=PARTNER_PICK, partner=change.partner, value=change.option)
    # the group's choice: never one of the participants' own picks (from their phones)
    return live._upsert(change.step, lambda x: x.item not in (PICK, PARTNER_PICK), value=change.option)


def _link(live: LiveSession, change: c.Link) -> None:
    if not change.uid_a or not change.uid_b or change.uid_a == change.uid_b:
        raise ValueError(_("Link two different contributions."))
    links = [list(pair) for pair in live.meta.get("links", [])]
    if [change.uid_a, change.uid_b] not in links and [change.uid_b, change.uid_a] not in links:
        live._set_meta(links=[*links, [change.uid_a, change.uid_b]])


def _annotate(live: LiveSession, change: c.Annotate) -> None:
    fields: dict[str, Any] = {}
    for name in ("links", "not_same"):
        pairs = getattr(change, name)
        if pairs is not None:
            if any(len(pair) != 2 or not all(isinstance(u, str) and u for u in pair) for pair in pairs):
                raise ValueError(_("Link two different contributions."))
            fields[name] = [list(pair) for pair in pairs]
    if change.solved is not None:
        fields["solved"] = [uid for uid in change.solved if isinstance(uid, str) and uid]
    if fields:
        live._set_meta(**fields)


def _next_meeting(live: LiveSession, change: c.SetNextMeeting) -> None:
    when = _a_date(live, change.when)
    theme = live._clean(change.theme).strip()
    live._set_meta(next_meeting={"date": when, "where": live._clean(change.where).strip(),
                                 **({"theme": theme} if theme else {})} if when else {})


def _minutes_taker(live: LiveSession, change: c.SetMinutesTaker) -> None:
    live._set_meta(minutes_taker=" ".join(live._clean(change.name).split()))






def _skip(live: LiveSession, change: c.Skip) -> None:
    """The meeting moves on if the skipped step was the current one."""
    skipped = [step_id for step_id in live.meta.get("skipped", []) if step_id != change.step]
    if len(skipped) == len(live.meta.get("skipped", [])):
        skipped.append(change.step)
    live._set_meta(skipped=skipped)
    if change.step in skipped and live.current.id == change.step:
        target = live.neighbour(change.step, +1)
        if target is not None:
            live._go_to(target.id)


def _move_step(live: LiveSession, change: c.MoveStep) -> None:
    order = [s.id for s in live.agenda]
    index = order.index(change.step)
    target = max(0, min(len(order) - 1, index + change.offset))
    order.insert(target, order.pop(index))
    live._set_meta(order=order)


def _add_step(live: LiveSession, change: c.AddStep) -> Step:
    title = live._clean(change.title).strip()
    if not title:
        raise ValueError(_("A step needs a title."))
    step_id = f"{ID_PREFIX_EXTRA}{new_uid()[:8]}"
    raw = {"id": step_id, "kind": "open", "title": {live.lang: title},
           "prompt": {live.lang: change.prompt.strip() or title}, "timebox": max(1, min(240, int(change.minutes)))}
    steps = [*live.meta.get("steps", []), raw]
    order = [s.id for s in live.agenda]
    order.insert(order.index(change.after or live.current.id) + 1, step_id)
    live.steps = with_added(steps_from_dicts(steps, live.file.path.name), live.meta, live.file.path.name)
    live._set_meta(steps=steps, order=order)
    return live.step(step_id)


def _set_note(live: LiveSession, change: c.SetNote) -> None:
    live._set_meta(notes={**live.meta.get("notes", {}), change.step: live._clean(change.text)})


def _close(live: LiveSession, change: c.Close) -> None:
    now = live.clock()
    timers = {**live.meta.get("timers", {})}
    for step_id, data in timers.items():
        try:
            box = Timebox.from_dict(live.step(step_id).timebox, data)
        except KeyError:
            continue
        box.pause(now)
        timers[step_id] = box.to_dict()
    live._forget(ROOM)  # a closed session takes no one: its codes and seats are gone
    live._set_meta(status=str(SessionStatus.CLOSED), closed=now_iso(), timers=timers)


def _listed(live: LiveSession, key: str, value: str, present: bool) -> None:
    """Put `value` in (or take it out of) the meta list `key`."""
    listed = [x for x in live.meta.get(key, []) if x != value]
    if present:
        listed.append(value)
    if listed != live.meta.get(key, []):
        live._set_meta(**{key: listed})








def _moderate(live: LiveSession, change: c.Moderate) -> None:
    live.contribution(change.uid)  # KeyError for an unknown one: a programming error
    _listed(live, "held", change.uid, not change.shown)


APPLY: dict[type, Callable[[LiveSession, Any], Any]] = {
    c.AddContribution: _add,
    c.EditContribution: _edit,
    c.MoveParticipant: move_participant,
    c.RemoveContribution: _remove,
    c.MoveContribution: _move,
    c.Revise: _revise,
    c.Agree: _agree,
    c.Score: _score,
    c.ClearScore: _clear_score,
    c.Vote: _vote,
    c.Assign: _assign,
    c.SetConsent: _set_consent,
    c.Choose: _choose,
    c.Adopt: adopt,
    c.Mark: mark,
    c.Link: _link,
    c.Annotate: _annotate,
    c.SetNextMeeting: _next_meeting,
    c.SetMinutesTaker: _minutes_taker,
    c.GoTo: lambda live, change: live._go_to(change.step),
    c.Skip: _skip,
    c.MoveStep: _move_step,
    c.AddStep: _add_step,
    c.SetNote: _set_note,
    c.StartTimer: lambda live, change: live._timer(change.step, lambda box, now: box.start(now)),
    c.PauseTimer: lambda live, change: live._timer(change.step, lambda box, now: box.pause(now)),
    c.AddMinutes: lambda live, change: live._timer(change.step, lambda box, now: box.add_minutes(change.minutes)),
    c.Close: _close,
    c.Reveal: lambda live, change: _listed(live, "revealed", live.step(change.step).id, True),
    c.DevicesJoined: devices_joined,
    c.AddParticipant: add_participant,
    c.OpenRoom: open_room,
    c.TakeSeat: take_seat,
    c.FreeSeat: free_seat,
    c.CloseInput: lambda live, change: _listed(live, "input_closed", live.step(change.step).id, change.closed),
    c.Moderate: _moderate,
    c.SetAttendance: set_attendance,
    c.Restore: _restore,
    c.SetPartnerCard: set_partner_card,
    c.AddBody: add_body,
    c.RenameBody: rename_body,
    c.RemoveBody: remove_body,
}
