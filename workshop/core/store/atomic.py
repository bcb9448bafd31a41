"""Writing a file so that a crash never leaves it half-written.

Stock TinyDB's `JSONStorage` writes in place, so a crash or a full disk mid-write leaves a file no
one can read. `write_atomically` writes the whole new version to a temporary file in the same
folder, flushes it to the disk, renames it over the old file and syncs the folder (how, per
platform: `platform.py`). It returns only when the new version is on disk; until then the old
version is intact. TinyDB's durable storage for the store's files (storage.py) writes through it;
its files stay plain TinyDB JSON (`encode`).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from workshop.core.machine.platform import FILE_MODE, FOLDER_MODE, flush_to_disk, replace, sync_folder

__all__ = ["FILE_MODE", "FOLDER_MODE", "encode", "new_temp_file", "write_atomically"]


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
