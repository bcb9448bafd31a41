"""The comparison tracks each partner's phase session by session, and says who called the
collaboration ready for the next phase at the latest meeting that asked it and who did not: in
the data, the text, the Markdown and the board page."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from workshop.core.compare import compare_sessions
from workshop.core.guides import load_shelf
from workshop.core.making.prepare import Plan, prepare_session
from workshop.core.model import Participant
from workshop.core.session import LiveSession, SessionView
from workshop.core.text.i18n import language
from workshop.present.compare import comparison_renderable
from workshop.present.compare_html import comparison_html
from workshop.present.compare_md import comparison_markdown

GUIDE = """
[guide]
id = "phases"
title = { en = "Phases", nl = "Fasen" }

[[steps]]
id = "welcome"
kind = "choice"
per = "partner"
title = { en = "Phase", nl = "Fase" }
prompt = { en = "Which phase?", nl = "Welke fase?" }
[[steps.options]]
id = "verkennen"
text = { en = "Exploring: whether", nl = "Verkennen: of" }
[[steps.options]]
id = "delen"
text = { en = "Sharing: the partners", nl = "Delen: de partners" }

[[steps]]
id = "next-phase"
kind = "choice"
per = "partner"
title = { en = "Ready for the next phase?", nl = "Klaar voor de volgende fase?" }
prompt = { en = "Ready?", nl = "Klaar?" }
[[steps.options]]
id = "ready"
text = { en = "Ready: we move on", nl = "Klaar: we gaan door" }
[[steps.options]]
id = "almost"
text = { en = "Almost: something is missing", nl = "Bijna: er ontbreekt iets" }
[[steps.options]]
id = "not-yet"
text = { en = "Not yet: we stay", nl = "Nog niet: we blijven" }
"""


@pytest.fixture
def views(tmp_path: Path, store) -> list[SessionView]:
    """Two meetings: Woonstede joins at the second; Welzijn is not asked its readiness there."""
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "phases.toml").write_text(GUIDE, encoding="utf-8")
    guide = load_shelf(folder).get("phases")
    said = (
        ("2026-09-01", ("Gemeente", "Zorggroep", "Welzijn"),
         {"Gemeente": "delen", "Zorggroep": "verkennen", "Welzijn": "verkennen"},
         {"Gemeente": "not-yet", "Zorggroep": "not-yet", "Welzijn": "not-yet"}),
        ("2026-11-01", ("Gemeente", "Zorggroep", "Welzijn", "Woonstede"),
         {"Gemeente": "delen", "Zorggroep": "delen", "Woonstede": "verkennen"},
         {"Gemeente": "ready", "Zorggroep": "almost", "Woonstede": "not-yet"}),
    )
    found = []
    for day, partners, phases, ready in said:
        plan = Plan(collaboration="Pact", guide=guide, partners=list(partners),
                    participants=[Participant.parse(f"P{n}@{p}") for n, p in enumerate(partners)], lang="en", date=day)
        live = LiveSession(store.open_session(prepare_session(store, plan)))
        try:
            for partner, option in phases.items():
                live.choose("welcome", option, partner=partner)
            for partner, option in ready.items():
                live.choose("next-phase", option, partner=partner)
            live.close()
        finally:
            live.release()
        found.append(SessionView(store.read_session(live.id)))
    return found


def test_each_partners_phase_and_readiness_are_tracked_session_by_session(views):
    comparison = compare_sessions(views, lang="en")
    trails = {trail.partner: trail for trail in comparison.phases}
    assert list(trails) == ["Gemeente", "Zorggroep", "Welzijn", "Woonstede"]  # the latest session's order
    assert trails["Zorggroep"].phases == ("Exploring", "Sharing")
    assert trails["Zorggroep"].ready == ("not-yet", "almost")
    assert trails["Welzijn"].phases == ("Exploring", "") and trails["Welzijn"].ready == ("not-yet", "")
    assert trails["Woonstede"].phases == (None, "Exploring")  # not a partner at the first meeting


def test_the_papers_show_who_is_ready_for_the_next_phase_and_who_is_not(views):
    comparison = compare_sessions(views, lang="en")
    ready = "Ready for the next phase? On 1 November 2026, ready: Gemeente; almost: Zorggroep; not yet: Woonstede; " \
            "not said: Welzijn."
    with language("en"):
        markdown = comparison_markdown(comparison)
        page = comparison_html(comparison)
        console = Console(width=160, record=True)
        console.print(comparison_renderable(comparison))
        text = console.export_text()
    assert "## Phase per partner" in markdown
    assert "| Zorggroep | Exploring · not yet | Sharing · almost |" in markdown
    assert "| Woonstede | – | Exploring · not yet |" in markdown
    assert "| Welzijn | Exploring · not yet | · |" in markdown
    assert f"**{ready}**" in markdown
    assert "<h2>Phase per partner</h2>" in page and ready in page
    assert "Phase per partner" in text and "Sharing · almost" in text and "ready: Gemeente" in text


def test_without_a_partner_asked_its_phase_there_is_no_table(store, make_session):
    live = LiveSession(store.open_session(make_session()))
    try:
        live.choose("welcome", "delen")  # the group's choice only, as older sessions have it
        live.close()
    finally:
        live.release()
    comparison = compare_sessions([SessionView(store.read_session(live.id))], lang="en")
    assert comparison.phases == ()
    with language("en"):
        assert "Phase per partner" not in comparison_markdown(comparison)
