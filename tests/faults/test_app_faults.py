"""The whole app under faults, driven through the real `workshop` command in a pseudo-terminal.

Each case ends with a clear message and no data harmed: kill -9 at random moments of a
scripted session, a read-only store, a full small disk, a corrupt session among good ones,
and two facilitators opening the same session.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
from pathlib import Path

import pytest

from tests.faults.terminal import WORKSHOP, Terminal
from workshop.core.session import LiveSession, SessionView
from workshop.core.store import Store
from workshop.core.store.store import check_tables

SLOW = bool(os.environ.get("WORKSHOP_SLOW"))
KILL_TRIALS = 200 if SLOW else 50
STEP_TITLE = "What gets in the way"  # the prompt of the pain points step: shown only while it is open


def english() -> dict[str, str]:
    """The test's environment, with the command line in English (its default is Dutch)."""
    return {**os.environ, "WORKSHOP_LANG": "en"}


def on_disk(path: Path) -> list[str]:
    tables, _ = check_tables(path.read_bytes())  # raises if the file is unreadable
    return [doc["text"] for doc in tables["contributions"].values() if doc["step"] == "pains"]


def session_at_pains(store: Store, make_session) -> str:
    session_id = make_session()
    live = LiveSession(store.open_session(session_id))
    live.go_to("pains")
    live.release()
    return session_id


def open_app(store: Store, session_id: str, **kwargs) -> Terminal:
    return Terminal("--store", str(store.root), "--lang", "en", "open", session_id, **kwargs)


def run_kill_trials(store: Store, session_id: str, trials: range) -> None:
    """Each trial types a few contributions in bursts (all keys of several contributions in one
    write, as a paste or a laggy link delivers them), then is killed: sometimes after the screen
    showed them saved, sometimes at once. Nothing saved is lost, none is merged with another or
    saved twice, and what was saved is what was typed, in order."""
    path = store.session_path(session_id)
    rng = random.Random(trials.start)
    for trial in trials:
        before = on_disk(path)
        typed = [f"k{trial:03d}-{number:02d} hostile [bold]x[/bold]" for number in range(rng.randint(1, 5))]
        app = open_app(store, session_id)
        try:
            app.wait_for_text(STEP_TITLE, timeout=30)
            cut = rng.randint(0, len(typed))  # two bursts: the keys of typed[:cut], then the rest
            for burst in (typed[:cut], typed[cut:]):
                if burst:
                    os.write(app.fd, "".join(text + "\r" for text in burst).encode())
            # Sometimes wait until all is on disk, sometimes kill right after the keys.
            if rng.random() < 0.5:
                app.wait_for(lambda: on_disk(path)[len(before):] == typed, timeout=20, what=f"{typed!r} saved")
            else:
                app.pump(rng.random() * 0.3)
        finally:
            app.kill9()
        after = on_disk(path)
        assert after[:len(before)] == before, f"trial {trial}: lost {[t for t in before if t not in after]}"
        new = after[len(before):]
        assert new == typed[:len(new)], f"trial {trial}: typed {typed}, saved {new} (merged, split or repeated)"
    fresh = Store(store.root)
    assert [i.id for i in fresh.catalogue()] == [session_id] and fresh.problems == []


@pytest.mark.parametrize("part", range(2))
def test_kill_9_during_bursts_of_keys_loses_merges_and_repeats_nothing(store, make_session, part):
    session_id = session_at_pains(store, make_session)
    half = KILL_TRIALS // 2
    run_kill_trials(store, session_id, range(part * half, (part + 1) * half))


def test_after_a_kill_the_app_resumes_at_the_same_step_with_everything(store, make_session):
    session_id = session_at_pains(store, make_session)
    path = store.session_path(session_id)
    app = open_app(store, session_id)
    app.wait_for_text(STEP_TITLE, timeout=30)
    for text in ("eerste punt", "tweede punt"):
        app.type(text)
        app.press("enter")
        app.wait_for(lambda: text in on_disk(path), timeout=20, what=text)
    app.kill9()
    again = open_app(store, session_id)
    try:
        again.wait_for_text(STEP_TITLE, timeout=30)
        again.wait_for_text("tweede punt", timeout=10)
        assert "eerste punt" in again.text()
    finally:
        again.kill9()
    assert SessionView(store.read_session(session_id)).current.id == "pains"


def test_a_second_facilitator_gets_a_read_only_view_with_a_clear_message(store, make_session):
    session_id = session_at_pains(store, make_session)
    first = open_app(store, session_id)
    try:
        first.wait_for_text(STEP_TITLE, timeout=30)
        second = open_app(store, session_id)
        try:
            second.wait_for_text(STEP_TITLE, timeout=30)
            second.wait_for(lambda: "open elsewhere" in second.text() or "read-only" in second.text(),
                            timeout=10, what="the read-only message")
            second.type("from the second window")
            second.press("enter")
            second.pump(1.0)
        finally:
            second.kill9()
        first.type("from the first window")
        first.press("enter")
        path = store.session_path(session_id)
        first.wait_for(lambda: "from the first window" in on_disk(path), timeout=20, what="first window saves")
        assert "from the second window" not in on_disk(path)
    finally:
        first.kill9()


