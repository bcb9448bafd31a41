"""The footer: the keys of what the facilitator can do now, in the session's language.

Bindings carry the English message id as their description; the footer translates it as it
draws, and shows every key of a command ("F6 ^d Compare"), so a key beside an F-key is seen.
It looks like Textual's `Footer` but is a widget of its own: a line of keys (`FooterKeys`) drawn
as one rich Text (Textual's key widget is private, and a widget per key costs a tenth of opening
a session), kept up to date through the screen's public `bindings_updated_signal`.

The footer composes its two lines (commands, and the palette's key on the right) once and
changes their words as the bindings change; a change that leaves the keys as they were (Textual
announces many) changes nothing. Several changes before the next frame are laid out once, in
the screen's first layout when it opens (recomposing after the first frame laid the whole
screen out a second time).
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widget import Widget

from screens.commands import BY_ID, ORDER
from workshop.core.text.i18n import _, current_language

PALETTE = ("command_palette", "app.command_palette")  # its key is shown on the right, as Textual does
DIM = Style(dim=True)  # a command that cannot be used now


class Shown(NamedTuple):
    key: str  # the first key: a click presses it
    keys: str  # every key, as displayed
    description: str  # translated
    enabled: bool
    palette: bool  # the command palette's key: shown on the right


class FooterKeys(Widget):
    """Commands of the footer on one line: their keys and their words; a click presses the key
    under the pointer. One widget for all of them (not one per key: twelve widgets to style and
    lay out cost a tenth of opening a session)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-item--key", "footer-item--description", "footer-item--hover"}
    DEFAULT_CSS = """
    FooterKeys {
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
        .footer-item--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        &:hover {
            pointer: pointer;
        }
        &.-command-palette {
            dock: right;
            padding-right: 1;
            border-left: vkey $foreground 20%;
        }
    }
    """

    def __init__(self, items: tuple[Shown, ...], classes: str = "", id: str | None = None) -> None:
        super().__init__(classes=classes, id=id)
        self.items = items
        self.display = bool(items)
        self.hovered: int | None = None
        self.ends: list[int] = []  # the cell after each command, as last drawn

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer-item--key")
        words_style = self.get_component_rich_style("footer-item--description")
        base = self.rich_style
        line = Text(no_wrap=True, end="")
        ends = []
        for index, item in enumerate(self.items):
            under = base + self.get_component_rich_style("footer-item--hover") if index == self.hovered else base
            if not item.enabled:
                under += DIM
            line.append(f" {item.keys} ", under + key_style)
            line.append(f"{item.description} ", under + words_style)
            ends.append(line.cell_len)
        self.ends = ends
        return line

    def show(self, items: tuple[Shown, ...]) -> None:
        if items != self.items:
            self.items = items
            self.hovered = None
            self.display = bool(items)
            self.refresh(layout=True)

    def item_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return next((index for index, end in enumerate(self.ends) if offset.x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self.item_at(event)
        if index != self.hovered:
            self.hovered = index
            self.refresh()

    def on_leave(self) -> None:
        if self.hovered is not None:
            self.hovered = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self.item_at(event)
        if index is None:
            return
        if self.items[index].enabled:
            self.app.simulate_key(self.items[index].key)
        else:
            self.app.bell()


class TranslatedFooter(ScrollableContainer, can_focus=False, can_focus_children=False):
    """The keys of screens/commands.py, translated, at the bottom of a screen (as Textual's footer:
    a line that scrolls sideways when the keys do not fit)."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    TranslatedFooter {
        layout: horizontal;
        color: $footer-foreground;
        background: $footer-background;
        dock: bottom;
        height: 1;
        scrollbar-size: 0 0;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.shown: tuple | None = None  # (language, items) as last shown; None: not yet

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        if self.allow_horizontal_scroll:  # keys cut off at the right edge: the wheel shows them
            event.stop()
            self.scroll_right(animate=False)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        if self.allow_horizontal_scroll:
            event.stop()
            self.scroll_left(animate=False)

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
        for _node, binding, enabled, keys in sorted(grouped.values(), key=order):
            command = BY_ID.get(binding.id)
            if command is not None:  # the keys in the order declared (or written in the keymap)
                declared = command.keys_now(keymap)
                keys.sort(key=lambda key: declared.index(key) if key in declared else len(declared))
            shown = " ".join(dict.fromkeys(self.app.get_key_display(replace(binding, key=key)) for key in keys))
            items.append(Shown(keys[0], shown, _(binding.description), enabled, binding.action in PALETTE))
        return current_language(), tuple(items)

    def bindings_changed(self, screen: Screen) -> None:
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.rebuild()

    def rebuild(self) -> None:
        """Show the keys of now in the two lines composed once. Done as the bindings change (not
        after the next refresh), so the screen's first layout has them; a change that leaves the
        keys as they were changes nothing, and several in a row are laid out once."""
        keys = self.keys_now()
        if keys == self.shown:
            return
        self.shown = keys
        items = keys[1]
        self.query_one("#footer-commands", FooterKeys).show(tuple(item for item in items if not item.palette))
        self.query_one("#footer-palette", FooterKeys).show(tuple(item for item in items if item.palette))

    def compose(self) -> ComposeResult:
        yield FooterKeys((), id="footer-commands")
        yield FooterKeys((), classes="-command-palette", id="footer-palette")  # on the right, as Textual shows it
