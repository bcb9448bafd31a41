"""A setting given through the environment with a value the app cannot use is refused in one line
when the command starts, naming the variable: never a traceback, never later in the meeting."""

from __future__ import annotations

import pytest

from workshop import settings
from workshop.cli.main import run


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


def test_good_settings_are_read_with_their_defaults(monkeypatch):
    monkeypatch.delenv("WORKSHOP_SERVE_PORT", raising=False)
    monkeypatch.delenv("WORKSHOP_SERVE_HOST", raising=False)
    assert (settings.serve_host(), settings.serve_port()) == ("127.0.0.1", 8765)
    monkeypatch.setenv("WORKSHOP_SERVE_PORT", "0")
    monkeypatch.setenv("WORKSHOP_SERVE_HOST", "0.0.0.0")
    assert (settings.serve_host(), settings.serve_port()) == ("0.0.0.0", 0)
