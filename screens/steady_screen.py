"""A screen laid out again only when something on it changed: not on a resize to the same size,
not for hiding a toast rack that shows nothing.

Textual sends a screen a Resize after its own first layout (its size went from nothing to the
terminal's) and lays the whole screen out once more on it, each in a frame of its own. On a
session of 500 contributions those extra layouts and frames are a fifth of opening it. A real
resize (a new size) is handled by Textual as always."""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class SteadyScreen(Screen):
    def on_resize(self, event: events.Resize) -> None:
        if event.size == self.outer_size:  # the size it was last laid out at (`size` is the app's)
            event.prevent_default()  # Screen's own handler would lay out the same screen again

    def on_mount(self) -> None:
        # Textual hides the (empty) toast rack as the screen first shows, one frame after the
        # first, and that lays the whole screen out again; hidden now, hiding it changes nothing.
        for rack in self.query("ToastRack"):
            rack.display = False
