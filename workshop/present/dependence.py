"""Mutual dependence in one session, as the facilitator, the room and the minutes see it: the
one-sided pairs, the largest gap first, each as 'A → B: 5, B → A: 1 — one-sided'. The pairing
rule itself is in workshop/core/steps/dependence.py."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from workshop.core.guides import Step
from workshop.core.session import SessionView
from workshop.core.steps.dependence import Pair, asks_dependence, needed_gap, session_pairs
from workshop.core.text.i18n import _, ngettext, number
from workshop.core.typed.attribution import cards_of, column_headings, short_name
from workshop.present.text import literal, md_cell, md_table, one_line


def pair_words(pair: Pair, name: Callable[[str], str] = str) -> str:
    """'A → B: 5, B → A: 1' (the one who depends more first)."""
    a, b = name(pair.a), name(pair.b)
    return _("{a} → {b}: {a_on_b}, {b} → {a}: {b_on_a}").format(a=a, b=b, a_on_b=pair.a_on_b, b_on_a=pair.b_on_a)


def fitted_words(pair: Pair, name: Callable[[str], str], room: int) -> str:
    """`pair_words` in at most `room` characters: the full names, else the short ones, else the
    short ones cut; the scores always stay."""
    for words in (pair_words(pair), pair_words(pair, name)):
        if len(words) <= room:
            return words
    a, b = name(pair.a), name(pair.b)
    bare = len(pair_words(pair, lambda _name: ""))
    cap = max(len(a), len(b))  # the longest cut that fits; a shorter name stays whole
    while cap > 4 and bare + 2 * (min(len(a), cap) + min(len(b), cap)) > room:
        cap -= 1
    return pair_words(pair, lambda partner: one_line(name(partner), cap))


def short_names(view: SessionView) -> Callable[[str], str]:
    """A partner's short name: its card's, else its grid heading ("Rheden" for "Gemeente Rheden"
    when several names start with "Gemeente")."""
    cards, headings = cards_of(view.meta), column_headings(view.partners)
    return lambda partner: short_name(cards.get(partner), headings.get(partner, partner))


def one_sided_block(view: SessionView, step: Step, width: int, limit: int) -> Text:
    """Under the grid and on the projector while the step is open: the one-sided pairs so far,
    at most `limit` lines of them and '… N more'. Nothing of a blind scale before its reveal."""
    if view.hidden(step.id):
        return Text(_("Dependence pairs are shown when the facilitator reveals the scores."), style="italic dim")
    pairs = session_pairs(view, step)
    sided = [pair for pair in pairs if pair.one_sided]
    block = Text()
    block.append(_("One-sided dependence"), style="bold")
    if not pairs:
        block.append("  " + _("no two partners have scored each other yet"), style="italic dim")
        return block
    block.append("  " + ngettext("{sided} of {count} pair that scored each other",
                                 "{sided} of {count} pairs that scored each other",
                                 len(pairs)).format(sided=len(sided), count=len(pairs)), style="dim")
    if not sided:
        block.append("\n  " + _("none so far: in every pair the scores are less than {points} points apart").format(
            points=_points(step)), style="italic")
        return block
    name = short_names(view)
    flag = " — " + _("one-sided")
    shown = sided if len(sided) <= limit else sided[:max(1, limit - 1)]  # the last line says how many more
    for pair in shown:
        block.append("\n  ")
        block.append_text(literal(fitted_words(pair, name, max(20, width - len(flag) - 2))))
        block.append(flag, style="bold red")
    if len(shown) < len(sided):
        more = len(sided) - len(shown)
        block.append("\n  " + ngettext("… {count} more", "… {count} more", more).format(count=more), style="dim")
    return block


def _points(step: Step) -> str:
    """How many points apart a pair is one-sided on this step's scale (2 on a 1–5 scale)."""
    needed = needed_gap(step.scale)
    return number(needed, 0) if needed == int(needed) else number(needed)


def pairs_markdown(view: SessionView, step: Step) -> str:
    """For the minutes: every pair scored both ways, largest gap first, the one-sided ones flagged."""
    pairs = session_pairs(view, step)
    if not pairs:
        return ""
    rows = [[md_cell(pair_words(pair)), str(pair.gap),
             "**" + _("one-sided: {partner} depends more").format(partner=md_cell(pair.a)) + "**"
             if pair.one_sided else ""] for pair in pairs]
    sided = sum(1 for pair in pairs if pair.one_sided)
    heading = "**" + _("Mutual dependence") + ":** " + ngettext(
        "{sided} of {count} pair one-sided", "{sided} of {count} pairs one-sided", len(pairs)).format(
        sided=sided, count=len(pairs))
    return heading + "\n\n" + "\n".join(md_table([_("Pair"), _("Gap"), ""], rows))


def pairs_data(view: SessionView) -> dict[str, list[dict[str, object]]]:
    """For the JSON export: per dependence step, every pair scored both ways."""
    return {step.id: [{"a": p.a, "b": p.b, "a_on_b": p.a_on_b, "b_on_a": p.b_on_a, "gap": p.gap,
                       "one_sided": p.one_sided} for p in session_pairs(view, step)]
            for step in view.agenda if asks_dependence(step)}
