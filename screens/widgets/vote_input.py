"""Vote steps: dots per partner over an earlier step's contributions; the result is a ranking."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from screens.commands import bindings
from screens.text import literal, one_line
from screens.widgets.base import PromptInput
from screens.widgets.grid import Grid, away_notice
from screens.widgets.room import RoomBoard
from workshop.core.outcomes.attendance import away, word as attendance_word
from workshop.core.outcomes.summary import place_words, places
from workshop.core.session.changes import Vote
from workshop.core.text.i18n import N_, _
from workshop.core.typed.attribution import cards_of, column_headings


class VoteInput(PromptInput):
    FOCUS = "Grid"
    HELP_TITLE = N_("Vote step")

    PLACE = "vote"
    BINDINGS = bindings("vote")

    def compose(self) -> ComposeResult:
        yield Static(Text(_("Move to a partner's column; + adds a dot, - takes one back"), style="italic"),
                     classes="legend")
        yield Grid(id="dots")
        yield RoomBoard(self.view, self.step, classes="room")
        yield Static(id="ranking", classes="detail")

    def on_mount(self) -> None:
        self.query_one(Grid).fixed_columns = 2  # the contribution and its total stay while partners scroll
        self.show(self.view)

    def show(self, view) -> None:
        super().show(view)
        if self.is_mounted:
            self.query_one(RoomBoard).show(view)
        step = self.step
        columns: list[tuple[str, Text | str]] = [("item", _("Contribution")), ("total", _("Total"))]
        cards = cards_of(view.meta)
        for partner, heading in column_headings(view.partners).items():
            left = view.dots_left(step.id, partner)
            heading = cards[partner].short if cards.get(partner) and cards[partner].short else heading
            columns.append((partner, Text.assemble(literal(one_line(heading, 12)), f" ({left})")))
        totals = view.dots(step.id)
        per_partner = {p: view.dots(step.id, p) for p in view.partners}
        gone = away(view)  # an absent or excused partner gives no dots
        rows = []
        for c in view.contributions(step.source):
            cells: list[Text | str] = [literal(one_line(c.text, 30)),
                                       Text(str(totals.get(c.uid, 0)), justify="right", style="bold")]
            for partner in view.partners:
                count = per_partner[partner].get(c.uid, 0)
                if partner in gone and not count:
                    cells.append(Text(attendance_word(gone[partner]), justify="center", style="dim italic"))
                    continue
                cells.append(Text("●" * count if count else "·", justify="center"))
            rows.append((c.uid, cells))
        self.query_one(Grid).fill(columns, rows, first_column=2, away=gone)
        ranking = Text(_("Ranking"), style="bold")
        if not rows:
            ranking = Text(_("The step being voted on has no contributions yet."), style="italic")
        voted = [r for r in view.ranking(step.id) if r[1]]
        for (c, dots), (place, tied) in list(zip(voted, places([d for _c, d in voted]), strict=True))[:5]:
            ranking.append(f"\n{place_words(place, tied)} ", style="bold yellow" if tied else "")
            ranking.append(literal(one_line(c.text, 100)))
            ranking.append(f"  ({dots})", style="bold")
        self.query_one("#ranking", Static).update(ranking)

    def on_data_table_cell_selected(self, event: Grid.CellSelected) -> None:
        event.stop()
        self.action_dot(1)

    def action_dot(self, change: int) -> None:
        grid = self.query_one(Grid)
        if (place := grid.to_fill()) is None:
            if grid.on_a_name():  # the key did nothing else: say where dots go
                self.notify(_("Dots go in a partner's column: Home or → goes there."), severity="warning")
            elif (status := grid.away_here()) and (here := grid.here()):
                self.notify(away_notice(status, here[1]), severity="warning")
            return
        self.want(Vote(self.step.id, place[0], place[1], change))
