"""The store's platform differences, with Windows and macOS simulated on this machine.

`sys.platform` is patched (not `os.name`: pathlib would then refuse to make any path here) and the
system calls are recorded by fakes that call through to the real ones.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
import subprocess
import sys
import tempfile
import types
from pathlib import Path

import pytest

from workshop.core.machine import platform
from workshop.core.machine.platform import UnusablePath, check_user_path, make_private_folder
from workshop.core.store.atomic import write_atomically

WORKSHOP = str(Path(sys.executable).with_name("workshop"))


class SystemCalls:
    """Records which folders are opened and what each fsync / fcntl was given."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, refuse_folders: bool = False) -> None:
        self.calls: list[tuple[str, str]] = []
        real_open, real_fsync = os.open, os.fsync

        def kind(fd: int) -> str:
            return "folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"

        def fake_open(path, flags, mode=0o777, *args, **kwargs):
            if os.path.isdir(path):
                self.calls.append(("open folder", str(path)))
                if refuse_folders:  # what Windows does with a folder
                    raise PermissionError(errno.EACCES, "Access is denied", str(path))
            return real_open(path, flags, mode, *args, **kwargs)

        def fake_fsync(fd: int) -> None:
            self.calls.append(("fsync", kind(fd)))
            real_fsync(fd)

        self.kind = kind
        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(os, "fsync", fake_fsync)

    def named(self, name: str) -> list[str]:
        return [what for call, what in self.calls if call == name]


def simulate(monkeypatch: pytest.MonkeyPatch, sys_platform: str) -> None:
    monkeypatch.setattr(sys, "platform", sys_platform)


def fake_fcntl(monkeypatch: pytest.MonkeyPatch, calls: SystemCalls, refuse: bool) -> None:
    """macOS's fcntl module, which has F_FULLFSYNC; `refuse` plays a file system without it."""

    def fcntl(fd: int, command: int, *args):
        calls.calls.append(("F_FULLFSYNC", calls.kind(fd)))
        if refuse:
            raise OSError(errno.ENOTSUP, "Operation not supported")
        return 0

    monkeypatch.setitem(sys.modules, "fcntl", types.SimpleNamespace(F_FULLFSYNC=51, fcntl=fcntl))


# --- durability per platform ------------------------------------------------------------------


def test_on_linux_a_save_fsyncs_the_file_and_then_its_folder(tmp_path, monkeypatch):
    simulate(monkeypatch, "linux")
    calls = SystemCalls(monkeypatch)
    write_atomically(tmp_path / "s.json", b"{}")
    assert calls.named("fsync") == ["file", "folder"]
    assert calls.named("open folder") == [str(tmp_path)]
    assert (tmp_path / "s.json").read_bytes() == b"{}"


def test_on_windows_a_save_opens_no_folder_and_fsyncs_only_the_file(tmp_path, monkeypatch):
    simulate(monkeypatch, "win32")
    calls = SystemCalls(monkeypatch, refuse_folders=True)
    write_atomically(tmp_path / "s.json", b'{"a":1}')
    assert calls.named("open folder") == []
    assert calls.named("fsync") == ["file"]
    assert (tmp_path / "s.json").read_bytes() == b'{"a":1}'


def test_on_windows_every_save_of_a_live_session_succeeds_although_folders_cannot_be_opened(
        tmp_path, monkeypatch, live, store):
    session = live()
    simulate(monkeypatch, "win32")
    calls = SystemCalls(monkeypatch, refuse_folders=True)
    session.add("pains", "Wachtlijsten", partner="Gemeente")
    session.add("pains", "Te veel overleg", partner="Zorggroep")
    session.release()
    assert calls.named("open folder") == []
    assert "Te veel overleg" in store.session_path(session.id).read_text()


