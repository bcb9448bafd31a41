"""A list the facilitator moves through with a cursor, drawn on Textual's Line API: the agenda and
the contribution list.

Each entry is a drawing that knows its height at a width and draws its own lines (`Drawing`). The
list measures every entry once per width (a step may hold 500 contributions), sets its own
virtual size from that, and draws only the lines in view, each once until the width, the look
(focus, theme) or the entry under the cursor changes. An entry added at the end is measured alone;
nothing drawn before it is drawn again.

The keys are OptionList's (↑↓ wrap around, Home, End, PageUp, PageDown); Enter and the rest
are the commands of each list (screens/commands.py). A click puts the cursor on the entry.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from textual import events
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from screens.commands import bindings

LOOKS = ("line-list--line", "line-list--cursor", "line-list--hover")
PLAIN, CURSOR, HOVER = range(3)


class Drawing(Protocol):
    """What an entry shows: as many lines as `height(width)` says, drawn over `style`."""

    def height(self, width: int) -> int: ...

    def strips(self, width: int, style: Style) -> list[Strip]: ...


@dataclass(frozen=True, eq=False)
class Item:
    """An entry of the list: what it shows, and the id the list's messages carry."""

    prompt: Drawing
    id: str


class LineList(ScrollView, can_focus=True):
    """Entries with a cursor (`highlighted`: an index, or None before the facilitator moves)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = set(LOOKS)
    DEFAULT_CSS = """
    LineList {
        height: 1fr;
        color: $foreground;
        background: $surface;
        padding: 0 1;
        overflow-x: hidden;
        scrollbar-gutter: stable;
        & > .line-list--cursor {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .line-list--cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .line-list--hover { background: $block-hover-background; }
    }
    """
    BINDINGS = bindings("lines")  # ↑↓, Home/End, PgUp/PgDn: declared once in screens/commands.py

    highlighted: reactive[int | None] = reactive(None, repaint=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.items: list[Item] = []
        self.starts: list[int] = []  # the first line of each entry, at `measured_width`
        self.line_count = 0
        self.measured_width = 0
        self.hovered: int | None = None
        self.drawn: dict[tuple[int, int], list[Strip]] = {}  # (entry, look) -> its lines

    # --- the entries ----------------------------------------------------------------------

    @property
    def options(self) -> Sequence[Item]:
        return self.items

    @property
    def option_count(self) -> int:
        return len(self.items)

    def get_option_at_index(self, index: int) -> Item:
        return self.items[index]

    @property
    def highlighted_option(self) -> Item | None:
        return self.items[self.highlighted] if self.highlighted is not None else None

    def set_options(self, items: Iterable[Item]) -> None:
        """Replace every entry (the cursor is put where the caller wants it afterwards)."""
        self.items = list(items)
        self.starts, self.line_count, self.measured_width = [], 0, 0
        self.drawn.clear()
        self.hovered = None
        self.set_reactive(LineList.highlighted, None)
        self.scroll_to(y=0, animate=False)
        self.measure()
        self.refresh()

    def add_options(self, items: Iterable[Item]) -> None:
        """Entries at the end: only they are measured, nothing shown is drawn again."""
        first = len(self.items)
        self.items.extend(items)
        if self.measured_width:
            self.measure_from(first, self.measured_width)
        self.refresh()

    # --- measuring ------------------------------------------------------------------------

    def measure(self) -> None:
        """Measure every entry at the width the list has now (not yet laid out: later)."""
        width = self.scrollable_content_region.width
        if width <= 0 or width == self.measured_width:
            return
        self.starts, self.line_count, self.measured_width = [], 0, width
        self.drawn.clear()
        self.measure_from(0, width)

    def measure_from(self, first: int, width: int) -> None:
        starts, line = self.starts, self.line_count
        for item in self.items[first:]:
            starts.append(line)
            line += item.prompt.height(width)
        self.line_count = line
        self.size_to(Size(width, line))

    def size_to(self, size: Size) -> None:
        """The list's own size, set without a layout of the screen.

        Textual lays out the whole screen when a widget's virtual size changes (on a screen with
        500 contributions that was most of a key press, and one more layout as a session opens),
        though the list's place is set by the screen, never by its entries. What a new size
        changes here is the scrollbar: shown or not (that needs a layout, which also sizes it),
        or only its thumb."""
        self.set_reactive(LineList.virtual_size, size)
        scrolls = size.height > self.container_size.height
        if scrolls != self.show_vertical_scrollbar:
            self.show_vertical_scrollbar = scrolls
        elif scrolls:
            self.vertical_scrollbar.window_virtual_size = size.height
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False)
        self.refresh()

    def on_resize(self) -> None:
        self.measure()  # only a new width measures again: a new height keeps what was drawn

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.drawn.clear()

    def on_focus(self) -> None:
        self.drawn.clear()  # the cursor looks different with and without focus
        self.refresh()

    def on_blur(self) -> None:
        self.drawn.clear()
        self.refresh()

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        # Textual moves a scrollbar's thumb only while it is shown: a list scrolled down, then
        # made wide enough to need no scrollbar (a projector) and narrow again, showed its thumb
        # where it had been, not where the list is.
        if shown:
            self.vertical_scrollbar.position = self.scroll_y

    # --- drawing --------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        self.measure()
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        if line >= self.line_count or width != self.measured_width:
            return Strip.blank(width, self.get_visual_style(LOOKS[PLAIN]).rich_style)
        index = bisect_right(self.starts, line) - 1
        return self.lines_of(index, width)[line - self.starts[index]]

    def lines_of(self, index: int, width: int) -> list[Strip]:
        look = CURSOR if index == self.highlighted else HOVER if index == self.hovered else PLAIN
        lines = self.drawn.get((index, look))
        if lines is None:
            style = self.get_visual_style(LOOKS[PLAIN], LOOKS[look]) if look else self.get_visual_style(LOOKS[PLAIN])
            blank = style.rich_style
            lines = [strip.extend_cell_length(width, blank) for strip in self.items[index].prompt.strips(width, style)]
            self.drawn[(index, look)] = lines
        return lines

    def refresh_entry(self, index: int | None) -> None:
        if index is None or index >= len(self.starts):
            return
        for look in (PLAIN, CURSOR, HOVER):
            self.drawn.pop((index, look), None)
        end = self.starts[index + 1] if index + 1 < len(self.starts) else self.line_count
        self.refresh_lines(self.starts[index], end - self.starts[index])

    # --- the cursor -----------------------------------------------------------------------

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or not self.items:
            return None
        return max(0, min(highlighted, len(self.items) - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self.refresh_entry(old)
        self.refresh_entry(new)
        self.scroll_to_highlight()

    def scroll_to_highlight(self) -> None:
        index = self.highlighted
        if index is None or index >= len(self.starts):
            return
        end = self.starts[index + 1] if index + 1 < len(self.starts) else self.line_count
        self.scroll_to_region(Region(0, self.starts[index], self.measured_width, end - self.starts[index]),
                              animate=False, force=True, immediate=True)

    def on_show(self) -> None:
        self.scroll_to_highlight()

    def action_cursor(self, step: int) -> None:
        if not self.items:
            return
        if self.highlighted is None:
            self.highlighted = 0 if step > 0 else len(self.items) - 1
        else:
            self.highlighted = (self.highlighted + step) % len(self.items)

    def action_first(self) -> None:
        if self.items:
            self.highlighted = 0

    def action_last(self) -> None:
        if self.items:
            self.highlighted = len(self.items) - 1

    def action_page(self, direction: int) -> None:
        if not self.items or not self.starts:
            return
        if self.highlighted is None:
            self.highlighted = 0 if direction < 0 else len(self.items) - 1
            return
        line = self.starts[self.highlighted] + direction * self.scrollable_content_region.height
        line = max(0, min(line, self.line_count - 1))
        self.highlighted = bisect_right(self.starts, line) - 1

    # --- the mouse ------------------------------------------------------------------------

    def entry_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        line = self.scroll_offset.y + offset.y
        if not self.starts or line >= self.line_count:
            return None
        return bisect_right(self.starts, line) - 1

    def on_click(self, event: events.Click) -> None:
        index = self.entry_at(event)
        if index is not None:
            self.highlighted = index

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self.entry_at(event)
        if index != self.hovered:
            old, self.hovered = self.hovered, index
            self.refresh_entry(old)
            self.refresh_entry(index)

    def on_leave(self) -> None:
        if self.hovered is not None:
            old, self.hovered = self.hovered, None
            self.refresh_entry(old)
