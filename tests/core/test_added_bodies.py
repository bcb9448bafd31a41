"""Formal bodies added in a session (a GMR, a huurdersorganisatie): one change each, saved like
any other, listed wherever the guide's bodies are, and there again in the next session."""

from __future__ import annotations

import csv
import io
import json

import pytest

from workshop.core.compare import compare_sessions
from workshop.core.outcomes.carry import carried_from
from workshop.core.session import LiveSession, SessionView
from workshop.core.session.changes import AddBody, RemoveBody, RenameBody, SetConsent
from workshop.core.steps.bodies import ADDED, added_ids, body_id
from workshop.present.export import export_session

HOSTILE = "GMR \u202eevil\u202c [bold]x[/] \x1b[31m 🏫"


def read_back(store, session_id: str) -> SessionView:
    return SessionView(store.read_session(session_id))


def names(view: SessionView, step_id: str = "consent") -> dict[str, str]:
    return {body.id: view.text(body.text) for body in view.step(step_id).bodies}


def test_a_body_gets_an_id_made_from_its_name_unique_in_its_step():
    assert body_id("Huurdersorganisatie Vivare", set()) == "huurdersorganisatie-vivare"
    assert body_id("Centrale Cliëntenraad", set()) == "centrale-clientenraad"
    assert body_id("GMR", {"gmr"}) == "gmr-2"
    assert body_id("🏫", set()) == "body"


def test_an_added_body_is_a_row_of_the_consent_step_and_is_saved(live, store):
    session = live()
    guide_bodies = list(names(session))
    added = session.apply(AddBody("consent", "Huurdersorganisatie Vivare"))
    assert added.id == "huurdersorganisatie-vivare"
    assert list(names(session)) == [*guide_bodies, "huurdersorganisatie-vivare"]
    session.apply(SetConsent("consent", "Woonstede", added.id, "advice_conditions", "2026-12-01"))
    again = read_back(store, session.id)
    assert names(again)["huurdersorganisatie-vivare"] == "Huurdersorganisatie Vivare"
    assert again.consents("consent")[("Woonstede", added.id)].value == "advice_conditions"
    assert added_ids(again, "consent") == {"huurdersorganisatie-vivare"}


def test_an_empty_name_is_refused_with_one_line_and_nothing_changes(live):
    session = live()
    before = dict(session.meta)
    with pytest.raises(ValueError, match="needs a name") as refused:
        session.apply(AddBody("consent", "   "))
    assert "\n" not in str(refused.value)
    assert session.meta == before and not session.pending


def test_a_name_the_step_already_has_is_refused(live):
    session = live()
    session.apply(AddBody("consent", "GMR"))
    with pytest.raises(ValueError, match="already a body"):
        session.apply(AddBody("consent", " gmr "))


def test_a_body_can_only_be_added_to_a_consent_step(live):
    with pytest.raises(ValueError, match="consent step"):
        live().apply(AddBody("ambition", "GMR"))


def test_renaming_keeps_the_id_and_the_statuses(live, store):
    session = live()
    body = session.apply(AddBody("consent", "MR")).id
    session.apply(SetConsent("consent", "Gemeente", body, "consent_given"))
    session.apply(RenameBody("consent", body, "GMR Primair Onderwijs"))
    again = read_back(store, session.id)
    assert names(again)[body] == "GMR Primair Onderwijs"
    assert again.consents("consent")[("Gemeente", body)].value == "consent_given"


def test_a_guide_body_cannot_be_renamed_or_removed(live):
    session = live()
    guide_body = session.step("consent").bodies[0].id
    with pytest.raises(ValueError, match="comes from the guide"):
        session.apply(RenameBody("consent", guide_body, "Something else"))
    with pytest.raises(ValueError, match="comes from the guide"):
        session.apply(RemoveBody("consent", guide_body, with_statuses=True))


def test_removing_a_body_with_statuses_is_refused_unless_they_go_too(live, store):
    session = live()
    body = session.apply(AddBody("consent", "GMR")).id
    session.apply(SetConsent("consent", "Gemeente", body, "requested"))
    with pytest.raises(ValueError, match="1 status"):
        session.apply(RemoveBody("consent", body))
    assert body in names(session)
    session.apply(RemoveBody("consent", body, with_statuses=True))
    again = read_back(store, session.id)
    assert body not in names(again)
    assert not [c for c in again.contributions("consent") if c.item == body]


def test_hostile_text_in_a_body_name_is_saved_exactly_and_exported_escaped(live, store):
    session = live()
    body = session.apply(AddBody("consent", HOSTILE)).id
    session.apply(SetConsent("consent", "Gemeente", body, "to_request"))
    again = read_back(store, session.id)
    assert names(again)[body] == HOSTILE
    markdown = export_session(again, "md")
    assert "\u202e" not in markdown and "\x1b" not in markdown
    assert "\\u202e" in markdown  # shown as a visible escape, in the consent table
    html = export_session(again, "html")
    assert "\u202e" not in html and "[bold]" in html
    assert json.loads(export_session(again, "json"))["meta"][ADDED]["consent"][0]["name"] == HOSTILE


def test_exports_list_an_added_body_with_its_status(live, store):
    session = live()
    body = session.apply(AddBody("consent", "Huurdersorganisatie Vivare")).id
    session.apply(SetConsent("consent", "Woonstede", body, "advice_positive", "2026-12-01"))
    view = read_back(store, session.id)
    markdown = export_session(view, "md")
    line = next(row for row in markdown.splitlines() if "Huurdersorganisatie Vivare" in row)
    assert "Woonstede" in line and "positive advice" in line
    rows = list(csv.reader(io.StringIO(export_session(view, "csv", codes=True).lstrip("\ufeff"))))
    assert any(row[8] == body and row[7] == "advice_positive" and row[4] == "Woonstede" for row in rows)
    assert "Huurdersorganisatie Vivare" in export_session(view, "html")


