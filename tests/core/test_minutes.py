"""Minutes ready to circulate: dates in words, who was present, the decisions, actions with owner
and date, consents by status, the contested ambition; the same in Dutch and English (golden files).

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/core/test_minutes.py`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.core.alliance import AMBITION_NEW, build_alliance
from workshop.core.session import LiveSession, SessionView
from workshop.core.session.changes import SetNextMeeting
from workshop.present.export import export_session

GOLDEN = Path(__file__).parent / "golden"


def _minutes(store, make_session, lang: str) -> str:
    build_alliance(store, make_session, lang=lang)
    live = LiveSession(store.open_session(make_session(date="2026-12-15", lang=lang,
                                                       collaboration="Pact voor de Wijk",
                                                       partners=("Gemeente", "Zorggroep", "Woonstede", "Welzijn"),
                                                       participants=("Anna@Gemeente:wethouder", "Bram@Zorggroep"))))
    try:
        live.choose("welcome", "verkennen")
        live.revise("ambition", AMBITION_NEW)  # not agreed: the minutes show it as contested
        late = next(a for a in live.carried if a.text == "Risicoverdeling op papier zetten")
        live.mark("review", late.uid, "open")
        live.set_consent("consent", "Gemeente", "gemeenteraad", "not_needed")
        live.set_consent("consent", "Zorggroep", "or", "consent_given", "10-12-2026")
        live.set_consent("consent", "Welzijn", "clientenraad", "to_request")
        live.assign("actions", "Risicoverdeling opnieuw agenderen", "Gemeente", "2027-01-15")
        live.apply(SetNextMeeting("2 februari 2027", "Stadhuis"))
        view = SessionView(store.read_session(live.id))
    finally:
        live.release()
    return export_session(view, "md")


def _golden(name: str, produced: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(produced.encode("utf-8"))
    assert produced == path.read_bytes().decode("utf-8"), f"{name} changed; UPDATE_GOLDEN=1 if that is intended"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_minutes_match_the_golden_file(store, make_session, lang):
    _golden(f"minutes_{lang}.md", _minutes(store, make_session, lang))


def test_dutch_minutes_are_ready_to_circulate(store, make_session):
    text = _minutes(store, make_session, "nl")
    assert "**Datum:** 15 december 2026" in text
    assert "**Deelnemerslijst (aanwezigheid niet bijgehouden):** Anna (Gemeente, wethouder), Bram (Zorggroep)" in text
    assert text.index("### Besluitenlijst") < text.index("### Kernboodschap voor de achterban") \
        < text.index("### Actielijst") < text.index("### Volgende bijeenkomst") < text.index("## Werkverslag")
    assert "| Risicoverdeling opnieuw agenderen | Gemeente | 15 januari 2027 | nieuw |" in text
    assert "dagen te laat" in text and "Stelling" not in text and "Rol of taak" not in text
    assert "*Niet nodig:* Gemeente (Gemeenteraad)" in text
    assert "### Volgende bijeenkomst\n\n**2 februari 2027, Stadhuis**" in text
    assert AMBITION_NEW in text and "\\&" not in text
