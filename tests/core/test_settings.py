"""The configuration: the command line, the environment and keymap.toml read in one place
(workshop/core/config/settings.py). A value the app cannot use is refused in one line when the command starts,
naming where it came from: never a traceback, never later in the meeting."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from workshop.cli.main import run
from workshop.core.config import settings
from workshop.core.config.settings import Config, SettingError, load


@pytest.mark.parametrize(("name", "value"), [
    ("WORKSHOP_SERVE_PORT", "abc"), ("WORKSHOP_SERVE_PORT", "70000"), ("WORKSHOP_SERVE_PORT", "-1"),
    ("WORKSHOP_SERVE_PORT", "80\x1b[2J"), ("WORKSHOP_SERVE_HOST", "a host"), ("WORKSHOP_LANG", "de"),
])
def test_a_bad_setting_is_one_line_and_exit_2(capsys, monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    code = run(["list"])
    err = capsys.readouterr().err
    assert code == 2 and name in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err and "\x1b[2J" not in err


@pytest.mark.parametrize("argv", [
    ["serve", "x", "--port", "eighty"], ["serve", "x", "--port", "-1"], ["serve", "x", "--port", "65536"],
    ["serve", "x", "--host", "a host"], ["--store", "NUL", "list"],
])
def test_a_bad_option_is_one_line_and_exit_2(capsys, argv):
    code = run(argv)
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("text", ['[keys]\n"session.next" = 3\n', "not toml [", '[other]\nx = 1\n'])
def test_a_broken_keymap_stops_the_app_in_one_line(capsys, monkeypatch, tmp_path, text):
    (tmp_path / "keymap.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("WORKSHOP_KEYMAP", str(tmp_path / "keymap.toml"))
    code = run([])  # the app, before it needs a terminal
    err = capsys.readouterr().err
    assert code == 2 and "keymap.toml" in err and len(err.strip().splitlines()) == 1
    assert run(["list"]) == 0  # a command that does not open the app does not read it


def test_good_settings_are_read_with_their_defaults():
    assert load(environ={}) == Config()
    assert (Config().serve_host, Config().serve_port, Config().lang) == ("127.0.0.1", 8765, None)
    config = load(environ={"WORKSHOP_SERVE_PORT": "0", "WORKSHOP_SERVE_HOST": "0.0.0.0", "WORKSHOP_LANG": "en",
                           "WORKSHOP_GUIDES": "/g", "WORKSHOP_STORE": "/s"})
    assert (config.serve_host, config.serve_port, config.lang) == ("0.0.0.0", 0, "en")
    assert (config.guides, config.store) == (Path("/g"), Path("/s"))


def test_the_command_line_wins_over_the_environment():
    args = argparse.Namespace(host="0.0.0.0", port="9000", lang="nl", store="/elsewhere")
    config = load(args, environ={"WORKSHOP_SERVE_HOST": "10.0.0.1", "WORKSHOP_SERVE_PORT": "1",
                                 "WORKSHOP_LANG": "en", "WORKSHOP_STORE": "/s"})
    assert (config.serve_host, config.serve_port, config.lang, config.store) == ("0.0.0.0", 9000, "nl", Path("/elsewhere"))
    with pytest.raises(SettingError, match="--port"):
        load(argparse.Namespace(port="x"), environ={})


def test_the_configuration_is_frozen_and_reads_keys_only_when_asked(tmp_path):
    (tmp_path / "keymap.toml").write_text('[keys]\n"session.next" = "ctrl+right"\n', encoding="utf-8")
    environ = {"WORKSHOP_KEYMAP": str(tmp_path / "keymap.toml")}
    assert dict(load(environ=environ).keys) == {}
    config = load(environ=environ, read_keys=True)
    assert dict(config.keys) == {"session.next": "ctrl+right"}
    with pytest.raises(AttributeError):
        config.serve_port = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        config.keys["session.next"] = "x"  # type: ignore[index]


def test_no_module_reads_the_environment_but_the_settings():
    """One place: a new WORKSHOP_* variable is read in workshop/core/config/settings.py, nowhere else."""
    root = Path(settings.__file__).parents[1]
    readers = [str(path.relative_to(root)) for folder in ("workshop", "screens") for path in (root / folder).rglob("*.py")
               if ("os.environ" in (text := path.read_text(encoding="utf-8")) or "getenv" in text)
               and path.name != "settings.py"]
    assert readers == []
