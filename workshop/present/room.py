"""What the room sees of a scale, vote or consent step: per item the whole statement, how many
gave each score, the mean and the spread; for a vote the ranking with dots; for consent the
count per status with the open ones named. Drawn with rich to any width (80 to 200 columns).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.text import Text

from workshop.core.guides import Step
from workshop.core.model import Attendance, ConsentStatus
from workshop.core.outcomes.attendance import away, expected, recorded, statuses as attendance
from workshop.core.outcomes.disclosure import MIN_GROUP, group_mean, score_counts
from workshop.core.outcomes.summary import CONSENT_LABELS, place_words, places
from workshop.core.session import SessionView
from workshop.core.steps.dependence import asks_dependence
from workshop.core.text.i18n import _, number
from workshop.core.typed.attribution import cards_of, column_headings, groups_of, short_name
from workshop.present.dependence import one_sided_block
from workshop.present.text import literal, one_line


@dataclass(frozen=True)
class ItemScores:
    """One scale item's scores, counted."""

    text: str
    counts: dict[int, int]  # score → how many gave it
    given: int  # how many of those at the table scored (a partner marked away is not counted)
    mean: float | None
    low: int | None
    high: int | None
    groups: dict[str, float | None]  # group → its mean; None for a group of fewer than 3 scores
    of_present: bool = False  # attendance was recorded: the count is of those present


def item_scores(view: SessionView, step: Step, item_id: str) -> ItemScores:
    item = next(i for i in step.items if i.id == item_id)
    scores = view.scores(step.id, item_id)
    counts = score_counts((given.value for given in scores.values()), step.scale.min, step.scale.max)
    spread = view.spread(step.id, item_id)
    by_group: dict[str, float | None] = {}
    cards = cards_of(view.meta)
    for group, members in groups_of(cards).items():
        values = [given.value for given in scores.values() if given.partner in members]
        if values:  # a group of one or two gets no mean: it would show its members' own scores
            by_group[group] = group_mean(values)
    gone = away(view)
    given = sum(1 for score in scores.values() if score.partner not in gone)
    return ItemScores(view.text(item.text), counts, given, spread.mean if spread else None,
                      spread.low if spread else None, spread.high if spread else None, by_group, recorded(view))


def group_words(mean: float | None) -> str:
    """A group's mean, or 'fewer than 3' for a group too small to show one."""
    return number(mean) if mean is not None else _("fewer than {count}").format(count=MIN_GROUP)


def summary_line(scores: ItemScores, out_of: int, short: bool = False) -> Text:
    """'mean 3,4  range 2–5  16 of 27 scores' (short: 'avg 3,4  2–5  16/27'): the mean first."""
    line = Text()
    if scores.mean is None:
        line.append(_("no scores yet"), style="italic")
    else:
        line.append((_("avg") if short else _("mean")) + " ", style="dim")
        line.append(number(scores.mean), style="bold")
        line.append("  " if short else "  " + _("range") + " ", style="dim")
        line.append(f"{scores.low}–{scores.high}", style="bold")
    if short:
        line.append(f"  {scores.given}/{out_of}", style="dim")
    else:
        line.append("  " + _count_words(scores, out_of), style="dim")
    return line


def _count_words(scores: ItemScores, out_of: int) -> str:
    """'16 of 27 scores', or with attendance recorded '16 of 24 present': absent ones are not waited for."""
    if scores.of_present:
        return _("{given} of {total} present").format(given=scores.given, total=out_of)
    return _("{given} of {total} scores").format(given=scores.given, total=out_of)


