"""Reading guide files: one file, the built-in guides and the user's own folder of them."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from workshop.core.guides.check import MAX_GUIDE_BYTES, Checker
from workshop.core.guides.types import Guide, GuideError
from workshop.core.guides.words import short
from workshop.core.machine.platform import UnusablePath, check_user_path, no_wait_read_flags
from workshop.core.text.i18n import _


def load_guide_text(text: str, source: str = "<guide>") -> Guide:
    """Parse and validate a guide; raise GuideError naming `source` on any problem."""
    if len(text) > MAX_GUIDE_BYTES:
        raise GuideError(_("{file}: the file is larger than {limit} KB; is it a guide?").format(
            file=source, limit=MAX_GUIDE_BYTES // 1000))
    import tomllib  # here: opening a session reads its steps from the session file, not a guide

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message ends with "(at line N, column M)"; put the line first.
        message = str(error)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        if match:
            detail = message[: match.start()].strip()
            raise GuideError(_("{file}: line {line}, column {column}: not valid TOML: {detail}").format(
                file=source, line=match.group(1), column=match.group(2), detail=detail)) from None
        raise GuideError(_("{file}: not valid TOML: {detail}").format(file=source, detail=message)) from None
    except (ValueError, RecursionError) as error:  # e.g. nesting too deep
        raise GuideError(_("{file}: not valid TOML: {detail}").format(file=source, detail=short(error, 120))) from None
    return replace(Checker(source, text, strict=True).guide(data), source=source)


def load_guide_file(path: Path) -> Guide:
    try:
        check_user_path(path)  # a name Windows reserves, a Windows path typed on macOS or Linux
    except UnusablePath as problem:
        raise GuideError(_("{file}: {problem}").format(file=path, problem=problem)) from None
    try:
        # Read at most one byte past the limit: /dev/zero or a named pipe must not hang us.
        fd = os.open(path, no_wait_read_flags())  # a FIFO would block a plain open()
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise GuideError(_("{file}: not a regular file, expected a .toml guide file").format(file=path))
            raw = handle.read(MAX_GUIDE_BYTES + 1)
    except FileNotFoundError:
        raise GuideError(_("{file}: no such file").format(file=path)) from None
    except IsADirectoryError:
        raise GuideError(_("{file}: is a folder, expected a .toml guide file").format(file=path)) from None
    except OSError as error:
        raise GuideError(_("{file}: cannot be read ({problem})").format(
            file=path, problem=error.strerror or error)) from None
    if len(raw) > MAX_GUIDE_BYTES:  # load_guide_text counts characters; multi-byte text could slip by
        raise GuideError(_("{file}: the file is larger than {limit} KB; is it a guide?").format(
            file=path, limit=MAX_GUIDE_BYTES // 1000))
    try:
        text = raw.decode("utf-8-sig")  # a BOM (Windows Notepad) is harmless
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise GuideError(_("{file}: line {line}: not UTF-8 text (byte {position}), "
                           "expected a UTF-8 encoded guide").format(
            file=path, line=line, position=error.start)) from None
    return load_guide_text(text, str(path))


def builtin_guide_paths() -> list[Path]:
    from importlib import resources  # here: opening a session reads no guide file

    folder = resources.files("sessions")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".toml"))


@dataclass
class GuideShelf:
    """All guides a user can start a session from: built-in ones and their own."""

    guides: dict[str, Guide] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)  # id -> "built-in" | "own"
    problems: list[str] = field(default_factory=list)  # one line per broken own guide

    def get(self, name: str) -> Guide:
        if name in self.guides:
            return self.guides[name]
        path = Path(name)
        try:
            exists = path.exists()
        except (OSError, ValueError):  # e.g. a name too long for the file system
            exists = False
        if name.endswith(".toml") or exists:
            return load_guide_file(path)
        known = ", ".join(sorted(self.guides)) or _("none")
        raise GuideError(_("no guide named '{name}' (known: {known})").format(name=short(name), known=known))


def load_shelf(own_folder: Path | None = None) -> GuideShelf:
    """Built-in guides, then the user's own from `own_folder` (a broken one is reported, not fatal)."""
    shelf = GuideShelf()
    for path in builtin_guide_paths():
        guide = load_guide_file(path)  # a broken built-in guide is our bug: stay loud
        shelf.guides[guide.id] = guide
        shelf.origins[guide.id] = "built-in"
    if own_folder is not None and own_folder.is_dir():
        for path in sorted(own_folder.glob("*.toml")):
            try:
                guide = load_guide_file(path)
            except GuideError as error:
                shelf.problems.append(str(error))
                continue
            shelf.guides[guide.id] = guide
            shelf.origins[guide.id] = "own"
    return shelf


