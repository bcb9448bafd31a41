"""An option list whose size is set by the screen, never by its options, so that it measures and
draws them again only when its width changes.

Its virtual size changes as options come and go, and Textual re-lays-out the whole screen when a
widget's virtual size changes; a list whose size is set by the screen needs none (on a screen
with 500 contributions that re-layout cost more than the rest of a key press): it scrolls further.

Textual's OptionList forgets every measured and drawn option on each Resize event. When a screen
opens, its first layout is drawn (in a batch, not shown) before the widgets get the Resize events
of that same layout, so a list of 500 contributions and the agenda were measured and drawn twice
before the first frame. The options are drawn to the width of the list's content region, so
while that width stays the same what was drawn still holds. Both lists keep room for their
scrollbar (`scrollbar-gutter: stable`), so the width does not change when they start to scroll."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList


class MeasuredOnce(OptionList):
    virtual_size = Reactive(Size(0, 0), layout=False)
    # Room for the scrollbar is kept even while the list is short: its width never changes
    # when it grows past its height, so its options are measured once, not twice.
    DEFAULT_CSS = "MeasuredOnce { scrollbar-gutter: stable; }"
    _drawn_width = 0  # the width the cached lines and drawings were made at

    def _update_lines(self) -> None:  # every measure and draw of the options starts here
        width = self.scrollable_content_region.width
        if width and width != self._drawn_width:
            self._option_render_cache.clear()
            self._line_cache.clear()
            self._drawn_width = width
        super()._update_lines()

    def _on_resize(self, event: events.Resize) -> None:
        event.prevent_default()  # instead of OptionList's handler, which forgets on every Resize
        if self.scrollable_content_region.width != self._drawn_width:
            self.refresh()  # drawn again at the new width
