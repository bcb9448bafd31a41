"""A scale item says which end of its scale is good, and the comparison reads a change by it: the
headline names what the change means and the score it is read from, the trend says better or
worse only where the guide declares a good end."""

from __future__ import annotations

import json
import re

import pytest

from tests.core.alliance import PARTNERS, PEOPLE, TODAY, give_scores, run_session
from workshop.core.compare import compare_sessions, select_sessions
from workshop.core.compare.words import trend_label
from workshop.core.guides import builtin_guide_paths, load_guide_text
from workshop.core.guides.direction import with_direction
from workshop.core.making.prepare import Plan, prepare_session
from workshop.core.model import Participant
from workshop.core.session import SessionView
from workshop.core.text.i18n import language
from workshop.present.compare import trends_table
from workshop.present.compare_html import comparison_html
from workshop.present.compare_md import comparison_markdown
from workshop.present.minutes import to_markdown

LOW_NL = "De drempel om elkaar te benaderen is laag."
HIGH_NL = "De drempel om elkaar te benaderen is hoog."
PULSE = next(path for path in builtin_guide_paths() if path.stem == "pulse").read_text(encoding="utf-8")
BUILTIN_THRESHOLD = """good = "high"
rising = { nl = "de drempel werd lager", en = "the threshold got lower" }
falling = { nl = "de drempel werd hoger", en = "the threshold got higher" }
"""


def pulse_with(threshold_text: str, declaration: str) -> str:
    """The pulse guide with its threshold item worded and declared as given."""
    assert BUILTIN_THRESHOLD in PULSE
    text = PULSE.replace(BUILTIN_THRESHOLD, declaration, 1)
    return text.replace(f'nl = "{LOW_NL}", en = "The threshold for approaching each other is low."',
                        f'nl = "{threshold_text}", en = "{threshold_text}"', 1)


NEGATIVE = pulse_with(HIGH_NL, """good = "low"
rising = { nl = "de drempel werd hoger", en = "the threshold got higher" }
falling = { nl = "de drempel werd lager", en = "the threshold got lower" }
""")
UNDECLARED = pulse_with(HIGH_NL, "")
WORDLESS = pulse_with(LOW_NL, 'good = "high"\n')


def compared(store, guide_text: str | None, before: int, after: int, lang: str = "nl"):
    """Two sessions of one collaboration, every partner scoring the threshold `before`, then `after`."""
    guide = load_guide_text(guide_text) if guide_text else load_guide_text(PULSE)
    ids = []
    for date_, value in (("2026-09-01", before), ("2026-10-01", after)):
        plan = Plan(collaboration="Pact", guide=guide, partners=list(PARTNERS), lang=lang, date=date_,
                    participants=[Participant.parse(p) for p in PEOPLE])
        session_id = prepare_session(store, plan)
        run_session(store, session_id, lambda live, value=value: give_scores(live, "threshold", (value,) * 4))
        ids.append(session_id)
    return compare_sessions(select_sessions(store, ids), today=TODAY), ids


def headline(comparison) -> str:
    return comparison.headlines[0].sentences[0]


def test_a_rising_score_on_a_threshold_that_is_low_says_the_threshold_got_lower(store):
    comparison, _ids = compared(store, None, 2, 4)
    assert headline(comparison) == ("De drempel werd lager: de score op ‘De drempel om elkaar te benaderen is laag’ "
                                    "steeg van 2,0 naar 4,0 (2 bijeenkomsten).")
    assert comparison.headlines[0].threshold_verdict == "better"
    with language("nl"):
        assert trend_label(comparison.trends[0]) == "↑ beter"


def test_a_falling_score_on_a_threshold_that_is_low_says_the_threshold_got_higher(store):
    comparison, _ids = compared(store, None, 4, 2, lang="en")
    assert headline(comparison) == ("The threshold got higher: the score on ‘The threshold for approaching each "
                                    "other is low’ fell from 4.0 to 2.0 (2 meetings).")
    with language("en"):
        assert trend_label(comparison.trends[0]) == "↓ worse"


def test_an_item_whose_good_end_is_low_reads_a_rise_as_worse(store):
    comparison, _ids = compared(store, NEGATIVE, 2, 4)
    assert headline(comparison) == ("De drempel werd hoger: de score op ‘De drempel om elkaar te benaderen is hoog’ "
                                    "steeg van 2,0 naar 4,0 (2 bijeenkomsten).")
    assert comparison.headlines[0].threshold_verdict == "worse"
    with language("nl"):
        assert trend_label(comparison.trends[0]) == "↑ slechter"


