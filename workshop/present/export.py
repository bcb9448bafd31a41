"""Minutes and data of a session: Markdown, HTML, a Word document, CSV and JSON.

`export_session(view, fmt)` returns the text, `export_bytes` the bytes of any format (the Word
document is only bytes); `workshop export` and the app write them.
The output depends only on the session (no clock inside), so the same session always gives
the same bytes. The minutes (Markdown, HTML) are drawn in `workshop.present.minutes`. What
participants typed is escaped in every format: no CSV cell starts a spreadsheet formula,
and control characters (ANSI escapes, lone surrogates, bidi overrides, zero-width characters)
are visible escapes (`workshop.present.text.visible`), never emitted raw.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workshop.core.guides import Step
from workshop.core.model import PromptKind, kind_label
from workshop.core.outcomes.disclosure import circulated, distribution_words, score_counts
from workshop.core.outcomes.summary import consent_label, review_label
from workshop.core.session import SessionView
from workshop.core.session.room import ROOM
from workshop.core.steps.dependence import asks_dependence, partner_item_id, session_pairs
from workshop.core.store.atomic import write_atomically
from workshop.core.text.i18n import _, language, pgettext
from workshop.present.dependence import pair_words, pairs_data
from workshop.present.minutes import to_html, to_markdown
from workshop.present.text import visible

FORMATS = ("md", "html", "docx", "csv", "json")
BINARY = ("docx",)  # a file, never text for the screen
CSV_COLUMNS = ("session", "date", "step", "prompt_kind", "partner", "participant", "text", "value", "item", "when")


def export_session(view: SessionView, fmt: str, include_notes: bool = False, sep: str | None = None,
                   with_names: bool = False, codes: bool = False) -> str:
    """The session as `fmt` (md, html, csv or json). Private notes only in json, and only with
    `include_notes`; `sep` is the CSV separator (default: by the session's language). Held lines
    only in json; names beside scores as workshop/core/outcomes/disclosure.py says, `with_names` asking;
    `codes`: the CSV's header and values as English codes, the same in every language (for scripts)."""
    if fmt in BINARY:
        raise ValueError(_("a Word document is a file, not text: write it with -o FILE.docx"))
    if fmt not in _EXPORTERS:
        raise ValueError(_("unknown format '{fmt}', expected one of {known}").format(
            fmt=str(fmt)[:20], known=", ".join(FORMATS)))
    if fmt == "json":
        return to_json(view, include_notes)
    if fmt == "csv":
        return to_csv(view, sep, with_names, codes)
    return _EXPORTERS[fmt](view, with_names)


# --- CSV -------------------------------------------------------------------------------------

SEPARATORS = (",", ";")
BOM = "\ufeff"  # so a spreadsheet reads the file as UTF-8 (Excel otherwise guesses a legacy code page)
# A formula starts a cell, or starts a piece of text that a spreadsheet splits off as a cell when
# it guesses another separator (`x;=1+1` read with `;`) or another line ("a\n=1").
_FORMULA = re.compile(r"(\A|[,;\t\r\n\"])([ \t\r\n]*)([=+\-@])")
_CELL_START = ("\t", "\r")


def default_separator(lang: str) -> str:
    """`;` for a Dutch session (a Dutch spreadsheet's list separator, as the decimal mark is `,`)."""
    return ";" if lang == "nl" else ","


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: = + - @ (or a tab) starting it, or starting a piece a
    spreadsheet may split off, would run as a formula, so it gets an apostrophe before it.
    Numbers stay numbers; control characters are made visible."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    text = _FORMULA.sub(r"\1\2'\3", visible(value))
    return "'" + text if text.startswith(_CELL_START) else text


def csv_headings() -> list[str]:
    """The columns' names in the current language (English: the codes themselves)."""
    return [pgettext("CSV column", "session"), pgettext("CSV column", "date"), pgettext("CSV column", "step"),
            pgettext("CSV column", "prompt_kind"), pgettext("CSV column", "partner"),
            pgettext("CSV column", "participant"), pgettext("CSV column", "text"), pgettext("CSV column", "value"),
            pgettext("CSV column", "item"), pgettext("CSV column", "when")]


def _words(kind: PromptKind | None, value: Any) -> Any:
    """A status in words, as the minutes write it; any other value as it is."""
    if kind is PromptKind.CONSENT and isinstance(value, str):
        return consent_label(value)
    if kind is PromptKind.REVIEW and isinstance(value, str):
        return review_label(value)
    return value


def to_csv(view: SessionView, sep: str | None = None, with_names: bool = False, codes: bool = False) -> str:
    """One row per contribution, for people in the session's language: the header, the prompt
    kind and the statuses in words (with `codes`: CSV_COLUMNS and the stored codes, the same in
    every language, so scripts can rely on them). Held lines left out. A blind step's scores only
    `with_names`, else a row per item with the mean and how many gave each score (`blind_rows`)."""
    view = circulated(view)
    sep = sep or default_separator(view.lang)
    if sep not in SEPARATORS:
        raise ValueError(_("unknown separator '{sep}', expected , or ;").format(sep=str(sep)[:5]))
    with language(view.lang):
        return _csv_text(view, sep, with_names, codes)


def _csv_text(view: SessionView, sep: str, with_names: bool, codes: bool) -> str:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=sep)
    writer.writerow(CSV_COLUMNS if codes else csv_headings())
    order = {step.id: number for number, step in enumerate(view.agenda)}
    kinds = {step.id: step.kind for step in view.steps}
    by_uid = {c.uid: c for c in view.contributions()}
    # A step with levels (the interests) is grouped per partner, then per level, as in the minutes.
    partners = {name: number for number, name in enumerate(view.partners)}
    levels = {step.id: {level.id: number for number, level in enumerate(step.levels)} for step in view.steps}

    def grouped(c) -> tuple[int, int]:
        ranks = levels.get(c.step)
        if not ranks:
            return (0, 0)
        return (partners.get(c.partner, len(partners)), ranks.get(c.item, len(ranks)))

    hidden = set() if with_names else {step.id for step in view.steps
                                       if step.kind is PromptKind.SCALE and view.blind(step.id)}  # by guide or phones
    written: set[str] = set()
    rows = sorted(view.contributions(), key=lambda c: (order.get(c.step, len(order)), *grouped(c)))  # stable
    for c in rows:
        if c.step in hidden:  # in its place, once: the step's distribution
            for row in blind_rows(view, view.step(c.step), "," if sep == ";" else ".") if c.step not in written else ():
                writer.writerow([csv_cell(v) for v in (view.id, view.date, *row)])
            written.add(c.step)
            continue
        kind = kinds.get(c.step)
        text = c.text
        if kind is PromptKind.VOTE and not text and c.item in by_uid:
            text = by_uid[c.item].text  # a vote row reads what was voted on
        kind_word = (kind.value if codes else kind_label(kind)) if kind else ""
        value = c.value if codes else _words(kind, c.value)
        writer.writerow([csv_cell(v) for v in (view.id, view.date, c.step, kind_word, c.partner,
                                               c.participant, text, value, c.item, c.when)])
    for row in dependence_rows(view):
        if row[0] not in hidden:
            writer.writerow([csv_cell(v) for v in (view.id, view.date, *row)])
    return buffer.getvalue()


