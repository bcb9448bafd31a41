"""Users remap keys by binding id in a keymap file."""

from __future__ import annotations

import pytest

from workshop.core.config.keymap import KeymapError, load_keymap


def test_a_keymap_file_maps_binding_ids_to_keys(tmp_path):
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\n"session.next" = "ctrl+right"\n')
    assert load_keymap(path) == {"session.next": "ctrl+right"}


def test_a_missing_keymap_is_empty(tmp_path):
    assert load_keymap(tmp_path / "none.toml") == {}


@pytest.mark.parametrize("text", ["[keys\n", '[keys]\n"next" = "x"\n', '[keys]\n"session.next" = 3\n',
                                  '[other]\n"a.b" = "x"\n', '[keys]\n"session.next" = "ctrl+[bold]"\n'])
def test_a_broken_keymap_names_the_file(tmp_path, text):
    path = tmp_path / "keymap.toml"
    path.write_text(text)
    with pytest.raises(KeymapError, match=r"keymap\.toml"):
        load_keymap(path)


async def test_the_app_applies_the_users_keymap(tmp_path, monkeypatch, store, shelf):
    from screens.app import WorkshopApp

    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\n"app.help" = "f2"\n')
    monkeypatch.setenv("WORKSHOP_KEYMAP", str(path))
    app = WorkshopApp(store=store, shelf=shelf, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        from screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)


async def test_the_keymap_replaces_both_the_f_key_and_its_alternative(tmp_path, monkeypatch, store, shelf):
    from screens.app import WorkshopApp
    from screens.help import HelpScreen

    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\n"app.help" = "f2,ctrl+e"\n')
    monkeypatch.setenv("WORKSHOP_KEYMAP", str(path))
    app = WorkshopApp(store=store, shelf=shelf, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        for old in ("f1", "ctrl+l"):
            await pilot.press(old)
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen), f"{old} still opens the help"
        for new in ("f2", "ctrl+e"):
            await pilot.press(new)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen), f"{new} does not open the help"
            await pilot.press("escape")
            await pilot.pause()


async def test_the_help_shows_the_keys_of_the_users_keymap(tmp_path, monkeypatch, store, shelf):
    from screens.app import WorkshopApp
    from screens.help import key_table

    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\n"home.new" = "ctrl+e"\n')
    monkeypatch.setenv("WORKSHOP_KEYMAP", str(path))
    app = WorkshopApp(store=store, shelf=shelf, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = key_table(app.screen)
        rows = dict(zip((str(cell) for cell in table.columns[1].cells), (str(cell) for cell in table.columns[0].cells)))
        assert rows["New session"] == "^e"


async def test_an_unknown_id_in_the_keymap_is_named(tmp_path, monkeypatch, store, shelf):
    from screens.app import WorkshopApp

    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\n"session.nxt" = "ctrl+e"\n')
    monkeypatch.setenv("WORKSHOP_KEYMAP", str(path))
    app = WorkshopApp(store=store, shelf=shelf, lang="en")
    notices = []
    monkeypatch.setattr(app, "notify", lambda message, **kwargs: notices.append(message))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert any("session.nxt" in notice for notice in notices)


async def test_a_keymap_rebinds_a_dialogs_key_and_warns_nothing(tmp_path, monkeypatch, store, shelf):
    from rich.text import Text

    from screens.app import WorkshopApp
    from screens.dialogs import ConfirmDialog, TextDialog

    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\n"confirm.yes" = "o"\n"dialog.cancel" = "f12"\n')
    monkeypatch.setenv("WORKSHOP_KEYMAP", str(path))
    app = WorkshopApp(store=store, shelf=shelf, lang="en")
    notices, answers = [], []
    monkeypatch.setattr(app, "notify", lambda message, **kwargs: notices.append(message))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(ConfirmDialog(Text("Sure?")), answers.append)
        await pilot.pause()
        await pilot.press("y")  # no longer its key
        await pilot.press("o")
        await pilot.pause()
        app.push_screen(TextDialog("Name"), answers.append)
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
    assert answers == [True, None]
    assert notices == []
