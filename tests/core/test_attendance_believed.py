"""Attendance, once recorded, is what the papers say: the minutes' header lists who was there,
who was absent and who sent notice; without attendance recorded everyone listed is present."""

from __future__ import annotations

from workshop.core.session import SessionView
from workshop.core.session.changes import SetAttendance
from workshop.present.export import export_session

PEOPLE = ("Anna@Gemeente:wethouder", "Bram@Zorggroep", "Cor@Woonstede", "Dina@Welzijn")
PARTNERS = ("Gemeente", "Zorggroep", "Woonstede", "Welzijn")


def _minutes(store, make_session, live, lang: str, marks: dict[str, str], fmt: str = "md") -> str:
    session = live(make_session(lang=lang, partners=PARTNERS, participants=PEOPLE))
    for partner, status in marks.items():
        session.apply(SetAttendance(partner, status))
    return export_session(SessionView(store.read_session(session.id)), fmt)


MARKS = {"Gemeente": "present", "Zorggroep": "excused", "Woonstede": "absent", "Welzijn": "present"}


def test_the_dutch_header_lists_who_was_there_and_who_was_absent_or_sent_notice(store, make_session, live):
    text = _minutes(store, make_session, live, "nl", MARKS)
    assert "- **Aanwezig:** Anna (Gemeente, wethouder), Dina (Welzijn)\n" in text
    assert "- **Afwezig:** Cor (Woonstede)\n" in text
    assert "- **Afwezig met bericht:** Bram (Zorggroep)\n" in text


def test_the_english_header_and_the_html_say_the_same(store, make_session, live):
    text = _minutes(store, make_session, live, "en", MARKS)
    assert "- **Present:** Anna (Gemeente, wethouder), Dina (Welzijn)\n" in text
    assert "- **Absent:** Cor (Woonstede)\n" in text
    assert "- **Excused (with notice):** Bram (Zorggroep)\n" in text
    page = _minutes(store, make_session, live, "en", MARKS, fmt="html")
    assert "<strong>Present:</strong> Anna (Gemeente, wethouder), Dina (Welzijn)</li>" in page
    assert "<strong>Absent:</strong> Cor (Woonstede)</li>" in page


def test_a_partner_without_people_is_named_where_it_was_marked(store, make_session, live):
    session = live(make_session(lang="en", partners=(*PARTNERS, "Portaal", "Talis"), participants=PEOPLE))
    for partner, status in {**MARKS, "Portaal": "present", "Talis": "absent"}.items():
        session.apply(SetAttendance(partner, status))
    text = export_session(SessionView(store.read_session(session.id)), "md")
    assert "- **Present:** Anna (Gemeente, wethouder), Dina (Welzijn), Portaal\n" in text
    assert "- **Absent:** Cor (Woonstede), Talis\n" in text


def test_without_attendance_recorded_the_minutes_list_people_but_do_not_call_them_present(store, make_session, live):
    text = _minutes(store, make_session, live, "en", {})
    assert ("- **Listed (attendance not recorded):** Anna (Gemeente, wethouder), Bram (Zorggroep), Cor (Woonstede), "
            "Dina (Welzijn)\n") in text
    assert "**Present" not in text and "**Absent" not in text and "**Excused" not in text