def test_the_next_session_has_the_added_bodies_and_carries_their_pending_consents(live, store, make_session):
    first = live()
    body = first.apply(AddBody("consent", "GMR")).id
    gone = first.apply(AddBody("consent", "Typo")).id
    first.apply(RemoveBody("consent", gone))
    first.apply(SetConsent("consent", "Gemeente", body, "requested", "2026-12-10"))
    first.release()
    carried = carried_from(read_back(store, first.id))
    assert [(a.text, a.who, a.kind) for a in carried if a.kind == "consent"] == [("GMR: requested", "Gemeente", "consent")]
    second = read_back(store, make_session(date="2026-12-20"))
    assert names(second)[body] == "GMR" and gone not in names(second)
    assert added_ids(second, "consent") == {body}


def test_added_bodies_survive_a_pulse_check_in_between(live, store, make_session):
    first = live()
    first.apply(AddBody("consent", "GMR"))
    first.release()
    make_session(guide="pulse", date="2026-12-01")
    third = read_back(store, make_session(date="2027-01-15"))
    assert "GMR" in names(third).values()


def test_the_comparison_follows_an_added_body_over_sessions(live, store, make_session):
    first = live()
    body = first.apply(AddBody("consent", "GMR")).id
    first.apply(SetConsent("consent", "Gemeente", body, "requested"))
    first.release()
    second = LiveSession(store.open_session(make_session(date="2026-11-25")))  # held: by today, not ahead
    second.apply(SetConsent("consent", "Gemeente", body, "consent_given"))
    second.release()
    views = [read_back(store, info.id) for info in store.catalogue()]
    comparison = compare_sessions(sorted(views, key=lambda v: v.date))
    trail = next(t for t in comparison.consents if t.label == "GMR")
    assert (trail.partner, trail.body) == ("Gemeente", body)
    assert [mark.status for mark in trail.marks] == ["requested", "consent_given"]


def test_a_session_without_added_bodies_stores_no_such_key(make_session, store):
    assert ADDED not in read_back(store, make_session()).meta


def test_damaged_added_bodies_are_named_by_the_store_and_the_view(make_session, store):
    from workshop.core.store import StoreError
    from workshop.core.store.check import Damaged, check_meta

    tables = store.read_session(make_session())
    tables["meta"]["1"][ADDED] = {"consent": [{"id": 3, "name": "GMR"}]}
    with pytest.raises(Damaged, match="added_bodies"):
        check_meta(tables["meta"]["1"])
    with pytest.raises(StoreError, match="added bodies are damaged"):
        SessionView(tables)


@pytest.mark.parametrize("command", [["show"], ["compare"], ["compare", "--format", "md"],
                                     ["export", "--format", "md"], ["export", "--format", "html"]])
def test_a_hostile_body_name_is_escaped_by_every_command(capsys, live, store, command):
    from tests.core.test_hostile_everywhere import HOSTILE as EVERY_TRAP, RAW
    from workshop.cli.main import run

    session = live()
    body = session.apply(AddBody("consent", EVERY_TRAP)).id
    session.apply(SetConsent("consent", "Gemeente", body, "to_request"))
    session.release()
    assert read_back(store, session.id).step("consent").bodies[-1].text.get("en") == EVERY_TRAP
    assert run([command[0], session.id, *command[1:]]) == 0
    out = capsys.readouterr().out
    assert RAW.search(out) is None and "RTL" in out


def test_an_added_body_is_there_when_the_session_is_resumed_after_a_kill(store, make_session):
    import os
    import signal
    import subprocess
    import sys

    session_id = make_session()
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from workshop.core.store import Store\n"
        "from workshop.core.session import LiveSession\n"
        "from workshop.core.session.changes import AddBody, SetConsent\n"
        "live = LiveSession(Store(Path(sys.argv[1])).open_session(sys.argv[2]))\n"
        "body = live.apply(AddBody('consent', 'GMR Primair Onderwijs')).id\n"
        "live.apply(SetConsent('consent', 'Zorggroep', body, 'requested'))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n")
    done = subprocess.run([sys.executable, "-c", script, str(store.root), session_id], timeout=60,
                          env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert done.returncode == -signal.SIGKILL
    resumed = LiveSession(store.open_session(session_id))
    try:
        assert names(resumed)["gmr-primair-onderwijs"] == "GMR Primair Onderwijs"
        assert resumed.consents("consent")[("Zorggroep", "gmr-primair-onderwijs")].value == "requested"
    finally:
        resumed.release()


def test_an_extra_step_added_later_keeps_the_added_bodies(live):
    from workshop.core.session.changes import AddStep

    session = live()
    body = session.apply(AddBody("consent", "GMR")).id
    session.apply(AddStep("Extra round"))
    assert body in names(session)


def test_a_carried_body_the_guide_now_lists_itself_gives_way_to_the_guides(live, store, make_session):
    first = live()
    guide = {body.id: first.text(body.text) for body in first.step("consent").bodies}
    first._set_meta(**{ADDED: {"consent": [{"id": "or", "name": "Something else"},
                                           {"id": "council", "name": guide["gemeenteraad"].upper()},
                                           {"id": "gmr", "name": "GMR"}]}})
    first.file.save(first.tables())
    first.release()
    second = read_back(store, make_session(date="2026-12-20"))
    assert second.meta[ADDED] == {"consent": [{"id": "gmr", "name": "GMR"}]}
    assert list(names(second)) == [*guide, "gmr"]
