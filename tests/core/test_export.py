"""Exports: Markdown and CSV match golden files, HTML is well-formed, JSON reads back as the session,
and whatever participants typed is escaped in every format.

Regenerate the golden files after an intended change with `UPDATE_GOLDEN=1 pytest tests/core/test_export.py`.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings, strategies as st

from workshop.cli.main import run
from workshop.core.session import LiveSession, SessionView
from workshop.present.export import CSV_COLUMNS, export_session
from workshop.present.text import md_cell, md_escape, visible

GOLDEN = Path(__file__).parent / "golden"
HOSTILE = [
    "<script>alert(1)</script>",
    "[bold]rood[/bold] en **vet** en [link](http://example.org) en `code`",
    "=SUM(A1:A3)",
    "+31 6 12345678",
    "-5 minuten per overleg",
    "@iedereen lezen",
    "twee regels\n\n- geen lijst\n# geen kop",
    "\x1b[31mANSI rood\x1b[0m en een tab\thier",
    "pijp | in een cel & &amp; entiteit \\ backslash",
    "eenzaam \ud800 surrogaat en \u202eomgekeerd",
]


class Clock:
    """`datetime.now` for workshop.core.model: one second later at every call, from a fixed moment."""

    start = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

    def __init__(self) -> None:
        self.ticks = itertools.count()

    def now(self, tz=None):
        return self.start + timedelta(seconds=next(self.ticks))


@pytest.fixture
def deterministic(monkeypatch):
    """Fixed uids, timestamps and session ids, so the same steps give the same bytes."""
    import uuid

    import workshop.core.model
    from workshop.core.store import Store

    numbers = itertools.count(1)
    monkeypatch.setattr(uuid, "uuid4", lambda: SimpleNamespace(hex=f"{next(numbers):032x}"))
    monkeypatch.setattr(workshop.core.model, "datetime", Clock())
    ids = iter(["20260918-aaaaaa", "20261120-bbbbbb", "20261121-cccccc", "20261122-dddddd"])
    monkeypatch.setattr(Store, "new_session_id", lambda self, day=None: next(ids))


@pytest.fixture
def fixed_session(deterministic, store, make_session):
    """A procesregie session with every prompt kind filled in, hostile text included, and a
    previous session whose actions it reviews."""
    earlier = LiveSession(store.open_session(make_session(date="2026-09-18")))
    earlier.revise("ambition", "Samen zorgen we voor een thuis dichtbij", agreed=True)
    earlier.assign("actions", "Wachtlijst delen", "Zorggroep", "2026-10-01")
    earlier.assign("actions", "Wethouder bellen", "Gemeente", "2026-10-05")
    earlier.set_consent("consent", "Gemeente", "or", "requested", "2026-10-10")
    earlier.release()

    s = LiveSession(store.open_session(make_session(date="2026-11-20")), clock=lambda: 1_000_000.0)
    for partner, phase in (("Gemeente", "delen"), ("Zorggroep", "overeenkomen"), ("Woonstede", "delen")):
        s.choose("welcome", phase, partner=partner)  # each partner's phase; the group's is delen
    s.mark("review", s.carried[0].uid, "done")
    s.mark("review", s.carried[1].uid, "dropped")
    s.revise("ambition", "Samen zorgen we voor een thuis dichtbij, voor iedereen", agreed=True)
    s.add("interests", "Wij brengen wijkverpleging in", partner="Zorggroep", participant="Bram")
    for number, text in enumerate(HOSTILE):
        s.add("pains", text, partner=("Gemeente", "Zorggroep", "Woonstede")[number % 3])
    pains = s.contributions("pains")
    s.vote("priorities", pains[0].uid, "Gemeente", 2)
    s.vote("priorities", pains[1].uid, "Zorggroep", 3)
    s.vote("priorities", pains[0].uid, "Woonstede", 1)
    s.revise("pilot", "Eén wijkteam in Oost\nmet een **gedeeld** dossier", agreed=True)
    s.assign("pilot-team", "Trekker van de pilot", "Bram", "2026-12-15")
    s.assign("roles", "Procesbegeleider", "Anna", "maandelijks")
    s.assign("rhythm", "Overleg leidinggevenden", "Gemeente, Zorggroep", "elke 6 weken")
    s.set_consent("consent", "Zorggroep", "rvt", "to_request")
    s.set_consent("consent", "Woonstede", "or", "advice_given", "2026-11-01")  # as older sessions have it
    s.set_consent("consent", "Gemeente", "gemeenteraad", "wishes_given", "2026-11-12")
    s.score("interaction", "threshold", "Gemeente", 2, "nog = hoog")
    s.score("interaction", "threshold", "Zorggroep", 4)
    s.score("interaction", "humour", "Woonstede", 5, "[i]veel[/i] gelachen")
    for partner, ready in (("Gemeente", "almost"), ("Zorggroep", "ready"), ("Woonstede", "almost")):
        s.choose("next-phase", ready, partner=partner)
    s.assign("actions", "OR informeren", "Gemeente", "2026-12-01")
    s.assign("actions", "=HYPERLINK(\"http://x\")", "@Zorggroep", "")
    s.add("close", "Goed | eerlijk", partner="Woonstede")
    position = s.add("interests", "Geen extra overleg", partner="Gemeente", participant="Anna", item="position")
    s.add("interests", "Te weinig | mensen *nu*", partner="Gemeente", item="organisation", value=position.uid)
    s.add("interests", "Dat dit lukt", partner="Woonstede", item="person")
    s.add("interests", "Eén loket", partner="Woonstede", item="collaboration")
    view = SessionView(store.read_session(s.id))
    s.release()
    return view


def golden(name: str, produced: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(produced.encode("utf-8"))
    assert produced == path.read_bytes().decode("utf-8"), f"{name} changed; UPDATE_GOLDEN=1 if that is intended"


# --- golden files --------------------------------------------------------------------------------


def test_markdown_minutes_match_the_golden_file(fixed_session):
    golden("minutes.md", export_session(fixed_session, "md"))


def test_csv_matches_the_golden_file(fixed_session):
    golden("contributions.csv", export_session(fixed_session, "csv"))


def test_the_same_session_exports_the_same_bytes(fixed_session):
    for fmt in ("md", "html", "csv", "json"):
        assert export_session(fixed_session, fmt) == export_session(fixed_session, fmt)


# --- Markdown --------------------------------------------------------------------------------------


def test_minutes_open_with_the_summary_for_directors_then_go_step_by_step(fixed_session):
    text = export_session(fixed_session, "md")
    table = text.index("### Action list\n\n| Action | Who | Due | Status |")
    assert text.index("## Summary for the directors") < text.index("### Decisions") < table
    assert table < text.index("## Record of the meeting") < text.index("### 1. Welcome and check-in")
    assert text.index("### 1. Welcome and check-in") < text.index("### 22. Closing round")
    assert "| OR informeren | Gemeente | 1 December 2026 | new |" in text[table:text.index("### 1.")]
    assert "Trekker van de pilot" not in text[table:text.index("### 1.")]  # a role, in its own step
    assert "Trekker van de pilot" in text[text.index("### 1."):]


def test_minutes_are_in_the_sessions_language(deterministic, store, make_session):
    s = LiveSession(store.open_session(make_session(lang="nl")))
    s.revise("ambition", "Samen", agreed=True)
    s.release()
    view = SessionView(store.read_session(s.id))
    text = export_session(view, "md")
    assert "## 5. Gedeelde ambitie" in text and "Shared ambition" not in text


def test_participant_markdown_is_shown_literally(fixed_session):
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark", {"html": False}).enable("table").render(export_session(fixed_session, "md"))
    assert "<script" not in rendered and "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "**vet**" in rendered and "[link](http://example.org)" in rendered and "`code`" in rendered
    assert "<a " not in rendered and "<code>" not in rendered
    assert "<h1>" in rendered and rendered.count("<h1>") == 1  # '# geen kop' is no heading


ALPHABET = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")) | st.sampled_from(
    list("\\`*_[]<>&|~!#+-=.)(:\"'{}\n\t 0123456789") + ["\x1b", "\x00", "\r", "\u2028", "\ud800"])


def rendered_text(markdown: str) -> str:
    """What a reader sees of rendered Markdown: the text, with line breaks as newlines."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.tags: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            if tag == "br":
                self.parts.append("\n")

        def handle_startendtag(self, tag, attrs):
            self.handle_starttag(tag, attrs)

        def handle_data(self, data):
            if self.tags and self.tags[-1] == "br" and self.parts and self.parts[-1] == "\n":
                data = data.removeprefix("\n")  # markdown-it writes "<br />\n"
            self.parts.append(data)

    parser = Text()
    parser.feed(html)
    assert set(parser.tags) <= {"p", "br", "table", "thead", "tbody", "tr", "th", "td"}, (markdown, html)
    return "".join(parser.parts).strip("\n")


