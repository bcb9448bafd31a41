"""What differs between Windows, macOS and Linux when the store keeps files safe, in one place.

- Durable flush of a file: `fsync` on Linux and Windows (where it is `_commit`, which flushes the
  file's buffers to the disk). On macOS `fsync` leaves the data in the drive's own cache, so
  `F_FULLFSYNC` is asked first, as SQLite does; a file system that refuses it (network shares,
  some USB sticks) gets `fsync`, the best it offers.
- Folder sync: on POSIX a rename is durable only once its folder is fsynced. On Windows a folder
  cannot be opened as a file at all, and NTFS records a rename in its journal: nothing to do.
- Replacing a file: `os.replace` is atomic on both. On Windows it fails for a moment while another
  program (a reader, a virus scanner, a sync client) has the target open, so it is tried again.
- Private permissions: files 0600 and folders 0700 on POSIX, whatever the umask. Windows has no
  such modes (`chmod` only sets read-only): files under the user's profile, where platformdirs puts
  the store, are private through the access list they inherit (the user, SYSTEM and
  Administrators), so nothing is changed there.
- Lock files: `filelock` uses `flock` on POSIX and `msvcrt.locking` on Windows; both are released
  when the process dies. Differences: on Windows a held lock file cannot be deleted or renamed,
  and the mode given to it only decides read-only; `flock` on some network shares (NFS) locks
  nothing, so a store there should be used from one computer at a time.
- Paths a user gives: names Windows reserves, Windows paths typed on macOS or Linux, and paths
  longer than Windows allows are refused with one line (`check_user_path`).
"""

from __future__ import annotations

import errno
import ntpath
import os
import re
import sys
import time
from pathlib import Path, PurePosixPath, PureWindowsPath

from workshop.core.text.i18n import _

FILE_MODE = 0o600
FOLDER_MODE = 0o700

WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{digit}" for port in ("COM", "LPT") for digit in "123456789¹²³"}
)
WINDOWS_FORBIDDEN = frozenset('<>:"|?*') | frozenset(chr(code) for code in range(32))
WINDOWS_MAX_PATH = 260  # characters, the terminating NUL included, unless long paths are on
MAX_NAME = 255  # bytes of one file or folder name (ext4, APFS, NTFS: 255 characters)
REPLACE_TRIES = 10
WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:([\\/]|$)")


def system() -> str:
    """'windows', 'macos' or 'posix' (Linux and the other Unixes). Read at each call, so a test
    can simulate another platform by patching `sys.platform` and `os.name`."""
    if os.name == "nt" or sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "posix"


# --- durability ----------------------------------------------------------------------------


def flush_to_disk(fd: int) -> None:
    """Make what was written through `fd` survive a power cut."""
    if system() == "macos":
        import fcntl

        full_fsync = getattr(fcntl, "F_FULLFSYNC", None)
        if full_fsync is not None:
            try:
                fcntl.fcntl(fd, full_fsync)
                return
            except OSError:
                pass  # the file system refuses it (e.g. a network share): fsync is its best
    os.fsync(fd)


def sync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable (see the module's text for Windows)."""
    if system() == "windows":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        flush_to_disk(fd)
    except OSError as error:
        # Some file systems (certain network and FUSE mounts) cannot sync a folder; the rename
        # itself has happened. SQLite ignores this too. A real I/O error still counts.
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def replace(source: Path, target: Path) -> None:
    """`os.replace`, patient on Windows while another program briefly holds the target open."""
    if system() != "windows":
        os.replace(source, target)
        return
    for attempt in range(1, REPLACE_TRIES + 1):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == REPLACE_TRIES:
                raise
            time.sleep(0.01 * attempt)  # at most about half a second in all


def no_wait_read_flags() -> int:
    """`os.open` flags to read a file that might be a FIFO without waiting for a writer. Windows has
    no O_NONBLOCK (and no FIFO can sit there under a file's name), and without O_BINARY it reads a
    file descriptor in text mode, turning CR LF into LF and stopping at a ctrl+Z byte."""
    return os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


# --- private folders -----------------------------------------------------------------------


def make_private_folder(folder: Path) -> None:
    """Create `folder` and its missing parents, each 0700 whatever the umask.

    Folders that exist already are left as they are: one of them may be the user's home. On
    Windows the mode means nothing; the inherited access list keeps the folder private.
    """
    folder = Path(folder)
    missing = []
    current = folder
    while not os.path.lexists(current):
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, FOLDER_MODE)  # the umask can only take bits away from 0700
        except FileExistsError:
            continue  # made by another process just now
        if system() != "windows" and (os.stat(path).st_mode & 0o777) != FOLDER_MODE:
            os.chmod(path, FOLDER_MODE)  # a umask that took the owner's own bits away
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))


