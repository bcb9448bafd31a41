"""Backup and restore: `export --all` writes every session as JSON, `import` reads them back,
checked like any session file; private notes leave only when asked for."""

from __future__ import annotations

import json

import pytest

from tests.core.test_export import deterministic, fixed_session  # noqa: F401 - fixtures
from workshop.cli.main import run
from workshop.core.making.demo import make_demo
from workshop.core.session import LiveSession, SessionView
from workshop.core.store import Store
from workshop.present.export import export_session


def exports(store: Store, *extra: str) -> dict[str, str]:
    """Every session of `store` as its JSON export, by id."""
    return {info.id: export_session(SessionView(store.read_session(info.id)), "json", "--include-notes" in extra)
            for info in store.catalogue()}


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def full_store(store, shelf, make_session):
    """The demo collaboration and one session per built-in guide, with a private note and a
    link between two pain points."""
    make_demo(store, shelf)
    for guide in sorted(shelf.guides):
        session = LiveSession(store.open_session(make_session(guide=guide, collaboration=f"Gids {guide}")))
        first = session.agenda[0].id
        session.set_note(first, "privé: de wethouder twijfelt")
        if any(step.id == "pains" for step in session.steps):
            a = session.add("pains", "Wachtlijsten", partner="Gemeente")
            b = session.add("pains", "Te lange wachtlijst", partner="Zorggroep")
            session.link_same(a.uid, b.uid)
        session.release()
    return store


def test_every_session_survives_export_all_and_import_unchanged(capsys, tmp_path, full_store):
    before = exports(full_store, "--include-notes")
    code, _out, err = run_cli(capsys, "export", "--all", "--include-notes", "-o", str(tmp_path / "backup"))
    assert code == 0 and f"{len(before)} sessions" in err
    empty = tmp_path / "restored"
    code, _out, err = run_cli(capsys, "--store", str(empty), "import", str(tmp_path / "backup"))
    assert code == 0, err
    assert exports(Store(empty), "--include-notes") == before
    assert any('"privé: de wethouder twijfelt"' in text or "priv\\u00e9" in text for text in before.values())


def test_the_session_with_every_prompt_kind_and_hostile_text_survives_a_round_trip(capsys, tmp_path, store,
                                                                                   fixed_session):  # noqa: F811
    before = exports(store, "--include-notes")
    assert run(["export", "--all", "--include-notes", "-o", str(tmp_path / "backup")]) == 0
    assert run(["--store", str(tmp_path / "restored"), "import", str(tmp_path / "backup")]) == 0
    assert exports(Store(tmp_path / "restored"), "--include-notes") == before


def test_a_backup_without_notes_restores_everything_but_the_notes(capsys, tmp_path, full_store):
    before = {sid: json.loads(text) for sid, text in exports(full_store).items()}
    assert run(["export", "--all", "-o", str(tmp_path / "backup")]) == 0
    assert "twijfelt" not in "".join(p.read_text() for p in (tmp_path / "backup").iterdir())
    assert run(["--store", str(tmp_path / "restored"), "import", str(tmp_path / "backup")]) == 0
    after = {sid: json.loads(text) for sid, text in exports(Store(tmp_path / "restored")).items()}
    assert after == before


def test_export_all_of_a_collaboration_writes_only_its_sessions(capsys, tmp_path, store, make_session):
    mine = {make_session(collaboration="Zorg Oost"), make_session(collaboration="zorg oost", date="2026-12-01")}
    make_session(collaboration="Anders")
    assert run(["export", "--all", "--collaboration", "Zorg Oost", "-o", str(tmp_path / "out")]) == 0
    assert {p.stem for p in (tmp_path / "out").iterdir()} == mine


def test_import_never_overwrites_an_existing_session_without_replace(capsys, tmp_path, live):
    session = live()
    session.add("pains", "eerst", partner="Gemeente")
    backup = tmp_path / "s.json"
    assert run(["export", session.id, "-f", "json", "-o", str(backup)]) == 0
    session.add("pains", "daarna", partner="Gemeente")
    session.release()
    code, _out, err = run_cli(capsys, "import", str(backup))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--replace" in err
    store = session.file and Store(session.file.path.parent.parent)
    assert [c.text for c in SessionView(store.read_session(session.id)).contributions("pains")] == ["eerst", "daarna"]
    assert run(["import", str(backup), "--replace"]) == 0
    assert [c.text for c in SessionView(store.read_session(session.id)).contributions("pains")] == ["eerst"]


