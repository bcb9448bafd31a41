"""A table with a cell cursor that keeps its place when it is redrawn."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from workshop.core.text.i18n import _


def away_notice(status: str, who: str) -> str:
    """Why a key did nothing in the column of someone away."""
    words = (_("{who} is marked absent: nothing to fill in (the attendance list in the agenda changes that).")
             if status == "absent" else
             _("{who} is marked excused: nothing to fill in (the attendance list in the agenda changes that)."))
    return words.format(who=who)


class Grid(DataTable):
    """Rows and columns with keys; `fill` redraws everything and keeps the cursor."""

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="cell", zebra_stripes=True, **kwargs)
        self.away: dict[str, str] = {}  # column key → absent/excused: a partner (or person) not at the table
        self._keys: list[str] = []

    first_column = 1  # the first column there is something to give in (the ones before it name the row)

    def fill(self, columns: Sequence[tuple[str, Text | str]], rows: Sequence[tuple[str, Sequence[Text | str]]],
             first_column: int = 1, away: dict[str, str] | None = None) -> None:
        """Draw the rows; the columns in `away` are there to read, not to fill."""
        self.first_column = first_column
        self.away = dict(away or {})
        self._keys = [key for key, _label in columns]
        if self._same_shape(columns, rows):
            for row_key, cells in rows:
                for (column_key, _label), cell in zip(columns, cells):
                    if str(self.get_cell(row_key, column_key)) != str(cell):
                        self.update_cell(row_key, column_key, cell)
            return
        self._shape = ([(key, str(label)) for key, label in columns], [key for key, _cells in rows])
        place = self.cursor_coordinate
        self.clear(columns=True)
        for key, label in columns:
            self.add_column(label, key=key)
        for key, cells in rows:
            self.add_row(*cells, key=key, height=None)
        if self.row_count:
            row = min(place.row, self.row_count - 1)
            column = max(first_column, min(place.column, len(columns) - 1))
            if column == first_column:  # at the start: the first column someone at the table fills
                column = self.first_to_fill()
            self.cursor_coordinate = Coordinate(row, column)
            # Textual measures the new columns when it is idle; a header drawn before that keeps
            # its labels' widths. Setting a cell again, once drawn, has it drawn anew at the
            # measured widths.
            first_row, first_column_key = rows[0][0], columns[0][0]

            def measured() -> None:
                if self.is_mounted:
                    self.update_cell(first_row, first_column_key, self.get_cell(first_row, first_column_key),
                                     update_width=True)

            self.call_after_refresh(measured)

    def action_scroll_home(self) -> None:
        """Home goes to the first cell to fill in, not to the row's name (nor a column of someone
        away), where keys do nothing."""
        if self.row_count:
            self.move_cursor(column=self.first_to_fill())

    def first_to_fill(self) -> int:
        """The first column to fill in: past the row's names and those away."""
        keys = self._keys
        column = self.first_column
        while column < len(keys) - 1 and keys[column] in self.away:
            column += 1
        return min(column, max(0, len(self.columns) - 1))

    def _same_shape(self, columns, rows) -> bool:
        shape = getattr(self, "_shape", None)
        return shape == ([(key, str(label)) for key, label in columns], [key for key, _cells in rows])

    def here(self) -> tuple[str, str] | None:
        """(row key, column key) under the cursor."""
        if not self.row_count:
            return None
        row_key, column_key = self.coordinate_to_cell_key(self.cursor_coordinate)
        return str(row_key.value), str(column_key.value)

    def on_a_name(self) -> bool:
        """Whether the cursor is on a column that names the row (a statement, its mean, a total)."""
        return bool(self.row_count) and self.cursor_coordinate.column < self.first_column

    def away_here(self) -> str:
        """absent/excused when the cursor is in the column of someone away, else ""."""
        place = None if self.on_a_name() else self.here()
        return self.away.get(place[1], "") if place is not None else ""

    def to_fill(self) -> tuple[str, str] | None:
        """(row key, column key) of the cell under the cursor, when it is one to fill in."""
        return None if self.on_a_name() or self.away_here() else self.here()
