"""The minutes as a Word document, opened with a real reader (python-docx): the summary for the
directors first (the decisions, the key message, the action list, the next meeting), then the
record of the meeting on a new page; Word's own styles, tables for the actions and the
attendance, Dutch for the spelling checker, A4. Written like every export: in one go, to a
regular file only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.core.test_names_in_outputs import HELD, PEOPLE, beside_a_value, make_scanned
from workshop.cli.main import run
from workshop.core.session import LiveSession
from workshop.core.session.changes import SetAttendance, SetMinutesTaker, SetNextMeeting


def docx_text(path: Path) -> str:
    """Everything a reader sees: the paragraphs (a heading marked `#`, as in the Markdown), then
    each table row as `a | b | c`."""
    document = Document(str(path))
    lines = [("# " if p.style.name.startswith(("Heading", "Title")) else "") + p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


@pytest.fixture
def closed(store, make_session) -> str:
    """A Dutch werksessie, closed: a decision, the key message, an action, attendance, the next meeting."""
    session_id = make_session(lang="nl", partners=("Gemeente", "Zorggroep", "Woonstede"),
                              participants=("Anna@Gemeente:wethouder", "Bram@Zorggroep", "Cem@Woonstede"))
    live = LiveSession(store.open_session(session_id))
    try:
        live.choose("welcome", "delen")
        live.revise("ambition", "Elk gezin in de wijk krijgt snel de juiste hulp.", agreed=True)
        live.assign("achterban", "Kernboodschap: we starten met één aanspreekpunt per school", "Anna", "2026-11-27")
        live.assign("actions", "Budget pilot vrijmaken", "Gemeente", "2026-12-15")
        live.apply(SetAttendance("Gemeente", "present"))
        live.apply(SetAttendance("Zorggroep", "present"))
        live.apply(SetAttendance("Woonstede", "excused"))
        live.apply(SetMinutesTaker("Petra (secretariaat)"))
        live.apply(SetNextMeeting("2027-01-15", "Stadhuis", "de eerste lessen uit de pilot"))
        live.close()
    finally:
        live.release()
    return session_id


def export_docx(capsys, store, session_id: str, target: Path, *extra: str) -> tuple[int, str]:
    code = run(["--store", str(store.root), "export", session_id, "--format", "docx", "-o", str(target), *extra])
    return code, capsys.readouterr().err


def test_the_word_minutes_open_with_the_summary_and_hold_the_decisions_and_the_actions(capsys, store, closed, tmp_path):
    target = tmp_path / "verslag.docx"
    assert export_docx(capsys, store, closed, target)[0] == 0
    document = Document(str(target))
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert styled[0][0] == "Title"
    headings = [text for style, text in styled if style.startswith("Heading")]
    assert headings[:6] == ["Bestuurlijke samenvatting", "Besluitenlijst", "Kernboodschap voor de achterban",
                            "Actielijst", "Volgende bijeenkomst", "Werkverslag"]
    assert ("Heading 1", "Bestuurlijke samenvatting") in styled and ("Heading 2", "Besluitenlijst") in styled
    texts = [text for _style, text in styled]
    assert "Notulist: Petra (secretariaat)" in texts
    assert "Verslag: Concept, vast te stellen op 15 januari 2027" in texts
    assert "Afwezig met bericht: Cem (Woonstede)" in texts
    decisions = texts[texts.index("Besluitenlijst") + 1:texts.index("Kernboodschap voor de achterban")]
    assert "1. Fase van de samenwerking: Delen" in decisions
    assert any(text.startswith("2. Gedeelde ambitie: vastgesteld") for text in decisions)
    assert ("Quote", "Kernboodschap: we starten met één aanspreekpunt per school") in styled
    assert "15 januari 2027, Stadhuis\nThema: de eerste lessen uit de pilot" in texts
    actions, attendance = document.tables[0], document.tables[1]
    rows = [[cell.text for cell in row.cells] for row in actions.rows]
    assert rows[0] == ["Actie", "Wie", "Uiterlijk", "Status"]
    assert ["Budget pilot vrijmaken", "Gemeente", "15 december 2026", "nieuw"] in rows
    assert actions.style.name == "Table Grid" and actions.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert ["Woonstede", "afwezig met bericht", "Cem"] in [[c.text for c in r.cells] for r in attendance.rows]
    # the record of the meeting starts on a page of its own; the text is Dutch; the page is A4
    body = document.element.body
    record = next(p for p in document.paragraphs if p.text == "Werkverslag")
    before = record._p.getprevious()
    assert before is not None and before.findall(".//" + qn("w:br"))[0].get(qn("w:type")) == "page"
    assert document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang")).get(qn("w:val")) == "nl-NL"
    assert round(document.sections[0].page_width.cm, 1) == 21.0 and body is not None
    assert os.stat(target).st_mode & 0o777 == 0o600  # what partners say is confidential


def test_the_word_minutes_name_nobody_beside_a_blind_score_and_hold_no_held_line(capsys, store, tmp_path):
    session_id = make_scanned(tmp_path, store, close=True)
    target = tmp_path / "scan.docx"
    assert export_docx(capsys, store, session_id, target)[0] == 0
    text = docx_text(target)
    asked, _step, _rest = text.rpartition("Round of the table")  # the last step; its guide asks for names
    assert "We trust each other." in text and "1: 1 · 2: 1 · 3: 1 · 4: 2 · 5: 1" in text
    assert beside_a_value(asked) == [] and HELD not in text
    assert not any(name in text[text.index("Scan"):text.index("Interaction")] for name in PEOPLE)


@pytest.mark.parametrize("make", ["link", "fifo", "device"])
def test_a_word_document_is_written_to_a_regular_file_only(capsys, store, closed, tmp_path, make):
    if make == "link":
        target = tmp_path / "link.docx"
        target.symlink_to(tmp_path / "elsewhere.docx")
    elif make == "fifo":
        target = tmp_path / "pipe.docx"
        os.mkfifo(target)
    else:
        target = Path("/dev/null")
    code, err = export_docx(capsys, store, closed, target)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "elsewhere.docx").exists()


def test_a_word_document_never_goes_onto_a_terminal(capsys, store, closed, monkeypatch):
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code = run(["--store", str(store.root), "export", closed, "--format", "docx"])
    err = capsys.readouterr().err
    assert code == 2 and "-o" in err and len(err.strip().splitlines()) == 1
