"""Hostile input at every command-line entry point: shown literally, saved exactly, or refused
in one line with status 2 — never interpreted, never a traceback, never a file outside the store."""

from __future__ import annotations

import json
import os

import pytest

from workshop.cli.main import run
from workshop.core.session import LiveSession, SessionView

MARKUP = "[bold red]Gemeente[/bold red] [link=https://evil.example]klik[/link]"
HOSTILE_TEXTS = [
    MARKUP,
    "\x1b[2J\x1b[31mwiped\x1b[0m",
    "ctrl \x07 bell \x08 back",
    "שלום \u202eRTL override\u202c",
    "emoji 😀👩‍👩‍👧 ok",
    "lone \ud800 surrogate",
    "<script>alert(1)</script> **bold** `code` | pipe",
    "=HYPERLINK(\"http://x\")",
]


def prepare(capsys, collaboration=MARKUP, title="Sessie [i]één[/i]") -> str:
    assert run(["new", "--collaboration", collaboration, "--partner", "Gemeente [b]", "--partner", "Zorg|groep",
                "--participant", "Anna <b>@Gemeente [b]:rol [x]", "--guide", "procesregie", "--title", title,
                "--date", "2026-11-20", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["id"]


def test_markup_in_names_is_kept_exactly_and_printed_literally(capsys, store):
    session_id = prepare(capsys)
    view = SessionView(store.read_session(session_id))
    assert view.collaboration == MARKUP and view.partners == ["Gemeente [b]", "Zorg|groep"]
    assert run(["list"]) == 0
    out = capsys.readouterr().out
    assert "[bold" in out and "\x1b]8;" not in out  # no terminal hyperlink was made of it


@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=range(len(HOSTILE_TEXTS)))
def test_hostile_contributions_are_saved_exactly_and_never_reach_the_terminal_raw(capsys, store, text):
    session_id = prepare(capsys)
    live = LiveSession(store.open_session(session_id))
    live.add("pains", text, partner="Gemeente [b]")
    live.release()
    assert SessionView(store.read_session(session_id)).contributions("pains")[0].text == text
    assert run(["show", session_id]) == 0
    shown = capsys.readouterr().out
    for control in ("\x1b[2J", "\x07", "\x08", "\u202e"):
        assert control not in shown
    assert run(["show", session_id, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["contributions"][0]["text"] == text
    for fmt in ("md", "html", "csv", "json"):
        assert run(["export", session_id, "--format", fmt]) == 0
        exported = capsys.readouterr().out
        assert "\x1b" not in exported and "\x07" not in exported
        if fmt == "html":
            assert "<script>" not in exported


@pytest.mark.parametrize(
    "flag, value",
    [
        ("--collaboration", "a\x1b[2Jb"),
        ("--collaboration", "x" * 1000),
        ("--partner", "tab\tpartner"),
        ("--title", "nul\x00title"),
        ("--facilitator", "\x7fdelete"),
        ("--date", "2026-02-30"),
        ("--date", "../../etc"),
        ("--guide", "../../../../etc/passwd"),
        ("--guide", "/dev/zero"),
        ("--participant", "@Gemeente"),
    ],
)
def test_hostile_flags_of_new_are_refused_in_one_line(capsys, store, flag, value):
    args = {"--collaboration": "Zorg Oost", "--partner": "Gemeente", "--guide": "pulse"}
    args[flag] = value
    argv = ["new"] + [part for pair in args.items() for part in pair]
    assert run(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("workshop: ")
    assert "\x1b[2J" not in err
    assert store.catalogue() == []


@pytest.mark.parametrize("name", ["../", "../../etc/passwd", "/etc/passwd", "a\x00b", "~root", "*", "20261120-*",
                                  "%2e%2e%2f", "con", " ", "\u202e"])
def test_session_names_that_try_paths_are_refused(capsys, name, tmp_path):
    for command in (["show", name], ["export", name, "--format", "md"], ["open", name], ["compare", name]):
        assert run(command) == 2, command
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not any(p.name.startswith("..") for p in tmp_path.rglob("*"))


def test_export_to_a_path_outside_a_folder_is_one_line(capsys, store, tmp_path):
    session_id = prepare(capsys)
    (tmp_path / "afile").write_text("x")
    assert run(["export", session_id, "--format", "md", "-o", str(tmp_path / "afile" / "minutes.md")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_guide_path_with_hostile_content_is_refused_naming_the_file(capsys, tmp_path):
    evil = tmp_path / "evil.toml"
    evil.write_bytes(b'[guide]\nid = "x"\ntitle = "\x1b[2J"\n' + b"\xff\xfe")
    assert run(["guide", "check", str(evil)]) == 2
    err = capsys.readouterr().err
    assert str(evil) in err and "\x1b[2J" not in err


def test_a_guide_that_is_a_fifo_or_a_device_is_refused_without_hanging(capsys, tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero"):
        assert run(["guide", "check", path]) == 2
        assert "not a regular file" in capsys.readouterr().err


def test_the_store_option_with_hostile_paths_is_one_line(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for store in (str(blocker / "sub"), "/proc/self/nope"):
        code = run(["--store", store, "new", "--collaboration", "A", "--partner", "B", "--guide", "pulse"])
        assert code == 2
        assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert os.path.exists(blocker)
