"""An open step with levels in the minutes: a table partner × level, the positions with the
interests behind them, and what was said without a level. Everything typed is escaped."""

from __future__ import annotations

from workshop.core.guides import Step
from workshop.core.model import Contribution
from workshop.core.session import SessionView
from workshop.core.text.i18n import _
from workshop.core.typed.interests import POSITION, behind
from workshop.present.minutes_parts import plain_items, who_said
from workshop.present.text import md_cell, md_table


def _said(c: Contribution) -> str:
    return md_cell(c.text) + (f" ({md_cell(c.participant)})" if c.participant else "")


def _partner_rows(view: SessionView, step: Step, said: list[Contribution]) -> list[str]:
    levels = [level.id for level in step.levels]
    leveled = [c for c in said if c.item in levels]
    if not leveled:
        return []
    order = [*view.partners, *dict.fromkeys(c.partner for c in leveled if c.partner not in view.partners)]
    rows = []
    for partner in order:
        own = [c for c in leveled if c.partner == partner]
        if own:
            cells = [" · ".join(_said(c) for c in own if c.item == level) for level in levels]
            rows.append([md_cell(partner) if partner else "—", *cells])
    headers = [_("Partner"), *(md_cell(view.text(level.text)) for level in step.levels)]
    return md_table(headers, rows)


def _positions(view: SessionView, step: Step, said: list[Contribution]) -> list[str]:
    labels = {level.id: view.text(level.text) for level in step.levels}
    lines = []
    for position in (c for c in said if c.item == POSITION):
        who = who_said(position)
        lines.append(f"- {md_cell(position.text)}" + (f" — *{md_cell(who)}*" if who else ""))
        for interest in (c for c in said if behind(c) == position.uid):
            label = labels.get(interest.item, "")
            lines.append(f"  - {md_cell(label) + ': ' if label else ''}{md_cell(interest.text)}")
    return ["**" + _("Positions and the interests behind them") + "**", "", *lines] if lines else []


def levels_body(view: SessionView, step: Step) -> str:
    said = view.contributions(step.id)
    levels = {level.id for level in step.levels}
    rest = [c for c in said if c.item not in levels and c.item != POSITION and not behind(c)]
    parts = ["\n".join(_partner_rows(view, step, said)), "\n".join(_positions(view, step, said))]
    plain = plain_items(rest)
    if not any(parts):  # nothing given a level (a session from before levels): the list as ever
        return "\n".join(plain)
    if plain:
        parts.append("**" + _("Without a level") + "**\n\n" + "\n".join(plain))
    return "\n\n".join(part for part in parts if part)