def test_an_item_whose_good_end_is_low_reads_a_fall_as_better(store):
    comparison, _ids = compared(store, NEGATIVE, 4, 2)
    assert headline(comparison).startswith("De drempel werd lager: de score op ‘De drempel om elkaar te benaderen "
                                           "is hoog’ daalde van 4,0 naar 2,0")
    with language("nl"):
        assert trend_label(comparison.trends[0]) == "↓ beter"


@pytest.mark.parametrize("before, after, moved", [(2, 4, "steeg"), (4, 2, "daalde")])
def test_an_item_that_declares_no_good_end_is_never_called_better_or_worse(store, before, after, moved):
    comparison, _ids = compared(store, UNDECLARED, before, after)
    assert headline(comparison) == (f"De score op ‘De drempel om elkaar te benaderen is hoog’ {moved} van "
                                    f"{before},0 naar {after},0 (2 bijeenkomsten).")
    assert comparison.headlines[0].threshold_verdict == ""
    with language("nl"):
        label = trend_label(comparison.trends[0])
        markdown = comparison_markdown(comparison)
        page = comparison_html(comparison)
    assert label in ("↑", "↓")
    for said in (markdown, page):
        assert not re.search(r"beter|slechter|verbetering|achteruitgang|drempel werd", said)


def test_a_good_end_without_words_says_improvement_or_setback(store):
    comparison, _ids = compared(store, WORDLESS, 4, 2)
    assert headline(comparison).startswith("Een achteruitgang: de score op ‘De drempel om elkaar te benaderen is laag’ "
                                           "daalde van 4,0 naar 2,0")


def test_the_trend_label_is_in_the_markdown_table_and_on_the_board_page(store):
    comparison, _ids = compared(store, None, 2, 4)
    with language("nl"):
        markdown = comparison_markdown(comparison)
        page = comparison_html(comparison)
        table = trends_table(comparison)
    row = next(line for line in markdown.splitlines() if line.startswith("| **De drempel"))
    assert row.endswith("↑ beter |")
    assert '<span class="arrow-up">↑ beter</span>' in page
    assert "De drempel werd lager: de score op" in page
    assert any("↑ beter" in str(cell) for cell in table.columns[-2].cells)


def test_a_session_stored_before_items_declared_their_direction_takes_the_builtin_ones(store):
    _comparison, ids = compared(store, None, 2, 4)
    for session_id in ids:  # as a session file written before this change: no good, rising or falling
        path = store.session_path(session_id)
        data = json.loads(path.read_text(encoding="utf-8"))
        for step in data["meta"]["1"]["steps"]:
            for item in step.get("items", []):
                assert item.pop("good") and item.pop("rising") and item.pop("falling")
        path.write_text(json.dumps(data), encoding="utf-8")
    comparison = compare_sessions(select_sessions(store, ids), today=TODAY)
    assert headline(comparison).startswith("De drempel werd lager: de score op ‘De drempel om elkaar")
    minutes = to_markdown(SessionView(store.read_session(ids[-1])))
    assert "*Een hogere score is beter bij ‘De drempel om elkaar te benaderen is laag’.*" in minutes


def test_only_the_builtin_item_with_the_same_words_lends_its_direction():
    from workshop.core.guides import Choice, Text

    same = with_direction(Choice("threshold", Text({"nl": LOW_NL})))
    other = with_direction(Choice("threshold", Text({"nl": HIGH_NL})))
    assert same.good == "high" and same.rising.get("nl") == "de drempel werd lager"
    assert other.good == "" and not other.rising.values


def test_the_minutes_say_which_end_of_the_scale_is_better(store):
    _comparison, ids = compared(store, NEGATIVE, 2, 4)
    minutes = to_markdown(SessionView(store.read_session(ids[-1])))
    assert "\n\n*Een lagere score is beter bij ‘De drempel om elkaar te benaderen is hoog’.*\n\n" in minutes
    _comparison, ids = compared(store, UNDECLARED, 2, 4)
    assert "score is beter" not in to_markdown(SessionView(store.read_session(ids[-1])))
