"""What a bad setting raises, apart so that the keymap and the settings can both use it."""

from __future__ import annotations


class SettingError(ValueError):
    """A setting with a value the app cannot use; the text is the one line a user reads."""
