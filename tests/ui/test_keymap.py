"""Users remap keys by binding id in a keymap file."""

from __future__ import annotations

import pytest

from workshop.keymap import KeymapError, load_keymap


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
    with pytest.raises(KeymapError, match="keymap.toml"):
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