def distribution(scores: ItemScores, width: int) -> Text:
    """How many gave each score, as bars scaled to `width` columns: '1 ▇▇ 2  2 ▇▇▇▇ 4 …'."""
    values = list(scores.counts)
    top = max(scores.counts.values(), default=0) or 1
    cell = max(5, width // max(1, len(values)))
    bar_room = max(0, cell - len(f"{values[-1] if values else 0}: ") - len(str(top)) - 2)
    line = Text()
    for value in values:
        count = scores.counts[value]
        bar = "▇" * (max(1, round(count / top * bar_room)) if count and bar_room else 0)
        piece = Text()
        piece.append(f"{value}:", style="bold")
        piece.append(" ")
        piece.append(bar + (" " if bar else ""), style="cyan")
        piece.append(f"{count}", style="bold" if count else "dim")
        piece.pad_right(max(0, cell - piece.cell_len))
        line.append_text(piece)
    return line


def room_scale(view: SessionView, step: Step, width: int, roomy: bool = False, pairs: int = 4,
               seated: tuple[tuple[str, str], ...] = ()) -> RenderableType:
    """Every item: its number and whole statement, the distribution, mean, spread and count. A
    dependence grid starts with its one-sided pairs (at most `pairs` lines of them)."""
    out_of = expected(view, step, seated)
    parts: list[RenderableType] = []
    if asks_dependence(step):
        parts += [one_sided_block(view, step, width, pairs), Text("")]
    hidden = view.hidden(step.id)
    for number_, item in enumerate(step.items, start=1):
        scores = item_scores(view, step, item.id)
        title = Text(f"{number_}. ", style="bold")
        title.append_text(literal(scores.text, style="bold"))
        parts.append(title)
        if hidden:  # a blind scale: the room sees how many answered, nothing of what they gave
            parts.append(hidden_line(scores, out_of))
            continue
        compact = width < 110
        line = Text("   ")
        line.append_text(distribution(scores, max(30, width - 30) if compact else min(80, width - 50)))
        line.append_text(summary_line(scores, out_of, short=compact))
        parts.append(line)
        if scores.groups and roomy:
            groups = Text("   ")
            for group, mean in scores.groups.items():
                groups.append_text(literal(group, style="dim"))
                groups.append(f" {group_words(mean)}   ", style="bold")
            parts.append(groups)
        if roomy:
            parts.append(Text(""))
    parts.append(away_line(view))
    return Group(*parts)


def hidden_line(scores: ItemScores, out_of: int) -> Text:
    """A blind item before the reveal: only how many scores are in."""
    line = Text("   ")
    line.append(_("{given} of {out_of} scores in; shown when the facilitator reveals them").format(
        given=scores.given, out_of=out_of), style="italic")
    return line


def away_line(view: SessionView) -> Text:
    """Who is absent or excused, so the number of scores explains itself."""
    status = attendance(view)
    absent = [p for p, s in status.items() if s == Attendance.ABSENT]
    excused = [p for p, s in status.items() if s == Attendance.EXCUSED]
    line = Text(style="dim")
    if absent:
        line.append(_("Absent: {names}").format(names=", ".join(absent)) + "   ")
    if excused:
        line.append(_("Excused: {names}").format(names=", ".join(excused)))
    return line


def room_vote(view: SessionView, step: Step, width: int) -> RenderableType:
    """The ranking: most dots first, each with its dots drawn and counted."""
    ranking = view.ranking(step.id)
    top = max((dots for _c, dots in ranking), default=0) or 1
    room = max(5, min(40, width // 3))
    parts: list[RenderableType] = []
    for (contribution, dots), (place, tied) in zip(ranking, places([d for _c, d in ranking]), strict=True):
        line = Text(f"{place_words(place, tied):>3} ", style="bold")
        line.append("●" * round(dots / top * room) if dots else "", style="yellow")
        line.append(f" {dots}  ", style="bold")
        line.append_text(literal(one_line(contribution.text, max(20, width - room - 12))))
        parts.append(line)
    if not parts:
        parts.append(Text(_("Nothing to vote on yet."), style="italic"))
    return Group(*parts)


def room_consent(view: SessionView, step: Step, width: int) -> RenderableType:
    """Per body: how many partners are at each status, and which are still open."""
    cards = cards_of(view.meta)
    headings = column_headings(view.partners)
    given = view.consents(step.id)
    parts: list[RenderableType] = []
    for body in step.bodies:
        title = literal(view.text(body.text), style="bold")
        parts.append(title)
        counts: dict[str, int] = {}
        open_ones = []
        for partner in view.partners:
            record = given.get((partner, body.id))
            status = str(record.value) if record else ""
            counts[status] = counts.get(status, 0) + 1
            if status and ConsentStatus(status).pending:
                open_ones.append(short_name(cards.get(partner), headings[partner]))
        line = Text("   ")
        for status in [*ConsentStatus, ""]:
            if counts.get(status):
                line.append(f"{counts[status]} ", style="bold")
                line.append((_(CONSENT_LABELS[status]) if status else _("no status yet")) + "   ")
        parts.append(line)
        if open_ones:
            parts.append(Text("   " + _("Still open: {names}").format(names=", ".join(open_ones)), style="yellow"))
    return Group(*parts)
