"""The comparison shows who was at the table session by session: two providers staying away is
visible in the terminal, the Markdown, the board page and the JSON."""

from __future__ import annotations

import json

from workshop.core.compare import compare_sessions
from workshop.core.session import LiveSession, SessionView
from workshop.core.session.changes import SetAttendance
from workshop.core.text.i18n import language
from workshop.present.compare import comparison_renderable
from workshop.present.compare_html import comparison_html
from workshop.present.compare_md import comparison_markdown

PARTNERS = ("Gemeente", "Zorggroep", "Woonstede", "Welzijn", "Siza")


def _held(store, make_session, date: str, marks: dict[str, str], partners=PARTNERS) -> SessionView:
    session_id = make_session(date=date, partners=partners, participants=())
    live = LiveSession(store.open_session(session_id))
    try:
        live.add("pains", "Wachtlijsten")  # something said: the meeting was held (a prepared one is no evidence)
        for partner, status in marks.items():
            live.apply(SetAttendance(partner, status))
    finally:
        live.release()
    return SessionView(store.read_session(session_id))


def _two(store, make_session):
    first = _held(store, make_session, "2026-09-01", {p: "present" for p in PARTNERS})
    second = _held(store, make_session, "2026-11-20", {"Gemeente": "present", "Zorggroep": "absent",
                                                        "Woonstede": "present", "Welzijn": "present", "Siza": "excused"})
    return compare_sessions([first, second], lang="en")


def test_the_comparison_names_the_partners_present_in_session_one_and_away_in_two(store, make_session):
    compared = _two(store, make_session)
    marks = {trail.partner: trail.marks for trail in compared.attendance}
    assert marks["Zorggroep"] == ("present", "absent")
    assert marks["Siza"] == ("present", "excused")
    with language("en"):
        text = comparison_markdown(compared)
    assert "## Who was at the table" in text
    assert "| **at the table** | 5 of 5 | 3 of 5 |" in text
    assert "| Zorggroep | present | absent |" in text
    assert "| Siza | present | excused |" in text
    assert "| Gemeente |" not in text  # always there: counted, not listed
    assert "The other 3 partners were at every session." in text


def test_the_board_page_and_the_terminal_show_it_too(store, make_session):
    from rich.console import Console

    compared = _two(store, make_session)
    with language("en"):
        page = comparison_html(compared)
        console = Console(width=120, record=True)
        console.print(comparison_renderable(compared))
    assert "<td>Zorggroep</td><td>present</td><td>absent</td>" in page
    shown = console.export_text()
    assert "Who was at the table" in shown and "3 of 5" in shown
    assert any("Zorggroep" in line and "absent" in line for line in shown.splitlines())


def test_the_json_carries_attendance_per_partner_and_session(store, make_session):
    compared = _two(store, make_session)
    data = json.loads(json.dumps(compared.to_dict()))
    assert {"partner": "Zorggroep", "marks": ["present", "absent"]} in data["attendance"]
    assert "Zorggroep" not in " ".join(data["sessions"][1]["attendance"])  # nobody of theirs at the table


def test_a_partner_that_joined_later_and_a_session_without_attendance_are_said_as_such(store, make_session):
    first = _held(store, make_session, "2026-09-01", {}, partners=PARTNERS[:4])
    second = _held(store, make_session, "2026-11-20", {"Zorggroep": "absent"})
    compared = compare_sessions([first, second], lang="en")
    with language("en"):
        text = comparison_markdown(compared)
    assert "| **at the table** | ? | 4 of 5 |" in text
    assert "| Siza | – | ? |" in text  # joined for the second session, not marked there
    assert "| Zorggroep | ? | absent |" in text
    assert "?: not recorded (counted as present); –: not a partner then." in text


def test_without_attendance_in_any_session_the_comparison_says_so(store, make_session):
    compared = compare_sessions([_held(store, make_session, "2026-09-01", {}),
                                 _held(store, make_session, "2026-11-20", {})], lang="en")
    with language("en"):
        assert "Attendance was not recorded in these sessions." in comparison_markdown(compared)
