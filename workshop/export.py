"""Minutes and data of a session: Markdown, HTML, CSV and JSON.

`export_session(view, fmt)` returns the text; `workshop export` and the app write it.
The output depends only on the session (no clock inside), so the same session always gives
the same bytes. What participants typed is escaped in every format: Markdown special
characters are backslash-escaped, the HTML is rendered from that Markdown with raw HTML
switched off, CSV cells cannot start a spreadsheet formula, and control characters (ANSI
escapes, lone surrogates, bidi overrides) are shown as visible escapes, never emitted raw.
"""

from __future__ import annotations

import csv
import errno
import html
import io
import json
import re
import unicodedata
from pathlib import Path
from typing import Any, Callable

from workshop.guides import Step
from workshop.i18n import _, language, ngettext
from workshop.model import Contribution, PromptKind
from workshop.session import SessionView
from workshop.summary import ACTIONS_KEY, THRESHOLD_ITEM, SummarySection, decimal, review_label, summarise

FORMATS = ("md", "html", "csv", "json")
CSV_COLUMNS = ("session", "date", "step", "prompt_kind", "partner", "participant", "text", "value", "item", "when")


def export_session(view: SessionView, fmt: str) -> str:
    """The session as `fmt` (md, html, csv or json)."""
    if fmt not in _EXPORTERS:
        raise ValueError(_("unknown format '{fmt}', expected one of {known}").format(
            fmt=str(fmt)[:20], known=", ".join(FORMATS)))
    return _EXPORTERS[fmt](view)


# --- making typed text safe ------------------------------------------------------------------

_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x85]")
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def visible(text: Any) -> str:
    """Text with line breaks as \\n and every other control character (and lone surrogate,
    bidi override) written out as a visible escape like ``\\x1b``; nothing raw gets through."""
    text = _NEWLINES.sub("\n", str(text))
    return "".join(
        ch if ch in "\n\t" or not (unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI_CONTROLS)
        else ch.encode("unicode_escape", "backslashreplace").decode("ascii")
        for ch in text
    )


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")
_MD_LINE_START = re.compile(r"^([#+\-=])|^(\d+)([.)])")


def md_escape(text: Any) -> str:
    """Typed text as Markdown that shows it literally: `**x**`, `[a](b)` and `<script>` stay text.

    Line breaks become hard breaks (empty lines are dropped so a list or table stays whole)."""
    lines = []
    for line in visible(text).replace("\t", " ").split("\n"):
        line = line.strip()
        if line:
            line = _MD_SPECIAL.sub(r"\\\1", line)
            lines.append(_MD_LINE_START.sub(_escape_line_start, line))
    return "\\\n".join(lines)


def _escape_line_start(match: re.Match[str]) -> str:
    # "# x", "- x", "+ x", "=" (a heading underline) and "1." or "1)" would start a block.
    return f"\\{match.group(1)}" if match.group(1) else f"{match.group(2)}\\{match.group(3)}"


def md_cell(text: Any) -> str:
    """Typed text for a table cell: one line."""
    return md_escape(text).replace("\\\n", " ")


# --- Markdown --------------------------------------------------------------------------------


def to_markdown(view: SessionView) -> str:
    with language(view.lang):
        summary = {section.key: section for section in summarise(view)}
        parts = [_header(view), _actions_table(summary.get(ACTIONS_KEY))]
        for number, step in enumerate(view.agenda, start=1):
            parts.append(_step_markdown(view, step, number, summary))
        return "\n\n".join(part for part in parts if part) + "\n"


def _header(view: SessionView) -> str:
    title = view.title or view.text(_guide_title(view))
    rows = [
        (_("Collaboration"), view.collaboration),
        (_("Date"), view.date),
        (_("Guide"), f"{view.text(_guide_title(view))} ({view.guide_id})" if view.guide_id else ""),
        (_("Facilitator"), view.meta.get("facilitator", "")),
        (_("Partners"), ", ".join(view.partners)),
        (_("Participants"), ", ".join(_person(p.name, p.partner, p.role) for p in view.participants)),
        (_("Status"), _("closed") if view.closed else _("open")),
    ]
    lines = [f"# {md_escape(title)}", ""]
    lines += [f"- **{label}:** {md_cell(value)}" for label, value in rows if value]
    return "\n".join(lines)


def _guide_title(view: SessionView):
    from workshop.guides import Text

    raw = view.meta.get("guide_title")
    return Text(raw) if isinstance(raw, dict) and raw else Text({view.lang: view.guide_id})


