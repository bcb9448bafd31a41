"""The footer: the keys of what the facilitator can do now, in the session's language.

Bindings carry the English message id as their description; the footer translates it as it
draws, and shows every key of a command ("F6 ^d Compare"), so a key beside an F-key is seen.
It is Textual's public `Footer` container with keys of its own: Textual's key widget is private.

Several binding changes in a row (a screen mounting, focus settling, a cursor moving) are folded
into one rebuild, and a change that leaves the keys as they were (Textual announces many)
rebuilds nothing: every rebuild re-lays-out the whole screen, which on a screen with a long list
costs a frame or two while it opens.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from screens.commands import BY_ID, ORDER
from workshop.i18n import _, current_language

PALETTE = ("command_palette", "app.command_palette")  # its key is shown on the right, as Textual does


class Shown(NamedTuple):
    key: str  # the first key: a click presses it
    keys: str  # every key, as displayed
    description: str  # translated
    enabled: bool
    palette: bool  # the command palette's key: shown on the right


class FooterItem(Widget):
    """One command in the footer: its keys and its words; a click presses the key."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-item--key", "footer-item--description"}
    DEFAULT_CSS = """
    FooterItem {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        background: $footer-item-background;
        .footer-item--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
            padding: 0 1;
        }
        .footer-item--description {
            padding: 0 1 0 0;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        &:hover {
            pointer: pointer;
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        &.-disabled {
            text-style: dim;
        }
        &.-command-palette {
            dock: right;
            padding-right: 1;
            border-left: vkey $foreground 20%;
        }
    }
    """

    def __init__(self, shown: Shown) -> None:
        super().__init__(classes=("-command-palette" if shown.palette else "") +
                         ("" if shown.enabled else " -disabled"))
        self.shown = shown

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer-item--key")
        words_style = self.get_component_rich_style("footer-item--description")
        text = Text.assemble((f" {self.shown.keys} ", key_style), (f"{self.shown.description} ", words_style))
        text.stylize_before(self.rich_style)
        return text

    def on_mouse_down(self) -> None:
        if self.shown.enabled:
            self.app.simulate_key(self.shown.key)
        else:
            self.app.bell()


class TranslatedFooter(Footer):
    """Textual's footer container, with the keys of screens/commands.py translated."""

    def __init__(self) -> None:
        super().__init__()
        self.rebuild_pending = False
        self.shown: tuple | None = None  # (language, items) as last composed; None: not yet

    def keys_now(self) -> tuple:
        """The shown commands of the focused widget, its containers, the screen and the app, in that
        order and each in its declared order, once, with all its keys as the user has them."""
        grouped: dict[tuple[int, str], list] = {}
        for key, (node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if binding.show or binding.action in PALETTE:
                group = grouped.setdefault((id(node), binding.id or binding.action), [node, binding, enabled, []])
                group[3].append(key)
        chain = [id(node) for node in (self.screen.focused or self.screen).ancestors_with_self]
        keymap = getattr(self.app, "user_keys", {})

        def order(group: list) -> tuple[int, int]:
            node, binding = group[0], group[1]
            return (chain.index(id(node)) if id(node) in chain else len(chain), ORDER.get(binding.id, len(ORDER)))

        items = []
        for node, binding, enabled, keys in sorted(grouped.values(), key=order):
            command = BY_ID.get(binding.id)
            if command is not None:  # the keys in the order declared (or written in the keymap)
                declared = command.keys_now(keymap)
                keys.sort(key=lambda key: declared.index(key) if key in declared else len(declared))
            shown = " ".join(dict.fromkeys(self.app.get_key_display(replace(binding, key=key)) for key in keys))
            items.append(Shown(keys[0], shown, _(binding.description), enabled, binding.action in PALETTE))
        return current_language(), tuple(items)

    def bindings_changed(self, screen: Screen) -> None:
        if not screen.app.app_focus or self.rebuild_pending:
            return
        if self.is_attached and screen is self.screen:
            self.rebuild_pending = True
            self.call_after_refresh(self.rebuild)

    async def rebuild(self) -> None:
        self.rebuild_pending = False
        if not self.is_attached:
            return
        keys = self.keys_now()
        if keys != self.shown:
            self.shown = keys
            await self.recompose()

    def compose(self) -> ComposeResult:
        if self.shown is None:  # the bindings settle first (see bindings_changed)
            return
        for item in self.shown[1]:
            yield FooterItem(item)