def expected_lines(text: str) -> list[str]:
    return [line.strip() for line in visible(text).replace("\t", " ").split("\n") if line.strip()]


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=40))
def test_any_typed_text_renders_literally_in_markdown(text):
    shown = rendered_text(md_escape(text))
    expected = expected_lines(text)
    assert ([line.strip() for line in shown.split("\n")] if shown else []) == expected


def body_cells(markdown: str) -> list[str]:
    """The text of each body cell of a rendered Markdown table."""
    from markdown_it import MarkdownIt

    class Cells(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.cells: list[str] = []
            self.inside = False

        def handle_starttag(self, tag, attrs):
            if tag == "td":
                self.inside = True
                self.cells.append("")

        def handle_endtag(self, tag):
            if tag == "td":
                self.inside = False

        def handle_data(self, data):
            if self.inside:
                self.cells[-1] += data

    parser = Cells()
    parser.feed(MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown))
    return parser.cells


@settings(max_examples=200, deadline=None)
@given(st.text(ALPHABET, max_size=30))
def test_any_typed_text_stays_in_its_table_cell(text):
    markdown = "| a | b |\n| --- | --- |\n| " + md_cell(text) + " | x |\n"
    assert body_cells(markdown) == [" ".join(expected_lines(text)), "x"]


# --- HTML ----------------------------------------------------------------------------------------