BLIND_KIND = "scale-distribution"  # the prompt_kind of a blind item's row without names


def blind_rows(view: SessionView, step: Step, decimal: str = ".") -> list[tuple[Any, ...]]:
    """A blind scale without names: per item the mean as the value (two decimals, with the
    `decimal` mark a spreadsheet of the separator's language reads), and how many gave each score
    as the text ('1: 0 · 2: 3 · …'); nobody's own score or comment."""
    rows = []
    for item in step.items:
        scores = view.scores(step.id, item.id)
        if not scores:
            continue
        values = [c.value for c in scores.values()]
        counts = score_counts(values, step.scale.min, step.scale.max)
        mean = f"{sum(values) / len(values):.2f}".replace(".", decimal)
        rows.append((step.id, BLIND_KIND, "", "", distribution_words(counts), mean, item.id, ""))
    return rows


# the prompt_kind of a CSV row that pairs two partners, and of one whose pair is one-sided
DEPENDENCE_KINDS = ("dependence", "dependence-one-sided")


def dependence_rows(view: SessionView) -> list[tuple[Any, ...]]:
    """Per pair of partners who scored each other, after the scores: the partner who depends
    more, the other's item (as on the score rows), the pair in words, the gap as the value; the
    prompt_kind says whether the pair is one-sided."""
    rows = []
    for step in view.agenda:
        if not asks_dependence(step):
            continue
        items = {view.text(item.text): item.id for item in step.items}
        for pair in session_pairs(view, step):
            words = pair_words(pair) + (" — " + _("one-sided") if pair.one_sided else "")
            rows.append((step.id, DEPENDENCE_KINDS[pair.one_sided], pair.a, "", words, pair.gap,
                         items.get(pair.b, partner_item_id(pair.b, set())), ""))
    return rows