def test_on_macos_a_save_asks_for_a_full_fsync_of_file_and_folder_and_no_plain_fsync(tmp_path, monkeypatch):
    simulate(monkeypatch, "darwin")
    calls = SystemCalls(monkeypatch)
    fake_fcntl(monkeypatch, calls, refuse=False)
    write_atomically(tmp_path / "s.json", b"{}")
    assert calls.calls == [("F_FULLFSYNC", "file"), ("open folder", str(tmp_path)), ("F_FULLFSYNC", "folder")]


def test_on_macos_fsync_is_used_when_the_file_system_refuses_a_full_fsync(tmp_path, monkeypatch):
    simulate(monkeypatch, "darwin")
    calls = SystemCalls(monkeypatch)
    fake_fcntl(monkeypatch, calls, refuse=True)
    write_atomically(tmp_path / "s.json", b"{}")
    assert [call for call in calls.calls if call[0] != "open folder"] == [
        ("F_FULLFSYNC", "file"), ("fsync", "file"), ("F_FULLFSYNC", "folder"), ("fsync", "folder")]
    assert (tmp_path / "s.json").read_bytes() == b"{}"


def test_a_folder_the_file_system_cannot_sync_does_not_fail_a_save_that_was_made(tmp_path, monkeypatch):
    real_fsync = os.fsync

    def fsync(fd):
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomically(tmp_path / "s.json", b"{}")
    assert (tmp_path / "s.json").read_bytes() == b"{}"


def test_an_io_error_while_syncing_the_folder_still_fails_the_save(tmp_path, monkeypatch):
    real_fsync = os.fsync

    def fsync(fd):
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError):
        write_atomically(tmp_path / "s.json", b"{}")


def test_on_windows_a_replace_refused_while_another_program_reads_the_file_is_tried_again(tmp_path, monkeypatch):
    simulate(monkeypatch, "win32")
    real_replace, attempts = os.replace, []

    def replace(source, target):
        attempts.append(source)
        if len(attempts) < 3:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(platform.time, "sleep", lambda seconds: None)
    write_atomically(tmp_path / "s.json", b"{}")
    assert len(attempts) == 3
    assert (tmp_path / "s.json").read_bytes() == b"{}"
    assert os.listdir(tmp_path) == ["s.json"]


def test_on_linux_a_refused_replace_fails_at_once_and_leaves_no_temp_file(tmp_path, monkeypatch):
    simulate(monkeypatch, "linux")
    attempts = []

    def replace(source, target):
        attempts.append(source)
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(PermissionError):
        write_atomically(tmp_path / "s.json", b"{}")
    assert len(attempts) == 1
    assert os.listdir(tmp_path) == []


def test_on_windows_guides_load_although_os_has_no_o_nonblock_there(monkeypatch):
    from workshop.core.guides import builtin_guide_paths, load_guide_file

    real_open, flags = os.open, []

    def fake_open(path, given, *args, **kwargs):
        flags.append(given)
        return real_open(path, given & ~0x8000, *args, **kwargs)  # this machine knows no O_BINARY

    monkeypatch.delattr(os, "O_NONBLOCK")
    monkeypatch.setattr(os, "O_BINARY", 0x8000, raising=False)
    monkeypatch.setattr(os, "open", fake_open)
    guide = load_guide_file(builtin_guide_paths()[0])
    assert guide.steps
    assert flags and all(given & 0x8000 for given in flags)  # binary mode: no CR LF translation


# --- temp files ---------------------------------------------------------------------------


def test_temp_names_are_random_hidden_and_match_the_pattern_the_store_clears(tmp_path, monkeypatch):
    real_replace, temps = os.replace, []

    def replace(source, target):
        temps.append(Path(source).name)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    for _ in range(3):
        write_atomically(tmp_path / "catalogue.json", b"{}")
    assert len(set(temps)) == 3
    assert all(fnmatch.fnmatch(name, ".catalogue.json.*.tmp") for name in temps)  # see Store._clear_stale_temp
    assert not any(str(os.getpid()) in name for name in temps)


