"""A Dutch CSV export speaks Dutch (header, kinds and statuses), with the English codes kept for
scripts (--codes); a date in words is the same with or without Babel."""

from __future__ import annotations

import csv
import datetime
import io

from workshop.cli.main import run
from workshop.core.session import SessionView
from workshop.core.session.changes import SetConsent
from workshop.present.export import CSV_COLUMNS, export_session


def _rows(text: str, sep: str = ";") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=sep))


def _dutch_session_with_a_consent(store, make_session, live) -> SessionView:
    session = live(make_session(lang="nl"))
    session.apply(SetConsent("consent", "Zorggroep", "or", "to_request", "2026-12-01"))
    session.release()
    return SessionView(store.read_session(session.id))


def test_a_dutch_csv_has_a_dutch_header_kind_and_status(store, make_session, live):
    view = _dutch_session_with_a_consent(store, make_session, live)
    rows = _rows(export_session(view, "csv"))
    assert rows[0] == ["sessie", "datum", "stap", "soort", "partner", "deelnemer", "tekst", "waarde", "onderdeel",
                       "wanneer"]
    consent = next(row for row in rows if row[2] == "consent")
    assert consent[3] == "instemming" and consent[7] == "aan te vragen"
    assert "to_request" not in export_session(view, "csv")


def test_the_codes_stay_the_same_in_every_language_for_scripts(store, make_session, live, capsys):
    view = _dutch_session_with_a_consent(store, make_session, live)
    rows = _rows(export_session(view, "csv", codes=True))
    assert tuple(rows[0]) == CSV_COLUMNS
    consent = next(row for row in rows if row[2] == "consent")
    assert consent[3] == "consent" and consent[7] == "to_request"
    assert run(["export", view.id, "--format", "csv", "--codes"]) == 0
    assert _rows(capsys.readouterr().out)[0] == list(CSV_COLUMNS)


def test_a_date_in_words_is_babels_in_both_languages():
    from babel.dates import format_date

    from workshop.core.text.i18n import DAY_PATTERN, day, language

    for lang in ("nl", "en"):
        with language(lang):
            for month in range(1, 13):
                date = datetime.date(2026, month, 9)
                assert day(date.isoformat()) == format_date(date, DAY_PATTERN, locale=lang)
    with language("nl"):
        assert day("2026-11-09") == "9 november 2026" and day("volgende week") == "volgende week"
