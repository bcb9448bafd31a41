"""F1: every key of the screen the facilitator is on, in their language."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from workshop.i18n import N_, _


def bindings_of(cls: type) -> list[Binding]:
    found: list[Binding] = []
    for klass in reversed(cls.__mro__):
        for binding in klass.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                found.append(binding)
    return found


def key_table(screen: Screen) -> Table:
    """Keys of the app, the screen, and every widget on it that has its own (grouped by widget)."""
    app = screen.app
    table = Table(show_header=True, header_style="bold", expand=True, box=None, padding=(0, 2))
    table.add_column(_("Key"), style="bold", no_wrap=True)
    table.add_column(_("What it does"))
    seen: set[tuple[str, str]] = set()

    def section(title: str, bindings: list[Binding]) -> None:
        rows = []
        for binding in bindings:
            if not binding.description or (binding.key, binding.action) in seen:
                continue
            seen.add((binding.key, binding.action))
            keys = " / ".join(app.get_key_display(Binding(key, binding.action)) for key in binding.key.split(","))
            rows.append((keys, _(binding.description)))
        if rows:
            table.add_row(Text(title, style="underline"), "")
            for row in rows:
                table.add_row(*row)

    section(_("Everywhere"), bindings_of(type(app)) +
            [Binding(app.COMMAND_PALETTE_BINDING, "command_palette", N_("Command palette: every action"))])
    section(_("This screen"), bindings_of(type(screen)))
    done: set[type] = set()
    for widget in screen.query("*"):
        kind = type(widget)
        if kind in done or not kind.__module__.startswith("screens."):
            continue
        done.add(kind)
        section(_(getattr(kind, "HELP_TITLE", kind.__name__)), bindings_of(kind))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", N_("Close help"), id="help.close")]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.shown = screen

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(Text(_("Keys"), style="bold"), classes="dialog-title")
            yield Static(key_table(self.shown))
            yield Static(Text(_("Escape closes this help. ctrl+p finds every action by name."), style="dim"))

    async def action_dismiss(self, result=None) -> None:
        self.dismiss(None)
