"""The home's list of sessions: a header line and one line per row, with a row cursor.

Only the lines in view are drawn, each once until the list or its look changes. (A DataTable
measures and renders every cell of every row before its first frame, and again when idle: with
200 rows that was the largest cost of opening the home.)
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from screens.commands import bindings
from workshop.core.text.i18n import N_

PADDING = 1  # blank cells either side of a column


@dataclass(frozen=True)
class ListRow:
    key: str
    cells: tuple[Text, ...]


class SessionList(ScrollView, can_focus=True):
    """Rows of pre-formatted cells; the screen reads `cursor_key` and hears `Selected`."""

    COMPONENT_CLASSES = {"session-list--header", "session-list--even-row", "session-list--cursor"}
    DEFAULT_CSS = """
    SessionList {
        background: $surface;
        color: $foreground;
        &:focus { background-tint: $foreground 5%; }
        & > .session-list--header { text-style: bold; background: $panel; color: $foreground; }
        & > .session-list--even-row { background: $surface-lighten-1 50%; }
        &:dark > .session-list--even-row { background: $surface-darken-1 40%; }
        & > .session-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .session-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
    HELP_TITLE = N_("List of sessions")
    PLACE = "sessions"
    BINDINGS = bindings("sessions")

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    @dataclass
    class Selected(Message):
        """Enter was pressed on a row, or the chosen row clicked."""

        key: str

    def __init__(self, *, id: str | None = None) -> None:  # `id`: Textual's name
        super().__init__(id=id)
        self.columns: list[Text] = []
        self.rows: list[ListRow] = []
        self.widths: list[int] = []
        self._lines: dict[tuple[int, bool], Strip] = {}  # (row or -1 the header, under the cursor) -> line
        self._styles: dict[str, Style] = {}  # component class -> its look now

    # --- what the screen uses -------------------------------------------------------------

    def show(self, columns: list[str], rows: list[ListRow]) -> None:
        """Replace the rows; the cursor stays at its place in the list (or on the last row)."""
        self.columns = [Text(label) for label in columns]
        self.rows = rows
        self.widths = [cell_len(label) for label in columns]
        widths = self.widths
        for row in rows:
            for index, cell in enumerate(row.cells):
                width = cell.cell_len
                if width > widths[index]:
                    widths[index] = width
        self._lines.clear()
        self.virtual_size = Size(sum(widths) + 2 * PADDING * len(widths), len(rows) + 1)
        self.cursor = max(0, min(self.cursor, len(rows) - 1))
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def cursor_key(self) -> str | None:
        return self.rows[self.cursor].key if self.rows else None

    # --- moving ---------------------------------------------------------------------------

    def watch_cursor(self) -> None:
        self._lines = {key: line for key, line in self._lines.items() if not key[1]}
        in_view = max(1, self.scrollable_content_region.height - 1)  # lines below the header
        top = round(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + in_view:
            self.scroll_to(y=self.cursor - in_view + 1, animate=False)
        self.refresh()

    def action_cursor(self, step: int) -> None:
        if self.rows:
            self.cursor = max(0, min(self.cursor + step, len(self.rows) - 1))

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self.rows[self.cursor].key))

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.scrollable_content_region.height - 2))

    def action_cursor_to(self, index: int) -> None:
        if self.rows:
            self.cursor = index % len(self.rows)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        index = round(self.scroll_offset.y) + offset.y - 1
        if index >= len(self.rows):
            return
        if index == self.cursor:
            self.post_message(self.Selected(self.rows[index].key))
        else:
            self.cursor = index

    # --- drawing --------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()
        self._styles.clear()

    def on_resize(self) -> None:
        self._lines.clear()  # lines are as wide as the widget

    def on_focus(self) -> None:
        self._forget_look()

    def on_blur(self) -> None:
        self._forget_look()

    def _forget_look(self) -> None:
        """The list and its cursor look different with and without focus."""
        self._styles.clear()
        self._lines.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        if y == 0:
            line = self._lines.get((-1, False))
            if line is None:
                line = self._lines[(-1, False)] = self._line(self.columns, self._style("session-list--header"))
        else:
            index = round(scroll_y) + y - 1
            if index >= len(self.rows):
                return Strip.blank(width, self.rich_style)
            line = self._row_line(index)
        return line.crop_extend(round(scroll_x), round(scroll_x) + width, None)

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name)
        return style

    def _row_line(self, index: int) -> Strip:
        chosen = index == self.cursor
        key = (index, chosen)
        line = self._lines.get(key)
        if line is None:
            cells = self.rows[index].cells
            if chosen:
                line = self._line(cells, self.rich_style, self._style("session-list--cursor"))
            elif index % 2 == 0:
                line = self._line(cells, self._style("session-list--even-row"))
            else:
                line = self._line(cells, self.rich_style)
            self._lines[key] = line
        return line

    def _line(self, cells: list[Text] | tuple[Text, ...], style: Style, over: Style | None = None) -> Strip:
        """One line of cells, padded to their columns, and wide enough to fill the widget.
        Each cell is its own run of segments (a screenshot places each at its column)."""
        console = self.app.console
        segments: list[Segment] = []
        length = 0
        for cell, width in zip(cells, self.widths):
            segments.append(Segment(" " * PADDING))
            if cell:
                run = cell.render(console)
                if cell.style and not cell.spans:  # Text.render leaves a lone style to its caller
                    run = Segment.apply_style(run, console.get_style(cell.style))
                segments += run
            segments.append(Segment(" " * (width - cell.cell_len + PADDING)))
            length += width + 2 * PADDING
        fill = max(length, self.scrollable_content_region.width)
        if fill > length:
            segments.append(Segment(" " * (fill - length)))
        return Strip(Segment.apply_style(segments, style, over), fill)
