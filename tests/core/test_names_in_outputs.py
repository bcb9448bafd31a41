"""Names only where they belong, held lines nowhere: what each output shows of whom.

A blind scan scored by six people of three partners, an interaction scale that is not blind, a
scale whose guide asks for names, and a moderated step with one line held back. Every circulated
output (minutes in Markdown and HTML, the comparison as text, Markdown and the board page, with
and without --per-partner) is read as a director receives it: no person's name beside a score, no
mean of a partner of fewer than three people, no held line. The JSON export keeps everything and
restores exactly; the CSV keeps a blind step's scores by name only with --with-names.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from workshop.cli.main import run
from workshop.core.guides import GuideError, load_guide_text, load_shelf
from workshop.core.making.prepare import Plan, prepare_session
from workshop.core.model import Participant, PartnerCard
from workshop.core.session import LiveSession, SessionView
from workshop.core.session.changes import DevicesJoined, Moderate, Reveal
from workshop.core.store import Store

GUIDE = """
[guide]
id = "names"
title = { en = "Names test", nl = "Namentest" }

[[steps]]
id = "pains"
kind = "open"
moderate = true
pains = true
title = { en = "Pain points", nl = "Pijnpunten" }
prompt = { en = "What hurts?", nl = "Wat knelt?" }

[[steps]]
id = "scan"
kind = "scale"
per = "participant"
blind = true
title = { en = "Scan", nl = "Scan" }
prompt = { en = "Score each item.", nl = "Scoor elke stelling." }
scale = { min = 1, max = 5 }
[[steps.items]]
id = "trust"
text = { en = "We trust each other.", nl = "We vertrouwen elkaar." }

[[steps]]
id = "interaction"
kind = "scale"
per = "participant"
blind = false
title = { en = "Interaction", nl = "Interactie" }
prompt = { en = "Score each item.", nl = "Scoor elke stelling." }
scale = { min = 1, max = 5 }
[[steps.items]]
id = "threshold"
text = { en = "The threshold is low.", nl = "De drempel is laag." }

[[steps]]
id = "rounds"
kind = "scale"
per = "participant"
show_names = true
title = { en = "Round of the table", nl = "Rondje tafel" }
prompt = { en = "Score each item.", nl = "Scoor elke stelling." }
scale = { min = 1, max = 5 }
[[steps.items]]
id = "energy"
text = { en = "I leave with energy.", nl = "Ik ga met energie weg." }
"""

PEOPLE = {  # name → partner, and their score on the blind scan (each distinct where it can be)
    "Annelies Smit": ("Gemeente", 4),
    "Greetje Mol": ("Gemeente", 2),
    "Henk Bos": ("Gemeente", 5),
    "Ivo Jansen": ("Zorggroep", 1),
    "Jet de Vries": ("Zorggroep", 3),
    "Karel Dekker": ("Woonstede", 4),
}
HELD = "De wethouder blokkeert alles"
SHOWN = "Wachtlijsten zijn te lang"


def beside_a_value(text: str) -> list[str]:
    """Every place a person's name stands next to a number (either side), as a reader sees it."""
    found = []
    for name in PEOPLE:
        pattern = rf"{re.escape(name)}[\s|*:;,\"'—–\-↳]*\d|\d[\s|*:;,\"'—–\-]*{re.escape(name)}"
        found += re.findall(pattern, text)
    return found


@pytest.fixture
def scanned(tmp_path: Path, store: Store) -> str:
    """The session, closed: scores given, one line held back, one shown."""
    return make_scanned(tmp_path, store, close=True)


def make_scanned(tmp_path: Path, store: Store, close: bool) -> str:
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "names.toml").write_text(GUIDE, encoding="utf-8")
    plan = Plan(collaboration="Regio Noord", guide=load_shelf(folder).get("names"),
                partners=["Gemeente", "Zorggroep", "Woonstede"],
                participants=[Participant.parse(f"{name}@{partner}") for name, (partner, _v) in PEOPLE.items()],
                cards={"Zorggroep": PartnerCard("Zorggroep", group="zorg"),
                       "Gemeente": PartnerCard("Gemeente", group="overheid")},
                lang="en", date="2026-11-20")
    session_id = prepare_session(store, plan)
    live = LiveSession(store.open_session(session_id))
    try:
        held = live.add("pains", HELD, partner="Gemeente", participant="Annelies Smit")
        live.apply(Moderate(held.uid, shown=False))
        live.add("pains", SHOWN, partner="Zorggroep", participant="Ivo Jansen")
        live.apply(DevicesJoined())
        for name, (_partner, value) in PEOPLE.items():
            live.score("scan", "trust", name, value, comment=f"because {name.split()[0].lower()}")
            live.score("interaction", "threshold", name, 6 - value)
            live.score("rounds", "energy", name, 3)
        live.apply(Reveal("scan"))
        if close:
            live.close()
    finally:
        live.release()
    return session_id


