"""A TinyDB storage that never leaves a half-written file behind.

Stock `JSONStorage` writes in place, so a crash or a full disk mid-write leaves a file no one can
read. This storage writes the whole database to a temporary file in the same folder, flushes it to
the disk, renames it over the old file and syncs the folder (how, per platform: `platform.py`).
`write` returns only when the new version is on disk; until then the old version is intact. The
files stay plain TinyDB JSON.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from workshop.store.platform import FILE_MODE, FOLDER_MODE, flush_to_disk, replace, sync_folder

__all__ = ["FILE_MODE", "FOLDER_MODE", "AtomicJSONStorage", "encode", "new_temp_file", "write_atomically"]


def new_temp_file(path: Path) -> tuple[int, Path]:
    """A new, empty file beside `path` where its next version is written: hidden (listings skip
    it), a random name no one can plant a link at in advance, created exclusively, never through
    a symlink, readable by its owner only (0600). Named `.<name>.<random>.tmp`, the pattern the
    store clears after a crash."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    return fd, Path(name)


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that a crash leaves either the old or the new file."""
    path = Path(path)
    fd, temp = new_temp_file(path)
    try:
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            flush_to_disk(fd)
        finally:
            os.close(fd)
        replace(temp, path)
    except BaseException:
        try:
            temp.unlink()
        except OSError:
            pass
        raise
    sync_folder(path.parent)


def encode(data: Any) -> bytes:
    # ASCII-only JSON: any TinyDB reads it whatever its locale, and lone surrogates survive.
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii")


class AtomicJSONStorage(Storage):
    """TinyDB storage for one session file: atomic, durable writes; reads served from memory.

    Only the process holding the session's lock writes the file, so the copy in memory is the
    truth after the first read. When a write fails (disk full, I/O error) the copy is dropped
    so the next read comes from disk again: what TinyDB changed in memory is not trusted.
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        super().__init__()
        self.path = Path(path)
        self.read_only = read_only
        self._data: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return None
            if not raw.strip():
                return None
            self._data = json.loads(raw)
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            from workshop.i18n import _

            raise PermissionError(_("{file} is open read-only").format(file=self.path.name))
        try:
            write_atomically(self.path, encode(data))
        except BaseException:
            self._data = None
            raise
        self._data = data

    def close(self) -> None:
        self._data = None
