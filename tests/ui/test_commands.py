"""Commands are declared once (screens/commands.py); the keys, footer, help and palette follow from it."""

from __future__ import annotations

import re

import pytest

from screens.commands import COMMANDS, commands_in, every_command
from tests.ui.helpers import SIZE

F_KEY = re.compile(r"^f\d+$")
# Keys that one of the common terminals keeps for itself, or that arrive as another key
# (docs/keys.md has the table per terminal).
INTERCEPTED = {
    "f1", "f10", "f11",  # GNOME Terminal help and menu, VS Code command palette; fullscreen; macOS desktop
    "ctrl+c", "ctrl+v", "ctrl+z", "ctrl+s", "ctrl+q",  # copy/paste in Windows Terminal; suspend; flow control
    "ctrl+h", "ctrl+i", "ctrl+m", "ctrl+j", "ctrl+left_square_bracket",  # backspace, tab, enter, newline, escape
    "ctrl+p", "ctrl+e", "ctrl+k", "ctrl+b", "ctrl+f", "ctrl+grave_accent",  # VS Code's terminal
    "ctrl+tab", "ctrl+comma", "alt+enter", "ctrl+plus", "ctrl+minus", "ctrl+0",  # Windows Terminal
}


def test_every_f_key_command_has_a_key_without_an_f_key():
    for command in every_command():
        keys = command.default_keys
        if any(F_KEY.match(key) for key in keys):
            assert any(not F_KEY.match(key) for key in keys), command.id


def test_the_key_beside_an_f_key_reaches_the_app_in_every_common_terminal():
    for command in every_command():
        keys = command.default_keys
        if any(F_KEY.match(key) for key in keys):
            others = [key for key in keys if not F_KEY.match(key)]
            assert set(others) - INTERCEPTED, f"{command.id}: {others} are all taken by a terminal"


def test_every_command_has_its_own_id():
    ids = [command.id for command in every_command()]
    assert len(ids) == len(set(ids))


SCREENS = {"home", "session", "compare", "compare_link", "compare_matches", "summary", "new", "help", "seats",
           "dialog", "confirm", "attendance", "partner",  # dialogs over a screen: only the app's keys reach them
           "sessions"}  # the home's list, whose Enter opens as the home's does


def test_every_binding_in_the_app_is_a_command_of_the_registry():
    """A binding declared beside the registry would be missing from F1 and from the keymap's ids."""
    import importlib
    import inspect
    import pkgutil

    import screens
    import screens.widgets

    known = {command.id for command in every_command()}
    outside = []
    for package in (screens, screens.widgets):
        for module_info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            module = importlib.import_module(module_info.name)
            for name, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ != module.__name__ or "BINDINGS" not in vars(cls):
                    continue
                for binding in vars(cls)["BINDINGS"]:
                    if getattr(binding, "id", None) not in known:
                        outside.append(f"{module.__name__}.{name}: {binding}")
    assert outside == []


@pytest.mark.parametrize("place", sorted({command.place for command in COMMANDS} - {"app"}))
def test_no_key_does_two_things_in_one_place(place):
    """A widget's keys are checked against the session screen's too: every widget lives there."""
    seen: dict[str, str] = {}
    around = commands_in("app") + ([] if place in SCREENS else commands_in("session"))
    for command in around + commands_in(place):
        for key in command.default_keys:
            assert key not in seen, f"{key}: {seen.get(key)} and {command.id}"
            seen[key] = command.id


async def test_the_keys_beside_the_f_keys_work_while_typing_a_contribution(make_session, make_app):
    from screens.compare import CompareScreen
    from screens.help import HelpScreen
    from screens.summary import SummaryScreen
    from tests.ui.helpers import go_to, type_text

    app = make_app(make_session())
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        await type_text(pilot, "half")
        for key, screen in (("ctrl+l", HelpScreen), ("ctrl+d", CompareScreen), ("ctrl+w", SummaryScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen), key
            await pilot.press("escape")
            await pilot.pause()
        assert app.focused.value == "half"  # none of the keys changed the typed text
        theme = app.theme
        await pilot.press("ctrl+a")
        assert app.theme != theme


async def test_the_help_lists_every_command_of_the_screen_in_dutch(make_session, make_app):
    from screens.commands import places_on
    from screens.help import HelpScreen, key_table
    from workshop.core.text.i18n import _

    app = make_app(make_session(lang="nl"), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = key_table(app.screen.shown)
        words = {str(cell) for cell in table.columns[1].cells}
        places = [place for _node, place in places_on(app.screen.shown)]
        assert {"app", "session", "agenda"} <= set(places)
        for place in places:
            for command in commands_in(place):
                assert _(command.title or command.description) in words, command.id
        assert "Volgende stap" in words and "Next step" not in words


async def test_the_command_palette_offers_the_commands_in_dutch(make_app, make_session):
    from textual.command import CommandPalette

    from workshop.core.text.i18n import _

    app = make_app(lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for command in commands_in("app") + commands_in("home"):
            if command.palette:
                assert _(command.title or command.description) in titles, command.id
        assert "Nieuwe sessie" in titles and "New session" not in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_the_footer_shows_the_key_beside_the_f_key_in_the_sessions_language(make_session, make_app):
    from screens.widgets.footer import FooterKeys

    app = make_app(make_session(lang="nl"), lang="en")
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = {item.description: item.keys for keys in app.screen.query(FooterKeys) for item in keys.items}
        assert shown["Samenvatting en sluiten"] == "f10 ^w"
        assert "Volgende stap" in shown


async def test_a_command_chosen_in_the_palette_runs_and_is_saved(make_session, make_app, saved):
    from textual.widgets import OptionList

    from tests.ui.helpers import type_text

    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        step = app.screen.step_id
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Skip the current step")
        found = app.screen.query_one(OptionList)
        for _attempt in range(100):  # the palette searches in the background: wait for its first hit
            if found.option_count:
                break
            await pilot.pause(0.02)
        assert "Skip the current step" in str(found.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
    assert saved(session_id).is_skipped(step)


async def test_back_from_a_dutch_session_the_homes_footer_is_english_again(make_session, make_app):
    from screens.home import HomeScreen
    from screens.widgets.footer import FooterKeys

    make_session(lang="nl")
    app = make_app(lang="en")
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # open the Dutch session
        await pilot.pause()
        assert "Volgende stap" in {item.description for keys in app.screen.query(FooterKeys) for item in keys.items}
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        words = {item.description for keys in app.screen.query(FooterKeys) for item in keys.items}
        assert "New session" in words and "Nieuwe sessie" not in words


async def test_a_click_on_a_command_in_the_footer_runs_that_command(make_session, make_app):
    from screens.widgets.footer import FooterKeys

    app = make_app(make_session(), lang="en")
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        first = app.screen.step_id
        keys = next(keys for keys in app.screen.query(FooterKeys) if not keys.has_class("-command-palette"))
        index = [item.description for item in keys.items].index("Next step")
        start = keys.ends[index - 1] if index else 0
        await pilot.click(keys, offset=(start + 1, 0))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.step_id != first
