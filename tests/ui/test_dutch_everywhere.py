"""With --lang nl, no English string anywhere: every screen, dialog, help page and the palette."""

from __future__ import annotations

import re
from pathlib import Path

from tests.table27 import make_table
from tests.ui.screen_words import screen_text

PO = Path(__file__).parents[2] / "workshop" / "locale" / "nl" / "LC_MESSAGES" / "workshop.po"
# Textual's and questionary's own English, which the app must replace with its own words.
FOREIGN = ("Focus Next", "Focus Previous", "Copy selected text", "Scroll", "Search for commands", "Use arrow keys",
           "Search for themes", "Quit the application", "Save screenshot", "Maximize", "Minimize", "Toggle")


def english_msgids() -> list[str]:
    """The app's English texts whose Dutch differs (long enough not to be a Dutch word too)."""
    from babel.messages.pofile import read_po

    with PO.open("rb") as handle:
        catalog = read_po(handle)
    found = []
    for message in catalog:
        if not message.id or isinstance(message.id, tuple) or message.string == message.id:
            continue
        plain = re.split(r"\{[^}]*\}", message.id)
        found += [part.strip() for part in plain if len(part.strip()) >= 12 and " " in part.strip()]
    return found


def help_text(screen) -> str:
    import io

    from rich.console import Console

    from screens.help import key_table

    console = Console(width=200, record=True, file=io.StringIO())
    console.print(key_table(screen.shown))
    return console.export_text()


async def look(pilot, seen: list[tuple[str, str]], where: str) -> None:
    await pilot.pause()
    app = pilot.app
    seen.append((where, screen_text(app)))
    await pilot.press("f1")
    await pilot.pause()
    from screens.help import HelpScreen

    if isinstance(app.screen, HelpScreen):
        seen.append((where + " F1", screen_text(app) + "\n" + help_text(app.screen)))
        await pilot.press("escape")
        await pilot.pause()


def english_in(seen: list[tuple[str, str]]) -> list[str]:
    needles = english_msgids() + list(FOREIGN)
    return sorted({f"{where}: {needle!r}" for where, text in seen for needle in needles
                   if needle in " ".join(text.split())})


async def test_no_english_in_a_dutch_session_its_dialogs_help_and_palette(store, shelf, make_app):
    from workshop.core.text.i18n import use_language

    use_language("nl")
    session_id = make_table(store, shelf, lang="nl")
    app = make_app(session_id, lang="nl")
    seen: list[tuple[str, str]] = []
    async with app.run_test(size=(160, 48)) as pilot:
        for step in [s.id for s in app.screen.live.agenda]:
            await app.screen.open_step(step)
            await look(pilot, seen, step)
            kind = app.screen.live.step(step).kind.value
            extra = {"open": ["f2"], "consent": ["d"], "scale": ["enter"], "review": [], "assign": []}.get(kind, [])
            for key in extra:  # the step's own dialog
                await pilot.press(key)
                await look(pilot, seen, f"{step} {key}")
                await pilot.press("escape")
            await pilot.press("ctrl+f")
            await look(pilot, seen, f"{step} presenting")
            await pilot.press("escape")
        for key in ("ctrl+o", "ctrl+p", "f10"):
            await pilot.press(key)
            await look(pilot, seen, key)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("ctrl+g", "a")
        await look(pilot, seen, "add a step")
        await pilot.press("escape", "ctrl+g", "p")
        await look(pilot, seen, "attendance")
    found = english_in(seen)
    assert not found, "\n".join(found)


async def test_no_english_on_the_dutch_home_and_new_session_screens(store, shelf, make_app):
    from workshop.core.text.i18n import use_language

    use_language("nl")
    make_table(store, shelf, lang="nl")
    app = make_app(None, lang="nl")
    seen: list[tuple[str, str]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await look(pilot, seen, "home")
        await pilot.press("ctrl+p")
        await look(pilot, seen, "home palette")
        await pilot.press("escape", "n")
        await look(pilot, seen, "new session")
    found = english_in(seen)
    assert not found, "\n".join(found)