def test_a_corrupt_session_among_good_ones_is_named_and_the_rest_works(store, make_session):
    good = make_session(collaboration="Goed verband")
    bad = make_session(collaboration="Kapot verband")
    store.session_path(bad).write_bytes(b'{"meta": {"1": {"id": "' + bad.encode() + b'", "ste')
    listed = subprocess.run([WORKSHOP, "--store", str(store.root), "list", "--json"],
                            capture_output=True, text=True, timeout=60, env=english())
    assert listed.returncode == 0
    assert [entry["id"] for entry in json.loads(listed.stdout)] == [good]
    assert bad in listed.stderr and "corrupt" in listed.stderr
    kept = list((store.root / "corrupt").iterdir())
    assert kept[0].read_bytes().startswith(b'{"meta"')
    # The app starts on the good session, and the home screen lists it.
    app = Terminal("--store", str(store.root), "--lang", "en")
    try:
        app.wait_for_text("Goed verband", timeout=30)
    finally:
        app.kill9()


def _mount_tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
                          capture_output=True)
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    folder = tmp_path / "small"
    if not _mount_tmpfs(folder, "2m"):
        pytest.skip("cannot mount a small tmpfs on this machine (needs root); the store's injected "
                    "ENOSPC tests cover the same path")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_full_disk_shows_not_saved_keeps_the_text_and_saves_once_there_is_room(small_disk, shelf):
    from workshop.core.making.prepare import Plan, prepare_session

    store = Store(small_disk / "store")
    session_id = prepare_session(store, Plan("Vol", shelf.get("procesregie"), ["Gemeente"], lang="en"))
    live = LiveSession(store.open_session(session_id))
    live.go_to("pains")
    live.add("pains", "saved before the disk filled up", partner="Gemeente")
    live.release()
    filler = small_disk / "filler"
    with open(filler, "wb") as handle:  # fill the disk to the last block
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    app = open_app(store, session_id)
    path = store.session_path(session_id)
    try:
        app.wait_for_text(STEP_TITLE, timeout=30)
        app.type("typed on a full disk")
        app.press("enter")
        app.wait_for_text("NOT saved", timeout=15)
        assert on_disk(path) == ["saved before the disk filled up"]
        filler.unlink()
        app.wait_for(lambda: "typed on a full disk" in on_disk(path), timeout=30, what="the retry")
    finally:
        app.kill9()
    assert on_disk(path) == ["saved before the disk filled up", "typed on a full disk"]


def test_new_on_a_full_disk_is_one_clear_line_and_exit_2(small_disk):
    store_dir = small_disk / "store"
    subprocess.run([WORKSHOP, "--store", str(store_dir), "new", "--collaboration", "A", "--partner", "B",
                    "--guide", "pulse"], check=True, capture_output=True, timeout=60)
    with open(small_disk / "filler", "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    result = subprocess.run([WORKSHOP, "--store", str(store_dir), "new", "--collaboration", "A", "--partner", "B",
                             "--guide", "procesregie"], capture_output=True, text=True, timeout=60, env=english())
    assert result.returncode == 2
    assert "No space left" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert len(Store(store_dir).catalogue()) == 1


def test_a_read_only_store_is_shown_read_only_and_refuses_new_sessions(tmp_path, shelf):
    folder = tmp_path / "ro"
    if not _mount_tmpfs(folder, "4m"):
        pytest.skip("cannot mount a tmpfs on this machine (needs root)")
    try:
        from workshop.core.making.prepare import Plan, prepare_session

        store = Store(folder / "store")
        session_id = prepare_session(store, Plan("Alleen lezen", shelf.get("procesregie"), ["Gemeente"], lang="en"))
        live = LiveSession(store.open_session(session_id))
        live.go_to("pains")
        live.add("pains", "written before", partner="Gemeente")
        live.release()
        before = store.session_path(session_id).read_bytes()
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
        result = subprocess.run([WORKSHOP, "--store", str(store.root), "new", "--collaboration", "A",
                                 "--partner", "B", "--guide", "pulse"], capture_output=True, text=True, timeout=60,
                                env=english())
        assert result.returncode == 2 and "Read-only file system" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        listed = subprocess.run([WORKSHOP, "--store", str(store.root), "list", "--json"],
                                capture_output=True, text=True, timeout=60)
        assert listed.returncode == 0 and json.loads(listed.stdout)[0]["id"] == session_id
        app = open_app(store, session_id)
        try:
            app.wait_for_text(STEP_TITLE, timeout=30)
            app.wait_for(lambda: "read-only" in app.text(), timeout=10, what="read-only notice")
            assert "written before" in app.text()
        finally:
            app.kill9()
        assert store.session_path(session_id).read_bytes() == before
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