def test_a_symlink_planted_at_the_temp_name_is_never_followed(tmp_path, monkeypatch):
    victim = tmp_path / "outside.txt"
    victim.write_text("the facilitator's own file")
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / f".catalogue.json.{os.getpid()}.tmp").symlink_to(victim)  # the old, guessable name
    (folder / ".catalogue.json.planted.tmp").symlink_to(victim)
    # Make the random name come out as the planted one first: the exclusive create must refuse it.
    names = iter(["planted", "fresh123"])
    monkeypatch.setattr(tempfile, "_get_candidate_names", lambda: names)
    write_atomically(folder / "catalogue.json", b"{}")
    assert victim.read_text() == "the facilitator's own file"
    assert not (folder / "catalogue.json").is_symlink()
    assert (folder / "catalogue.json").read_bytes() == b"{}"


def test_a_temp_file_pre_created_by_someone_else_is_left_alone(tmp_path):
    planted = tmp_path / f".minutes.md.{os.getpid()}.tmp"  # the old, guessable name
    planted.write_text("theirs")
    os.chmod(planted, 0o666)
    write_atomically(tmp_path / "minutes.md", b"# Minutes")
    assert planted.read_text() == "theirs"
    assert (tmp_path / "minutes.md").read_bytes() == b"# Minutes"
    assert stat.S_IMODE(os.stat(tmp_path / "minutes.md").st_mode) == 0o600


def test_a_temp_file_left_by_a_killed_save_is_cleared_when_the_session_is_opened(store, make_session):
    from workshop.core.store.atomic import new_temp_file

    session_id = make_session()
    fd, left = new_temp_file(store.session_path(session_id))
    os.close(fd)
    opened = store.open_session(session_id)
    try:
        assert not left.exists()
    finally:
        opened.release()


