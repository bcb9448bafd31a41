"""Interests at a level and the interest behind a position: typed prefixes, the stored fields,
sessions from before levels, and what the minutes and the comparison make of them."""

from __future__ import annotations

import json

import pytest

from workshop.core.model import Participant, PartnerCard
from workshop.core.typed.attribution import Speaker
from workshop.core.typed.interests import POSITION, level_of, next_level, read_typed

PARTNERS = ["Gemeente Arnhem", "Zorggroep", "Samenwerkingsverband Passend Onderwijs", "Orgaan West"]
PEOPLE = [Participant("Anna", "Gemeente Arnhem"), Participant("Per", "Zorggroep")]


@pytest.fixture
def step(shelf):
    return shelf.get("procesregie").step("interests")


def read(text, step, partners=PARTNERS, people=PEOPLE, cards=None):
    return read_typed(text, step, partners, people, cards)


def test_the_interests_steps_of_verkenning_and_procesregie_declare_three_levels(shelf):
    for guide in ("verkenning", "procesregie"):
        levels = shelf.get(guide).step("interests").levels
        assert [level.id for level in levels] == ["person", "organisation", "collaboration"]
        assert [level.text.get("nl") for level in levels] == ["Persoonlijk", "Organisatie", "Samenwerking"]


def test_a_level_prefix_gives_the_level_and_is_not_held_as_an_unknown_name(step):
    typed = read("Organisatie: wij hebben weinig mensen", step)
    assert typed.level == "organisation" and typed.text == "wij hebben weinig mensen"
    assert not typed.who.unknown and not typed.who.prefix


def test_a_level_prefix_is_read_whatever_its_case_and_language(step):
    assert read("ORGANISATIE: x", step).level == "organisation"
    assert read("collaboration: x", step).level == "collaboration"
    assert read("samen: x", step).level == "collaboration"  # the start of Samenwerking


def test_a_name_and_a_level_are_read_in_either_order(step):
    for line in ("Anna: organisatie: minder wachtlijst", "organisatie: Anna: minder wachtlijst"):
        typed = read(line, step)
        assert typed.who.speaker == Speaker("Gemeente Arnhem", "Anna")
        assert typed.level == "organisation" and typed.text == "minder wachtlijst"


def test_a_level_word_that_starts_a_partners_name_is_the_level(step):
    # "Samen" starts Samenwerkingsverband and Samenwerking: the step's level wins over a guess
    typed = read("samen: een gedeelde wachtlijst", step)
    assert typed.level == "collaboration" and typed.who.speaker is None


def test_a_participant_whose_whole_name_starts_a_level_is_that_participant(step):
    typed = read("Per: persoonlijk: ik wil dit laten slagen", step)
    assert typed.who.speaker == Speaker("Zorggroep", "Per") and typed.level == "person"
    assert typed.text == "ik wil dit laten slagen"


def test_a_partners_short_name_equal_to_a_level_names_the_partner(step):
    cards = {"Orgaan West": PartnerCard("Orgaan West", "Organisatie")}
    typed = read("Organisatie: wij doen mee", step, cards=cards)
    assert typed.who.speaker == Speaker("Orgaan West") and typed.level == ""


def test_an_unknown_name_after_a_level_is_held_with_the_level_kept(step):
    typed = read("organisatie: Anaa: minder wachtlijst", step)
    assert typed.who.unknown and typed.who.prefix == "Anaa"
    assert typed.level == "organisation" and typed.text == "Anaa: minder wachtlijst"


def test_a_word_that_is_neither_a_level_nor_a_name_is_still_held(step):
    typed = read("Bestuur: x", step)
    assert typed.who.unknown and typed.level == ""


def test_a_position_and_a_why_are_read_beside_a_name_and_a_level(step):
    assert read("Anna: standpunt: geen extra overleg", step).level == POSITION
    typed = read("waarom: organisatie: Anna: te weinig mensen", step)
    assert typed.why and typed.level == "organisation" and typed.who.speaker.participant == "Anna"
    assert typed.text == "te weinig mensen"


