"""The command palette: every command of the current screen and its widgets, found by name.

Made from the registry (screens/commands.py) through Textual's `App.get_system_commands` hook;
a screen may add commands that change while it runs (the session's "Go to step 3: …") with a
`palette_commands()` method giving (title, help, callback) triples.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.actions import parse
from textual.app import SystemCommand
from textual.dom import DOMNode
from textual.markup import escape
from textual.screen import Screen

from screens.commands import commands_in, key_display, places_on
from workshop.core.text.i18n import _


def available(node: DOMNode, action: str) -> bool:
    """Whether the node (or the app or screen the action names) allows the action now; a screen
    says no with Textual's `check_action`, which also hides its key in the footer."""
    namespace, name, parameters = parse(action)
    target = {"app": node.app, "screen": node.screen}.get(namespace, node)
    return bool(target.check_action(name, parameters))


def screen_commands(screen: Screen) -> Iterator[SystemCommand]:
    app = screen.app
    offered: set[str] = set()
    for node, place in places_on(screen):
        for command in commands_in(place):
            title = _(command.title or command.description)
            if not command.palette or title in offered or not available(node, command.action):
                continue  # once each: the home's own "Quit" and the app's are one entry
            offered.add(title)
            shown = " · ".join(part for part in (key_display(app, command), _(command.help) if command.help else "")
                               if part)
            yield SystemCommand(escape(title), escape(shown),
                                partial(node.run_action, command.action))
    extra = getattr(screen, "palette_commands", None)
    if extra is not None:
        for title, help_text, callback in extra():
            # Escaped: the palette reads titles as markup, and a step's title may be typed text.
            yield SystemCommand(escape(title), escape(help_text), callback)
