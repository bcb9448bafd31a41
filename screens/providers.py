"""The command palette: every action of the current screen, found by name."""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from screens.help import bindings_of
from workshop.i18n import _


class ScreenCommands(Provider):
    """The keys of the screen (and its widgets) as commands, plus the screen's own extra commands."""

    def commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        seen: set[str] = set()
        for binding in bindings_of(type(screen)):
            if binding.description and binding.action not in seen:
                seen.add(binding.action)
                yield _(binding.description), binding.key, partial(screen.run_action, binding.action)
        for node in screen.query("*"):
            if not type(node).__module__.startswith("screens."):
                continue
            for binding in bindings_of(type(node)):
                name = f"{id(node)}:{binding.action}"
                if binding.description and binding.show and name not in seen:
                    seen.add(name)
                    yield _(binding.description), binding.key, partial(node.run_action, binding.action)
        extra = getattr(screen, "palette_commands", None)
        if extra is not None:
            yield from extra()
        for title, help_text, callback in self.app.palette_commands():
            yield title, help_text, callback

    async def discover(self) -> Hits:
        for title, help_text, callback in self.commands():
            yield DiscoveryHit(Content(title), callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self.commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