def test_a_step_without_levels_reads_no_level_and_no_position_and_holds_the_word_as_before(shelf):
    plain = shelf.get("procesregie").step("pains")
    for line in ("organisatie: x", "standpunt: x", "waarom: x"):
        typed = read(line, plain)
        assert (typed.level, typed.why, typed.who.unknown, typed.text) == ("", False, True, line)


def test_a_level_is_named_by_its_start_only_from_three_letters_and_when_one_level_has_it(step):
    assert level_of("or", step.levels) == "" and level_of("org", step.levels) == "organisation"
    assert level_of("pers", step.levels) == "person"


def test_the_level_key_cycles_through_the_levels_and_none(step):
    assert [next_level(step, level) for level in ("", "person", "organisation", "collaboration")] == \
        ["person", "organisation", "collaboration", ""]


# --- the change path and the store -------------------------------------------------------------


def test_a_level_and_a_link_are_saved_on_the_contribution_and_read_by_stock_tinydb(live, store):
    session = live()
    position = session.add("interests", "no extra meetings", "Zorggroep", item=POSITION)
    interest = session.add("interests", "staff are overloaded", "Zorggroep", item="organisation", value=position.uid)
    from tinydb import TinyDB

    with TinyDB(store.session_path(session.id), access_mode="r") as db:
        docs = {doc["uid"]: doc for doc in db.table("contributions").all()}
    assert docs[position.uid]["item"] == "position"
    assert docs[interest.uid]["item"] == "organisation" and docs[interest.uid]["value"] == position.uid


def test_a_level_the_step_does_not_have_is_refused_and_nothing_is_saved(live):
    session = live()
    with pytest.raises(ValueError, match="not a level"):
        session.add("interests", "x", "Zorggroep", item="region")
    assert session.contributions("interests") == []


def test_a_link_to_something_that_is_not_a_position_is_refused(live):
    session = live()
    plain = session.add("interests", "x", "Zorggroep", item="person")
    with pytest.raises(ValueError, match="position"):
        session.add("interests", "y", "Zorggroep", value=plain.uid)
    with pytest.raises(ValueError, match="not a level"):
        session.edit(plain.uid, item="nonsense")
    assert session.edit(plain.uid, item="collaboration").item == "collaboration"


def test_a_session_from_before_levels_opens_and_its_contributions_have_no_level(live, store):
    session = live()
    session.add("interests", "we bring district nursing", "Zorggroep")
    session.release()
    path = store.session_path(session.id)
    data = json.loads(path.read_text())
    for doc in data["contributions"].values():  # an old file: no item or value on open steps at all
        doc.pop("item", None)
        doc.pop("value", None)
    for raw in data["meta"]["1"]["steps"]:
        raw.pop("levels", None)
    path.write_text(json.dumps(data))
    from workshop.core.session import SessionView

    view = SessionView(store.read_session(session.id))
    assert [c.item for c in view.contributions("interests")] == [""]
    assert view.step("interests").levels == ()


# --- the minutes, the exports and the comparison ---------------------------------------------


def _two_sessions(store, make_session):
    from workshop.core.session import LiveSession, SessionView

    views = []
    for date, said in (("2026-09-01", "Weinig mensen"), ("2026-11-01", "Meer mensen nodig \x1b[31m")):
        session = LiveSession(store.open_session(make_session(date=date)))
        position = session.add("interests", "Geen extra overleg", "Zorggroep", item=POSITION)
        session.add("interests", said, "Zorggroep", item="organisation", value=position.uid)
        session.add("interests", "[b]Eén loket[/b]", "Gemeente", item="collaboration")
        session.add("interests", "Een wens zonder niveau", "Woonstede")
        views.append(SessionView(store.read_session(session.id)))
        session.release()
    return views


def test_the_minutes_show_interests_per_partner_and_level_and_positions_with_their_interest(store, make_session):
    from workshop.present.export import export_session

    minutes = export_session(_two_sessions(store, make_session)[1], "md")
    assert "| Partner | Personal | Organisation | Collaboration |" in minutes
    assert r"| Zorggroep |  | Meer mensen nodig \\x1b\[31m |  |" in minutes
    assert r"| Gemeente |  |  | \[b\]Eén loket\[/b\] |" in minutes
    assert "- Geen extra overleg — *Zorggroep*\n  - Organisation: Meer mensen nodig" in minutes
    assert "**Without a level**\n\n- Een wens zonder niveau — *Woonstede*" in minutes


