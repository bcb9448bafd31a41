"""`workshop compare` on the failing alliance: what the text, md, json and html say."""

from __future__ import annotations

import json
import re

import pytest

from tests.core.alliance import ALLIANCE, MEETINGS, build_alliance
from workshop.cli.main import run


@pytest.fixture
def alliance(store, make_session) -> dict[str, str]:
    return build_alliance(store, make_session)


def _compare(capsys, *argv: str) -> str:
    assert run(["compare", "--collaboration", "pact voor", *argv]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["table", "md", "json", "html"])
def test_the_contested_ambition_is_in_every_format(capsys, alliance, fmt):
    out = _compare(capsys, "--format", fmt)
    assert "Ieder doet wat hij kan" in out
    if fmt != "json":
        assert "ter discussie" in out


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_text_and_markdown_open_with_the_headline_and_never_say_resolved_or_sd(capsys, alliance, fmt):
    out = _compare(capsys, "--format", fmt)
    flat = re.sub(r"\s+", " ", out)  # the table wraps the headline
    assert flat.index("De drempel werd hoger: de score op ‘De drempel om elkaar te benaderen is laag’ daalde van 3,8 naar 1,5 (3 bijeenkomsten)") < flat.index("De drempel om")
    assert "opgelost" not in out and "niet meer genoemd" in out
    assert " sd " not in out and "spreiding" not in out and "standaardafwijking" in flat and "aantal 4" in out
    assert re.search(r"Risicoverdeling op papier zetten.*?\| \d{3} \||\d{3} dagen te\s+laat", out, re.S)


def test_markdown_has_a_dutch_title(capsys, alliance):
    assert _compare(capsys, "--format", "md").startswith(f"# {ALLIANCE}: 3 bijeenkomsten vergeleken\n")


def test_a_suggestion_is_confirmed_then_undone_then_rejected_from_the_command_line(capsys, alliance):
    data = json.loads(_compare(capsys, "--json"))
    suggestion = next(s for s in data["pains"][1]["suggestions"] if s["point"]["text"] == MEETINGS[1])
    pair = [suggestion["point"]["uid"][:8], suggestion["earlier"]["uid"][:8]]
    linked = json.loads(_compare(capsys, "--link", *pair, "--json"))
    point = next(p for p in linked["pains"][1]["recurring"] if p["text"] == MEETINGS[1])
    assert point["earlier"]["text"] == MEETINGS[0] and point["link_session"] == alliance["second"]
    assert f"gekoppeld aan ‘{MEETINGS[0]}’" in _compare(capsys)  # words on paper; the ids are in --json
    assert {uid[:8] for uid in point["link"]} == set(pair)
    undone = json.loads(_compare(capsys, "--unlink", *pair, "--json"))
    assert MEETINGS[1] in {p["text"] for p in undone["pains"][1]["alike"]}
    rejected = json.loads(_compare(capsys, "--not-same", *pair, "--json"))
    assert MEETINGS[1] not in {s["point"]["text"] for s in rejected["pains"][1]["suggestions"]}


def test_html_is_one_page_on_standard_output(capsys, alliance):
    out = _compare(capsys, "--format", "html")
    assert out.startswith("<!DOCTYPE html>") and out.count("<svg") == 2 and "<script" not in out


@pytest.mark.parametrize("argv, message", [
    (["compare", "--collaborations", "--format", "html"], "--format html draws one collaboration"),
    (["compare", "--collaboration", "p"], "several collaborations: Pact voor de Wijk; Procesregie Noord;"),
    (["compare", "--collaboration", "pact voor", "--unlink", "abc", "def"], "no pain point 'abc'"),
])
def test_bad_input_exits_2_with_one_line(capsys, alliance, make_session, argv, message):
    make_session(collaboration="Procesregie Noord")
    assert run(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err and captured.err.count("\n") == 1


def test_the_group_marks_a_pain_point_solved_from_the_command_line_and_takes_it_back(capsys, alliance):
    from tests.core.alliance import PRIVACY

    data = json.loads(_compare(capsys, "--json"))
    uid = next(p["uid"] for p in data["pains"][1]["gone"] if p["text"] == PRIVACY)
    solved = json.loads(_compare(capsys, "--solved", uid[:10], "--json"))
    assert PRIVACY in {p["text"] for p in solved["pains"][1]["solved"]}
    assert "opgelost" in _compare(capsys)
    taken_back = json.loads(_compare(capsys, "--unsolved", uid[:10], "--json"))
    assert PRIVACY not in {p["text"] for p in taken_back["pains"][1]["solved"]}
