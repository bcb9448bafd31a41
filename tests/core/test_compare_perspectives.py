"""The collaboration scan in the comparison: a mean per perspective, the lowest named as where
attention is needed (also in the headline), and the improvement agenda carried to the next review."""

from __future__ import annotations

import pytest

from workshop.core.compare import compare_sessions, select_sessions
from workshop.core.guides import GuideError, load_guide_text
from workshop.core.session import LiveSession, SessionView

PEOPLE = ("Anna", "Bram", "Cem")
# item → the scores of Anna, Bram and Cem; relatie is lowest in the second scan
FIRST = {"ambition-recognised": (4, 4, 4), "ambition-guides": (4, 4, 4), "honesty": (2, 2, 2),
         "goodwill": (2, 2, 2), "threshold": (2, 2, 2), "process-timing": (3, 3, 3)}
SECOND = {"ambition-recognised": (4, 4, 5), "ambition-guides": (2, 2, 2), "honesty": (3, 3, 3),
          "goodwill": (4, 4, 4), "threshold": (3, 3, 3), "process-timing": (4, 4, 4)}


def _scan(store, session_id: str, scores: dict[str, tuple[int, ...]], agenda: tuple[str, ...] = ()) -> None:
    live = LiveSession(store.open_session(session_id))
    try:
        for item, values in scores.items():
            for who, value in zip(PEOPLE, values):
                live.score("scan", item, who, value)
        for text in agenda:
            live.assign("verbeteragenda", text, "Gemeente", "2026-12-15")
        live.close()
    finally:
        live.release()


@pytest.fixture
def scans(store, make_session) -> list[str]:
    ids = [make_session(guide="samenwerkingsscan", date="2026-10-01")]
    _scan(store, ids[0], FIRST, agenda=("Agree how we disagree",))
    ids.append(make_session(guide="samenwerkingsscan", date="2026-11-01"))  # prepared after the first closed
    _scan(store, ids[1], SECOND)
    return ids


def test_each_perspective_gets_the_mean_of_its_items_means_per_session(store, scans):
    comparison = compare_sessions(select_sessions(store, collaboration="Zorg Oost"))
    by_name = {t.perspective: t for t in comparison.perspectives}
    assert list(by_name) == ["ambitie", "relatie", "proces"]  # the fixed order; unscored ones left out
    assert [round(p.mean, 2) for p in by_name["relatie"].points] == [2.0, 3.33]
    assert [p.items for p in by_name["ambitie"].points] == [2, 2]
    assert by_name["ambitie"].points[1].mean == pytest.approx((13 / 3 + 2) / 2)


def test_the_lowest_perspective_of_the_latest_scan_is_where_attention_is_needed(store, scans):
    comparison = compare_sessions(select_sessions(store, collaboration="Zorg Oost"))
    assert [t.perspective for t in comparison.perspectives if t.attention] == ["ambitie"]
    headline = comparison.headlines[0]
    assert headline.attention == ("ambition",)
    assert "Attention is needed on the perspective ambition" in " ".join(headline.sentences)


def test_the_headline_names_the_perspective_in_dutch_for_a_dutch_comparison(store, scans):
    comparison = compare_sessions(select_sessions(store, collaboration="Zorg Oost"), lang="nl")
    assert "ambitie" in " ".join(comparison.headlines[0].sentences)
    assert comparison.headlines[0].attention == ("ambitie",)


def test_a_session_that_scored_one_perspective_only_names_no_lowest(store, make_session):
    session_id = make_session(guide="samenwerkingsscan")
    _scan(store, session_id, {"honesty": (1, 1, 1)})
    comparison = compare_sessions([SessionView(store.read_session(session_id))])
    assert [t.perspective for t in comparison.perspectives] == ["relatie"]
    assert not any(t.attention for t in comparison.perspectives)
    assert comparison.headlines[0].attention == ()


def test_the_improvement_agenda_comes_back_in_the_next_sessions_review(store, scans):
    second = SessionView(store.read_session(scans[1]))
    assert [a.text for a in second.carried] == ["Agree how we disagree"]


GUIDE = """[guide]
id = "mine"
title = "Mine"
[[steps]]
id = "scan"
kind = "scale"
title = "Scan"
prompt = "Score"
[[steps.items]]
id = "trust"
text = "We trust each other."
perspective = "{perspective}"
"""


def test_a_scale_item_may_name_one_of_the_five_perspectives():
    guide = load_guide_text(GUIDE.format(perspective="relatie"), "mine.toml")
    assert guide.step("scan").items[0].perspective == "relatie"


def test_an_unknown_perspective_is_one_clear_error_with_the_line():
    with pytest.raises(GuideError) as caught:
        load_guide_text(GUIDE.format(perspective="trust"), "mine.toml")
    assert "line 12" in str(caught.value) and "ambitie, belangen, relatie, organisatie, proces" in str(caught.value)


def test_a_perspective_on_a_choice_option_is_refused():
    text = GUIDE.replace('kind = "scale"', 'kind = "choice"').replace("steps.items", "steps.options")
    text = text.format(perspective="relatie") + '[[steps.options]]\nid = "b"\ntext = "B"\n'
    with pytest.raises(GuideError, match="unknown field 'perspective'"):
        load_guide_text(text, "mine.toml")


def test_markdown_html_and_the_terminal_show_the_scan_per_perspective_with_the_lowest_marked(store, scans):
    from rich.console import Console

    from workshop.present.compare import comparison_renderable
    from workshop.present.compare_html import comparison_html
    from workshop.present.compare_md import comparison_markdown

    comparison = compare_sessions(select_sessions(store, collaboration="Zorg Oost"))
    markdown = comparison_markdown(comparison)
    assert "## Collaboration scan per perspective" in markdown
    assert "| ambition | 4.0 | 3.2 | **attention needed** |" in markdown
    assert "| relationship | 2.0 | 3.3 |  |" in markdown
    page = comparison_html(comparison)
    assert "<td>ambition</td><td>4.0</td><td>3.2</td><td><strong" in page
    console = Console(width=100, record=True)
    console.print(comparison_renderable(comparison))
    screen = console.export_text()
    assert "Collaboration scan per perspective" in screen
    assert "attention needed" in next(line for line in screen.splitlines() if line.lstrip().startswith("ambition") and "4.0" in line)
