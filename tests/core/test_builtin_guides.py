"""The built-in guides as a set: each passes the checker, they share scale items exactly, and the
meetings fit the time they state."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from workshop.cli.main import run
from workshop.core.guides import builtin_guide_paths, load_guide_file, load_shelf
from workshop.core.guides.check import PERSPECTIVES
from workshop.core.model import PHASES, PromptKind

BUFFER_SHARE = 0.05  # docs/writing-a-guide.md, 'A buffer'
GUIDES = {path.stem: load_guide_file(path) for path in builtin_guide_paths()}


@pytest.mark.parametrize("path", builtin_guide_paths(), ids=lambda path: path.stem)
def test_guide_check_passes_on_every_builtin_guide(path: Path, capsys) -> None:
    assert run(["--lang", "en", "guide", "check", str(path)]) == 0
    assert "a valid guide" in capsys.readouterr().out


def test_every_scale_item_id_shared_between_guides_has_the_same_text_scale_and_direction() -> None:
    seen: dict[str, set[tuple]] = defaultdict(set)
    where: dict[str, list[str]] = defaultdict(list)
    for guide in GUIDES.values():
        for step in guide.steps:
            if step.kind is PromptKind.SCALE:
                for item in step.items:
                    scale = (step.scale.min, step.scale.max, tuple(sorted(step.scale.low.values.items())),
                             tuple(sorted(step.scale.high.values.items())))
                    direction = (item.good, tuple(sorted(item.rising.values.items())),
                                 tuple(sorted(item.falling.values.items())))
                    seen[item.id].add((tuple(sorted(item.text.values.items())), scale, direction))
                    where[item.id].append(f"{guide.id}.{step.id}")
    differing = {item: where[item] for item, versions in seen.items() if len(versions) > 1}
    assert differing == {}
    assert len(where["threshold"]) >= 7  # shared widely, so the check above has something to compare


def test_every_builtin_scale_item_says_which_end_is_good_and_what_a_change_means_in_both_languages() -> None:
    for guide in GUIDES.values():
        for step in guide.steps:
            if step.kind is PromptKind.SCALE and step.items[0].id != "partners":  # one item per partner
                for item in step.items:
                    assert item.good in ("high", "low", "neither"), (guide.id, item.id)
                    assert set(item.rising.values) == set(item.falling.values) == {"nl", "en"}, (guide.id, item.id)
    threshold = GUIDES["procesregie"].step("interaction").items[0]
    assert threshold.good == "high" and threshold.rising.get("nl") == "de drempel werd lager"


def test_the_threshold_is_asked_as_a_level_in_every_guide_that_scores_the_relationship() -> None:
    for guide in GUIDES.values():
        relationship = [s for s in guide.steps if s.kind is PromptKind.SCALE and s.id in ("interaction", "scan")]
        for step in relationship:
            assert [item.id for item in step.items].count("threshold") == 1, guide.id
    text = GUIDES["procesregie"].step("interaction").items[0].text.values
    assert text == {"nl": "De drempel om elkaar te benaderen is laag.", "en": "The threshold for approaching each other is low."}


def test_the_reworked_procesregie_fits_its_stated_time_with_a_break_and_the_key_question_early() -> None:
    guide = GUIDES["procesregie"]
    assert 140 <= guide.duration <= 165  # about two and a half hours
    assert guide.minutes <= guide.duration - buffer(guide.duration)
    pause = guide.step("break")
    assert pause.kind is PromptKind.OPEN and pause.timebox >= 10
    ids = [step.id for step in guide.steps]
    starts = {step.id: sum(s.timebox for s in guide.steps[:number]) for number, step in enumerate(guide.steps)}
    assert starts["interaction"] < guide.duration / 2  # the central question in the first half …
    assert ids[ids.index("interaction") + 1] == "lower-threshold"  # … followed by an action on it
    assert guide.step("lower-threshold").actions
    assert starts["break"] > starts["interaction"]


def test_procesregie_follows_the_practitioners_minute_plan() -> None:
    """Review §1.1: check-in with mandate in one round, the review by exception before minute 20-odd,
    the ambition by minute 30, the relationship before the interests and the break at about an hour,
    pains and the pilot after it, the hamerstukken after the pilot, then the intentieverklaring and
    readiness, and the achterban, the actions read back and the closing round last."""
    guide = GUIDES["procesregie"]
    ids = [step.id for step in guide.steps]
    starts = {step.id: sum(s.timebox for s in guide.steps[:number]) for number, step in enumerate(guide.steps)}
    assert "mandate" not in ids  # asked in the check-in's one round
    assert "mandaat" in guide.step("checkin").prompt.get("nl")
    assert ids[:4] == ["checkin", "decision-rule", "welcome", "review"]
    assert starts["ambition"] <= 25 and starts["interaction"] <= 35
    assert 55 <= starts["break"] <= 65
    assert ids.index("pains") > ids.index("break")
    assert ids.index("pilot-lessons") < ids.index("pilot") < ids.index("pilot-team")
    hamerstukken = ["roles", "rhythm", "consent"]
    assert ids[ids.index("pilot-team") + 1:ids.index("pilot-team") + 4] == hamerstukken
    assert sum(guide.step(step).timebox for step in hamerstukken) <= 10
    assert ids[-5:] == ["intentieverklaring", "next-phase", "achterban", "actions", "close"]
    assert guide.step("pilot-lessons").lessons is None  # the comparison lists them by the id


def test_the_bestuurlijk_overleg_keeps_the_dutch_standard_agenda_and_records_the_pilot_as_a_decision() -> None:
    guide = GUIDES["procesregie-bestuurlijk"]
    ids = [step.id for step in guide.steps]
    assert guide.duration == 90 and guide.minutes <= guide.duration - buffer(guide.duration)
    order = ["checkin", "previous-minutes", "review", "announcements", "pilot-decision", "escalations",
             "resources", "actions", "rondvraag", "close"]
    assert [step for step in ids if step in order] == order  # opening, verslag, actielijst, mededelingen, …
    assert guide.step("previous-minutes").kind is PromptKind.STATEMENT  # agreed: vastgesteld, a decision
    decision = guide.step("pilot-decision")
    assert decision.kind is PromptKind.CHOICE and decision.per == "group"
    assert [option.id for option in decision.options] == ["continue", "adjust", "stop"]
    for step in ("escalations", "resources"):  # besluitpunten with a proposal: agreed texts, in the besluitenlijst
        assert guide.step(step).kind is PromptKind.STATEMENT and not guide.step(step).carry_over
    assert "advies" in guide.step("announcements").prompt.get("nl")  # running advice procedures
    assert not any(step.kind is PromptKind.OPEN and step.id == "break" for step in guide.steps)


def test_every_phase_has_a_guide_and_every_stated_duration_holds_the_steps() -> None:
    shelf = load_shelf()
    assert {guide.phase for guide in shelf.guides.values()} >= set(PHASES)
    for guide in shelf.guides.values():
        assert guide.duration, guide.id
        assert guide.minutes <= guide.duration, guide.id


def buffer(duration: int) -> int:
    """The minutes a built-in guide leaves for overrun: 5 % of its stated length, rounded up."""
    return math.ceil(duration * BUFFER_SHARE)


@pytest.mark.parametrize("path", builtin_guide_paths(), ids=lambda path: path.stem)
def test_every_builtin_guide_leaves_a_buffer_of_at_least_five_percent_of_its_stated_time(path: Path) -> None:
    guide = load_guide_file(path)
    assert guide.duration, guide.id
    assert guide.minutes <= guide.duration - buffer(guide.duration), (
        f"{guide.id}: the steps take {guide.minutes} of {guide.duration} minutes; "
        f"leave {buffer(guide.duration)} for overrun")


def test_the_collaboration_scan_has_two_or_three_items_for_each_of_five_perspectives_per_participant() -> None:
    for name in ("samenwerkingsscan", "uitvoeren"):
        scan = GUIDES[name].step("scan")
        assert scan.per == "participant" and scan.blind  # blind where participants join from a device
        perspectives = Counter(item.perspective for item in scan.items)
        assert set(perspectives) == set(PERSPECTIVES)  # every item names one, and all five are there
        assert all(2 <= count <= 3 for count in perspectives.values()), perspectives


def test_a_scale_item_tagged_with_a_perspective_in_two_guides_has_the_same_perspective_in_both() -> None:
    tags: dict[str, set[str]] = defaultdict(set)
    for guide in GUIDES.values():
        for step in guide.steps:
            for item in step.items:
                if item.perspective:
                    tags[item.id].add(item.perspective)
    assert tags and all(len(found) == 1 for found in tags.values()), tags


def test_the_pulse_asks_three_scores_per_person() -> None:
    (scale,) = [s for s in GUIDES["pulse"].steps if s.kind is PromptKind.SCALE]
    assert [item.id for item in scale.items] == ["threshold", "honesty", "contact"]


def test_the_example_in_the_guide_writing_docs_is_a_valid_guide() -> None:
    import re

    from workshop.core.guides import load_guide_text

    docs = (Path(__file__).parents[2] / "docs" / "writing-a-guide.md").read_text(encoding="utf-8")
    example = re.findall(r"```toml\n(.*?)```", docs, re.S)[-1]
    guide = load_guide_text(example, "writing-a-guide.md")
    assert guide.minutes <= guide.duration


@pytest.mark.parametrize("name", ["verkenning", "procesregie", "overeenkomen", "vormgeven"])
def test_each_phase_guide_asks_every_partner_near_the_end_whether_the_group_is_ready_for_the_next_phase(name):
    guide = GUIDES[name]
    ids = [step.id for step in guide.steps]
    check = guide.step("next-phase")
    assert check.kind is PromptKind.CHOICE and check.per == "partner"
    assert [option.id for option in check.options] == ["ready", "almost", "not-yet"]
    assert ids.index("next-phase") >= len(ids) - 4  # near the end: before the actions, so what is missing becomes one
    assert ids.index("next-phase") < ids.index("actions") <= ids.index("next-phase") + 2


@pytest.mark.parametrize("name", ["verkenning", "procesregie", "overeenkomen", "vormgeven", "uitvoeren"])
def test_the_phase_guides_ask_the_phase_per_partner(name):
    assert GUIDES[name].step("welcome").per == "partner"