def test_replacing_from_a_backup_without_notes_keeps_the_notes_in_the_store(capsys, tmp_path, live, store):
    session = live()
    session.set_note(session.agenda[0].id, "geheim")
    session.release()
    backup = tmp_path / "s.json"
    assert run(["export", session.id, "-f", "json", "-o", str(backup)]) == 0
    assert run(["import", str(backup), "--replace"]) == 0
    assert SessionView(store.read_session(session.id)).note(session.agenda[0].id) == "geheim"


@pytest.mark.parametrize("damage", [
    lambda d: d["meta"].update(order=7),
    lambda d: d["contributions"][0].update(step=["pains"]),
    lambda d: d["meta"].update(lang="fr"),
    lambda d: d.update(meta="x"),
    lambda d: d["meta"].update(id="../../etc/passwd"),
], ids=["order-an-int", "step-a-list", "unknown-lang", "no-meta", "id-a-path"])
def test_a_damaged_backup_is_refused_in_one_line_and_nothing_is_written(capsys, tmp_path, live, damage):
    session = live()
    session.add("pains", "x", partner="Gemeente")
    session.release()
    data = json.loads(export_session(SessionView(Store(session.file.path.parent.parent).read_session(session.id)),
                                     "json"))
    damage(data)
    backup = tmp_path / "bad.json"
    backup.write_text(json.dumps(data))
    empty = tmp_path / "empty"
    code, _out, err = run_cli(capsys, "--store", str(empty), "import", str(backup))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "bad.json" in err and "Traceback" not in err
    assert not (empty / "sessions").exists() or list((empty / "sessions").glob("*.json")) == []


def test_a_copy_of_a_session_file_imports_too(capsys, tmp_path, live, store):
    session = live()
    session.add("pains", "uit de kopie", partner="Gemeente")
    session.release()
    copy = tmp_path / "copy.json"
    copy.write_bytes(store.session_path(session.id).read_bytes())
    assert run(["--store", str(tmp_path / "other"), "import", str(copy)]) == 0
    restored = Store(tmp_path / "other").read_session(session.id)
    assert [c.text for c in SessionView(restored).contributions("pains")] == ["uit de kopie"]


def test_importing_a_fifo_is_refused_without_hanging(capsys, tmp_path):
    import os

    fifo = tmp_path / "backup.json"
    os.mkfifo(fifo)
    code, _out, err = run_cli(capsys, "import", str(fifo))
    assert code == 2 and "FIFO" in err


# --- private notes --------------------------------------------------------------------------


def test_json_export_and_show_json_leave_notes_out_and_say_so(capsys, live):
    session = live()
    session.set_note(session.agenda[0].id, "geheim")
    session.release()
    for args in (["export", session.id, "-f", "json"], ["show", session.id, "--json"]):
        code, out, _err = run_cli(capsys, *args)
        data = json.loads(out)
        assert code == 0 and "geheim" not in out and data["notes_included"] is False and "notes" not in data["meta"]
    for args in (["export", session.id, "-f", "json", "--include-notes"], ["show", session.id, "--json", "--include-notes"]):
        code, out, _err = run_cli(capsys, *args)
        data = json.loads(out)
        assert data["notes_included"] is True and "geheim" in data["meta"]["notes"].values()


def test_notes_are_in_no_other_export_even_when_asked(capsys, live):
    session = live()
    session.set_note(session.agenda[0].id, "geheim")
    session.release()
    for fmt in ("md", "html", "csv"):
        code, out, _err = run_cli(capsys, "export", session.id, "-f", fmt, "--include-notes")
        assert code == 0 and "geheim" not in out



def test_a_backup_with_two_contributions_of_one_uid_is_refused_and_nothing_is_written(capsys, tmp_path, live):
    session = live()
    first = session.add("pains", "Wachtlijsten", partner="Gemeente")
    session.add("pains", "Te veel overleg", partner="Zorggroep")
    session.release()
    exported = json.loads(export_session(SessionView(session.tables()), "json"))
    second = next(record for record in exported["contributions"] if record["uid"] != first.uid)
    second["uid"] = first.uid  # a hand-edited or merged file: one of the two would be dropped
    backup = tmp_path / "twice.json"
    backup.write_text(json.dumps(exported))
    empty = tmp_path / "restored"
    code, _out, err = run_cli(capsys, "--store", str(empty), "import", str(backup))
    assert code == 2 and f"same uid {first.uid}" in err and "nothing imported" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not list((empty / "sessions").glob("*.json")) if (empty / "sessions").exists() else True
