"""Saved, or not saved yet: always visible, so the facilitator can trust the screen."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from screens.widgets.steady import update_steadily
from workshop.core.text.i18n import _


class SaveState(Static):
    DEFAULT_CSS = """
    SaveState { width: auto; padding: 0 1; }
    SaveState.saved { color: $success; }
    SaveState.failed { background: $error; color: $text; text-style: bold; }
    SaveState.read-only { color: $warning; }
    """

    def show_saved(self, changes: int) -> None:
        self.set_classes("saved")
        update_steadily(self, Text("✔ " + _("Saved") + (f" ({changes})" if changes else "")))

    def show_failed(self, pending: int) -> None:
        self.set_classes("failed")
        update_steadily(self, Text("⚠ " + _("NOT saved — retrying ({count} waiting)").format(count=pending)))

    def show_read_only(self, why: str) -> None:
        self.set_classes("read-only")
        update_steadily(self, Text("🔒 " + why))
