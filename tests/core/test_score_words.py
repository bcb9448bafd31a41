"""One word for each figure of a scale, in every paper a director gets: the range (lowest–highest)
is "bereik", the standard deviation "standaardafwijking", how many per score or option
"verdeling"; "spreiding", which once meant all three side by side, means none of them."""

from __future__ import annotations

import re
from io import StringIO

from rich.console import Console

from tests.core.alliance import ALLIANCE, TODAY, build_alliance
from workshop.core.compare import compare_sessions, select_sessions
from workshop.core.session import SessionView
from workshop.core.text.i18n import language
from workshop.present.compare import comparison_renderable
from workshop.present.compare_html import comparison_html
from workshop.present.compare_md import comparison_markdown
from workshop.present.minutes import to_html, to_markdown

NUMBER = r"\d+(?:,\d+)?"


def papers(store, make_session, lang: str) -> dict[str, str]:
    ids = build_alliance(store, make_session, lang=lang)
    comparison = compare_sessions(select_sessions(store, collaboration=ALLIANCE), lang=lang, today=TODAY)
    view = SessionView(store.read_session(ids["third"]))
    console = Console(file=StringIO(), width=160, color_system=None)
    with language(lang):
        console.print(comparison_renderable(comparison))
        return {"minutes": to_markdown(view), "minutes html": to_html(view), "compare md": comparison_markdown(comparison),
                "board page": comparison_html(comparison), "compare text": console.file.getvalue()}


def test_each_figure_of_a_scale_has_its_own_word_in_every_dutch_paper(store, make_session):
    said = papers(store, make_session, "nl")
    for name, text in said.items():
        assert "spreiding" not in text.lower(), name
    assert re.search(r"\| Gemiddelde \| Bereik \|", said["minutes"])
    assert re.search(rf"\(bereik \d–\d, standaardafwijking {NUMBER}, aantal \d", said["compare md"])
    assert re.search(rf"aantal \d *\n.*standaardafwijking {NUMBER}", said["compare text"])
    assert "één standaardafwijking" in said["board page"]
    for text in said.values():  # the range is never given as one number, the deviation never as two
        assert not re.search(rf"standaardafwijking {NUMBER}\s*–", text)
        assert not re.search(rf"bereik {NUMBER}(?!\s*–)", text)


def test_each_figure_of_a_scale_has_its_own_word_in_every_english_paper(store, make_session):
    said = papers(store, make_session, "en")
    for name, text in said.items():
        assert "spread" not in text.lower(), name
    assert "| Mean | Range |" in said["minutes"]
    assert re.search(r"\(range \d–\d, standard deviation \d\.\d, number \d", said["compare md"])
