"""An option list whose size is set by the screen, never by its options: the agenda and the
contribution list. Textual's OptionList does work on every layout that such a list does not need,
and on a screen holding 500 contributions it showed, as the session opened and on each key:

- Its virtual size changes as options come and go, and Textual re-lays-out the whole screen when
  a widget's virtual size changes. A list sized by the screen needs none: it scrolls further.
- It forgets every measured and drawn option on each Resize event. A screen's first layout is
  drawn (in a batch, not shown) before its widgets get the Resize events of that same layout, so
  the lists were measured and drawn twice before the first frame. Options are drawn to the width
  of the list's content, so while that width stays the same what was drawn still holds. Room for
  the scrollbar is kept (`scrollbar-gutter: stable`): the width stays when the list starts to scroll.
- Every layout of the screen redrew its scrollbar, which cost one more frame (see `_size_updated`).
- A scrollbar shown again after a while hidden kept its old thumb (see `_scroll_update`).

These are Textual's private hooks (textual 8); tests/ui/test_measured_lists.py holds them to it.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList


class MeasuredOnce(OptionList):
    virtual_size = Reactive(Size(0, 0), layout=False)
    DEFAULT_CSS = "MeasuredOnce { scrollbar-gutter: stable; }"
    _drawn_width = 0  # the width the cached lines and drawings were made at

    def _update_lines(self) -> None:  # every measure and draw of the options starts here
        width = self.scrollable_content_region.width
        if width and width != self._drawn_width:
            self._option_render_cache.clear()
            self._line_cache.clear()
            self._drawn_width = width
        super()._update_lines()

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # Textual compares the layout's virtual size (the list's region) with the list's own (its
        # options), which always differ, so every layout of the screen redrew both scrollbars
        # and cost one more frame. The list sets its own virtual size as it measures its options;
        # a layout that leaves its size as it was changes nothing here.
        if size == self._size and container_size == self.container_size:
            return False
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _scroll_update(self, virtual_size: Size) -> None:
        super()._scroll_update(virtual_size)
        # Textual moves the scrollbar's thumb only while the scrollbar is shown: a list scrolled
        # down, then made wide enough to need no scrollbar (a projector) and narrow again, showed
        # its thumb where it had been, not where the list is.
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.position = self.scroll_y

    def _on_resize(self, event: events.Resize) -> None:
        event.prevent_default()  # instead of OptionList's handler, which forgets on every Resize
        if self.scrollable_content_region.width != self._drawn_width:
            self.refresh()  # drawn again at the new width
