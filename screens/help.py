"""F1: every command of the screen the facilitator is on and its keys, in their language."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from screens.commands import bindings, commands_in, key_display, places_on
from workshop.core.text.i18n import _


def key_table(screen: Screen) -> Table:
    """Every command of the app, the screen, and each widget on it (grouped by widget), with the
    keys the user has for it and its id (for keymap.toml). Commands with the same words in one
    group share a row ("0 1 2 … Score")."""
    app = screen.app
    palette = next(command for command in commands_in("app") if command.action == "command_palette")
    table = Table(show_header=True, header_style="bold", expand=True, box=None, padding=(0, 2))
    table.add_column(_("Key"), style="bold", no_wrap=True)
    table.add_column(_("What it does"))
    table.add_column(_("Id"), style="dim", no_wrap=True)

    def section(title: str, place: str) -> None:
        rows: dict[str, tuple[list[str], list[str]]] = {}
        for command in commands_in(place):
            keys = key_display(app, command) if command.keys else f"({key_display(app, palette)})"
            words = _(command.title or command.description)
            shown_keys, ids = rows.setdefault(words, ([], []))
            shown_keys.append(keys)
            ids.append(command.id)
        if rows:
            table.add_row(Text(title, style="underline"), "", "")
            for words, (all_keys, ids) in rows.items():
                table.add_row(" ".join(dict.fromkeys(all_keys)), words, ids[0] + (" …" if len(ids) > 1 else ""))

    for node, place in places_on(screen):
        if place == "app":
            section(_("Everywhere"), place)
        elif node is screen:
            section(_("This screen"), place)
        else:
            section(_(getattr(type(node), "HELP_TITLE", type(node).__name__)), place)
    return table


class HelpScreen(ModalScreen[None]):
    PLACE = "help"
    BINDINGS = bindings("help")

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
