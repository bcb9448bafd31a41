"""What a session agreed, ready to read out: the summary screen, the minutes and `show` use it.

`summarise(view)` gives sections in reading order: the agreements and actions first, then the
statements (the ambition, the pilot) as last agreed, roles and rhythm, advice and consent per
partner and body, the chosen option (the phase), the top of the vote, the interaction scale
(the threshold question first) and how the carried-over items were reviewed. Every title and
label is in the session's language; what participants typed is passed on as it is (the
renderer escapes it).
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.core.guides import Step
from workshop.core.model import ConsentStatus, PilotStatus, PromptKind, ReviewStatus, RoleStatus
from workshop.core.outcomes.disclosure import names_beside_scores
from workshop.core.session import SessionView
from workshop.core.steps.statements import settled
from workshop.core.text.i18n import N_, _, language, ngettext, number, pgettext

ACTIONS_KEY = "actions"  # the one section that gathers every action step
THRESHOLD_ITEM = "threshold"  # the scale item asked every session: is the threshold getting lower?
VOTE_TOP = 5  # how many of the vote's ranking are read out

CONSENT_LABELS = {
    ConsentStatus.NOT_NEEDED: N_("not needed"),
    ConsentStatus.TO_REQUEST: N_("to request"),
    ConsentStatus.REQUESTED: N_("requested"),
    ConsentStatus.ADVICE_POSITIVE: N_("positive advice"),
    ConsentStatus.ADVICE_CONDITIONS: N_("advice with conditions"),
    ConsentStatus.ADVICE_NEGATIVE: N_("negative advice"),
    ConsentStatus.CONSENT_GIVEN: N_("consent given"),
    ConsentStatus.APPROVED: N_("approved"),
    ConsentStatus.WISHES_GIVEN: N_("wishes and concerns given"),
    ConsentStatus.REFUSED: N_("refused"),
    ConsentStatus.ADVICE_GIVEN: N_("advice given"),
}
REVIEW_LABELS: dict[str, str] = {
    ReviewStatus.DONE: N_("done"),
    ReviewStatus.OPEN: N_("still open"),
    ReviewStatus.DROPPED: N_("dropped"),
    PilotStatus.RUNNING: N_("running"),
    PilotStatus.ADJUSTED: N_("adjusted"),
    PilotStatus.FINISHED: N_("finished"),
    PilotStatus.STOPPED: N_("stopped"),
    RoleStatus.VALID: N_("still valid"),
    RoleStatus.CHANGED: N_("changed"),
    RoleStatus.LAPSED: N_("lapsed"),
}


@dataclass(frozen=True)
class SummaryLine:
    """One thing to read out: what, who, when (a date or a rhythm) and where it stands."""

    text: str
    who: str = ""
    when: str = ""
    status: str = ""


@dataclass(frozen=True)
class SummarySection:
    key: str  # ACTIONS_KEY, or the id of the step the lines come from
    title: str
    lines: tuple[SummaryLine, ...]


# The status words stay in the core: the summary and the carry-over write them into what they
# produce; the presentation (`workshop.present`) uses the same ones.
def consent_label(status: str) -> str:
    """A consent status in words, in the current language (unknown ones as they are)."""
    try:
        return _(CONSENT_LABELS[ConsentStatus(status)])
    except ValueError:
        return str(status)


def review_label(status: str) -> str:
    try:
        return _(REVIEW_LABELS[status])
    except KeyError:
        return str(status)


# The order in which the kinds are read out, after the actions.
_ORDER = (PromptKind.STATEMENT, PromptKind.ASSIGN, PromptKind.CONSENT, PromptKind.CHOICE,
          PromptKind.VOTE, PromptKind.SCALE, PromptKind.REVIEW)


def summarise(view: SessionView) -> list[SummarySection]:
    """Everything agreed in a session, in reading order; sections without content are left out."""
    with language(view.lang):
        sections: list[SummarySection] = []
        actions = tuple(line for step in view.agenda if _is_action_step(step) for line in _assign_lines(view, step))
        if actions:
            sections.append(SummarySection(ACTIONS_KEY, _("Agreements and actions"), actions))
        for kind in _ORDER:
            for step in view.agenda:
                if step.kind is not kind or _is_action_step(step):
                    continue
                lines = tuple(_LINES[kind](view, step))
                if lines:
                    sections.append(SummarySection(step.id, view.text(step.title), lines))
        return sections


def _is_action_step(step: Step) -> bool:
    return step.kind is PromptKind.ASSIGN and step.actions


def _assign_lines(view: SessionView, step: Step) -> list[SummaryLine]:
    return [SummaryLine(c.text, str(c.value or ""), c.when) for c in view.contributions(step.id) if c.text.strip()]


def _statement_lines(view: SessionView, step: Step) -> list[SummaryLine]:
    shown = settled(view.revisions(step.id))
    if shown is None or not shown.text.strip():
        return []
    return [SummaryLine(shown.text, status=pgettext("text", "agreed") if shown.value is True else _("draft"))]


def _consent_lines(view: SessionView, step: Step) -> list[SummaryLine]:
    bodies = {body.id: view.text(body.text) for body in step.bodies}
    partners = {name: number for number, name in enumerate(view.partners)}
    body_order = {body.id: number for number, body in enumerate(step.bodies)}
    found = sorted(view.consents(step.id).items(),
                   key=lambda pair: (partners.get(pair[0][0], len(partners)), pair[0][0],
                                     body_order.get(pair[0][1], len(body_order)), pair[0][1]))
    return [SummaryLine(bodies.get(body, body), partner, c.when, consent_label(str(c.value)))
            for (partner, body), c in found]


def _choice_lines(view: SessionView, step: Step) -> list[SummaryLine]:
    chosen = view.choice(step.id)
    phones = view.picks(step.id)
    lines = [SummaryLine(view.option_words(step.id, chosen), status=_("chosen") if phones else "")] if chosen else []
    # the participants' own picks (from their phones), counted: the group's choice stays the facilitator's
    return lines + [SummaryLine(view.option_words(step.id, option), status=ngettext(
        "picked by {count} participant", "picked by {count} participants", count).format(count=count))
        for option, count in phones.items()]


def places(dots: list[int]) -> list[tuple[int, bool]]:
    """The place of each count in a ranking, most first, and whether it is shared: 5, 3, 3, 1 are
    places 1, 2 (tied), 2 (tied), 4. The group breaks a tie that matters (the guide says how)."""
    return [(1 + sum(1 for other in dots if other > count), dots.count(count) > 1) for count in dots]


def place_words(place: int, tied: bool) -> str:
    """"2." or, shared, "tied for place 2" ("gedeeld 2e")."""
    return _("tied for place {place}").format(place=place) if tied else f"{place}."


def _vote_lines(view: SessionView, step: Step) -> list[SummaryLine]:
    ranked = [(c, dots) for c, dots in view.ranking(step.id) if dots > 0]
    shown = zip(ranked, places([dots for _c, dots in ranked]), strict=True)
    return [SummaryLine(c.text, c.partner, status=ngettext("{count} dot", "{count} dots", dots).format(count=dots)
                        + (" · " + place_words(place, tied) if tied else ""))
            for (c, dots), (place, tied) in list(shown)[:VOTE_TOP]]


def _scale_lines(view: SessionView, step: Step) -> list[SummaryLine]:
    lines: list[SummaryLine] = []
    for item in step.items:
        spread = view.spread(step.id, item.id)
        if spread is None:
            continue
        scores = ", ".join(f"{who} {c.value}" for who, c in view.scores(step.id, item.id).items()) \
            if names_beside_scores(view, step) else ""  # read out to the room: names only where the guide asks
        status = _("mean {mean}, range {low}–{high}").format(mean=number(spread.mean), low=spread.low,
                                                               high=spread.high)
        line = SummaryLine(view.text(item.text), scores, status=status)
        if item.id == THRESHOLD_ITEM:  # the key question leads, and says that it is the one
            lines.insert(0, SummaryLine(line.text, line.who, status=_("key question") + "; " + status))
        else:
            lines.append(line)
    return lines


def _review_lines(view: SessionView, step: Step) -> list[SummaryLine]:
    reviews = view.reviews(step.id)
    set_here = consents_set(view)
    lines = []
    for action in view.carried:
        text, status = review_words(view, action, reviews, set_here)
        lines.append(SummaryLine(text, action.who, action.when, status))
    return lines


def consents_set(view: SessionView) -> dict[tuple[str, str], tuple[str, str]]:
    """(partner, body name) → (status, step id) of every consent status set in this session's own
    consent steps: the latest word on that body, above what was carried in and the review."""
    found = {}
    for step in view.steps:
        if step.kind is PromptKind.CONSENT:
            bodies = {body.id: view.text(body.text) for body in step.bodies}
            for (partner, body), c in view.consents(step.id).items():
                found[(partner, bodies.get(body, body))] = (str(c.value), step.id)
    return found


def review_words(view: SessionView, action, reviews: dict[str, str],
                 set_here: dict[tuple[str, str], tuple[str, str]]) -> tuple[str, str]:
    """A carried item as the review shows it: its words and where it stands. A consent carried
    as "Cliëntenraad: to request" and set again in this session's consent step reads as that
    step set it ("Cliëntenraad: consent given", updated under ‘Advice and consent’), whatever
    the review said: one status per body in every part of the papers."""
    if action.kind == "consent":
        body = action.text.rpartition(": ")[0] or action.text
        if (now := set_here.get((action.who, body))) is not None:
            status, step_id = now
            return (f"{body}: {consent_label(status)}",
                    _("updated under ‘{step}’").format(step=view.text(view.step(step_id).title)))
    return action.text, review_label(reviews[action.uid]) if action.uid in reviews else _("not reviewed")


_LINES = {
    PromptKind.STATEMENT: _statement_lines,
    PromptKind.ASSIGN: _assign_lines,
    PromptKind.CONSENT: _consent_lines,
    PromptKind.CHOICE: _choice_lines,
    PromptKind.VOTE: _vote_lines,
    PromptKind.SCALE: _scale_lines,
    PromptKind.REVIEW: _review_lines,
}
