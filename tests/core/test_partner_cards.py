"""Partners carry a short name and a group from `workshop new`; an existing collaboration reuses them."""

from __future__ import annotations

import json

from workshop.cli.main import run
from workshop.core.session import SessionView
from workshop.core.typed.attribution import cards_of


def new(capsys, *args: str) -> str:
    assert run(["new", "--guide", "pulse", "--date", "2026-11-20", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)["id"]


def test_a_partner_flag_with_a_short_name_and_a_group_flag_make_partner_cards(capsys, store):
    session_id = new(capsys, "--collaboration", "Regio", "--partner", "Gemeente Arnhem=Arnhem",
                     "--partner", "Vivare", "--group", "gemeenten=Arnhem", "--group", "corporaties=Vivare")
    view = SessionView(store.read_session(session_id))
    assert view.partners == ["Gemeente Arnhem", "Vivare"]
    cards = cards_of(view.meta)
    assert (cards["Gemeente Arnhem"].short, cards["Gemeente Arnhem"].group) == ("Arnhem", "gemeenten")
    assert cards["Vivare"].group == "corporaties"


def test_without_a_terminal_an_existing_collaboration_reuses_its_partners_and_short_names(capsys, store):
    new(capsys, "--collaboration", "Regio", "--partner", "Gemeente Arnhem=Arnhem", "--partner", "Vivare",
        "--participant", "Anna@Vivare")
    again = new(capsys, "--collaboration", "regio")
    view = SessionView(store.read_session(again))
    assert view.partners == ["Gemeente Arnhem", "Vivare"]
    assert [p.name for p in view.participants] == ["Anna"]
    assert cards_of(view.meta)["Gemeente Arnhem"].short == "Arnhem"


def test_a_short_name_that_is_another_partners_name_is_one_clear_line(capsys):
    code = run(["new", "--guide", "pulse", "--collaboration", "R", "--partner", "Ede=Vivare", "--partner", "Vivare"])
    assert code == 2
    assert "already the name of" in capsys.readouterr().err


def test_a_group_naming_no_partner_is_refused(capsys):
    assert run(["new", "--guide", "pulse", "--collaboration", "R", "--partner", "A", "--group", "x=B"]) == 2
    assert "'B' is not one of the partners" in capsys.readouterr().err


def test_a_session_file_without_partner_cards_still_reads(store, make_session):
    session_id = make_session()
    tables = store.read_session(session_id)
    tables["_default" if "_default" in tables else next(iter(tables))]["1"].pop("partner_cards", None)
    view = SessionView(tables)
    assert set(cards_of(view.meta)) == set(view.partners)


def test_the_store_checker_names_a_damaged_attendance_or_partner_card():
    import pytest

    from workshop.core.store.check import Damaged, check_meta

    good = {"id": "x", "steps": [], "partners": ["A"], "attendance": {"A": "present"},
            "partner_cards": {"A": {"name": "A", "short": "a", "group": "g"}}}
    check_meta(good)
    with pytest.raises(Damaged, match="attendance"):
        check_meta({**good, "attendance": {"A": "maybe"}})
    with pytest.raises(Damaged, match="partner_cards"):
        check_meta({**good, "partner_cards": {"A": {"name": "A", "aliases": "not a list"}}})
