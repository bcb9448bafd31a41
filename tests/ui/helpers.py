"""Small steps shared by the UI tests."""

from __future__ import annotations

SIZE = (120, 40)


async def type_text(pilot, text: str) -> None:
    """Type like a person (each printable key), then let the screen catch up."""
    await pilot.press(*[_key(ch) for ch in text])


def _key(ch: str) -> str:
    names = {" ": "space", "[": "left_square_bracket", "]": "right_square_bracket", ":": "colon",
             "/": "slash", "-": "minus", "+": "plus", "=": "equals_sign", ".": "full_stop", ",": "comma"}
    return names.get(ch, ch)


async def go_to(pilot, step_id: str) -> None:
    await pilot.app.screen.open_step(step_id)
    await pilot.pause()


async def submit(pilot, text: str) -> None:
    """Put text into the focused input (as a paste would) and press Enter."""
    pilot.app.focused.value = text
    await pilot.press("enter")
    await pilot.pause()
