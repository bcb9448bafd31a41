"""Review steps: what was carried over from last time, each marked done, still open or dropped."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screens.commands import bindings
from screens.text import literal
from screens.widgets.base import PromptInput
from workshop.summary import review_label
from workshop.i18n import N_, _
from workshop.model import ReviewStatus
from workshop.session.changes import Mark

ORDER = list(ReviewStatus)
MARKS = {ReviewStatus.DONE: "✔", ReviewStatus.OPEN: "…", ReviewStatus.DROPPED: "✘"}


class ReviewInput(PromptInput):
    FOCUS = "OptionList"
    HELP_TITLE = N_("Review step")

    PLACE = "review"
    BINDINGS = bindings("review")

    def compose(self) -> ComposeResult:
        yield Static(Text(_("d done · o still open · x dropped · space or Enter: next status"), style="italic"),
                     classes="legend")
        yield OptionList(id="carried", classes="options")

    def on_mount(self) -> None:
        self.show(self.view)

    def show(self, view) -> None:
        super().show(view)
        reviews = view.reviews(self.step.id)
        options = []
        for action in view.carried:
            status = reviews.get(action.uid, "")
            line = Text(f"{MARKS.get(status, '○')} ", style="bold")
            line.append(literal(action.text))
            details = " · ".join(part for part in (action.who, action.when) if part)
            if details:
                line.append("  ")
                line.append(literal(details, style="dim"))
            line.append(f"  [{review_label(status)}]" if status else "  [" + _("not reviewed yet") + "]",
                        style="bold" if status else "italic")
            options.append(Option(line, id=action.uid))
        if not options:
            options = [Option(Text(_("Nothing was carried over from an earlier session; skip this step."),
                                   style="italic"), disabled=True)]
        listing = self.query_one(OptionList)
        keep = listing.highlighted
        listing.set_options(options)
        listing.highlighted = min(keep, len(options) - 1) if keep is not None else 0

    def _chosen(self) -> str | None:
        option = self.query_one(OptionList).highlighted_option
        return option.id if option is not None and not option.disabled else None

    def action_mark(self, status: str) -> None:
        if (uid := self._chosen()) is not None:
            self.want(Mark(self.step.id, uid, status))
            self.query_one(OptionList).action_cursor_down()  # on to the next, as a scale's digits do

    def action_cycle(self) -> None:
        if (uid := self._chosen()) is not None:
            current = self.view.reviews(self.step.id).get(uid, "")
            index = ORDER.index(ReviewStatus(current)) + 1 if current in ORDER else 0
            self.want(Mark(self.step.id, uid, ORDER[index % len(ORDER)].value))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_cycle()
