"""Small steps shared by the UI tests."""

from __future__ import annotations

import contextlib

SIZE = (120, 40)


async def type_text(pilot, text: str) -> None:
    """Type like a person (each printable key), then let the screen catch up."""
    await pilot.press(*[_key(ch) for ch in text])


def _key(ch: str) -> str:
    names = {" ": "space", "[": "left_square_bracket", "]": "right_square_bracket", ":": "colon",
             "/": "slash", "-": "minus", "+": "plus", "=": "equals_sign", ".": "full_stop", ",": "comma"}
    return names.get(ch, ch)


async def written(pilot) -> None:
    """Let the session's writes on their way reach the disk (they run in the writer thread, not
    on the event loop), and the screen show what the session told of them."""
    from workshop.core.session import SaveFailed

    live = getattr(pilot.app.screen, "live", None)
    if live is not None:
        with contextlib.suppress(SaveFailed):  # refused: the screen says so, the test looks
            await live.save_pending()
    await pilot.pause()


async def go_to(pilot, step_id: str) -> None:
    await pilot.app.screen.open_step(step_id)
    await written(pilot)


async def submit(pilot, text: str) -> None:
    """Put text into the focused input (as a paste would) and press Enter."""
    pilot.app.focused.value = text
    await pilot.press("enter")
    await written(pilot)


def record_toasts(app) -> list[tuple[str, str]]:
    """Keep (message, severity) of every toast the app shows, as it is told: `App.notify` is the one
    door (the app's own override escapes the text; widgets' `notify` lands there too)."""
    told: list[tuple[str, str]] = []
    notify = app.notify

    def recording(message, *, severity="information", **kwargs):
        told.append((str(message), severity))
        return notify(message, severity=severity, **kwargs)

    app.notify = recording  # type: ignore[method-assign]
    app.told = told  # type: ignore[attr-defined]
    return told


def toasts(app, severity: str | None = None) -> list[str]:
    """The messages of the toasts shown so far (of one severity, or all)."""
    return [message for message, kind in app.told if severity in (None, kind)]
