"""Scale steps: each partner (or participant) scores several items; the spread shows the differences."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from screens.commands import bindings
from screens.text import literal, one_line
from screens.widgets.base import PromptInput
from screens.widgets.grid import Grid
from workshop.i18n import N_, _, number
from workshop.session.changes import Change, ClearScore, Score


class ScaleInput(PromptInput):
    FOCUS = "Grid"
    HELP_TITLE = N_("Scale step")

    PLACE = "scale"
    BINDINGS = bindings("scale")

    def compose(self) -> ComposeResult:
        scale = self.step.scale
        low, high = self.text_of(scale.low), self.text_of(scale.high)
        legend = _("Type a score from {low} to {high} in a cell").format(low=scale.min, high=scale.max)
        if scale.max >= 10:
            legend += " " + _("(two digits in a row for {high})").format(high=scale.max)
        if low or high:
            legend += f"  ({scale.min} = {low}, {scale.max} = {high})"
        yield Static(literal(legend, style="italic"), classes="legend")  # holds guide text
        yield Grid(id="scores")
        yield Static(id="detail", classes="detail")

    def whos(self) -> list[tuple[str, str]]:
        if self.step.per == "participant":
            return [(p.name, p.name) for p in self.view.participants]
        return [(p, p) for p in self.view.partners]

    def on_mount(self) -> None:
        self.show(self.view)

    def show(self, view) -> None:
        super().show(view)
        whos = self.whos()
        columns = [("item", _("Statement"))] + [(key, literal(label, limit=24)) for key, label in whos]
        columns.append(("spread", _("Spread")))
        rows = []
        for item in self.step.items:
            scores = view.scores(self.step.id, item.id)
            cells: list[Text | str] = [literal(one_line(self.text_of(item.text), 30))]
            for key, _label in whos:
                given = scores.get(key)
                cell = Text(str(given.value) if given else "·", justify="center")
                if given and given.text:
                    cell.append("*")
                cells.append(cell)
            spread = view.spread(self.step.id, item.id)
            cells.append(_("{low}–{high}, avg {mean}").format(low=spread.low, high=spread.high,
                                                               mean=number(spread.mean)) if spread else "")
            rows.append((item.id, cells))
        self.query_one(Grid).fill(columns, rows)
        self.show_detail()

    def show_detail(self) -> None:
        place = self.query_one(Grid).here()
        if place is None:
            return
        item_id, _column = place
        item = next(i for i in self.step.items if i.id == item_id)
        detail = Text(self.text_of(item.text), style="bold")
        for who, given in self.view.scores(self.step.id, item_id).items():
            if given.text:
                detail.append("\n")
                detail.append(literal(f"{who} ({given.value}): ", style="bold"))
                detail.append(literal(given.text, limit=300))
        self.query_one("#detail", Static).update(detail)

    def on_data_table_cell_highlighted(self, event: Grid.CellHighlighted) -> None:
        self.show_detail()

    def on_data_table_cell_selected(self, event: Grid.CellSelected) -> None:
        event.stop()
        self.action_comment()

    def _target(self) -> tuple[str, str] | None:
        place = self.query_one(Grid).here()
        if place is None or place[1] in ("item", "spread"):
            return None
        return place

    SECOND_DIGIT_WAIT = 0.8  # seconds a first digit waits for a second one on a scale to 10 or more
    first_digit: tuple[int, tuple[str, str]] | None = None
    first_digit_timer = None

    def action_score(self, digit: int) -> None:
        """A digit scores the cell. On a scale reaching 10 or more, a digit that can begin a
        two-digit score waits a moment for the second one: 1 then 0 is 10, 1 alone is 1."""
        target = self._target()
        if target is None:
            return
        scale = self.step.scale
        if self.first_digit is not None:
            first, first_target = self.first_digit
            self._stop_waiting()
            if first_target == target and first * 10 + digit <= scale.max:
                self.give(target, first * 10 + digit)
                return
            self.give(first_target, first)
            target = self._target() or target
        if scale.max >= 10 and 0 < digit and digit * 10 <= scale.max:
            self.first_digit = (digit, target)
            self.first_digit_timer = self.set_timer(self.SECOND_DIGIT_WAIT, self._score_first_digit)
            return
        self.give(target, digit)

    def give(self, target: tuple[str, str], value: int) -> None:
        """Ask the screen to save a score, and move on to the next cell now, not after the save:
        digits typed in quick succession each land in their own cell."""
        if (refused := self.step.scale.refuses(value)) is not None:
            self.notify(refused, severity="error")
            return
        self.want(Score(self.step.id, target[0], target[1], value))
        if self._target() == target:
            self.advance()

    def _score_first_digit(self) -> None:
        if self.first_digit is not None:
            digit, target = self.first_digit
            self._stop_waiting()
            self.give(target, digit)

    def _stop_waiting(self) -> None:
        self.first_digit = None
        if self.first_digit_timer is not None:
            self.first_digit_timer.stop()
            self.first_digit_timer = None

    def action_comment(self) -> None:
        if (target := self._target()) is None:
            return
        item, who = target
        given = self.view.scores(self.step.id, item).get(who)
        start = f"{given.value} {given.text}".strip() if given else ""

        def change_for(answer: str) -> Change | None:
            if not answer.strip():
                return None
            number, _space, comment = answer.strip().partition(" ")
            try:
                value = int(number)
            except ValueError:
                raise ValueError(_("Start with the score, e.g. '4 we listen better now'.")) from None
            return Score(self.step.id, item, who, value, comment.strip())

        self.post_message(self.Asks(_("Score for {who}, then a comment if you like").format(who=who), start,
                                    change_for, placeholder="4 …"))

    def action_clear(self) -> None:
        if (target := self._target()) is not None:
            self.want(ClearScore(self.step.id, *target))

    def advance(self) -> None:
        """After a score, move to the next partner (then the next item)."""
        grid = self.query_one(Grid)
        row, column = grid.cursor_coordinate
        last = len(self.whos())
        if column < last:
            grid.move_cursor(column=column + 1)
        elif row + 1 < grid.row_count:
            grid.move_cursor(row=row + 1, column=1)
