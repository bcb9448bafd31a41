"""The minutes as a Word document, for the secretariat that edits and circulates them.

Drawn from the same Markdown as the HTML minutes (`workshop.present.minutes.to_markdown`), so it
holds the same content under the same disclosure rules: no held line, no name beside a blind
score. Word's built-in styles carry the structure (Title, Heading 1 and 2, List Bullet, Quote, a
table style), so a Dutch Word shows them as Titel, Kop 1, Lijstopsommingsteken; the text is
marked as Dutch (or English) for the spelling checker; the page is A4. The summary for the
directors is the first page: the record of the meeting starts on a new one.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from markdown_it import MarkdownIt
from markdown_it.token import Token

from workshop.core.session import SessionView
from workshop.core.text.i18n import _, language
from workshop.present.minutes import to_markdown
from workshop.present.minutes_summary import status_line
from workshop.present.text import visible

HEADINGS = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}
TABLE_STYLE = "Table Grid"
LANGUAGES = {"nl": "nl-NL", "en": "en-GB"}


def to_docx(view: SessionView, with_names: bool = False) -> bytes:
    """The minutes as a .docx file's bytes (the same content as `to_html`)."""
    markdown = to_markdown(view, with_names)
    with language(view.lang):
        record = _("Record of the meeting")
        footer = f"{visible(view.title or view.guide_id)} · {status_line(view)}"
    document = Document()
    _page(document, footer)
    _language(document, LANGUAGES.get(view.lang, view.lang))
    document.core_properties.title = visible(view.title or view.guide_id)
    document.core_properties.language = LANGUAGES.get(view.lang, view.lang)
    tokens = MarkdownIt("commonmark", {"html": False}).enable("table").parse(markdown)
    _Writer(document, record).write(tokens)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(document: Any, footer: str) -> None:
    """A4 with 2 cm margins; the footer names the minutes and their status."""
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    paragraph = section.footer.paragraphs[0]
    paragraph.style = document.styles["Footer"]
    run = paragraph.add_run(footer)
    run.font.size = Pt(8)


def _language(document: Any, tag: str) -> None:
    """Every style's text in the session's language (Word's spelling checker follows it)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), tag)


class _Writer:
    """Walks markdown-it's tokens and writes paragraphs, lists, quotes and tables."""

    def __init__(self, document: Any, page_break_before: str) -> None:
        self.document = document
        self.page_break_before = page_break_before
        self.lists: list[list[int]] = []  # per open list: [its next number], or [] for a bullet list
        self.quote = 0
        self.heading = 0
        self.table: list[list[list[Token]]] | None = None
        self.started = False

    def write(self, tokens: Sequence[Token]) -> None:
        for token in tokens:
            kind = token.type
            if kind == "heading_open":
                self.heading = int(token.tag[1:])
            elif kind == "heading_close":
                self.heading = 0
            elif kind == "bullet_list_open":
                self.lists.append([])
            elif kind == "ordered_list_open":
                self.lists.append([int(token.attrGet("start") or 1)])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "blockquote_open":
                self.quote += 1
            elif kind == "blockquote_close":
                self.quote -= 1
            elif kind == "table_open":
                self.table = []
            elif kind == "tr_open" and self.table is not None:
                self.table.append([])
            elif kind == "inline" and self.table is not None:
                self.table[-1].append(token.children or [])
            elif kind == "table_close" and self.table is not None:
                self._table(self.table)
                self.table = None
            elif kind == "inline":
                self._paragraph(token.children or [])
            elif kind == "hr":
                self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _style(self) -> tuple[str, str]:
        """The style of the next paragraph, and what its text starts with (a list's number)."""
        if self.heading:
            return HEADINGS.get(self.heading, "Heading 3"), ""
        if self.lists:
            depth = min(len(self.lists), 3)
            suffix = f" {depth}" if depth > 1 else ""
            numbers = self.lists[-1]
            if numbers:  # numbered by hand: Word's own numbering would run on from the list before
                numbers[0] += 1
                return f"List{suffix}", f"{numbers[0] - 1}. "
            return f"List Bullet{suffix}", ""
        if self.quote:
            return "Quote", ""
        return "Normal", ""

    def _paragraph(self, children: list[Token]) -> None:
        style, start = self._style()
        text = "".join(child.content for child in children if child.type == "text")
        if self.heading == 2 and text == self.page_break_before and self.started:
            self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.started = True
        paragraph = self.document.add_paragraph(style=self.document.styles[style])
        if start:
            paragraph.add_run(start)
        _inline(paragraph, children)

    def _table(self, rows: list[list[list[Token]]]) -> None:
        columns = max((len(row) for row in rows), default=0)
        if not rows or not columns:
            return
        table = self.document.add_table(rows=len(rows), cols=columns)
        table.style = self.document.styles[TABLE_STYLE]
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                paragraph = table.cell(r, c).paragraphs[0]
                _inline(paragraph, cell, bold=r == 0)
        header = table.rows[0]._tr.get_or_add_trPr()  # the head repeats on every page the table runs onto
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header.append(repeat)
        self.document.add_paragraph()  # Word runs two tables in a row together without it


def _inline(paragraph: Any, children: list[Token], bold: bool = False) -> None:
    """Runs for the inline tokens: bold and italic as the Markdown marks them, hard breaks kept."""
    strong, emphasis = int(bold), 0
    for child in children:
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            emphasis += 1
        elif kind == "em_close":
            emphasis -= 1
        elif kind == "hardbreak":
            paragraph.add_run().add_break()
        elif kind == "softbreak":  # a space, as in the HTML
            paragraph.add_run(" ")
        elif child.content:
            run = paragraph.add_run(child.content)
            run.bold = bool(strong) or None
            run.italic = bool(emphasis) or None