def cli(capsys, *args: str) -> str:
    code = run(list(args))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def circulated(capsys, session_id: str) -> dict[str, str]:
    """Every output that goes round, as a reader gets it."""
    return {
        "minutes md": cli(capsys, "export", session_id, "--format", "md"),
        "minutes html": cli(capsys, "export", session_id, "--format", "html"),
        "compare text": cli(capsys, "compare", session_id),
        "compare text per partner": cli(capsys, "compare", session_id, "--per-partner"),
        "compare md": cli(capsys, "compare", session_id, "--format", "md"),
        "compare md per partner": cli(capsys, "compare", session_id, "--format", "md", "--per-partner"),
        "board page": cli(capsys, "compare", session_id, "--format", "html"),
        "show": cli(capsys, "show", session_id),
    }


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=","))


# --- point 3: names on scores -------------------------------------------------------------------


def test_no_circulated_output_puts_a_persons_name_beside_a_score(capsys, scanned):
    outputs = circulated(capsys, scanned)
    for what, text in outputs.items():
        asked, _step, _rest = text.rpartition("Round of the table")  # the last step; its guide asks for names
        assert beside_a_value(asked or text) == [], what
    assert beside_a_value(outputs["minutes md"]) != []  # the check does see names where they are asked for
    minutes = outputs["minutes md"]
    scan = minutes[minutes.index("## 2. Scan"):minutes.index("## 3.")]
    assert "| We trust each other. | 3.2 | 1–5 | 6 | 1: 1 · 2: 1 · 3: 1 · 4: 2 · 5: 1 |" in scan
    assert not any(name in scan for name in PEOPLE)  # the comments go without their names too
    assert "- We trust each other. — because annelies" in scan
    interaction = minutes[minutes.index("## 3. Interaction"):minutes.index("## 4.")]
    assert not any(name in interaction for name in PEOPLE)  # not blind, but the guide does not ask for names


def test_the_minutes_show_names_where_the_guide_asks_and_with_names_only_off_the_blind_step(capsys, scanned):
    plain = cli(capsys, "export", scanned, "--format", "md")
    assert "Annelies Smit 3, Greetje Mol 3" in plain  # `show_names = true` on the round of the table
    named = cli(capsys, "export", scanned, "--format", "md", "--with-names")
    assert "Annelies Smit 2, Greetje Mol 4, Henk Bos 1" in named  # the interaction scale, asked for
    scan = named[named.index("## 2. Scan"):named.index("## 3.")]
    assert not any(name in scan for name in PEOPLE)  # never on the blind scan
    assert beside_a_value(scan) == []


def test_the_csv_gives_a_blind_scans_distribution_and_its_scores_by_name_only_when_asked(capsys, scanned):
    rows = csv_rows(cli(capsys, "export", scanned, "--format", "csv"))
    scan = [row for row in rows if row["step"] == "scan"]
    assert [(r["prompt_kind"], r["participant"], r["partner"], r["value"], r["text"]) for r in scan] == [
        ("scale-distribution", "", "", "3.17", "1: 1 · 2: 1 · 3: 1 · 4: 2 · 5: 1")]
    assert any(row["participant"] == "Annelies Smit" for row in rows if row["step"] == "interaction")
    semicolons = cli(capsys, "export", scanned, "--format", "csv", "--sep", ";")
    assert ";scale-distribution;;;1: 1 · 2: 1 · 3: 1 · 4: 2 · 5: 1;3,17;trust;" in semicolons  # a Dutch spreadsheet's mark
    named = csv_rows(cli(capsys, "export", scanned, "--format", "csv", "--with-names"))
    assert {(r["participant"], r["value"]) for r in named if r["step"] == "scan"} == {
        (name, str(value)) for name, (_partner, value) in PEOPLE.items()}
    with pytest.raises(SystemExit):
        run(["export", "--help"])
    assert "--with-names" in capsys.readouterr().out


def test_a_partner_of_fewer_than_three_people_gets_no_mean_of_its_own(capsys, scanned):
    compared = cli(capsys, "compare", scanned, "--format", "md", "--per-partner")
    rows = {line.split("|")[1].strip(): line for line in compared.splitlines() if line.startswith("| ↳")}
    # the scan: Gemeente's three people 4, 2 and 5; Zorggroep's two 1 and 3; Woonstede's one 4
    scan = compared[compared.index("We trust each other."):]
    assert "| ↳ Gemeente | 3.7 |" in scan and "| ↳ Zorggroep | fewer than 3 |" in scan
    assert "| ↳ Woonstede | fewer than 3 |" in scan
    assert set(rows) == {"↳ Gemeente", "↳ Zorggroep", "↳ Woonstede"}
    assert "2.0" not in scan.split("\n\n")[0].split("↳ Zorggroep")[1].split("\n")[0]
    table = cli(capsys, "compare", scanned, "--per-partner")
    assert "fewer than 3" in table


