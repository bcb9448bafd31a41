"""The colours: Textual's default theme, and a high-contrast one for projectors and low vision."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="workshop-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffaf00",
    error="#ff5f5f",
    success="#5fff5f",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1c1c1c",
    boost="#303030",
    dark=True,
    variables={
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffff00",
        "footer-key-foreground": "#ffff00",
        "input-selection-background": "#ffff00 40%",
        "border": "#ffffff",
        "text-muted": "#e0e0e0",
    },
)
DEFAULT_THEME = "textual-dark"
