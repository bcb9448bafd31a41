"""Scale steps: each partner (or participant) scores several items; the spread shows the differences."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from screens.commands import bindings
from screens.text import literal, one_line
from screens.widgets.base import PromptInput
from screens.widgets.grid import Grid, away_notice
from screens.widgets.room import RoomBoard, seated
from screens.widgets.steady import update_steadily
from workshop.core.outcomes.attendance import away_columns, word as attendance_word
from workshop.core.session.changes import Change, ClearScore, Score
from workshop.core.steps.dependence import asks_dependence, is_partner_item, own_partner
from workshop.core.text.i18n import N_, _, number
from workshop.core.typed.attribution import cards_of, column_headings
from workshop.present.dependence import one_sided_block
from workshop.present.room import distribution, expected, group_words, hidden_line, item_scores, summary_line

FIXED = 3  # columns that never scroll away: the statement, its mean and its spread
PHONE_CELL = N_("{who} scored this on a phone: Delete clears it, Enter changes it on purpose.")



class ScaleInput(PromptInput):
    FOCUS = "Grid"
    HELP_TITLE = N_("Scale step")

    PLACE = "scale"
    BINDINGS = bindings("scale")

    def compose(self) -> ComposeResult:
        scale = self.step.scale
        low, high = self.text_of(scale.low), self.text_of(scale.high)
        legend = _("Score {low}–{high} in a cell").format(low=scale.min, high=scale.max)
        if scale.max >= 10:
            legend += " " + _("(two digits in a row for {high})").format(high=scale.max)
        if low or high:
            legend += f"  ({scale.min} = {low}, {scale.max} = {high})"
        yield Static(literal(legend, style="italic"), classes="legend")  # holds guide text
        yield Grid(id="scores")
        if asks_dependence(self.step):
            yield Static(id="pairs", classes="pairs")
        yield RoomBoard(self.view, self.step, classes="room")
        yield Static(id="detail", classes="detail")

    def whos(self) -> list[tuple[str, str]]:
        """(key, column heading): a partner's short name when it has one, so more columns fit."""
        if self.view.scored_by(self.step) == "participant":
            return [(p.name, p.name) for p in self.view.participants]
        cards = cards_of(self.view.meta)
        return [(p, cards[p].short if cards.get(p) and cards[p].short else heading)
                for p, heading in column_headings(self.view.partners).items()]

    def on_mount(self) -> None:
        grid = self.query_one(Grid)
        grid.fixed_columns = FIXED  # the statement, mean and spread stay while partners scroll
        self.show(self.view)
        if (place := grid.here()) is not None and not self.to_score(*place):
            self.advance()  # a dependence grid (or one whose first partner is away) starts on the first cell to score

    def show(self, view) -> None:
        super().show(view)
        if self.is_mounted:
            self.query_one(RoomBoard).show(view)
        whos = self.whos()
        wide = self.app.size.width >= 120
        first = _("Depends on") if asks_dependence(self.step) else _("Statement")  # row: on whom; column: who
        columns: list[tuple[str, Text | str]] = [("item", first), ("mean", _("avg")), ("spread", _("range"))]
        columns += [(key, literal(one_line(label, 14 if wide else 10))) for key, label in whos]
        rows = []
        hidden = view.hidden(self.step.id)  # a blind scale: scores show as ● until the reveal
        away = away_columns(view, self.step)
        for item in self.step.items:
            scores = view.scores(self.step.id, item.id)
            own = self.own_column(item.id)
            spread = None if hidden else view.spread(self.step.id, item.id)
            cells: list[Text | str] = [
                literal(one_line(self.text_of(item.text), 34 if wide else 28)),
                Text(number(spread.mean) if spread else "", justify="right", style="bold"),
                Text(f"{spread.low}–{spread.high}" if spread else "", justify="center"),
            ]
            for key, _label in whos:
                given = scores.get(key)
                if key in own and given is None:  # a partner does not score its own organisation
                    cells.append(Text("—", justify="center", style="dim"))
                    continue
                if key in away and given is None:  # not at the table: nothing to fill in
                    cells.append(Text(attendance_word(away[key]), justify="center", style="dim italic"))
                    continue
                cell = Text(("●" if hidden else str(given.value)) if given else "·", justify="center")
                if given and given.text:
                    cell.append("*")
                cells.append(cell)
            rows.append((item.id, cells))
        self.query_one(Grid).fill(columns, rows, first_column=FIXED, away=away)
        self.show_detail()
        self.show_pairs()

    def own_column(self, item_id: str) -> set[str]:
        """The columns that are the partner an item of a dependence grid is about: not applicable."""
        item = next((i for i in self.step.items if i.id == item_id), None)
        if item is None or not is_partner_item(item):
            return set()
        partner = own_partner(item, self.view.lang)
        if self.view.scored_by(self.step) == "participant":
            return {p.name for p in self.view.participants if p.partner == partner}
        return {partner}

    def on_resize(self) -> None:
        self.show_pairs()  # the lines fit the width they have

    def show_pairs(self) -> None:
        """Under a dependence grid: the one-sided pairs so far (the room view draws them itself)."""
        if not asks_dependence(self.step) or not self.is_mounted:
            return
        limit = 3 if self.app.size.height < 30 else 6
        width = self.size.width - 2 if self.size.width else self.app.size.width - 4
        self.query_one("#pairs", Static).update(one_sided_block(self.view, self.step, width, limit))

    def show_detail(self) -> None:
        grid = self.query_one(Grid)
        if (place := grid.here()) is None:
            return
        item_id, column = place
        wide = self.app.size.width >= 120
        scores = item_scores(self.view, self.step, item_id)
        detail = literal(scores.text, style="bold")
        detail.append("\n")
        if self.view.hidden(self.step.id):
            detail.append_text(hidden_line(scores, expected(self.view, self.step, seated(self.screen))))
            update_steadily(self.query_one("#detail", Static), detail)
            return
        detail.append_text(distribution(scores, 50 if wide else 40))
        detail.append_text(summary_line(scores, expected(self.view, self.step, seated(self.screen)), short=not wide))
        if not grid.on_a_name():
            given = self.view.scores(self.step.id, item_id).get(column)
            detail.append("\n")
            detail.append_text(literal(column, style="bold reverse"))
            status = grid.away.get(column, "")
            if given is not None:
                detail.append(f" {given.value}", style="bold")
                if given.text:
                    detail.append(": ")
                    detail.append_text(literal(given.text, limit=200))
                if given.device:
                    detail.append(" · " + _("from a phone: typing passes it by"), style="dim")
            if status:
                detail.append(" " + (_("absent") if status == "absent" else _("excused (with notice)")), style="italic")
                if given is not None:
                    detail.append(" · " + _("a score given before the attendance was marked: Delete clears it"),
                                  style="dim")
        if scores.groups:
            detail.append("\n")
            for group, mean in scores.groups.items():
                detail.append_text(literal(group, style="dim"))
                detail.append(f" {group_words(mean)}  ", style="bold")
        update_steadily(self.query_one("#detail", Static), detail)

    def on_data_table_cell_highlighted(self, event: Grid.CellHighlighted) -> None:
        self.show_detail()

    def on_data_table_cell_selected(self, event: Grid.CellSelected) -> None:
        event.stop()
        self.action_comment()

    def _target(self, say: bool = False) -> tuple[str, str] | None:
        """The cell to score; `say`: on a statement, mean or range, tell where scores go (the key
        did nothing else, and silence at the projector looks like a lost score)."""
        grid = self.query_one(Grid)
        if (place := grid.to_fill()) is None:
            if say and grid.on_a_name():
                self.notify(_("Scores go in the columns of who gives them: Home or → goes there."),
                            severity="warning")
            elif say and (status := grid.away_here()) and (here := grid.here()):
                self.notify(away_notice(status, here[1]), severity="warning")
            return None
        return place

    def from_phone(self, item_id: str, who: str) -> bool:
        """Whether this cell holds a score a phone gave: typing passes it by, a digit leaves it."""
        given = self.view.scores(self.step.id, item_id).get(who)
        return bool(given is not None and given.device)

    SECOND_DIGIT_WAIT = 0.8  # seconds a first digit waits for a second one on a scale to 10 or more
    first_digit: tuple[int, tuple[str, str]] | None = None
    first_digit_timer = None

    def action_score(self, digit: int) -> None:
        """A digit scores the cell. On a scale reaching 10 or more, a digit that can begin a
        two-digit score waits a moment for the second one: 1 then 0 is 10, 1 alone is 1."""
        target = self._target(say=True)
        if target is None:
            return
        if self.first_digit is None and self.from_phone(*target):
            self.notify(_(PHONE_CELL).format(who=target[1]), severity="warning")
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
        if target[1] in self.own_column(target[0]):
            self.notify(_("A partner does not score its own organisation."), severity="warning")
            self.advance()
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
        if (target := self._target(say=True)) is None:
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
        """Clear the score under the cursor (also one given before its partner was marked away)."""
        grid = self.query_one(Grid)
        if not grid.on_a_name() and (target := grid.here()) is not None:
            self.want(ClearScore(self.step.id, *target))

    def advance(self) -> None:
        """After a score, move to the next partner (then the next item), past a partner's own cell
        and past those absent or excused."""
        grid = self.query_one(Grid)
        row, column = grid.cursor_coordinate
        whos = [key for key, _label in self.whos()]
        last = len(whos) + FIXED - 1
        while True:
            if column < last:
                column += 1
            elif row + 1 < grid.row_count:
                row, column = row + 1, FIXED
            else:
                return
            item_id = self.step.items[row].id if row < len(self.step.items) else ""
            if self.to_score(item_id, whos[column - FIXED]):
                grid.move_cursor(row=row, column=column)
                return

    def to_score(self, item_id: str, who: str) -> bool:
        """Whether the typing order stops at this cell: not a partner's own, not someone away,
        not a score a phone gave (paper scores typed in a row never land on it)."""
        return (who not in self.own_column(item_id) and who not in self.query_one(Grid).away
                and not self.from_phone(item_id, who))