# --- paths a user gives --------------------------------------------------------------------


class UnusablePath(ValueError):
    """A path the user gave that cannot be used here; the text is one line naming why."""


def _shown(text: str, limit: int = 60) -> str:
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def long_paths_enabled() -> bool:
    """Whether Windows allows paths over 260 characters (an administrator's setting)."""
    if sys.platform != "win32":  # winreg is Windows's only (and a type checker reads it so)
        return False
    try:
        import winreg

        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SYSTEM\CurrentControlSet\Control\FileSystem") as key:
            return bool(winreg.QueryValueEx(key, "LongPathsEnabled")[0])
    except (ImportError, OSError):
        return False


def check_user_path(path: str | os.PathLike[str], room: int = 0) -> None:
    """Refuse, with one line, a path the user gave that would fail or misbehave on this platform
    or that could never be copied to Windows. `room` is how many characters the app adds below
    it (file names inside a folder), for Windows' limit on a path's length."""
    text = os.fspath(path)
    windows = system() == "windows"
    if "\0" in text:
        raise UnusablePath(_("'{path}' holds a NUL character").format(path=_shown(text)))
    if not windows:
        if WINDOWS_DRIVE.match(text) or text.startswith("\\\\"):
            raise UnusablePath(_("'{path}' is a Windows path; "
                                 "on this computer a path is written like ~/folder/name or /folder/name").format(
                path=_shown(text)))
        if "\\" in text:
            raise UnusablePath(_("'{path}' holds a backslash; on this computer folders are separated by /").format(
                path=_shown(text)))
    pure = PureWindowsPath(text) if windows else PurePosixPath(text)
    names = pure.parts[1:] if pure.anchor else pure.parts
    for name in names:
        if name in (".", ".."):
            continue
        if len(name.encode("utf-8", "surrogateescape")) > MAX_NAME:
            raise UnusablePath(_("the name '{name}' is longer than {limit} characters").format(
                name=_shown(name, 30), limit=MAX_NAME))
        if name.partition(".")[0].rstrip(" ").upper() in WINDOWS_DEVICES:
            raise UnusablePath(_("'{name}' is a name Windows keeps for a device (CON, PRN, AUX, NUL, COM1-9, "
                                 "LPT1-9, also with an extension); choose another name").format(name=_shown(name)))
        if name[-1] in ". ":
            raise UnusablePath(_("'{name}' ends in a dot or a space, which Windows drops; leave it off").format(
                name=_shown(name)))
        if windows and WINDOWS_FORBIDDEN.intersection(name):
            bad = "".join(sorted(WINDOWS_FORBIDDEN.intersection(name)))
            raise UnusablePath(_("'{name}' holds a character Windows does not allow in a name ({chars})").format(
                name=_shown(name), chars=_shown(bad)))
    if windows and not text.startswith("\\\\?\\"):
        full = ntpath.abspath(ntpath.expanduser(text))
        if len(full) + room >= WINDOWS_MAX_PATH and not long_paths_enabled():
            raise UnusablePath(_("'{path}' is too long: with the names the app adds it has {length} characters, "
                                 "and Windows allows {limit} unless long paths are turned on; "
                                 "choose a shorter path").format(
                path=_shown(text), length=len(full) + room, limit=WINDOWS_MAX_PATH - 1))