def test_the_html_minutes_hold_the_table_with_the_text_escaped(store, make_session):
    from workshop.present.export import export_session

    page = export_session(_two_sessions(store, make_session)[1], "html")
    assert "<th>Organisation</th>" in page and "[b]Eén loket[/b]" in page and "\x1b" not in page


def test_the_json_export_keeps_the_level_and_the_link(store, make_session):
    from workshop.present.export import export_session

    data = json.loads(export_session(_two_sessions(store, make_session)[0], "json"))
    said = {c["text"]: c for c in data["contributions"] if c["step"] == "interests"}
    assert said["Weinig mensen"]["item"] == "organisation"
    assert said["Weinig mensen"]["value"] == said["Geen extra overleg"]["uid"]


def test_the_comparison_shows_each_partners_interests_per_level_session_by_session(store, make_session):
    from workshop.core.compare import compare_sessions
    from workshop.present.compare_html import comparison_html
    from workshop.present.compare_md import comparison_markdown

    comparison = compare_sessions(_two_sessions(store, make_session))
    trails = {(t.partner, t.level): t.said for t in comparison.interests}
    assert trails[("Zorggroep", "organisation")] == (("Weinig mensen",), ("Meer mensen nodig \x1b[31m",))
    assert trails[("Gemeente", "collaboration")] == (("[b]Eén loket[/b]",),) * 2
    assert ("Woonstede", "") not in trails and len(trails) == 2
    markdown = comparison_markdown(comparison)
    assert "## Interests per partner and level" in markdown
    assert r"| Zorggroep | Organisation | Weinig mensen | Meer mensen nodig \\x1b\[31m |" in markdown
    assert r"Meer mensen nodig \x1b[31m" in comparison_html(comparison)


def test_the_comparison_on_screen_lists_the_interests_per_level_at_80_columns(store, make_session):
    from rich.console import Console

    from workshop.core.compare import compare_sessions
    from workshop.present.compare import comparison_renderable

    console = Console(width=80, record=True, file=open("/dev/null", "w"), color_system=None)
    console.print(comparison_renderable(compare_sessions(_two_sessions(store, make_session))))
    shown = console.export_text()
    assert "Interests per partner and level" in shown
    assert "Weinig mensen" in shown and "[b]Eén loket[/b]" in shown and "\x1b" not in shown


def test_a_level_typed_on_a_participants_phone_is_that_level(live):
    from workshop.serve.hub import Hub, Joined

    session = live()
    session.go_to("interests")
    hub = Hub(session)
    bram = Joined("j1", "Bram", "Zorggroep")
    for number, text in enumerate(("Organisatie: te weinig mensen", "waarom: geld", "Planning: morgen")):
        session.apply_all(hub.contribution(bram, "interests", text, f"form-{number}"))
    assert [(c.item, c.text) for c in session.contributions("interests")] == [
        ("organisation", "te weinig mensen"), ("", "waarom: geld"), ("", "Planning: morgen")]


def test_the_csv_lists_an_interests_step_per_partner_then_per_level_with_the_level_id(store, make_session):
    import csv
    import io

    from workshop.present.export import export_session

    rows = list(csv.DictReader(io.StringIO(export_session(_two_sessions(store, make_session)[0], "csv").lstrip("\ufeff"))))
    said = [(r["partner"], r["item"], r["text"]) for r in rows if r["step"] == "interests"]
    assert said == [("Gemeente", "collaboration", "[b]Eén loket[/b]"), ("Zorggroep", "organisation", "Weinig mensen"),
                    ("Zorggroep", "position", "Geen extra overleg"), ("Woonstede", "", "Een wens zonder niveau")]


def test_workshop_show_names_each_level_and_the_position_an_interest_lies_behind(store, make_session):
    from rich.console import Console

    from workshop.present.session import session_renderable

    console = Console(width=200, record=True, file=open("/dev/null", "w"), color_system=None)
    console.print(session_renderable(_two_sessions(store, make_session)[0]))
    shown = console.export_text()
    assert "[Position] Geen extra overleg" in shown
    assert "[Organisation] ↳ Geen extra overleg: Weinig mensen" in shown
