"""The footer, with key descriptions in the session's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from workshop.i18n import _


class TranslatedFooter(Footer):
    """Bindings are declared with English descriptions (the message ids); show them translated."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.description:
                widget.description = _(widget.description)
            yield widget
