"""Export targets: only a new or regular file is replaced; anything else is refused in one line
and left exactly as it was. And CSV that no spreadsheet runs as a formula, whatever separator
it guesses."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.cli.main import run
from workshop.core.session import SessionView
from workshop.present.export import export_session

WORKSHOP = str(Path(sys.executable).with_name("workshop"))


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_to_a_device_refuses_and_leaves_the_device_node(capsys, make_session):
    session_id = make_session()
    before = os.lstat("/dev/null")
    code, out, err = run_cli(capsys, "export", session_id, "-o", "/dev/null")
    after = os.lstat("/dev/null")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "not a regular file" in err
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_export_to_a_fifo_refuses_without_waiting_and_leaves_the_fifo(tmp_path, make_session, store):
    session_id = make_session()
    fifo = tmp_path / "minutes.md"
    os.mkfifo(fifo)
    result = subprocess.run([WORKSHOP, "--store", str(store.root), "export", session_id, "-o", str(fifo)],
                            capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_export_to_a_symlink_refuses_and_leaves_link_and_target(capsys, tmp_path, make_session):
    session_id = make_session()
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("keep me")
    link = tmp_path / "minutes.md"
    link.symlink_to(outside)
    code, out, err = run_cli(capsys, "export", session_id, "-o", str(link))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "link" in err
    assert link.is_symlink() and outside.read_text() == "keep me"


def test_export_dash_writes_to_the_screen(capsys, make_session):
    session_id = make_session()
    code, out, err = run_cli(capsys, "export", session_id, "-o", "-", "-f", "md")
    assert code == 0 and out.startswith("# ")


# --- CSV for spreadsheets -----------------------------------------------------------------------

HOSTILE_CELLS = ["x;=1+1", "x,=1+1", "a\n=2+2", "=SUM(A1)", "+31 6", "-5", "@all", "\t=1", "ok; +1", 'q";=1']


@pytest.fixture
def hostile_view(live, store):
    session = live()
    for text in HOSTILE_CELLS:
        session.add("pains", text, partner="Gemeente")
    session.release()
    return SessionView(store.read_session(session.id))


@pytest.mark.parametrize("written", [",", ";"])
@pytest.mark.parametrize("read", [",", ";"])
def test_no_csv_cell_starts_a_formula_whichever_separator_writes_or_reads(hostile_view, written, read):
    text = export_session(hostile_view, "csv", sep=written)
    for row in csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=read):
        for cell in row:
            assert not cell.lstrip(" \t\r\n\"").startswith(("=", "+", "-", "@")), (written, read, cell)


def test_csv_read_with_its_own_separator_keeps_the_text_with_an_apostrophe(hostile_view):
    rows = list(csv.DictReader(io.StringIO(export_session(hostile_view, "csv", sep=";").removeprefix("\ufeff")),
                               delimiter=";"))
    assert {row["text"] for row in rows} >= {"x;'=1+1", "'=SUM(A1)", "'-5", "a\n'=2+2"}


def test_csv_has_a_bom_and_the_dutch_separator_for_a_dutch_session(capsys, make_session):
    dutch, english = make_session(lang="nl"), make_session(lang="en", collaboration="Other")
    assert run(["export", dutch, "-f", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeffsessie;datum;stap;")
    assert run(["export", english, "-f", "csv"]) == 0
    assert capsys.readouterr().out.startswith("\ufeffsession,date,step,")
    assert run(["export", dutch, "-f", "csv", "--sep", ","]) == 0
    assert capsys.readouterr().out.startswith("\ufeffsessie,datum,")
    assert run(["export", dutch, "-f", "csv", "--codes"]) == 0  # for scripts: the same in every language
    assert capsys.readouterr().out.startswith("\ufeffsession;date;step;")



def test_export_all_writes_every_other_session_when_one_target_is_a_planted_link_or_fifo(capsys, tmp_path,
                                                                                       make_session):
    ids = sorted(make_session(collaboration=f"Verband {n}") for n in range(4))
    folder = tmp_path / "backup"
    folder.mkdir()
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("keep me")
    (folder / f"{ids[0]}.json").symlink_to(outside)
    os.mkfifo(folder / f"{ids[1]}.json")
    code, _out, err = run_cli(capsys, "export", "--all", "-o", str(folder))
    assert code == 2 and "Traceback" not in err
    assert sum(1 for line in err.splitlines() if line.startswith("cannot write")) == 2
    assert "Exported 2 sessions" in err
    assert all(json.loads((folder / f"{i}.json").read_text())["meta"]["id"] == i for i in ids[2:])
    assert outside.read_text() == "keep me" and stat.S_ISFIFO(os.lstat(folder / f"{ids[1]}.json").st_mode)
