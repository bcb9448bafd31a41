"""A line updated steadily lays out the screen only when its size can change (update_steadily):
the join panel's counts and a scale's detail change with every write of a burst of phones."""

from __future__ import annotations

from rich.text import Text

from screens.widgets.steady import update_steadily


class Shown:
    """Stands in for a Static: what it was asked to show, and whether with a layout."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, bool]] = []

    def update(self, content, layout: bool = True) -> None:
        self.asked.append((str(content), layout))


def test_a_layout_only_when_a_line_changes_its_width_and_nothing_for_the_same() -> None:
    panel = Shown()
    update_steadily(panel, Text("12 joined\n3 answered"))
    update_steadily(panel, Text("13 joined\n4 answered"))  # the same widths: drawn, not laid out
    update_steadily(panel, Text("13 joined\n4 answered"))  # the same again: nothing
    update_steadily(panel, Text("13 joined\n4 answered", style="bold"))  # another look: drawn
    update_steadily(panel, Text("13 joined\n10 answered"))  # a line wider: laid out
    update_steadily(panel, Text("13 joined\n10 answered\nClosed to input"))  # a line more: laid out
    assert panel.asked == [("12 joined\n3 answered", True), ("13 joined\n4 answered", False),
                           ("13 joined\n4 answered", False), ("13 joined\n10 answered", True),
                           ("13 joined\n10 answered\nClosed to input", True)]
