"""A damaged store: one bad file never breaks the others, and every command says so in one line.

Each malformed kind is valid JSON with a wrongly typed field (as a hand edit or another tool
leaves it); the real command line must list the other sessions, set the file aside in corrupt/
(or name it, in a read-only store) and end every command without a traceback.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.cli.main import run
from workshop.core.store import Store

WORKSHOP = str(Path(sys.executable).with_name("workshop"))


def workshop(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([WORKSHOP, *args], capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
                          env={**os.environ, "WORKSHOP_LANG": "en"})


def _step_a_list(t):
    next(iter(t["contributions"].values()))["step"] = ["pains"]


def _order_an_int(t):
    t["meta"]["1"]["order"] = 7


def _steps_an_int_in_schema_0(t):
    meta = t["meta"]["1"]
    for key in ("schema", "order", "skipped", "notes", "timers"):
        meta.pop(key, None)
    meta["steps"] = 3


def _participants_as_strings(t):
    t["meta"]["1"]["participants"] = ["Anna", "Bram"]


def _partners_an_int(t):
    t["meta"]["1"]["partners"] = 2


def _date_an_int(t):
    t["meta"]["1"]["date"] = 20261120


def _an_unknown_lang(t):
    t["meta"]["1"]["lang"] = "fr"


def _a_5000_digit_integer(t):
    next(iter(t["contributions"].values()))["position"] = "HUGE"


def _position_a_huge_but_parsable_integer(t):
    next(iter(t["contributions"].values()))["position"] = 10**400


MALFORMED = {
    "contribution-step-a-list": _step_a_list,
    "order-an-int": _order_an_int,
    "steps-an-int-in-schema-0": _steps_an_int_in_schema_0,
    "participants-as-strings": _participants_as_strings,
    "partners-an-int": _partners_an_int,
    "date-an-int": _date_an_int,
    "unknown-lang": _an_unknown_lang,
    "5000-digit-integer": _a_5000_digit_integer,
    "400-digit-position": _position_a_huge_but_parsable_integer,
}


@pytest.fixture
def damaged_store(store, live, make_session):
    """A store of two good sessions and one that a change made malformed; returns a damager."""
    good = live(make_session(collaboration="Zorg Oost", date="2026-10-01"))
    good.add("pains", "Wachtlijsten", partner="Gemeente")
    good.release()
    second = make_session(collaboration="Zorg Oost", date="2026-11-01")
    bad = live(make_session(collaboration="Zorg Oost", date="2026-11-20"))
    bad.add("pains", "Te veel overleg", partner="Gemeente")
    bad.release()
    store.catalogue()  # the catalogue knows all three before the damage

    def damage(change) -> tuple[str, list[str]]:
        path = store.session_path(bad.id)
        tables = json.loads(path.read_text())
        change(tables)
        text = json.dumps(tables).replace('"HUGE"', "9" * 5000)
        path.write_text(text)
        return bad.id, [good.id, second]

    return damage


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("change", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_session_is_set_aside_in_one_line_and_the_rest_still_lists(capsys, store, damaged_store, change):
    bad, others = damaged_store(change)
    code, out, err = run_cli(capsys, "list", "--json")
    assert code == 0
    assert sorted(entry["id"] for entry in json.loads(out)) == sorted(others)
    assert len(err.strip().splitlines()) == 1 and bad in err and "corrupt" in err
    assert not store.session_path(bad).exists()
    assert [p.name.split(".json")[0] for p in store.corrupt_dir.iterdir()] == [bad]


@pytest.mark.parametrize("change", MALFORMED.values(), ids=MALFORMED.keys())
def test_every_command_on_a_malformed_session_ends_in_one_line(capsys, store, damaged_store, change):
    bad, others = damaged_store(change)
    for args in (["show", bad], ["show", bad, "--json"], ["export", bad, "-f", "json"], ["compare", bad]):
        code, out, err = run_cli(capsys, *args)
        assert code == 2 and len(err.strip().splitlines()) == 1 and bad in err, (args, err)
        assert "Traceback" not in err
    code, out, err = run_cli(capsys, "compare", "--collaboration", "Zorg Oost")
    assert code == 0 and "Traceback" not in err
    code, out, err = run_cli(capsys, "list")
    assert code == 0 and all(session_id in out for session_id in others)


def test_the_real_command_lists_a_store_with_a_malformed_file_without_a_traceback(store, damaged_store):
    bad, others = damaged_store(_participants_as_strings)
    result = workshop("list")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert bad in result.stderr and all(session_id in result.stdout for session_id in others)
    shown = workshop("show", bad)
    assert shown.returncode == 2 and len(shown.stderr.strip().splitlines()) == 1


def test_a_read_only_store_names_the_damage_and_leaves_the_file(store, damaged_store):
    bad, others = damaged_store(_order_an_int)
    os.chmod(store.sessions_dir, 0o500)
    os.chmod(store.root, 0o500)
    try:
        if os.access(store.sessions_dir, os.W_OK):
            pytest.skip("running as root: folders cannot be made read-only")
        result = workshop("list", "--json")
        assert result.returncode == 0, result.stderr
        assert sorted(entry["id"] for entry in json.loads(result.stdout)) == sorted(others)
        assert len(result.stderr.strip().splitlines()) == 1 and bad in result.stderr and "left in place" in result.stderr
        assert store.session_path(bad).exists()
    finally:
        os.chmod(store.root, 0o700)
        os.chmod(store.sessions_dir, 0o700)


def test_a_store_that_cannot_move_damage_names_it_in_one_line(store, damaged_store, monkeypatch):
    # As on a read-only mount (EROFS), also when running as root.
    bad, others = damaged_store(_date_an_int)

    def refuse(*args):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "rename", refuse)
    fresh = Store(store.root)
    assert sorted(info.id for info in fresh.catalogue()) == sorted(others)
    assert len(fresh.problems) == 1 and "Read-only file system" in fresh.problems[0]
    assert store.session_path(bad).exists()


def test_a_fifo_named_like_a_session_is_named_without_hanging(store, make_session):
    good = make_session()
    fifo = store.sessions_dir / "20261120-ffffff.json"
    os.mkfifo(fifo)
    result = workshop("list", "--json", timeout=20)  # would wait for a writer forever
    assert result.returncode == 0
    assert [entry["id"] for entry in json.loads(result.stdout)] == [good]
    assert "20261120-ffffff.json" in result.stderr and "FIFO" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # left as it is


def test_a_link_to_dev_zero_named_like_a_session_is_named_without_reading_it(store, make_session):
    good = make_session()
    link = store.sessions_dir / "20261120-aaaaaa.json"
    link.symlink_to("/dev/zero")
    result = workshop("list", "--json", timeout=20)  # would read gigabytes of zeros
    assert result.returncode == 0
    assert [entry["id"] for entry in json.loads(result.stdout)] == [good]
    assert "20261120-aaaaaa.json" in result.stderr and "device" in result.stderr
    shown = workshop("show", "20261120-aaaaaa", timeout=20)
    assert shown.returncode == 2 and "device" in shown.stderr


def test_a_session_over_the_size_limit_is_listed_as_too_large_with_its_size(store, make_session):
    from workshop.core.store.check import MAX_SESSION_BYTES

    good = make_session()
    huge = store.sessions_dir / "20261120-bbbbbb.json"
    with open(huge, "wb") as file:
        file.truncate(MAX_SESSION_BYTES + 1)  # sparse: no disk used, and never read
    result = workshop("list", "--json", timeout=20)
    assert result.returncode == 0 and [entry["id"] for entry in json.loads(result.stdout)] == [good]
    assert "20261120-bbbbbb.json" in result.stderr and "too large" in result.stderr and "64.0 MB" in result.stderr
    assert huge.exists()
    shown = workshop("show", "20261120-bbbbbb", timeout=20)
    assert shown.returncode == 2 and "too large" in shown.stderr


def test_a_store_path_that_is_a_file_is_named_as_not_a_folder(tmp_path, capsys):
    afile = tmp_path / "passwd"
    afile.write_text("root:x:0:0\n")
    code, out, err = run_cli(capsys, "--store", str(afile), "list")
    assert code == 2 and "is not a folder" in err and out == ""


def test_the_app_without_a_terminal_says_so_in_one_line_instead_of_waiting(tmp_path):
    result = subprocess.run([WORKSHOP, "--store", str(tmp_path / "s")], capture_output=True, text=True,
                            timeout=20, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "terminal" in result.stderr


def test_twenty_parallel_new_sessions_are_all_in_the_catalogue_at_once(store):
    command = [WORKSHOP, "--store", str(store.root), "new", "--collaboration", "Zorg Oost", "--partner", "Gemeente",
               "--guide", "pulse", "--json"]
    started = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                text=True) for _ in range(20)]
    made = set()
    for process in started:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        made.add(json.loads(out)["id"])
    written = json.loads(store.catalogue_path.read_text())["sessions"]  # as written, before any `list` rebuilds it
    assert set(written) == made and len(made) == 20


def test_random_wrong_types_anywhere_in_a_session_never_end_in_a_traceback(capsys, store, tmp_path):
    """Seeded: 25 demo sessions with one or two values anywhere (meta, steps, contributions)
    replaced by a value of another type; every command ends in 0 or one line and status 2."""
    import random
    import shutil

    from workshop.core.making.demo import make_demo

    ids = make_demo(store)
    original = {session_id: store.session_path(session_id).read_text() for session_id in ids}
    values = [None, 0, -1, 10**20, 1.5, True, "", "fr", [], ["a"], [1], {}, {"a": 1}, [[1, 2]], [{"a": 1}], "closed"]
    chance = random.Random(16)

    def places(node, path=()):
        yield path
        children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, child in children:
            yield from places(child, (*path, key))

    for trial in range(25):
        root = tmp_path / f"trial{trial}"
        shutil.copytree(store.root, root)
        victim = chance.choice(ids)
        tables = json.loads(original[victim])
        for _ in range(chance.randint(1, 2)):
            *parents, last = chance.choice([p for p in places(tables) if len(p) >= 3])
            node = tables
            for key in parents:
                node = node[key]
            node[last] = chance.choice(values)
        (root / "sessions" / f"{victim}.json").write_text(json.dumps(tables))
        (root / "catalogue.json").unlink()
        for args in (["list"], ["show", victim], ["export", victim, "-f", "csv"], ["compare", victim]):
            code = run(["--store", str(root), *args])
            err = capsys.readouterr().err
            assert code in (0, 2) and "Traceback" not in err and len(err.strip().splitlines()) <= 1, (trial, args, err)


def test_a_catalogue_that_links_to_dev_zero_is_rebuilt_without_reading_it(store, make_session):
    good = make_session()
    store.catalogue_path.unlink()
    store.catalogue_path.symlink_to("/dev/zero")
    result = workshop("list", "--json", timeout=20)
    assert result.returncode == 0 and [entry["id"] for entry in json.loads(result.stdout)] == [good]
