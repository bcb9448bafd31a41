"""Carry-over: `workshop new` with flags, sessions run live, and what the next session starts with."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from workshop.cli.main import run
from workshop.core.outcomes.carry import CARRIED_MARK
from workshop.core.session import LiveSession, SessionView

PEOPLE = ("--partner", "Gemeente", "--partner", "Zorggroep",
          "--participant", "Anna@Gemeente:alliance manager", "--participant", "Bram@Zorggroep")


def new_in_process(capsys, date: str, guide: str = "procesregie") -> str:
    code = run(["new", "--collaboration", "Zorg Oost", *PEOPLE, "--guide", guide, "--lang", "en",
                "--date", date, "--facilitator", "Fleur", "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)["id"]


def new_in_subprocess(date: str, guide: str = "procesregie") -> str:
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "new", "--collaboration", "Zorg Oost", *PEOPLE, "--guide", guide,
         "--lang", "en", "--date", date, "--json"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60, env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["id"]


def opened(store, session_id: str) -> LiveSession:
    return LiveSession(store.open_session(session_id))


def carried(store, session_id: str) -> dict[str, str]:
    """text → kind of what a session carried over."""
    return {a.text: a.kind for a in SessionView(store.read_session(session_id)).carried}


def by_text(session: LiveSession, text: str) -> str:
    return next(a.uid for a in session.carried if a.text == text)


def run_first_session(store, session_id: str) -> None:
    s = opened(store, session_id)
    s.revise("ambition", "Samen een thuis dichtbij", agreed=True)
    s.revise("ambition", "een voorstel dat niet werd aangenomen")
    s.revise("pilot", "Eén wijkteam in Oost")
    s.agree("pilot")
    s.assign("actions", "Pilotplan schrijven", "Bram", "2026-12-15")
    s.assign("actions", "Wachtlijst delen", "Zorggroep", "2026-12-01")
    s.assign("actions", "Wethouder bellen", "Gemeente", "2026-12-05")
    s.assign("actions", "Brief aan de OR", "Gemeente")
    s.set_consent("consent", "Gemeente", "or", "requested", "2026-12-10")
    s.set_consent("consent", "Zorggroep", "rvt", "to_request")
    s.set_consent("consent", "Zorggroep", "clientenraad", "consent_given")
    s.close()
    s.release()


def test_new_with_flags_then_two_sessions_carry_over_right(capsys, store):
    first = new_in_process(capsys, "2026-11-20")
    run_first_session(store, first)

    second = new_in_subprocess("2027-01-15")
    assert carried(store, second) == {
        "Pilotplan schrijven": "action", "Wachtlijst delen": "action", "Wethouder bellen": "action",
        "Brief aan de OR": "action", "Works council (OR): requested": "consent",
        "Supervisory board (RvT): to request": "consent", "Eén wijkteam in Oost": "pilot"}
    s = opened(store, second)
    assert [(r.text, r.value, r.item) for r in s.revisions("ambition")] == [
        ("Samen een thuis dichtbij", True, CARRIED_MARK)]
    assert s.agreed_statement("pilot") == "Eén wijkteam in Oost"
    s.mark("review", by_text(s, "Wachtlijst delen"), "done")
    s.mark("review", by_text(s, "Wethouder bellen"), "dropped")
    s.mark("review", by_text(s, "Brief aan de OR"), "open")  # the pilot plan is left unreviewed
    s.mark("review", by_text(s, "Works council (OR): requested"), "done")
    s.mark("review", by_text(s, "Eén wijkteam in Oost"), "done")
    s.set_consent("consent", "Zorggroep", "rvt", "consent_given")  # settled in the consent step instead
    s.assign("actions", "Evaluatie plannen", "Anna", "2027-02-01")
    s.revise("ambition", "Samen een thuis dichtbij, voor iedereen", agreed=True)
    s.close()
    s.release()

    third = new_in_process(capsys, "2027-03-01")
    assert carried(store, third) == {"Brief aan de OR": "action", "Pilotplan schrijven": "action",
                                     "Evaluatie plannen": "action"}
    view = SessionView(store.read_session(third))
    assert view.agreed_statement("ambition") == "Samen een thuis dichtbij, voor iedereen"
    assert view.meta["previous"] == second


def test_a_pilot_left_open_comes_back_once_and_a_rewritten_pilot_replaces_it(capsys, store):
    first = new_in_process(capsys, "2026-11-20")
    run_first_session(store, first)
    second = new_in_process(capsys, "2027-01-15")
    s = opened(store, second)
    s.mark("review", by_text(s, "Eén wijkteam in Oost"), "open")
    s.release()
    third = new_in_process(capsys, "2027-03-01")
    assert [a.text for a in SessionView(store.read_session(third)).carried if a.kind == "pilot"] == [
        "Eén wijkteam in Oost"]
    s = opened(store, third)
    s.revise("pilot", "Twee wijkteams, Oost en West", agreed=True)
    s.release()
    fourth = new_in_process(capsys, "2027-05-01")
    assert [a.text for a in SessionView(store.read_session(fourth)).carried if a.kind == "pilot"] == [
        "Twee wijkteams, Oost en West"]


def test_a_pulse_check_in_between_keeps_open_items_and_the_ambition(capsys, store):
    first = new_in_process(capsys, "2026-11-20")
    run_first_session(store, first)
    pulse = new_in_process(capsys, "2026-12-20", guide="pulse")
    s = opened(store, pulse)
    s.mark("review", by_text(s, "Wachtlijst delen"), "done")
    s.release()
    later = new_in_process(capsys, "2027-01-15")
    kept = carried(store, later)
    assert "Wachtlijst delen" not in kept
    assert kept["Eén wijkteam in Oost"] == "pilot" and kept["Brief aan de OR"] == "action"
    assert SessionView(store.read_session(later)).agreed_statement("ambition") == "Samen een thuis dichtbij"


def test_a_draft_ambition_starts_the_next_session_as_a_draft(capsys, store):
    first = new_in_process(capsys, "2026-11-20")
    s = opened(store, first)
    s.revise("ambition", "nog niet afgesproken")
    s.release()
    second = new_in_process(capsys, "2027-01-15")
    revisions = SessionView(store.read_session(second)).revisions("ambition")
    assert [(r.text, r.value) for r in revisions] == [("nog niet afgesproken", False)]


def test_the_first_session_of_a_collaboration_carries_nothing(capsys, store):
    first = new_in_process(capsys, "2026-11-20")
    view = SessionView(store.read_session(first))
    assert view.carried == [] and view.contributions() == []


@pytest.mark.parametrize("status", ["open", "closed"])
def test_list_filters_by_collaboration_and_status_as_json(capsys, store, status):
    first = new_in_process(capsys, "2026-11-20")
    run_first_session(store, first)  # closes it
    second = new_in_process(capsys, "2027-01-15")
    new_in_process_other = run(["new", "--collaboration", "Scholen West", "--partner", "School", "--guide", "pulse",
                                "--date", "2027-01-16", "--json"])
    assert new_in_process_other == 0
    capsys.readouterr()
    assert run(["list", "--collaboration", "zorg oost", "--status", status, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [entry["id"] for entry in listed] == [first if status == "closed" else second]
    assert all(entry["collaboration"] == "Zorg Oost" for entry in listed)


def test_show_json_prints_the_whole_session(capsys, store):
    first = new_in_process(capsys, "2026-11-20")
    run_first_session(store, first)
    assert run(["show", first[:12], "--json", "--include-notes"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown.pop("notes_included") is True and shown == SessionView(store.read_session(first)).to_dict()
    assert "Wachtlijst delen" in {c["text"] for c in shown["contributions"]}