def test_the_projector_shows_a_group_mean_only_for_three_scores_or_more(store, scanned):
    from rich.console import Console

    from workshop.present.room import item_scores, room_scale

    view = SessionView(store.read_session(scanned))
    groups = item_scores(view, view.step("scan"), "trust").groups
    assert groups == {"overheid": pytest.approx(11 / 3), "zorg": None}  # Zorggroep's two people: no mean
    console = Console(width=140, record=True, color_system=None)
    console.print(room_scale(view, view.step("scan"), 140, roomy=True))
    shown = console.export_text()
    assert "zorg fewer than 3" in shown and "overheid 3.7" in shown
    assert not any(name in shown for name in PEOPLE)


def test_a_guide_cannot_ask_names_on_a_blind_step():
    text = GUIDE.replace('blind = true', 'blind = true\nshow_names = true')
    with pytest.raises(GuideError, match="show_names"):
        load_guide_text(text)
    assert load_guide_text(GUIDE).step("rounds").show_names


def test_the_summary_read_out_names_nobody_beside_a_score(store, scanned):
    from workshop.core.outcomes.summary import summarise

    view = SessionView(store.read_session(scanned))
    lines = [line for section in summarise(view) for line in section.lines]
    assert all(not any(name in line.who for name in PEOPLE) for line in lines if "trust" in line.text
               or "threshold" in line.text)


# --- point 4: held lines ------------------------------------------------------------------------


def test_a_held_contribution_is_in_no_output_until_shown_but_in_the_json_export(capsys, tmp_path, scanned):
    outputs = circulated(capsys, scanned)
    outputs["csv"] = cli(capsys, "export", scanned, "--format", "csv")
    outputs["csv with names"] = cli(capsys, "export", scanned, "--format", "csv", "--with-names")
    for what, text in outputs.items():
        assert "wethouder" not in text.casefold(), what
    assert SHOWN in outputs["minutes md"] and SHOWN in outputs["compare md"]
    exported = cli(capsys, "export", scanned, "--format", "json")
    data = json.loads(exported)
    held = [c for c in data["contributions"] if c["text"] == HELD]
    assert len(held) == 1 and data["meta"]["held"] == [held[0]["uid"]]  # kept, and marked held
    backup = tmp_path / "backup.json"
    backup.write_text(exported, encoding="utf-8")
    cli(capsys, "--store", str(tmp_path / "restored"), "import", str(backup))
    again = cli(capsys, "--store", str(tmp_path / "restored"), "export", scanned, "--format", "json")
    assert again == exported  # restored exactly, still held
    assert HELD not in cli(capsys, "--store", str(tmp_path / "restored"), "export", scanned, "--format", "md")


def test_a_held_contribution_goes_out_once_the_facilitator_shows_it(capsys, tmp_path, store):
    session_id = make_scanned(tmp_path, store, close=False)
    assert HELD not in cli(capsys, "export", session_id, "--format", "md")
    live = LiveSession(store.open_session(session_id))
    try:
        live.apply(Moderate(live.held()[0].uid, shown=True))
    finally:
        live.release()
    assert HELD in cli(capsys, "export", session_id, "--format", "md")


def test_a_scale_blind_because_phones_joined_goes_out_without_names(live, store):
    """procesregie's relationship items say nothing about blind: once a phone joined they are blind
    (SessionView.blind), so the CSV and the minutes treat them as the blind scan, not by the guide's word."""
    from workshop.core.session import SessionView
    from workshop.core.session.changes import DevicesJoined
    from workshop.present.export import export_session

    session = live()
    session.apply(DevicesJoined())
    session.score("interaction", "threshold", "Anna", 2)
    session.score("interaction", "threshold", "Bram", 4)
    session.score("interaction", "threshold", "Cem", 5)
    view = SessionView(session.tables())
    assert view.blind("interaction")
    csv_text = export_session(view, "csv")
    rows = [line for line in csv_text.splitlines() if ",interaction," in line]
    assert rows and not any(name in line for line in rows for name in ("Anna", "Bram", "Cem"))
    minutes = export_session(view, "md", with_names=True)  # never beside a blind step's scores, even asked
    assert "Anna 2" not in minutes and "Bram 4" not in minutes
    assert any("Anna" in line for line in export_session(view, "csv", with_names=True).splitlines()
               if ",interaction," in line)  # the CSV keeps them only when asked
