"""The papers say one thing per item, count from a date they name, take no prepared session for
evidence, and speak to a board in words (issue 22, points 6 to 9): read as a director reads them,
the minutes' text, the headline sentence and the comparison in Markdown."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.core.alliance import ALLIANCE, MEETINGS, PARTNERS, PEOPLE, RISK, TODAY, build_alliance, run_session
from workshop.cli.main import run
from workshop.core.compare import compare_sessions, link_pains, select_sessions, was_held
from workshop.core.session import LiveSession, SessionView
from workshop.present.export import export_session


@pytest.fixture
def alliance(store, make_session) -> dict[str, str]:
    return build_alliance(store, make_session)


def _fourth(store, make_session, fill=None, day: str = "2026-11-20") -> str:
    """A fourth meeting of the alliance: held when `fill` says something in it, else only prepared."""
    session_id = make_session(date=day, lang="nl", collaboration=ALLIANCE, partners=PARTNERS, participants=PEOPLE)
    if fill is not None:
        run_session(store, session_id, fill)
    return session_id


def _carried(live: LiveSession, kind: str, text: str = "") -> str:
    return next(a.uid for a in live.carried if a.kind == kind and a.text.startswith(text))


def _consent_given_while_review_says_open(live: LiveSession) -> None:
    """The review still calls the client council's consent open; the consent step records it given;
    one action is done, one dropped."""
    live.mark("review", _carried(live, "consent"), "open")
    live.set_consent("consent", "Zorggroep", "clientenraad", "consent_given", "2026-11-18")
    live.set_consent("consent", "Woonstede", "or", "to_request")
    live.mark("review", _carried(live, "action", "Besluitenlijst"), "done")
    live.mark("review", _carried(live, "action", "Agenda van de stuurgroep"), "dropped")


def _compare_md(capsys, *argv: str) -> str:
    assert run(["compare", *argv, "--format", "md"]) == 0
    return capsys.readouterr().out


# --- 6. one truth per item ------------------------------------------------------------------------


@pytest.fixture
def consent_given(store, make_session, alliance) -> str:
    """The alliance's third session set the client council's consent 'to request'; the fourth gives it."""
    def third_asks(live: LiveSession) -> None:
        live.set_consent("consent", "Zorggroep", "clientenraad", "to_request")

    _fourth(store, make_session, third_asks, day="2026-11-10")
    return _fourth(store, make_session, _consent_given_while_review_says_open, day="2026-11-20")


def test_the_minutes_give_a_consent_one_status_in_every_part(store, consent_given):
    minutes = export_session(SessionView(store.read_session(consent_given)), "md")
    decisions = minutes[minutes.index("### Besluitenlijst"):minutes.index("### Kernboodschap")]
    review = minutes[minutes.index("### 4. Terugblik"):minutes.index("### 5.")]
    assert "Cliëntenraad van Zorggroep: instemming gegeven" in decisions
    row = next(line for line in review.splitlines() if "Cliëntenraad" in line)
    assert "instemming gegeven" in row and "aan te vragen" not in row and "nog open" not in row
    assert "bijgewerkt bij ‘Advies, instemming" in row


def test_a_done_action_is_no_decision_and_a_dropped_one_is(store, consent_given):
    minutes = export_session(SessionView(store.read_session(consent_given)), "md")
    decisions = minutes[minutes.index("### Besluitenlijst"):minutes.index("### Kernboodschap")]
    assert "Besluitenlijst bijhouden" not in decisions  # done: a fact in the review, not a decision
    assert "‘Agenda van de stuurgroep herzien’: vervallen" in decisions
    assert "| Besluitenlijst bijhouden | Welzijn | 1 maart 2026 | gedaan |" in minutes  # the review says it
    actions = minutes[minutes.index("### Actielijst"):minutes.index("### Volgende bijeenkomst")]
    assert "| Besluitenlijst bijhouden | Welzijn | 1 maart 2026 | afgerond |" in actions  # the action list too
    assert "Agenda van de stuurgroep herzien" not in actions  # dropped: a decision, not an action


def test_the_comparison_gives_the_consent_the_status_of_the_consent_step(capsys, consent_given):
    text = _compare_md(capsys, "--collaboration", ALLIANCE)
    line = next(line for line in text.splitlines() if line.startswith("- Zorggroep · Cliëntenraad"))
    assert line.endswith("instemming gegeven (20 november 2026)"), line
    assert "terugblik: nog open (20 november 2026)" not in line


def test_the_comparison_counts_consents_apart_from_actions(capsys, consent_given):
    text = _compare_md(capsys, "--collaboration", ALLIANCE)
    rows = [line for line in text.splitlines() if line.startswith("| 20 november 2026 |")]
    # agreed 0, done 1 (the decision list), still open 0, dropped 1, not reviewed 1 (the risk): no consent
    assert rows == ["| 20 november 2026 | 0 | 1 | 0 | 1 | 1 |"]
    assert "Advies en instemming na de laatste bijeenkomst: 1 geregeld, 1 nog aan te vragen of in afwachting." in text
    headline = text.splitlines()[2]
    assert "1 van de 1 open acties is te laat" in headline
    assert "1 aanvraag voor advies of instemming staat nog open" in headline
    still_open = text[text.index("## Acties"):]
    assert "Cliëntenraad" not in still_open and "Ondernemingsraad" not in still_open


# --- 7. the date each paper counts from ----------------------------------------------------------------


def test_the_minutes_say_the_date_their_lateness_counts_from(store, consent_given):
    minutes = export_session(SessionView(store.read_session(consent_given)), "md")
    review = minutes[minutes.index("## 4. Terugblik"):minutes.index("## 5.")]
    assert "| Risicoverdeling op papier zetten | Gemeente | 20 december 2025 | niet besproken · **335 dagen te laat** |" \
        in review
    assert "*Peildatum 20 november 2026, de datum van deze bijeenkomst: dagen te laat zijn tot die dag geteld.*" in review


def test_a_collaboration_counts_from_its_latest_meeting_like_its_minutes(capsys, store, consent_given):
    text = _compare_md(capsys, "--collaboration", ALLIANCE)
    assert ("*Peildatum 20 november 2026, de datum van de laatst gehouden bijeenkomst: dagen te laat zijn tot die "
            "dag geteld.*") in text
    assert "| Gemeente | Risicoverdeling op papier zetten | 20 december 2025 | 335 | 1 december 2025 |" in text


def test_a_comparison_from_a_session_counts_from_its_date_unless_asked(capsys, alliance):
    text = _compare_md(capsys, alliance["second"])
    assert "Peildatum 1 mei 2026, de datum van de bijeenkomst van waaruit is vergeleken" in text
    assert "| Gemeente | Risicoverdeling op papier zetten | 20 december 2025 | 132 | 1 december 2025 |" in text
    asked = _compare_md(capsys, alliance["second"], "--as-of", "2026-11-29")
    assert "Peildatum 29 november 2026, zoals gevraagd" in asked
    assert "| 20 december 2025 | 344 |" in asked
    assert "Peildatum 29 november 2026" in _compare_md(capsys, alliance["second"], "--as-of", "today")


def test_a_wrong_as_of_date_is_one_line_and_status_2(capsys, alliance):
    assert run(["compare", alliance["second"], "--as-of", "31-2-2026"]) == 2
    err = capsys.readouterr().err
    assert "--as-of" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


# --- 8. a prepared session is no evidence ---------------------------------------------------------------


def test_a_session_is_held_when_closed_or_something_was_said_in_it_by_its_date(store, make_session, alliance):
    prepared = _fourth(store, make_session, day="2026-11-20")
    assert was_held(SessionView(store.read_session(alliance["third"])), TODAY)
    assert not was_held(SessionView(store.read_session(prepared)), TODAY)  # only the carried ambition
    live = LiveSession(store.open_session(prepared))
    try:
        live.add("pains", "Vooraf genoteerd", "Gemeente")
    finally:
        live.release()
    assert was_held(SessionView(store.read_session(prepared)), TODAY)
    assert not was_held(SessionView(store.read_session(prepared)), date(2026, 11, 19))  # its day is still to come


def test_preparing_the_next_session_leaves_the_story_as_it_was(capsys, store, alliance):
    views = select_sessions(store, collaboration=ALLIANCE)
    link_pains(store, views, _uid(views, RISK[1]), _uid(views, RISK[0]))
    link_pains(store, views, _uid(views, RISK[2]), _uid(views, RISK[1]))
    before = _compare_md(capsys, "--collaboration", ALLIANCE)
    headline = before.splitlines()[2]
    assert "1 pijnpunt komt steeds terug" in headline
    assert "ambitie staat ter discussie" in headline
    assert run(["new", "--collaboration", ALLIANCE, *[f"--partner={p}" for p in PARTNERS], "--guide", "procesregie",
                "--lang", "nl", "--date", "2026-11-30", "--no-input", "--json"]) == 0
    prepared = json.loads(capsys.readouterr().out)["id"]
    after = _compare_md(capsys, "--collaboration", ALLIANCE)
    assert after.splitlines()[2] == headline  # the headline tells the same story
    assert after.startswith(f"# {ALLIANCE}: 3 bijeenkomsten vergeleken")
    assert "*Voorbereid, nog niet gehouden: 30 november 2026 (Procesregie: werksessie). Deze bijeenkomst telt in " \
           "deze vergelijking niet mee.*" in after
    assert "**30 november 2026**" not in after  # no pain round, no "niet meer genoemd" for it
    assert "| 30 nov 26 |" not in after and "30 november 2026** (vastgesteld)" not in after
    data = json.loads(_compare_json(capsys))
    assert [ref["id"] for ref in data["prepared"]] == [prepared]
    assert prepared not in {ref["id"] for ref in data["sessions"]}


def test_side_by_side_takes_the_latest_meeting_held(store, make_session, alliance):
    from workshop.core.compare import compare_collaborations

    _fourth(store, make_session, day="2026-11-30")
    side = compare_collaborations(store)
    assert [ref.id for ref in side.sessions] == [alliance["third"]]


def _uid(views, text: str) -> str:
    return next(c.uid for view in views for c in view.contributions("pains") if c.text == text)


def _compare_json(capsys) -> str:
    assert run(["compare", "--collaboration", ALLIANCE, "--json"]) == 0
    return capsys.readouterr().out


# --- 9. a paper for a board, not a terminal -------------------------------------------------------------


def test_markdown_writes_a_suggested_match_in_words_and_counts_it_once(capsys, alliance):
    text = _compare_md(capsys, "--collaboration", ALLIANCE)
    pains = text[text.index("## Pijnpunten"):text.index("## Rollen")]
    assert "--link" not in text and "--not-same" not in text and "--unlink" not in text
    may = f"mogelijk hetzelfde als ‘{MEETINGS[0]}’ (1 december 2025), nog te bevestigen"
    assert may in pains
    second = pains[pains.index("**1 mei 2026**"):pains.index("**1 november 2026**")]
    assert f"≈ mogelijk eerder genoemd: {MEETINGS[1]}" in second
    assert f"nieuw: {MEETINGS[1]}" not in second
    assert f"niet meer genoemd: {MEETINGS[0]}" not in second  # the pair stands once, as possibly the same


def test_the_ids_stay_for_scripts_and_the_facilitators_terminal(capsys, store, alliance):
    from rich.console import Console

    from workshop.core.text.i18n import language
    from workshop.present.compare import comparison_renderable

    data = json.loads(_compare_json(capsys))
    suggestion = data["pains"][1]["suggestions"][0]
    assert len(suggestion["point"]["uid"]) > 8 and suggestion["earlier"]["uid"]
    assert run(["compare", "--collaboration", ALLIANCE]) == 0
    assert "--link" not in capsys.readouterr().out  # written to a file or a pipe: words only
    comparison = compare_sessions(select_sessions(store, collaboration=ALLIANCE))
    console = Console(width=200, record=True)
    with language("nl"):
        console.print(comparison_renderable(comparison, ids=True))
    assert f"--link {suggestion['point']['uid'][:8]} {suggestion['earlier']['uid'][:8]} om te bevestigen" in \
        console.export_text()


def test_the_board_page_shows_a_suggested_pair_once(capsys, alliance):
    assert run(["compare", "--collaboration", ALLIANCE, "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert "--link" not in page
    rows = [row for row in page.split("<tr>") if MEETINGS[0] + "<" in row]  # its words, not a note quoting them
    assert len(rows) == 1, rows  # one row for the pair suggested in the latest meeting: both wordings
    assert MEETINGS[2] in rows[0] and "mogelijk eerder genoemd" in rows[0] and "nog te bevestigen" in rows[0]
    assert "niet meer genoemd" not in rows[0]


def test_a_chain_of_suggested_matches_leaves_no_link_of_it_no_longer_mentioned(store, make_session):
    """June ≈ September ≈ November, none confirmed: the June wording is not 'no longer mentioned'
    while the later ones that may be the same still wait (it was, on the board page)."""
    from workshop.core.compare import compare_sessions

    views = []
    for day, text, other in (("2026-06-10", "Wachtlijsten voor jeugdzorg lopen op", "Te veel overleggen zonder besluit"),
                             ("2026-09-09", "De wachtlijsten jeugdzorg worden langer", "Gegevens delen is onduidelijk"),
                             ("2026-11-25", "Wachtlijsten jeugdzorg blijven lang", "Huisartsen schuiven niet aan")):
        live = LiveSession(store.open_session(make_session(date=day)))
        live.add("pains", text, "Gemeente")
        live.add("pains", other, "Zorggroep")
        live.close()
        views.append(SessionView(live.tables()))
        live.release()
    compared = compare_sessions(views, lang="nl")
    status = {trail.wordings[0].text: trail.status for trail in compared.pain_trails}
    assert status["Wachtlijsten voor jeugdzorg lopen op"] == "alike"
    assert status["Te veel overleggen zonder besluit"] == "gone"
