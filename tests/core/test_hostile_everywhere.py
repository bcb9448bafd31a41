"""One hostile string (a right-to-left override, a zero-width space, ESC, a C1 control, a lone
surrogate and rich markup) is shown the same escaped way by `show`, `compare` and in the md, html
and csv exports (the screen: tests/ui/test_hostile_text.py)."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest
from markdown_it import MarkdownIt

from workshop.cli.main import run
from workshop.core.session import LiveSession, SessionView
from workshop.present.export import export_session
from workshop.present.text import visible

HOSTILE = "abc\u202eRTL\u200b\x1b[31m\x9b\ud800[bold]x[/bold]"
SHOWN = r"abc\u202eRTL\u200b\x1b[31m\x9b\ud800[bold]x[/bold]"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f\ud800-\udfff]")


@pytest.fixture
def hostile_session(store, make_session) -> str:
    session_id = make_session()
    live = LiveSession(store.open_session(session_id))
    live.add("pains", HOSTILE, "Gemeente")
    live.release()
    return session_id


def test_the_one_rule_writes_every_dangerous_character_as_an_escape():
    assert visible(HOSTILE) == SHOWN
    assert visible("\u2066a\u2069 \u200e\u200f\u061c \u2060\ufeff \x85") == \
        r"\u2066a\u2069 \u200e\u200f\u061c \u2060\ufeff " + "\n"
    assert visible("one\ntwo", lines=False) == r"one\x0atwo"


def test_show_prints_the_hostile_text_escaped(capsys, hostile_session):
    assert run(["show", hostile_session]) == 0
    out = capsys.readouterr().out
    assert SHOWN in out and RAW.search(out) is None


def test_compare_prints_the_hostile_text_escaped(capsys, hostile_session):
    assert run(["compare", hostile_session]) == 0
    out = capsys.readouterr().out
    assert SHOWN in out and RAW.search(out) is None


def test_compare_as_markdown_shows_the_hostile_text_escaped(capsys, hostile_session):
    assert run(["compare", hostile_session, "--format", "md"]) == 0
    markdown = capsys.readouterr().out
    assert RAW.search(markdown) is None
    assert SHOWN in html.unescape(re.sub("<[^>]+>", "", MarkdownIt("commonmark").render(markdown)))


def test_markdown_minutes_show_the_hostile_text_escaped(store, hostile_session):
    markdown = export_session(SessionView(store.read_session(hostile_session)), "md")
    assert RAW.search(markdown) is None
    rendered = MarkdownIt("commonmark", {"html": False}).render(markdown)
    assert SHOWN in html.unescape(re.sub("<[^>]+>", "", rendered))


def test_html_minutes_show_the_hostile_text_escaped(store, hostile_session):
    page = export_session(SessionView(store.read_session(hostile_session)), "html")
    assert RAW.search(page) is None and "<bold>" not in page
    assert SHOWN in html.unescape(re.sub("<[^>]+>", "", page))


def test_csv_holds_the_hostile_text_escaped(store, hostile_session):
    table = export_session(SessionView(store.read_session(hostile_session)), "csv")
    assert RAW.search(table.replace("\r\n", "\n")) is None  # CSV rows end in \r\n by its standard
    rows = list(csv.DictReader(io.StringIO(table)))
    assert [row["text"] for row in rows if row["step"] == "pains"] == [SHOWN]


def test_the_session_file_keeps_the_hostile_text_exactly(store, hostile_session):
    (saved,) = SessionView(store.read_session(hostile_session)).contributions("pains")
    assert saved.text == HOSTILE


def test_the_summary_shows_a_guide_title_with_terminal_codes_escaped():
    from workshop.core.outcomes.summary import SummaryLine, SummarySection
    from workshop.present.summary import section_text

    title = "\x1b]0;pwned\x07Ambition\x1b[2J"
    drawn = section_text(SummarySection("ambition", title, (SummaryLine(HOSTILE, "Gem\u202e", "", "agreed"),))).plain
    assert RAW.search(drawn) is None
    assert r"\x1b]0;pwned\x07Ambition\x1b[2J" in drawn and SHOWN in drawn and r"Gem\u202e" in drawn


def test_a_joiner_inside_an_emoji_stays_and_a_joiner_between_letters_is_shown():
    from workshop.present.text import visible

    assert visible("👩🏽\u200d⚕️ 🏳️\u200d🌈") == "👩🏽\u200d⚕️ 🏳️\u200d🌈"
    assert visible("ab\u200dc") == "ab\\u200dc"