VOID = {"meta", "br", "hr", "img", "link", "input"}


class Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.add(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:]}")
        else:
            self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_well_formed_self_contained_and_printable(fixed_session):
    page = export_session(fixed_session, "html")
    checker = Balance()
    checker.feed(page)
    checker.close()
    assert checker.problems == [] and checker.open == []
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8" />' in page
    assert "@media print" in page and '<html lang="en">' in page
    assert not checker.tags & {"script", "link", "img", "iframe", "a", "object"}  # nothing from elsewhere
    ElementTree.fromstring(page.split("\n", 1)[1])  # XHTML-ish: an XML parser reads it too


def test_html_escapes_participant_markup(fixed_session):
    page = export_session(fixed_session, "html")
    checker = Balance()
    checker.feed(page)
    text = "".join(checker.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script" not in page
    assert "[bold]rood[/bold] en **vet** en [link](http://example.org) en `code`" in text
    assert "\\x1b[31mANSI rood\\x1b[0m" in text and "\x1b" not in page
    assert "\\ud800" in text and "\\u202e" in text
    assert "pijp | in een cel & &amp; entiteit \\ backslash" in text
    assert "pijp | in een cel &amp; &amp;amp; entiteit" in page
    page.encode("utf-8")  # strict: no lone surrogate left


def test_html_title_is_escaped(deterministic, store, shelf):
    from workshop.core.making.prepare import Plan, prepare_session

    session_id = prepare_session(store, Plan("X", shelf.get("pulse"), ["A"], lang="en", title="<b>Kick</b> & off"))
    page = export_session(SessionView(store.read_session(session_id)), "html")
    assert "<title>&lt;b&gt;Kick&lt;/b&gt; &amp; off</title>" in page


# --- CSV -----------------------------------------------------------------------------------------


def test_csv_has_one_row_per_contribution_with_the_columns(fixed_session):
    rows = list(csv.reader(io.StringIO(export_session(fixed_session, "csv").removeprefix("\ufeff"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) - 1 == fixed_session.count()
    assert {row[0] for row in rows[1:]} == {fixed_session.id} and {row[1] for row in rows[1:]} == {"2026-11-20"}


def test_csv_cannot_start_a_formula(fixed_session):
    rows = list(csv.DictReader(io.StringIO(export_session(fixed_session, "csv"))))
    texts = {row["text"] for row in rows}
    assert {"'=SUM(A1:A3)", "'+31 6 12345678", "'-5 minuten per overleg", "'@iedereen lezen",
            "'=HYPERLINK(\"http://x\")"} <= texts
    assert "'@Zorggroep" in {row["value"] for row in rows}
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@")) or cell[:4].isdigit(), cell


def test_csv_keeps_newlines_in_a_cell_and_shows_control_characters(fixed_session):
    text = export_session(fixed_session, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert "twee regels\n\n'- geen lijst\n# geen kop" in {row["text"] for row in rows}  # '- : see formulas
    assert "\x1b" not in text and "\\x1b[31mANSI" in text
    text.encode("utf-8")


def test_csv_vote_rows_name_what_was_voted_on(fixed_session):
    rows = [row for row in csv.DictReader(io.StringIO(export_session(fixed_session, "csv")))
            if row["prompt_kind"] == "vote"]
    assert sorted((row["partner"], row["value"]) for row in rows) == [("Gemeente", "2"), ("Woonstede", "1"),
                                                                      ("Zorggroep", "3")]
    assert rows[0]["text"] == "<script>alert(1)</script>"


# --- JSON ----------------------------------------------------------------------------------------


def test_json_reads_back_as_the_session(fixed_session):
    data = json.loads(export_session(fixed_session, "json", include_notes=True))
    assert data.pop("notes_included") is True and data == fixed_session.to_dict()
    rebuilt = SessionView({"meta": {"1": data["meta"]},
                           "contributions": {str(n): c for n, c in enumerate(data["contributions"], start=1)}})
    assert rebuilt.to_dict() == fixed_session.to_dict()
    assert HOSTILE[-1] in {c.text for c in rebuilt.contributions("pains")}  # the lone surrogate too


def test_json_is_ascii_without_raw_control_characters(fixed_session):
    text = export_session(fixed_session, "json")
    assert text.isascii() and "\x1b" not in text


def test_an_unknown_format_is_refused(fixed_session):
    with pytest.raises(ValueError):
        export_session(fixed_session, "pdf")


# --- the command ---------------------------------------------------------------------------------


def test_export_command_prints_to_stdout_by_prefix(capsys, fixed_session):
    assert run(["export", fixed_session.id[:12], "--format", "md"]) == 0
    assert capsys.readouterr().out == export_session(fixed_session, "md")


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_export_command_writes_a_file_in_one_go(capsys, tmp_path, fixed_session, fmt):
    target = tmp_path / f"minutes.{fmt}"
    target.write_text("old")
    assert run(["export", fixed_session.id, "--format", fmt, "-o", str(target)]) == 0
    assert target.read_bytes().decode("utf-8") == export_session(fixed_session, fmt)
    assert capsys.readouterr().out == ""
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


@pytest.mark.parametrize("where", ["missing-folder/x.md", "a-folder", "a-file/x.md"])
def test_an_unwritable_target_is_one_line_and_status_2(capsys, tmp_path, fixed_session, where):
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-file").write_text("x")
    assert run(["export", fixed_session.id, "-o", str(tmp_path / where)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "cannot write" in err and "Traceback" not in err


def test_export_of_an_unknown_session_is_one_line_and_status_2(capsys):
    assert run(["export", "20990101", "--format", "md"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_500_contribution_export_is_quick(store, make_session):
    import time

    s = LiveSession(store.open_session(make_session()))
    data = store.read_session(s.id)
    s.release()
    from workshop.core.model import Contribution

    data["contributions"] = {str(n): Contribution(step="pains", text=f"punt {n} met **tekst** <x>", partner="Gemeente",
                                                  position=n).to_dict() for n in range(1, 501)}
    view = SessionView(data)
    started = time.perf_counter()
    export_session(view, "md")
    export_session(view, "html")
    assert time.perf_counter() - started < 1.0  # the benchmark's bar is 200 ms; this only catches blow-ups


def test_the_command_line_offers_exactly_the_formats_the_exporter_writes():
    from workshop.cli.export_cmd import FORMATS as OFFERED
    from workshop.present.export import FORMATS

    assert OFFERED == FORMATS
