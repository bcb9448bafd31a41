"""The facilitator's word on pain points from the compare screen.

`MatchesDialog` lists the suggested matches (y confirms, n rejects), the links made before,
each with what it links to (u undoes it), and the points no longer mentioned or marked solved
(s: the group calls it solved, or takes that back). `LinkPainsDialog` links two pain points by hand: a
newer one, then the earlier one it is the same as."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from screens.commands import bindings
from screens.text import literal, one_line
from workshop.core.compare import Comparison
from workshop.core.text.i18n import _, day

Intent = tuple[str, str, str]  # ("link" | "not_same" | "unlink" | "solved" | "unsolved", uid, uid)


def _line(mark: str, later: str, earlier: str, date: str) -> Text:
    text = Text(f"{mark} ", style="bold")
    text.append(literal(one_line(later, 70)))
    text.append("\n    ")
    text.append(literal(one_line(earlier, 70), style="italic"))
    text.append(f"  ({date})", style="dim")
    return text


def match_options(comparison: Comparison) -> tuple[list[Option], dict[str, Intent]]:
    """Suggestions ("?") and links ("="), newest session first, with the pair each stands for."""
    options: list[Option] = []
    pairs: dict[str, Intent] = {}
    for pain_round in reversed(comparison.pains):
        for number, suggestion in enumerate(pain_round.suggestions):
            key = f"s{pain_round.session}-{number}"
            when = day(comparison.session(suggestion.earlier.session).date)
            options.append(Option(_line("?", suggestion.point.text, _("reads like: ") + suggestion.earlier.text,
                                        when), id=key))
            pairs[key] = ("suggestion", suggestion.point.uid, suggestion.earlier.uid)
        for point in pain_round.recurring + pain_round.returned:
            if point.link and point.earlier is not None:
                key = f"l{point.uid}"
                when = day(comparison.session(point.earlier.session).date)
                options.append(Option(_line("=", point.text, _("linked to: ") + point.earlier.text, when), id=key))
                pairs[key] = ("link", point.link[0], point.link[1])
    latest = comparison.pains[-1] if comparison.pains else None
    if latest is not None:  # only the newest round: what the group can say about it now
        for mark, kind, points in (("–", "gone", latest.gone), ("✓", "solved", latest.solved)):
            for point in points:
                label = _("no longer mentioned") if kind == "gone" else _("solved")
                options.append(Option(_line(mark, point.text, label, day(comparison.session(point.since).date)),
                                      id=f"{kind}{point.uid}"))
                pairs[f"{kind}{point.uid}"] = (kind, point.uid, "")
    return options, pairs


class MatchesDialog(ModalScreen[Intent | None]):
    """Suggested matches to confirm or reject, and links to undo; one key each."""

    PLACE = "compare_matches"
    BINDINGS = bindings("compare_matches")

    def __init__(self, options: list[Option], pairs: dict[str, Intent]) -> None:
        super().__init__()
        self.options, self.pairs = options, pairs

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pain-matches"):
            yield Label(Text(_("Pain points that may be the same"), style="bold"), classes="dialog-title")
            yield OptionList(*self.options, id="matches", markup=False)
            yield Label(Text(_("? a suggestion: y confirms, n rejects · = a link: u undoes it · – ✓ s: solved or not · "
                               "Escape closes"),
                             style="dim"))

    def on_mount(self) -> None:
        matches = self.query_one("#matches", OptionList)
        matches.highlighted = 0
        matches.focus()

    def action_decide(self, verb: str) -> None:
        matches = self.query_one("#matches", OptionList)
        if matches.highlighted is None:
            return
        kind, first, second = self.pairs[matches.get_option_at_index(matches.highlighted).id or ""]
        allowed = {"suggestion": ("link", "not_same"), "link": ("unlink", "not_same"),
                   "gone": ("solved",), "solved": ("solved",)}[kind]
        if verb not in allowed:
            self.notify(_("y and n answer a suggestion (?); u undoes a link (=); s marks a point solved (– ✓)."),
                        markup=False)
            return
        if kind == "solved":
            verb = "unsolved"
        self.dismiss((verb, first, second))

    def action_cancel(self) -> None:
        self.dismiss(None)


class LinkPainsDialog(ModalScreen[tuple[str, str] | None]):
    """Pick a newer pain point, then the earlier one it is the same as."""

    PLACE = "compare_link"
    BINDINGS = bindings("compare_link")

    def __init__(self, later: list[Option], earlier: list[Option]) -> None:
        super().__init__()
        self.later, self.earlier = later, earlier

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="link-pains"):
            yield Label(Text(_("Link two pain points as the same"), style="bold"), classes="dialog-title")
            yield Label(Text(_("A pain point raised later:")))
            yield OptionList(*self.later, id="later", markup=False)
            yield Label(Text(_("is the same as this earlier one:")))
            yield OptionList(*self.earlier, id="earlier", markup=False)
            yield Label(Text(_("Tab switches lists · Enter or ctrl+s links · Escape cancels"), style="dim"))

    def on_mount(self) -> None:
        for option_list in self.query(OptionList):
            option_list.highlighted = 0
        self.query_one("#later").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "later":
            self.query_one("#earlier").focus()
        else:
            self.action_link()

    def action_link(self) -> None:
        later, earlier = self.query_one("#later", OptionList), self.query_one("#earlier", OptionList)
        if later.highlighted is None or earlier.highlighted is None:
            return
        pair = later.get_option_at_index(later.highlighted).id, earlier.get_option_at_index(earlier.highlighted).id
        if pair[0] is not None and pair[1] is not None:  # every option here has its uid as id
            self.dismiss((pair[0], pair[1]))

    def action_cancel(self) -> None:
        self.dismiss(None)
