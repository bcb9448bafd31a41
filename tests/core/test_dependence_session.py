"""Mutual dependence within one session: the pairing rule of workshop/core/steps/dependence.py (the same one
the comparison uses), the one-sided lines the room sees, and the minutes, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json

from rich.console import Console

from tests.table27 import PARTNERS as PARTNERS_27
from workshop.core.guides import Scale
from workshop.core.session import LiveSession, SessionView
from workshop.core.steps.dependence import Pair, is_one_sided, pairs, partner_item_id, session_pairs
from workshop.core.text.i18n import language
from workshop.present.dependence import one_sided_block
from workshop.present.export import export_session

FOUR = ("Zorg Oost", "Woonstichting West", "Gemeente", "Welzijn Noord")


def _scored(store, session_id: str, scores: dict[tuple[str, str], int]) -> SessionView:
    live = LiveSession(store.open_session(session_id))
    try:
        for (who, on), value in scores.items():
            live.score("dependence", partner_item_id(on, set()), who, value)
    finally:
        live.release()
    return SessionView(store.read_session(session_id))


def _four(store, make_session) -> SessionView:
    session = make_session(guide="uitvoeren", partners=FOUR, participants=())
    return _scored(store, session, {
        ("Zorg Oost", "Woonstichting West"): 5, ("Woonstichting West", "Zorg Oost"): 1,  # gap 4
        ("Gemeente", "Welzijn Noord"): 2, ("Welzijn Noord", "Gemeente"): 4,  # gap 2, the other way
        ("Zorg Oost", "Gemeente"): 3, ("Gemeente", "Zorg Oost"): 4,  # gap 1: mutual enough
        ("Welzijn Noord", "Zorg Oost"): 5,  # one way only: no pair yet
        ("Gemeente", "Gemeente"): 5,  # one's own item does not count
    })


def _drawn(block, width: int = 100) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(block)
    return console.export_text()


def test_a_sessions_pairs_put_who_depends_more_first_and_the_largest_gap_first(store, make_session):
    view = _four(store, make_session)
    found = session_pairs(view, view.step("dependence"))
    assert found == [Pair("Zorg Oost", "Woonstichting West", 5, 1, True),
                     Pair("Welzijn Noord", "Gemeente", 4, 2, True),
                     Pair("Gemeente", "Zorg Oost", 4, 3, False)]


def test_one_sided_is_two_points_on_a_one_to_five_scale_and_the_same_share_of_another():
    assert is_one_sided(4, 2, Scale(1, 5)) and not is_one_sided(4, 3, Scale(1, 5))
    assert not is_one_sided(7, 4, Scale(1, 10)) and is_one_sided(8, 3, Scale(1, 10))  # 4,5 points needed
    assert pairs({("A", "B"): 3, ("B", "A"): 3}, Scale())[0] == Pair("A", "B", 3, 3, False)


def test_the_one_sided_lines_name_both_scores_and_say_one_sided(store, make_session):
    view = _four(store, make_session)
    drawn = _drawn(one_sided_block(view, view.step("dependence"), 100, 5))
    assert "Zorg Oost → Woonstichting West: 5, Woonstichting West → Zorg Oost: 1 — one-sided" in drawn
    assert "Welzijn Noord → Gemeente: 4, Gemeente → Welzijn Noord: 2 — one-sided" in drawn
    assert "2 of 3 pairs that scored each other" in drawn and "Gemeente → Zorg Oost" not in drawn
    assert drawn.index("Woonstichting West: 5") < drawn.index("Gemeente: 4")


def test_the_one_sided_lines_are_dutch_in_a_dutch_session(store, make_session):
    session = make_session(guide="uitvoeren", partners=FOUR, participants=(), lang="nl")
    view = _scored(store, session, {("Zorg Oost", "Gemeente"): 5, ("Gemeente", "Zorg Oost"): 1})
    with language("nl"):
        drawn = _drawn(one_sided_block(view, view.step("dependence"), 100, 5))
    assert "Zorg Oost → Gemeente: 5, Gemeente → Zorg Oost: 1 — eenzijdig" in drawn


def test_at_27_partners_the_one_sided_list_is_cut_with_how_many_more_and_every_line_fits(store, make_session):
    session = make_session(guide="uitvoeren", partners=tuple(PARTNERS_27), participants=())
    scores = {}
    for i, who in enumerate(PARTNERS_27):
        for j, on in enumerate(PARTNERS_27):
            if who != on:
                scores[(who, on)] = 1 + (i * 3 + j) % 5
    view = _scored(store, session, scores)
    found = session_pairs(view, view.step("dependence"))
    sided = [pair for pair in found if pair.one_sided]
    assert len(found) == 27 * 26 // 2 and len(sided) > 8
    assert [pair.gap for pair in found] == sorted((pair.gap for pair in found), reverse=True)
    drawn = _drawn(one_sided_block(view, view.step("dependence"), 76, 5), width=80)
    lines = drawn.rstrip("\n").split("\n")
    assert len(lines) == 1 + 4 + 1 and lines[-1].strip() == f"… {len(sided) - 4} more"
    assert all(len(line.rstrip()) <= 80 for line in lines)
    top = sided[0]  # long names give way; both scores stay
    assert f": {top.a_on_b}, " in lines[1] and lines[1].rstrip().endswith(f": {top.b_on_a} — one-sided")


def test_the_minutes_list_every_pair_with_the_one_sided_ones_flagged(store, make_session):
    view = _four(store, make_session)
    minutes = export_session(view, "md")
    assert "**Mutual dependence:** 2 of 3 pairs one-sided" in minutes and "| Depends on | Mean |" in minutes
    assert ("| Zorg Oost → Woonstichting West: 5, Woonstichting West → Zorg Oost: 1 | 4 | "
            "**one-sided: Zorg Oost depends more** |") in minutes
    assert "| Gemeente → Zorg Oost: 4, Zorg Oost → Gemeente: 3 | 1 |  |" in minutes
    page = export_session(view, "html")
    assert "<strong>one-sided: Welzijn Noord depends more</strong>" in page


def test_the_csv_has_a_row_per_pair_and_the_json_the_pairs_with_the_one_sided_ones_flagged(store, make_session):
    view = _four(store, make_session)
    rows = list(csv.DictReader(io.StringIO(export_session(view, "csv", sep=",").lstrip("\ufeff"))))
    pair_rows = [row for row in rows if row["prompt_kind"].startswith("dependence")]
    assert [(r["prompt_kind"], r["partner"], r["item"], r["value"]) for r in pair_rows] == [
        ("dependence-one-sided", "Zorg Oost", "depends-woonstichting-west", "4"),
        ("dependence-one-sided", "Welzijn Noord", "depends-gemeente", "2"),
        ("dependence", "Gemeente", "depends-zorg-oost", "1")]
    assert pair_rows[0]["text"].endswith("— one-sided")
    data = json.loads(export_session(view, "json"))
    assert data["dependence"]["dependence"][0] == {"a": "Zorg Oost", "b": "Woonstichting West", "a_on_b": 5,
                                                   "b_on_a": 1, "gap": 4, "one_sided": True}


def test_hostile_partner_names_stay_literal_in_the_lines_and_escaped_in_the_minutes(store, make_session):
    odd = "[bold]Zorg[/bold] *B*"
    session = make_session(guide="uitvoeren", partners=("Gemeente", odd), participants=())
    view = _scored(store, session, {("Gemeente", odd): 5, (odd, "Gemeente"): 1})
    assert f"Gemeente → {odd}: 5" in _drawn(one_sided_block(view, view.step("dependence"), 100, 5))
    assert "\\[bold\\]Zorg\\[/bold\\] \\*B\\*" in export_session(view, "md")


def test_a_participants_page_leaves_out_their_own_organisation_on_a_dependence_step(store, make_session):
    from workshop.serve.hub import Hub
    from workshop.serve.pages import step_page

    live = LiveSession(store.open_session(make_session(guide="uitvoeren", partners=FOUR, participants=())))
    try:
        live.go_to("dependence")
        hub = Hub(live)
        page = step_page(hub, hub.join("Bram", "Gemeente"))
    finally:
        live.release()
    assert [item["text"] for item in page["items"]] == ["Zorg Oost", "Woonstichting West", "Welzijn Noord"]


def test_pairs_within_two_points_are_not_one_sided_and_the_room_is_told_so(store, make_session):
    session = make_session(guide="uitvoeren", partners=FOUR, participants=())
    view = _scored(store, session, {("Zorg Oost", "Gemeente"): 3, ("Gemeente", "Zorg Oost"): 4})
    drawn = _drawn(one_sided_block(view, view.step("dependence"), 100, 5))
    assert "0 of 1 pair that scored each other" in drawn
    assert "none so far: in every pair the scores are less than 2 points apart" in drawn
