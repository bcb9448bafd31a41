"""The footer, with key descriptions in the session's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from workshop.i18n import _, current_language


class TranslatedFooter(Footer):
    """Bindings are declared with English descriptions (the message ids); show them translated.

    Several binding changes in a row (a screen mounting, focus settling, a cursor moving) are
    folded into one rebuild of the footer, and a change that leaves the keys as they were (Textual
    announces many) rebuilds nothing: every rebuild re-lays-out the whole screen, which on a screen
    with a long list costs a frame or two while it opens.
    """

    _rebuild_pending = False
    _shown: tuple | None = None  # the keys as last composed

    def keys_now(self) -> tuple:
        return (current_language(),) + tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values() if binding.show)

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._rebuild_pending:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached:
            return
        keys = self.keys_now()
        if keys != self._shown:
            await self.recompose()

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self.keys_now()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.description:
                widget.description = _(widget.description)
            yield widget

