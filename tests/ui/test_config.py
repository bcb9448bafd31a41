"""The app started without the command line (as tests and the bench start it) reads the same
configuration, and a bad value there is one line on screen, never a traceback."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("name", "value"), [
    ("WORKSHOP_SERVE_PORT", "eighty"), ("WORKSHOP_SERVE_HOST", "a host"), ("WORKSHOP_KEYMAP", "keymap.toml"),
])
async def test_the_app_started_with_a_bad_setting_shows_one_line(tmp_path, monkeypatch, store, shelf, name, value):
    from screens.app import WorkshopApp

    (tmp_path / "keymap.toml").write_text("not toml [", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(name, value)
    app = WorkshopApp(store=store, shelf=shelf, lang="en")
    notices = []
    monkeypatch.setattr(app, "notify", lambda message, **kwargs: notices.append((message, kwargs.get("severity"))))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert len(notices) == 1 and notices[0][1] == "error" and "\n" not in notices[0][0]
    assert (name if name != "WORKSHOP_KEYMAP" else "keymap.toml") in notices[0][0]
    assert (app.config.serve_host, app.config.serve_port) == ("127.0.0.1", 8765)  # the defaults hold


def test_the_app_takes_the_configuration_it_is_given(store, shelf, monkeypatch):
    from screens.app import WorkshopApp
    from workshop.core.config.settings import Config

    monkeypatch.setenv("WORKSHOP_SERVE_PORT", "eighty")  # not read: the configuration is given
    app = WorkshopApp(store=store, shelf=shelf, lang="en", config=Config(serve_port=0))
    assert app.config.serve_port == 0 and app.start_notices == []