# --- JSON ------------------------------------------------------------------------------------


def session_data(view: SessionView, include_notes: bool = False) -> dict[str, Any]:
    """The whole session as plain data (the JSON export, `show --json`, a backup). The
    facilitator's private notes are left out unless asked for; the data says which."""

    data = view.to_dict()
    # the room (join codes, the secret phones' cookies are signed with, seats) never leaves the file
    data["meta"] = {key: value for key, value in data["meta"].items() if key != ROOM}
    if not include_notes:
        data["meta"] = {key: value for key, value in data["meta"].items() if key != "notes"}
    if dependence := pairs_data(view):  # per dependence step, the pairs (derived from the scores)
        data["dependence"] = dependence
    return {**data, "notes_included": include_notes}


def to_json(view: SessionView, include_notes: bool = False) -> str:
    # ASCII-escaped: control characters and lone surrogates are written as \\uXXXX, never raw,
    # and json.loads gives back exactly the session.
    return json.dumps(session_data(view, include_notes), ensure_ascii=True, indent=2) + "\n"


_EXPORTERS: dict[str, Callable[..., str]] = {
    "md": to_markdown,
    "html": to_html,
    "csv": to_csv,
    "json": to_json,
}


def export_bytes(view: SessionView, fmt: str, include_notes: bool = False, sep: str | None = None,
                 with_names: bool = False, codes: bool = False) -> bytes:
    """The export as the bytes of its file: the Word document as it is, every other format UTF-8."""
    if fmt == "docx":
        # python-docx is loaded only for a Word document
        from workshop.present.minutes_docx import to_docx

        return to_docx(view, with_names)
    return export_session(view, fmt, include_notes, sep, with_names, codes).encode("utf-8")


def check_target(path: Path) -> None:
    """Refuse a target that is not a regular file (a device such as /dev/null, a FIFO, a link, a
    folder): replacing it would swap a device node or a link for a file. Raises OSError."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, _("it is a folder"), str(path))
    if stat.S_ISLNK(mode):
        raise OSError(errno.EEXIST, _("it is a link; name the file it points to, or use `-o -` for the screen"),
                      str(path))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EEXIST, _("it is not a regular file (a device or FIFO); use `-o -` to write to the screen"),
                      str(path))


def save_export(view: SessionView, fmt: str, path: Path, include_notes: bool = False, sep: str | None = None,
                with_names: bool = False, codes: bool = False) -> Path:
    """Write an export to a new or regular file in one go (temporary file, then a rename; mode
    0600: what partners say is confidential). Raises OSError when it cannot be written."""
    path = Path(path).expanduser()
    check_target(path)
    write_atomically(path, export_bytes(view, fmt, include_notes, sep, with_names, codes))
    return path