def _person(name: str, partner: str, role: str) -> str:
    return f"{name} ({partner}, {role})" if role else f"{name} ({partner})"


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _h in headers) + "|"]
    lines += ["| " + " | ".join(md_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _actions_table(actions: SummarySection | None) -> str:
    heading = "## " + _("Agreements and actions")
    if actions is None:
        return heading + "\n\n*" + _("No agreements or actions recorded.") + "*"
    rows = [[line.text, line.who, line.when] for line in actions.lines]
    return f"{heading}\n\n" + _table([_("What"), _("Who"), _("When")], rows)


def _step_markdown(view: SessionView, step: Step, number: int, summary: dict[str, SummarySection]) -> str:
    heading = f"## {number}. {md_escape(view.text(step.title))}"
    if view.is_skipped(step.id):
        heading += " *(" + _("skipped") + ")*"
    prompt = view.text(step.prompt)
    parts = [heading]
    if prompt:
        parts.append(f"*{md_escape(prompt)}*")
    if step.kind is PromptKind.CONSENT:  # per partner and body, the status in words: as the summary has it
        section = summary.get(step.id)
        body = _table([_("Partner"), _("Body"), _("Status"), _("Date")],
                      [[line.who, line.text, line.status, line.when] for line in section.lines]) if section else ""
    else:
        body = _BODIES[step.kind](view, step)
    parts.append(body or "*" + _("Nothing recorded.") + "*")
    return "\n\n".join(parts)


def _who(c: Contribution) -> str:
    return " / ".join(part for part in (c.partner, c.participant) if part)


def _open_body(view: SessionView, step: Step) -> str:
    lines = []
    for c in view.contributions(step.id):
        text = md_escape(c.text).replace("\\\n", "\\\n  ")  # continuation lines stay in the item
        who = _who(c)
        lines.append(f"- {text}" + (f" — *{md_cell(who)}*" if who else ""))
    return "\n".join(lines)


def _statement_body(view: SessionView, step: Step) -> str:
    revisions = view.revisions(step.id)
    if not revisions:
        return ""
    agreed = [r for r in revisions if r.value is True]
    shown = agreed[-1] if agreed else revisions[-1]
    quote = "\n".join(f"> {line}" for line in md_escape(shown.text).split("\n")) if shown.text.strip() else ""
    state = _("agreed") if agreed else _("draft")
    count = ngettext("{count} revision", "{count} revisions", len(revisions)).format(count=len(revisions))
    return "\n\n".join(part for part in (quote, f"*{state}; {count}*") if part)


def _scale_body(view: SessionView, step: Step) -> str:
    rows, comments = [], []
    for item in step.items:
        spread = view.spread(step.id, item.id)
        if spread is None:
            continue
        scores = view.scores(step.id, item.id)
        label = md_cell(view.text(item.text))
        if item.id == THRESHOLD_ITEM:
            label = f"**{label}**"
        rows.append("| " + " | ".join([label, decimal(spread.mean), f"{spread.low}–{spread.high}",
                                         md_cell(", ".join(f"{who} {c.value}" for who, c in scores.items()))]) + " |")
        for who, c in scores.items():
            if c.text.strip():
                comments.append(f"- {md_cell(view.text(item.text))} — *{md_cell(who)}*: {md_cell(c.text)}")
    if not rows:
        return ""
    headers = [_("Item"), _("Mean"), _("Spread"), _("Scores")]
    table = "\n".join(["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _h in headers) + "|", *rows])
    return "\n\n".join([table, "\n".join(comments)] if comments else [table])


def _vote_body(view: SessionView, step: Step) -> str:
    ranked = [(c, dots) for c, dots in view.ranking(step.id) if dots > 0]
    return "\n".join(
        f"{place}. {md_cell(c.text)} — " + ngettext("{count} dot", "{count} dots", dots).format(count=dots)
        for place, (c, dots) in enumerate(ranked, start=1))


def _assign_body(view: SessionView, step: Step) -> str:
    rows = [[c.text, c.value or "", c.when] for c in view.contributions(step.id)]
    if not rows:
        return ""
    when = _("How often") if step.when == "rhythm" else _("When")
    return _table([_("Role or task"), _("Who"), when], rows)


def _choice_body(view: SessionView, step: Step) -> str:
    chosen = view.choice(step.id)
    if not chosen:
        return ""
    option = next((o for o in step.options if o.id == chosen), None)
    return "**" + _("Chosen") + ":** " + md_cell(view.text(option.text) if option else chosen)


def _review_body(view: SessionView, step: Step) -> str:
    if not view.carried:
        return ""
    reviews = view.reviews(step.id)
    rows = [[a.text, a.who, a.when, review_label(reviews[a.uid]) if a.uid in reviews else _("not reviewed")]
            for a in view.carried]
    return _table([_("Item"), _("Who"), _("When"), _("Status")], rows)


_BODIES: dict[PromptKind, Callable[[SessionView, Step], str]] = {  # consent: see _step_markdown
    PromptKind.OPEN: _open_body,
    PromptKind.STATEMENT: _statement_body,
    PromptKind.SCALE: _scale_body,
    PromptKind.VOTE: _vote_body,
    PromptKind.ASSIGN: _assign_body,
    PromptKind.CHOICE: _choice_body,
    PromptKind.REVIEW: _review_body,
}


# --- HTML ------------------------------------------------------------------------------------

_STYLE = """
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b;
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #1b1b1b; padding-bottom: .3rem; }
h2 { font-size: 1.2rem; margin-top: 1.8rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
blockquote { margin: .5rem 0; padding: .3rem 1rem; border-left: 4px solid #666; background: #f6f6f6; }
td, li, blockquote, p { overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; color: #000; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, blockquote, li { break-inside: avoid; page-break-inside: avoid; }
  th { background: none; }
  @page { margin: 1.5cm; }
}
""".strip()


def to_html(view: SessionView) -> str:
    from markdown_it import MarkdownIt

    # Raw HTML off: a contribution can never become markup, whatever the Markdown escaping did.
    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    body = renderer.render(to_markdown(view))
    title = html.escape(visible(view.title or view.guide_id))
    lang = html.escape(view.lang)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        f"<title>{title}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


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


def suggested_name(view: SessionView, fmt: str) -> str:
    """A file name for an export: the session id (safe by construction) and the format."""
    return f"{view.id}.{fmt}"


def save_export(view: SessionView, fmt: str, path: Path) -> Path:
    """Write an export to `path` in one go (temporary file, then a rename; mode 0600, since what
    partners say about each other is confidential). Raises OSError when it cannot be written."""
    from workshop.store.atomic import write_atomically

    path = Path(path).expanduser()
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, _("it is a folder"), str(path))
    write_atomically(path, export_session(view, fmt).encode("utf-8"))
    return path