def test_a_saved_file_is_private_even_with_umask_000(tmp_path):
    old = os.umask(0)
    try:
        write_atomically(tmp_path / "s.json", b"{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "s.json").st_mode) == 0o600


# --- private folders ----------------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_folders_made_above_the_store_are_0700_with_umask_000(tmp_path):
    from workshop.core.store import Store

    os.chmod(tmp_path, 0o755)
    old = os.umask(0)
    try:
        Store(tmp_path / "a" / "b" / "store").ensure()
    finally:
        os.umask(old)
    for folder in ("a", "a/b", "a/b/store", "a/b/store/sessions"):
        assert mode(tmp_path / folder) == 0o700, folder
    assert mode(tmp_path) == 0o755  # a folder that was there already is left alone


def test_the_corrupt_and_exports_folders_are_0700_with_umask_000(tmp_path, store):
    from workshop.core.config.locations import exports_folder

    damaged = store.sessions_dir / "20261120-aaaaaa.json"
    damaged.write_text("{")
    old = os.umask(0)
    try:
        store.set_aside(damaged, "test")
        folder = exports_folder(store.root)
    finally:
        os.umask(old)
    assert mode(store.corrupt_dir) == 0o700
    assert folder == store.root / "exports" and mode(folder) == 0o700


def test_a_umask_that_takes_the_owners_bits_away_still_gives_0700(tmp_path):
    old = os.umask(0o277)
    try:
        make_private_folder(tmp_path / "x" / "y")
    finally:
        os.umask(old)
    assert mode(tmp_path / "x") == mode(tmp_path / "x" / "y") == 0o700


def test_a_file_where_a_folder_should_be_is_an_os_error(tmp_path):
    (tmp_path / "store").write_text("")
    with pytest.raises(NotADirectoryError):
        make_private_folder(tmp_path / "store")


# --- paths a user gives -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["CON", "con", "aux.json", "NUL.txt", "Com1", "LPT9.toml", "com1 .txt", "PRN."])
def test_names_windows_reserves_are_refused_on_every_platform(name, tmp_path):
    with pytest.raises(UnusablePath, match="device"):
        check_user_path(tmp_path / name / "store")


@pytest.mark.parametrize("name", ["store.", "store ", "guide.toml "])
def test_names_ending_in_a_dot_or_a_space_are_refused(name):
    with pytest.raises(UnusablePath, match="ends in a dot or a space"):
        check_user_path(f"werk/{name}")


@pytest.mark.parametrize("path", ["store", "../store", "./guide.toml", "~/Werk/console", "/home/anna/auxiliary.toml",
                                  "/tmp/com10", "my store/con-tract.toml", "/tmp/.hidden"])
def test_ordinary_paths_pass(path):
    check_user_path(path)


@pytest.mark.parametrize("path", [r"C:\Users\anna\store", "D:/werk/store", r"\\server\share\store", r"werk\store"])
def test_a_windows_path_typed_on_macos_or_linux_is_refused(path, monkeypatch):
    simulate(monkeypatch, "linux")
    with pytest.raises(UnusablePath, match=r"Windows path|backslash"):
        check_user_path(path)


@pytest.mark.parametrize("path", [r"C:\Users\anna\Documents\workshop", "C:/Users/anna/store", r"\\server\share\store",
                                  r"D:\werk\store", r"werk\store", r"\\?\C:\Users\anna\store"])
def test_on_windows_drive_letters_backslashes_and_shares_pass(path, monkeypatch):
    simulate(monkeypatch, "win32")
    check_user_path(path)


@pytest.mark.parametrize("path", [r"C:\Users\anna\aux.json", r"C:\Users\anna\CON\store", r"D:\werk\store.",
                                  r"C:\Users\anna\wat?.toml", r"C:\Users\anna\a:b"])
def test_on_windows_reserved_names_and_characters_are_refused(path, monkeypatch):
    simulate(monkeypatch, "win32")
    with pytest.raises(UnusablePath):
        check_user_path(path)


def test_on_windows_a_path_too_long_for_windows_is_refused_unless_long_paths_are_on(monkeypatch):
    simulate(monkeypatch, "win32")
    long = "C:\\Users\\anna\\" + "\\".join(["map" * 10] * 7)  # 231 characters
    check_user_path(long)
    monkeypatch.setattr(platform, "long_paths_enabled", lambda: False)
    with pytest.raises(UnusablePath, match="too long"):
        check_user_path(long, room=60)
    monkeypatch.setattr(platform, "long_paths_enabled", lambda: True)
    check_user_path(long, room=60)
    check_user_path("\\\\?\\" + long + "\\" + "x" * 200)  # an extended path asks for no limit


def test_a_name_longer_than_any_file_system_allows_is_refused():
    with pytest.raises(UnusablePath, match="longer than 255"):
        check_user_path("/tmp/" + "a" * 256)


def test_store_path_refuses_a_reserved_name_with_a_store_error(monkeypatch):
    from workshop.core.config.locations import store_path
    from workshop.core.store import StoreError

    with pytest.raises(StoreError, match=r"'aux\.json'"):
        store_path("~/aux.json")
    from workshop.core.config.settings import load

    with pytest.raises(StoreError, match="'NUL'"):
        load(environ={"WORKSHOP_STORE": "NUL"})


def run_workshop(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([WORKSHOP, *args], capture_output=True, text=True, cwd=cwd, timeout=60,
                          env={**os.environ, "WORKSHOP_LANG": "en", **(env or {})})


def test_the_command_refuses_a_store_named_con_in_one_line_and_creates_nothing(tmp_path):
    result = run_workshop("--store", "CON", "list", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "'CON'" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "CON").exists()


def test_the_command_refuses_checking_a_guide_named_aux_toml_in_one_line(tmp_path):
    (tmp_path / "aux.toml").write_text("")
    result = run_workshop("guide", "check", "aux.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "aux.toml" in result.stderr and "device" in result.stderr


def test_the_command_refuses_a_windows_store_path_on_linux_in_one_line(tmp_path):
    result = run_workshop("list", cwd=tmp_path, env={"WORKSHOP_STORE": r"C:\Users\anna\store"})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Windows path" in result.stderr
    assert os.listdir(tmp_path) == []
