"""A session drawn with rich (`workshop show`): every step and what was said in it."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from workshop.core.guides import Step, load_shelf
from workshop.core.model import PromptKind, kind_label
from workshop.core.outcomes.disclosure import circulated, distribution_words, names_beside_scores, score_counts
from workshop.core.outcomes.phase import phase_step, suggestion
from workshop.core.outcomes.summary import consent_label, review_label
from workshop.core.session import SessionView
from workshop.core.steps.statements import settled
from workshop.core.text.i18n import _, day, language, ngettext, number, pgettext
from workshop.core.typed.interests import behind, level_label
from workshop.present.text import literal, one_line


def session_renderable(view: SessionView) -> RenderableType:
    view = circulated(view)  # a line held back for moderation is not out yet
    with language(view.lang):
        header = Table.grid(padding=(0, 2))
        header.add_column(style="bold")
        header.add_column()
        status = _("closed") if view.closed else _("open")
        for label, value in (
            (_("collaboration"), view.collaboration),
            (_("session"), f"{view.id} ({status})"),
            (_("date"), day(view.date)),
            (_("guide"), view.guide_id),
            (_("partners"), ", ".join(view.partners)),
            (_("participants"), ", ".join(p.label() for p in view.participants)),
        ):
            header.add_row(label, literal(value))
        parts: list[RenderableType] = [Panel(header, title=literal(view.title), title_align="left")]
        for place, step in enumerate(view.agenda, start=1):
            parts.append(_step(view, step, place))
        return Group(*parts)


def _step(view: SessionView, step: Step, place: int) -> RenderableType:
    title = Text(f"{place}. ", style="bold")
    title.append(literal(view.text(step.title), style="bold"))
    title.append(f"  ({kind_label(step.kind)})", style="dim")
    if view.is_skipped(step.id):
        title.append("  " + _("skipped"), style="dim italic")
    body = _body(view, step)
    return Group(title, body if body is not None else Text("  " + _("nothing yet"), style="dim"))


def _choice(view: SessionView, step: Step) -> Text | None:
    """Each partner's pick and the group's choice (for the phase, the guide that fits it), then
    the participants' own picks counted per option."""
    def words(option_id: str) -> str:
        return view.option_words(step.id, option_id, short=step.per == "partner")

    lines = Text()
    for partner, picked in view.partner_picks(step.id).items():
        lines.append(literal(f"  • {partner}: {words(picked)}\n"))
    chosen = view.choice(step.id)
    if chosen and step.per != "partner":
        lines.append("  • ")
        lines.append(literal(words(chosen)))
        lines.append("\n")
    elif chosen and step.id != phase_step(view):  # a per-partner question of another kind (ready for the next phase?)
        lines.append("  " + _("Chosen most: {option}").format(option=words(chosen)) + "\n", style="bold")
    elif chosen:
        lines.append("  " + _("The group's phase: {phase}").format(phase=words(chosen)) + "\n", style="bold")
        found = suggestion(view, load_shelf())  # the built-in guides: they are the ones written per phase
        if found is not None:
            lines.append("  " + _("This guide is written for another phase; the guide for this group's phase is "
                                  "‘{title}’ ({guide}).").format(title=found.title, guide=found.guide) + "\n",
                         style="yellow")
    if phones := view.picks(step.id):
        lines.append("  " + _("Picked by participants:") + " ", style="dim")
        lines.append(literal(" · ".join(f"{view.option_words(step.id, o, short=True)} {n}" for o, n in phones.items())))
        lines.append("\n")
    return lines or None


def _body(view: SessionView, step: Step) -> RenderableType | None:
    items = view.contributions(step.id)
    kind = step.kind
    if kind is PromptKind.SCALE:
        table = Table(box=None, padding=(0, 2))
        for column in (_("item"), _("mean"), _("range"), _("scores")):
            table.add_column(column)
        any_scores = False
        for item in step.items:
            spread = view.spread(step.id, item.id)
            scores = view.scores(step.id, item.id)
            if spread:
                any_scores = True
            if names_beside_scores(view, step):  # where the guide asks for it, as in the minutes
                given = ", ".join(f"{who} {c.value}" for who, c in scores.items())
            else:  # how many gave each score
                given = distribution_words(score_counts((c.value for c in scores.values()), step.scale.min,
                                                        step.scale.max)) if scores else ""
            table.add_row(literal(view.text(item.text)),
                          number(spread.mean) if spread else "–",
                          f"{spread.low}–{spread.high}" if spread else "–",
                          literal(given))
        return table if any_scores else None
    if not items and kind is not PromptKind.REVIEW:
        return None
    lines = Text()
    if kind is PromptKind.STATEMENT:
        shown = settled(view.revisions(step.id))
        lines.append("  ")
        lines.append(literal(shown.text if shown else ""))
        agreed = pgettext("text", "agreed") if shown and shown.value is True else _("draft")
        revisions = ngettext("{count} revision", "{count} revisions", len(items)).format(count=len(items))
        lines.append(f"\n  ({agreed}; " + revisions + ")", style="dim")
        return lines
    if kind is PromptKind.VOTE:
        for contribution, dots in view.ranking(step.id):
            lines.append(f"  {dots:>3} ● ")
            lines.append(literal(contribution.text))
            lines.append("\n")
        return lines
    if kind is PromptKind.REVIEW:
        reviews = view.reviews(step.id)
        for action in view.carried:
            verdict = reviews.get(action.uid)
            lines.append("  " + (review_label(verdict) if verdict else _("not reviewed")) + ": ", style="dim")
            lines.append(literal(f"{action.text} — {action.who}".rstrip(" —")))
            lines.append("\n")
        return lines if view.carried else None
    if kind is PromptKind.CHOICE:
        return _choice(view, step)
    for c in items:
        lines.append("  • ")
        if kind is PromptKind.ASSIGN:
            lines.append(literal(f"{c.text} → {c.value or ''} {day(c.when)}".rstrip()))
        elif kind is PromptKind.CONSENT:
            body = next((view.text(b.text) for b in step.bodies if b.id == c.item), c.item)
            lines.append(literal(f"{c.partner}: {body}: {consent_label(str(c.value))} {day(c.when)}".rstrip()))
        else:
            if step.levels and (label := level_label(step, c.item, view.lang)):
                lines.append(literal(f"[{label}] ", style="italic"))
            if step.levels and (position := next((p for p in items if p.uid == behind(c)), None)) is not None:
                lines.append(literal(f"↳ {one_line(position.text, 40)}: ", style="dim"))
            lines.append(literal(c.text))
            who = " / ".join(x for x in (c.partner, c.participant) if x)
            if who:
                lines.append(literal(f"  ({who})", style="dim"))
        lines.append("\n")
    return lines
