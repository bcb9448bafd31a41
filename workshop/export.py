"""Minutes and data of a session: Markdown, HTML, CSV and JSON.

`export_session(view, fmt)` returns the text; `workshop export` and the app write it.
The output depends only on the session (no clock inside), so the same session always gives
the same bytes. The minutes (Markdown, HTML) are drawn in `workshop.present.minutes`. What
participants typed is escaped in every format: CSV cells cannot start a spreadsheet formula,
and control characters (ANSI escapes, lone surrogates, bidi overrides, zero-width characters)
are visible escapes (`workshop.present.text.visible`), never emitted raw.
"""

from __future__ import annotations

import csv
import errno
import io
import json
from pathlib import Path
from typing import Any, Callable

from workshop.i18n import _
from workshop.model import PromptKind
from workshop.present.minutes import to_html, to_markdown
from workshop.present.text import visible
from workshop.session import SessionView

FORMATS = ("md", "html", "csv", "json")
CSV_COLUMNS = ("session", "date", "step", "prompt_kind", "partner", "participant", "text", "value", "item", "when")


def export_session(view: SessionView, fmt: str) -> str:
    """The session as `fmt` (md, html, csv or json)."""
    if fmt not in _EXPORTERS:
        raise ValueError(_("unknown format '{fmt}', expected one of {known}").format(
            fmt=str(fmt)[:20], known=", ".join(FORMATS)))
    return _EXPORTERS[fmt](view)


# --- CSV -------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text. Text that starts with = + - or @ (or a tab) would be
    run as a formula by Excel or LibreOffice (CSV/formula injection), so it gets a leading
    apostrophe; numbers stay numbers. Control characters are made visible."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    text = visible(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(view: SessionView) -> str:
    # The column names are fixed (not translated) so scripts can rely on them.
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    order = {step.id: number for number, step in enumerate(view.agenda)}
    kinds = {step.id: step.kind for step in view.steps}
    by_uid = {c.uid: c for c in view.contributions()}
    rows = sorted(view.contributions(), key=lambda c: order.get(c.step, len(order)))  # stable: keeps step order
    for c in rows:
        kind = kinds.get(c.step)
        text = c.text
        if kind is PromptKind.VOTE and not text and c.item in by_uid:
            text = by_uid[c.item].text  # a vote row reads what was voted on
        writer.writerow([csv_cell(v) for v in (view.id, view.date, c.step, kind.value if kind else "", c.partner,
                                               c.participant, text, c.value, c.item, c.when)])
    return buffer.getvalue()


# --- JSON ------------------------------------------------------------------------------------


def to_json(view: SessionView) -> str:
    # ASCII-escaped: control characters and lone surrogates are written as \\uXXXX, never raw,
    # and json.loads gives back exactly the session.
    return json.dumps(view.to_dict(), ensure_ascii=True, indent=2) + "\n"


_EXPORTERS: dict[str, Callable[[SessionView], str]] = {
    "md": to_markdown,
    "html": to_html,
    "csv": to_csv,
    "json": to_json,
}


def save_export(view: SessionView, fmt: str, path: Path) -> Path:
    """Write an export to `path` in one go (temporary file, then a rename; mode 0600, since what
    partners say about each other is confidential). Raises OSError when it cannot be written."""
    from workshop.store.atomic import write_atomically

    path = Path(path).expanduser()
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, _("it is a folder"), str(path))
    write_atomically(path, export_session(view, fmt).encode("utf-8"))
    return path
