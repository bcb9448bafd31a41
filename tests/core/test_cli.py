"""The command line contract: rich output, --json for scripts, one line and status 2 for mistakes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.cli.main import run

WORKSHOP = str(Path(sys.executable).with_name("workshop"))


def workshop(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([WORKSHOP, *args], capture_output=True, text=True, input=stdin or "",
                          timeout=60, env={**os.environ, "WORKSHOP_LANG": "en", **(env or {})})


def new_session(capsys, *extra: str) -> str:
    code = run(["new", "--collaboration", "Zorg Oost", "--partner", "Gemeente", "--partner", "Zorggroep",
                "--participant", "Anna@Gemeente:alliance manager", "--guide", "procesregie",
                "--date", "2026-11-20", "--json", *extra])
    assert code == 0
    return json.loads(capsys.readouterr().out)["id"]


def test_new_with_flags_prepares_a_session_and_prints_its_id(capsys, store):
    session_id = new_session(capsys)
    assert store.session_path(session_id).exists()


def test_list_json_shows_the_new_session(capsys):
    session_id = new_session(capsys)
    assert run(["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [entry["id"] for entry in listed] == [session_id]
    assert listed[0]["collaboration"] == "Zorg Oost"


def test_list_filters_by_collaboration_and_status(capsys):
    new_session(capsys)
    assert run(["list", "--collaboration", "Other", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert run(["list", "--status", "closed", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_show_json_holds_every_contribution(capsys, store):
    from workshop.core.session import LiveSession

    session_id = new_session(capsys)
    live = LiveSession(store.open_session(session_id))
    live.add("pains", "[bold]Wachtlijsten[/bold]", partner="Gemeente")
    live.release()
    assert run(["show", session_id[:11], "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [c["text"] for c in shown["contributions"]] == ["[bold]Wachtlijsten[/bold]"]


def test_show_prints_user_markup_literally(capsys, store):
    from workshop.core.session import LiveSession

    session_id = new_session(capsys)
    live = LiveSession(store.open_session(session_id))
    live.add("pains", "[red]rood[/red] \x1b[31mansi", partner="Gemeente")
    live.release()
    assert run(["show", session_id]) == 0
    out = capsys.readouterr().out
    assert "[red]rood[/red]" in out and "\x1b[31m" not in out


def test_where_prints_the_store_folder(capsys, tmp_path):
    assert run(["--store", str(tmp_path / "elders"), "where"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "elders")


def test_guide_list_json_has_the_built_in_guides(capsys):
    assert run(["guide", "list", "--json"]) == 0
    ids = {g["id"] for g in json.loads(capsys.readouterr().out)}
    assert {"procesregie", "pulse", "verkenning"} <= ids


def test_guide_show_lists_the_steps(capsys):
    assert run(["--lang", "en", "guide", "show", "pulse"]) == 0
    assert "Communication" in capsys.readouterr().out


def test_guide_check_accepts_a_good_file_and_names_a_bad_one(capsys, tmp_path):
    good = Path(__file__).parents[2] / "sessions" / "pulse.toml"
    assert run(["guide", "check", str(good)]) == 0
    bad = tmp_path / "bad.toml"
    bad.write_text('[guide]\nid = "x"\ntitle = "X"\n\n[[steps]]\nid = "a"\nkind = "dance"\n')
    assert run(["guide", "check", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert str(bad) in err and "kind" in err and len(err.splitlines()) == 1


def test_own_guides_are_listed_and_broken_ones_warned_about(capsys, tmp_path, monkeypatch):
    folder = tmp_path / "own-guides"
    folder.mkdir()
    source = (Path(__file__).parents[2] / "sessions" / "pulse.toml").read_text()
    (folder / "mine.toml").write_text(source.replace('id = "pulse"', 'id = "mine"', 1))
    (folder / "broken.toml").write_text("[guide")
    assert run(["guide", "list", "--json"]) == 0
    captured = capsys.readouterr()
    assert "mine" in {g["id"] for g in json.loads(captured.out)}
    assert "broken.toml" in captured.err


@pytest.mark.parametrize(
    "args, words",
    [
        (["show", "nothing-here"], "no session"),
        (["show", "../../etc/passwd"], "not a session id"),
        (["show", "/etc/passwd"], "not a session id"),
        (["new", "--collaboration", "X", "--partner", "A", "--guide", "nope"], "no guide named"),
        (["new", "--collaboration", "X", "--partner", "A", "--guide", "pulse", "--date", "gisteren"], "not a date"),
        (["new", "--collaboration", "X", "--partner", "A", "--guide", "pulse", "--participant", "Jan"], "NAME@PARTNER"),
        (["new", "--collaboration", "X", "--partner", "A", "--guide", "pulse", "--participant", "Jan@B"], "not one of the partners"),
        (["new", "--collaboration", "", "--partner", "A", "--guide", "pulse"], "missing --collaboration"),
        (["new", "--collaboration", "X\x1b[2J", "--partner", "A", "--guide", "pulse"], "control characters"),
        (["new", "--collaboration", "X", "--partner", "A", "--partner", "a", "--guide", "pulse"], "twice"),
        (["new", "--collaboration", "X", "--partner", "A", "--guide", "pulse", "--lang", "fr"], "invalid choice"),
        (["list", "--status", "maybe"], "invalid choice"),
        (["guide", "check", "/nonexistent/guide.toml"], "guide.toml"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_gives_one_line_and_status_2(capsys, args, words):
    assert run(args) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], captured.err
    assert "Traceback" not in captured.err


def test_the_real_command_exits_2_without_a_traceback():
    result = workshop("show", "zzz")
    assert result.returncode == 2
    assert result.stderr.startswith("workshop: ") and "Traceback" not in result.stderr


def test_new_without_a_terminal_and_a_missing_answer_stops_at_once():
    result = workshop("new", "--partner", "A")
    assert result.returncode == 2
    assert "missing --collaboration, --guide" in result.stderr


def test_every_command_has_help():
    for args in (["--help"], ["new", "--help"], ["list", "--help"], ["show", "--help"], ["guide", "--help"],
                 ["guide", "list", "--help"], ["guide", "check", "--help"], ["where", "--help"], ["open", "--help"]):
        result = workshop(*args)
        assert result.returncode == 0 and "usage: workshop" in result.stdout, args


def test_a_store_inside_a_file_is_one_clear_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = workshop("--store", str(blocker / "store"), "new", "--collaboration", "X", "--partner", "A",
                      "--guide", "pulse")
    assert result.returncode == 2 and "cannot use the store" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_export_to_a_name_windows_reserves_is_refused_in_one_line(capsys, store, tmp_path):
    session_id = new_session(capsys)
    result = workshop("--store", str(store.root), "export", session_id, "--format", "md",
                      "-o", str(tmp_path / "aux.md"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "aux.md" in result.stderr
    assert not (tmp_path / "aux.md").exists()


def test_a_listing_sent_to_an_encoding_without_its_characters_is_escaped_not_a_traceback(capsys, store):
    new_session(capsys, "--title", "Ambitie ✔ • 🇳🇱")
    result = subprocess.run([WORKSHOP, "--store", str(store.root), "list"], capture_output=True,
                            encoding="cp1252", errors="replace", timeout=60,
                            env={**os.environ, "WORKSHOP_LANG": "en", "PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_a_catalogue_temp_file_left_by_a_killed_process_is_cleared_by_the_next_update(capsys, store):
    left = store.root / ".catalogue.json.k1ll3d.tmp"
    store.root.mkdir(parents=True, exist_ok=True)
    left.write_text("half")
    new_session(capsys)
    assert not left.exists()


def test_show_names_consent_bodies_statuses_and_review_verdicts_in_words_with_dates(capsys, store, shelf):
    from workshop.core.making.demo import make_demo

    first, second, _next = make_demo(store, shelf)
    assert run(["--lang", "nl", "show", second]) == 0
    out = capsys.readouterr().out
    import re

    assert re.search(r"Ondernemingsraad \(OR\): advies met voorwaarden \d{1,2} [a-z]+ \d{4}", " ".join(out.split()))
    assert "to_request" not in out and "advice_given" not in out and "[done]" not in out
    assert "gedaan: " in out


def test_one_command_builds_its_parser_without_importing_the_other_commands():
    from workshop.cli.main import ORDER, needed_commands

    assert needed_commands(["--store", "open", "open", "20261120-abcdef"]) == ("session_cmd",)
    assert needed_commands(["--lang=nl", "compare", "--help"]) == ("compare_cmd",)
    assert needed_commands(["--store", "S"]) == ()  # the app
    assert needed_commands(["--help"]) == needed_commands(["opne"]) == ORDER
    code = ("import sys\nfrom workshop.cli.main import build_parser\n"
            "build_parser(['guide', 'list'])\n"
            "print(sorted(m for m in sys.modules if m.startswith('workshop.cli.') and m.endswith('_cmd')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['workshop.cli.guide_cmd']"


@pytest.mark.parametrize("columns", [80, 160])
def test_the_session_list_keeps_each_session_to_two_lines_on_a_laptop_terminal(columns, tmp_path):
    store = str(tmp_path / "store")
    new = ["--store", store, "new", "--collaboration", "Samenwerkingsverband Jeugdhulp Rivierenland",
           "--title", "Tweede bijeenkomst over de wachtlijsten", "--partner", "Gemeente",
           "--guide", "procesregie", "--date", "2026-11-20", "--json"]
    assert workshop(*new).returncode == 0
    listed = workshop("--store", store, "list", env={"COLUMNS": str(columns)})
    assert listed.returncode == 0
    lines = [line for line in listed.stdout.splitlines() if line.strip()]
    rows = lines[lines.index(next(line for line in lines if "─" in line)) + 1:]
    assert all(len(line.rstrip()) <= columns for line in lines)
    assert len(rows) <= 2 and "2026-11-20" in rows[0]


def test_the_dutch_help_has_no_english_left_in_it():
    shown = workshop("--help", env={"WORKSHOP_LANG": "nl"})
    assert shown.returncode == 0
    assert "versienummer" in shown.stdout and "opdrachten:" in shown.stdout and "argumenten" not in shown.stdout
    assert not any(word in shown.stdout for word in ("show program", "usage:", "options:", "exit"))
