"""Review steps: what was carried over from last time, each marked done, still open or dropped."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screens.commands import bindings
from screens.text import literal
from screens.widgets.base import PromptInput
from workshop.core.machine import clock
from workshop.core.model import PILOT_FOR, ROLE_FOR, PilotStatus, ReviewStatus, RoleStatus, review_choices
from workshop.core.outcomes.carry import late_first
from workshop.core.outcomes.summary import review_label
from workshop.core.session.changes import Mark
from workshop.core.text.i18n import N_, _, day, ngettext

ORDER = list(ReviewStatus)


def _today(session_date: str) -> date:
    """Late counts from the meeting's own date (a session prepared ahead, or opened again later)."""
    try:
        return date.fromisoformat(session_date)
    except ValueError:
        return clock.today()

MARKS: dict[str, str] = {ReviewStatus.DONE: "✔", ReviewStatus.OPEN: "…", ReviewStatus.DROPPED: "✘",
                         PilotStatus.RUNNING: "…", PilotStatus.ADJUSTED: "↻", PilotStatus.FINISHED: "✔",
                         PilotStatus.STOPPED: "✘", RoleStatus.VALID: "✔", RoleStatus.CHANGED: "↻",
                         RoleStatus.LAPSED: "✘"}
# A pilot is reviewed as a learning cycle: the same keys, its own statuses (a is only for a pilot).
PILOT_KEYS = {**PILOT_FOR, PilotStatus.ADJUSTED: PilotStatus.ADJUSTED}


class ReviewInput(PromptInput):
    FOCUS = "OptionList"
    HELP_TITLE = N_("Review step")

    PLACE = "review"
    BINDINGS = bindings("review")

    def compose(self) -> ComposeResult:
        yield Static(Text(_("d done · o still open · x dropped · space or Enter: next status. "
                            "A pilot: d finished · o running · a adjusted · x stopped. "
                            "A role: d still valid · a changed · x lapsed"), style="italic"),
                     classes="legend")
        yield OptionList(id="carried", classes="options")

    def on_mount(self) -> None:
        self.show(self.view)

    def show(self, view) -> None:
        super().show(view)
        reviews = view.reviews(self.step.id)
        # What is late comes first, grouped by owner (the longest overdue first): a short check
        # between big sessions must not spend its minutes on what was done long ago.
        # The order stays put while the group marks items (a marked item does not jump away).
        late, rest = late_first(view.carried, _today(view.date))
        options: list[Option] = []
        for owner, items in late:
            heading = ngettext("{owner}: {count} late", "{owner}: {count} late", len(items)).format(
                owner=owner or _("no owner"), count=len(items))
            options.append(Option(Text("⚠ ", style="bold") + literal(heading, style="bold"), disabled=True))
            options += [self._line(action, reviews.get(action.uid, ""), days) for action, days in items]
        if late and rest:
            options.append(Option(Text(_("The rest"), style="bold"), disabled=True))
        options += [self._line(action, reviews.get(action.uid, "")) for action in rest]
        if not options:
            options = [Option(Text(_("Nothing was carried over from an earlier session; skip this step."),
                                   style="italic"), disabled=True)]
        listing = self.query_one(OptionList)
        keep = listing.highlighted
        listing.set_options(options)
        listing.highlighted = min(keep, len(options) - 1) if keep is not None else None
        if listing.highlighted is None or listing.highlighted_option is None or listing.highlighted_option.disabled:
            listing.action_cursor_down()

    def _line(self, action, status: str, days_late: int = 0) -> Option:
        line = Text(f"{MARKS.get(status, '○')} ", style="bold")
        if action.kind == "role" and not status:
            line.append(_("Still valid? "), style="italic")
        line.append(literal(action.text))
        details = " · ".join(part for part in (action.who, day(action.when) if action.when else "") if part)
        if details:
            line.append("  ")
            line.append(literal(details, style="dim"))
        if days_late and status not in (ReviewStatus.DONE, ReviewStatus.DROPPED):
            late = ngettext("{count} day late", "{count} days late", days_late).format(count=days_late)
            line.append(f"  {late}", style="bold red")
        line.append(f"  [{review_label(status)}]" if status else "  [" + _("not reviewed yet") + "]",
                    style="bold" if status else "italic")
        return Option(line, id=action.uid)

    def _chosen(self) -> str | None:
        option = self.query_one(OptionList).highlighted_option
        return option.id if option is not None and not option.disabled else None

    def _kind(self, uid: str) -> str:
        return next((a.kind for a in self.view.carried if a.uid == uid), "action")

    def action_mark(self, status: str) -> None:
        if (uid := self._chosen()) is not None:
            if self._kind(uid) == "pilot":
                status = PILOT_KEYS[status]
            elif self._kind(uid) == "role":  # a role is never done: still valid, changed or lapsed
                status = ROLE_FOR[status]
            elif status not in ORDER:  # 'a' (adjusted) is for a pilot only
                return
            self.want(Mark(self.step.id, uid, status))
            self.query_one(OptionList).action_cursor_down()  # on to the next, as a scale's digits do

    def action_cycle(self) -> None:
        if (uid := self._chosen()) is not None:
            current = self.view.reviews(self.step.id).get(uid, "")
            order = list(review_choices(self._kind(uid)))
            index = order.index(current) + 1 if current in order else 0
            self.want(Mark(self.step.id, uid, order[index % len(order)]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_cycle()
