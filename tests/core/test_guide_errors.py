"""A broken guide gets a GuideError that names the file, the line or field, and what was expected.

Facilitators write their own guides as TOML (docs/writing-a-guide.md). Whatever they write, the
loader must answer with a Guide or a one-line GuideError, never with a traceback.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from workshop.core.guides import (
    MAX_GUIDE_BYTES,
    MAX_STEPS,
    Guide,
    GuideError,
    GuideShelf,
    builtin_guide_paths,
    load_guide_file,
    load_guide_text,
    load_shelf,
    step_to_dict,
    steps_from_dicts,
)

# --- building small guides ----------------------------------------------------------------

HEAD = '[guide]\nid = "t"\nversion = 1\ntitle = { nl = "Titel", en = "Title" }\n'


def step(ident: str = "a", kind: str = "open", extra: str = "") -> str:
    return (
        f'\n[[steps]]\nid = "{ident}"\nkind = "{kind}"\n'
        'title = { nl = "Stap", en = "Step" }\n'
        'prompt = { nl = "Vraag?", en = "Question?" }\n'
        f"{extra}"
    )


def LEVEL(ident: str, nl: str) -> str:  # upper case: reads like the TOML it writes
    return f'\n[[steps.levels]]\nid = "{ident}"\ntext = {{ nl = "{nl}", en = "{nl}" }}\n'


def head(**fields: str) -> str:
    """The [guide] table with fields replaced (value is raw TOML) or removed (value '')."""
    values = {"id": '"t"', "version": "1", "title": '{ nl = "Titel", en = "Title" }'}
    values.update(fields)
    lines = [f"{key} = {value}" for key, value in values.items() if value != ""]
    return "[guide]\n" + "\n".join(lines) + "\n"


SCALE_OK = 'scale = { min = 1, max = 5 }\n\n[[steps.items]]\nid = "i1"\ntext = { nl = "Een", en = "One" }\n'
OPTIONS_OK = (
    '\n[[steps.options]]\nid = "o1"\ntext = { nl = "Een", en = "One" }\n'
    '\n[[steps.options]]\nid = "o2"\ntext = { nl = "Twee", en = "Two" }\n'
)


def valid_guide() -> str:
    return HEAD + step("a", "open") + step("b", "vote", 'source = "a"\ndots = 3\n')


# --- the malformed guides -----------------------------------------------------------------
# Each case: (name, TOML text, where the message must point, a word of what was expected).
# `where` is "line N" or a field path such as "steps[2].kind".

CASES: list[tuple[str, str, str, str]] = [
    # TOML itself
    ("invalid-toml-header", HEAD + "\n[[steps]\nid = 'a'\n", "line 6, column", "not valid TOML"),
    ("unclosed-string", '[guide]\nid = "t\n', "line 2, column", "not valid TOML"),
    ("key-without-value", HEAD + "version\n", "line 5, column", "not valid TOML"),
    ("key-given-twice", HEAD + 'id = "u"\n', "line 5, column", "not valid TOML"),
    ("nul-character", HEAD + 'phase = "de\x00len"\n', "line 5, column", "not valid TOML"),
    (
        "line-separator-in-comment-keeps-line-numbers",
        "# one\u2028two\x85three\n" + HEAD + "[[steps\n",
        "line 6, column",
        "not valid TOML",
    ),
    # the [guide] table
    ("empty-file", "", "guide", "missing the [guide] table"),
    ("only-comments", "# a guide, some day\n", "guide", "missing the [guide] table"),
    ("missing-guide-table", step("a"), "guide", "missing the [guide] table"),
    ("guide-is-a-string", 'guide = "procesregie"\n' + step("a"), "line 1, guide", "expected a table"),
    ("guide-is-an-array-of-tables", '[[guide]]\nid = "t"\n' + step("a"), "guide", "expected a table"),
    ("missing-id", head(id="") + step("a"), "guide", "missing 'id'"),
    ("bad-id-characters", head(id='"Proces Regie"') + step("a"), "line 2, guide.id", "lowercase letters"),
    ("id-too-long", head(id=f'"{"a" * 65}"') + step("a"), "line 2, guide.id", "at most 64"),
    ("id-with-trailing-newline", head(id='"abc\\n"') + step("a"), "line 2, guide.id", "lowercase letters"),
    ("id-is-a-number", head(id="42") + step("a"), "line 2, guide.id", "lowercase letters"),
    ("version-zero", head(version="0") + step("a"), "line 3, guide.version", "whole number from 1"),
    ("version-string", head(version='"1"') + step("a"), "line 3, guide.version", "whole number from 1"),
    ("version-float", head(version="1.5") + step("a"), "line 3, guide.version", "whole number from 1"),
    ("version-boolean", head(version="true") + step("a"), "line 3, guide.version", "whole number from 1"),
    ("unknown-phase", head(phase='"pilot"') + step("a"), "guide.phase", "expected one of verkennen"),
    ("missing-title", head(title="") + step("a"), "guide", "missing 'title'"),
    ("title-is-a-number", head(title="5") + step("a"), "line 4, guide.title", "expected a text like"),
    ("title-is-a-list", head(title='["a"]') + step("a"), "guide.title", "expected a text like"),
    ("title-is-an-empty-string", head(title='"  "') + step("a"), "line 4, guide.title", "expected a text like { nl = \"…\", en = \"…\" }, got '  '"),
    ("title-is-an-empty-table", head(title="{}") + step("a"), "guide.title", "expected a text like"),
    ("title-in-unknown-language", head(title='{ nl = "T", de = "T" }') + step("a"), "guide.title", "expected nl or en"),
    ("title-language-not-a-string", head(title="{ nl = 1 }") + step("a"), "guide.title.nl", "non-empty string"),
    ("title-language-blank", head(title='{ nl = "T", en = " " }') + step("a"), "guide.title.en", "non-empty string"),
    ("title-too-long", head(title=f'"{"x" * 5001}"') + step("a"), "guide.title.nl", "longer than 5000"),
    ("description-not-a-text", head(description="true") + step("a"), "guide.description", "expected a text like"),
    ("unknown-guide-field", head(author='"me"') + step("a"), "guide.author", "expected id, version, phase"),
    ("unknown-top-level-table", HEAD + step("a") + "\n[meta]\nx = 1\n", "meta", "expected [guide] and [[steps]]"),
    ("unknown-top-level-field", 'author = "me"\n' + HEAD + step("a"), "line 1, author", "expected [guide] and [[steps]]"),
    # the steps
    ("missing-steps", HEAD, "steps", "add at least one [[steps]]"),
    ("zero-steps", "steps = []\n" + HEAD, "line 1, steps", "one or more [[steps]]"),
    ("steps-as-a-table", HEAD + "[steps]\nid = 'a'\n", "steps", "one or more [[steps]]"),
    ("step-is-a-number", "steps = [1]\n" + HEAD, "steps[1]", "expected a table"),
    ("too-many-steps", HEAD + "".join(step(f"s{n}") for n in range(MAX_STEPS + 1)), "steps", f"at most {MAX_STEPS}"),
    ("step-without-id", HEAD + step("a").replace('id = "a"\n', ""), "steps[1]", "missing 'id'"),
    ("step-with-bad-id", HEAD + step("Stap 1"), "line 7, steps[1].id", "lowercase letters"),
    ("duplicate-step-ids", HEAD + step("a") + step("a"), "line 13, steps[2].id", "duplicate step id"),
    ("step-without-kind", HEAD + step("a").replace('kind = "open"\n', ""), "steps[1]", "missing 'kind'"),
    ("unknown-kind", HEAD + step("a") + step("b", "poll"), "line 14, steps[2].kind", "expected one of open"),
    ("kind-is-a-number", HEAD + step("a").replace('"open"', "1"), "steps[1].kind", "expected one of open"),
    ("step-without-title", HEAD + step("a").replace('title = { nl = "Stap", en = "Step" }\n', ""), "steps[1]", "missing 'title'"),
    ("step-without-prompt", HEAD + step("a").replace('prompt = { nl = "Vraag?", en = "Question?" }\n', ""), "steps[1]", "missing 'prompt'"),
    ("prompt-in-unknown-language", HEAD + step("a", extra='hint = { fr = "x" }\n'), "steps[1].hint", "expected nl or en"),
    ("unknown-step-field", HEAD + step("a", extra="duration = 10\n"), "line 11, steps[1].duration", "expected actions, anonymous"),
    ("unknown-step-field-with-newline", HEAD + step("a", extra='"dur\\nation" = 10\n'), "steps[1].dur?ation", "unknown field"),
    ("timebox-zero", HEAD + step("a", extra="timebox = 0\n"), "line 11, steps[1].timebox", "from 1 to 240"),
    ("timebox-241", HEAD + step("a", extra="timebox = 241\n"), "line 11, steps[1].timebox", "from 1 to 240"),
    ("timebox-string", HEAD + step("a", extra='timebox = "10"\n'), "line 11, steps[1].timebox", "from 1 to 240"),
    ("timebox-float", HEAD + step("a", extra="timebox = 10.0\n"), "line 11, steps[1].timebox", "from 1 to 240"),
    ("timebox-boolean", HEAD + step("a", extra="timebox = true\n"), "line 11, steps[1].timebox", "from 1 to 240"),
    ("anonymous-as-string", HEAD + step("a", extra='anonymous = "true"\n'), "line 11, steps[1].anonymous", "true or false"),
    ("carry-over-as-number", HEAD + step("a", "statement", "carry_over = 1\n"), "steps[1].carry_over", "true or false"),
    ("actions-as-string", HEAD + step("a", "assign", 'actions = "yes"\n'), "steps[1].actions", "true or false"),
    # kind-specific fields
    ("dots-on-open-step", HEAD + step("a", extra="dots = 3\n"), "line 11, steps[1].dots", "does not apply to an open step (only to vote steps)"),
    ("anonymous-on-statement-step", HEAD + step("a", "statement", "anonymous = true\n"), "steps[1].anonymous", "only to open steps"),
    ("carry-over-on-open-step", HEAD + step("a", extra="carry_over = true\n"), "steps[1].carry_over", "only to statement steps"),
    ("options-on-scale-step", HEAD + step("a", "scale", SCALE_OK + OPTIONS_OK), "steps[1].options", "only to choice steps"),
    ("items-on-review-step", HEAD + step("a", "review", '[[steps.items]]\nid = "x"\n'), "steps[1].items", "only to scale steps"),
    ("when-on-vote-step", HEAD + step("a") + step("b", "vote", 'source = "a"\nwhen = "date"\n'), "steps[2].when", "only to assign steps"),
    # scale
    ("scale-min-equals-max", HEAD + step("a", "scale", SCALE_OK.replace("max = 5", "max = 1")), "steps[1].scale.max", "greater than min"),
    ("scale-min-above-max", HEAD + step("a", "scale", SCALE_OK.replace("min = 1, max = 5", "min = 7, max = 5")), "steps[1].scale.max", "greater than min"),
    ("scale-too-many-points", HEAD + step("a", "scale", SCALE_OK.replace("min = 1, max = 5", "min = 0, max = 21")), "steps[1].scale.max", "at most 21 points"),
    ("scale-is-a-number", HEAD + step("a", "scale", SCALE_OK.replace("{ min = 1, max = 5 }", "5")), "line 11, steps[1].scale", "expected a table"),
    ("scale-with-unknown-field", HEAD + step("a", "scale", SCALE_OK.replace("max = 5", "max = 5, step = 1")), "steps[1].scale.step", "expected min, max, low, high"),
    ("scale-min-float", HEAD + step("a", "scale", SCALE_OK.replace("min = 1,", "min = 1.5,")), "steps[1].scale.min", "whole number from 0 to 100"),
    ("scale-without-items", HEAD + step("a", "scale", "scale = { min = 1, max = 5 }\n"), "steps[1]", "at least one [[steps.items]]"),
    ("scale-items-not-a-list", HEAD + step("a", "scale", 'items = "threshold"\n'), "line 11, steps[1].items", "expected a list of tables ([[steps.items]])"),
    ("scale-item-not-a-table", HEAD + step("a", "scale", "items = [1]\n"), "steps[1].items[1]", "expected a table"),
    ("scale-item-without-id", HEAD + step("a", "scale", '[[steps.items]]\ntext = "x"\n'), "steps[1].items[1]", "missing 'id'"),
    ("scale-item-without-text", HEAD + step("a", "scale", '[[steps.items]]\nid = "x"\n'), "steps[1].items[1]", "missing 'text'"),
    ("scale-item-unknown-field", HEAD + step("a", "scale", '[[steps.items]]\nid = "x"\ntext = "x"\nweight = 2\n'), "steps[1].items[1].weight", "expected id, text, perspective, good, rising and falling"),
    ("scale-item-good-unknown", HEAD + step("a", "scale", '[[steps.items]]\nid = "x"\ntext = "x"\ngood = "up"\n'),
     "line 14, steps[1].items[1].good", 'expected the good end of the scale: "high", "low" or "neither", got \'up\''),
    ("scale-item-good-not-a-word", HEAD + step("a", "scale", '[[steps.items]]\nid = "x"\ntext = "x"\ngood = true\n'),
     "steps[1].items[1].good", "expected the good end of the scale"),
    ("scale-item-rising-alone", HEAD + step("a", "scale", '[[steps.items]]\nid = "x"\ntext = "x"\ngood = "low"\n'
                                                          'rising = { nl = "werd hoger", en = "got higher" }\n'),
     "line 15, steps[1].items[1].rising", "'rising' needs 'falling' beside it"),
    ("scale-item-falling-empty", HEAD + step("a", "scale", '[[steps.items]]\nid = "x"\ntext = "x"\n'
                                                           'rising = "higher"\nfalling = ""\n'),
     "steps[1].items[1].falling", "expected a text like"),
    ("good-on-an-option", HEAD + step("a", "choice", '[[steps.options]]\nid = "x"\ntext = "x"\ngood = "high"\n'
                                                     '[[steps.options]]\nid = "y"\ntext = "y"\n'),
     "steps[1].options[1].good", "expected id and text"),
    ("duplicate-item-ids", HEAD + step("a", "scale", SCALE_OK + SCALE_OK.split("\n\n", 1)[1]), "line 17, steps[1].items[2].id", "duplicate id"),
    ("scale-per-unknown", HEAD + step("a", "scale", SCALE_OK.replace("scale =", 'per = "everyone"\nscale =')), "steps[1].per", "expected one of partner, participant"),
    # vote
    ("vote-without-source", HEAD + step("a") + step("b", "vote"), "steps[2]", "missing 'source'"),
    ("vote-source-later-step", HEAD + step("b", "vote", 'source = "a"\n') + step("a"), "line 11, steps[1].source", "no earlier step"),
    ("vote-source-not-open", HEAD + step("a", "statement") + step("b", "vote", 'source = "a"\n'), "line 17, steps[2].source", "expected an open step"),
    ("vote-source-unknown", HEAD + step("a") + step("b", "vote", 'source = "pains"\n'), "steps[2].source", "no earlier step"),
    ("vote-source-itself", HEAD + step("b", "vote", 'source = "b"\n'), "steps[1].source", "no earlier step"),
    ("vote-source-number", HEAD + step("a") + step("b", "vote", "source = 1\n"), "steps[2].source", "expected a step id"),
    ("vote-zero-dots", HEAD + step("a") + step("b", "vote", 'source = "a"\ndots = 0\n'), "line 18, steps[2].dots", "from 1 to 20"),
    ("vote-21-dots", HEAD + step("a") + step("b", "vote", 'source = "a"\ndots = 21\n'), "line 18, steps[2].dots", "from 1 to 20"),
    # choice, consent, assign
    ("choice-with-one-option", HEAD + step("a", "choice", OPTIONS_OK.rsplit("\n\n", 1)[0] + "\n"), "steps[1]", "at least two"),
    ("choice-without-options", HEAD + step("a", "choice"), "steps[1]", "at least two"),
    ("choice-duplicate-options", HEAD + step("a", "choice", OPTIONS_OK.replace('"o2"', '"o1"')), "steps[1].options[2].id", "duplicate id"),
    ("consent-without-bodies", HEAD + step("a", "consent"), "steps[1]", "at least one [[steps.bodies]]"),
    ("consent-bodies-as-strings", HEAD + step("a", "consent", 'bodies = ["OR"]\n'), "steps[1].bodies[1]", "expected a table"),
    ("assign-when-weekly", HEAD + step("a", "assign", 'when = "weekly"\n'), "line 11, steps[1].when", "expected one of date, rhythm"),
    ("assign-duplicate-row-ids", HEAD + step("a", "assign", '[[steps.rows]]\nid = "r"\ntext = "R"\n[[steps.rows]]\nid = "r"\ntext = "R"\n'), "steps[1].rows[2].id", "duplicate id"),
    ("assign-row-without-text", HEAD + step("a", "assign", "[[steps.rows]]\n"), "steps[1].rows[1]", "missing 'text'"),
    # characters that could steer a terminal or turn text around
    ("escape-in-title", head(title='"Titel\\u001b]0;pwned\\u0007"') + step("a"), "line 4, guide.title.nl",
     "control character U+001B"),
    ("bidi-override-in-hint", HEAD + step("a", extra='hint = { nl = "lees \u202edit", en = "read" }\n'),
     "line 11, steps[1].hint.nl", "control character U+202E"),
    ("bidi-isolate-in-option", HEAD + step("a", "choice", OPTIONS_OK.replace('"Een"', '"E\u2066en"')),
     "line 14, steps[1].options[1].text.nl", "control character U+2066"),
    ("c1-control-in-item", HEAD + step("a", "scale", SCALE_OK.replace('"One"', '"O\\u009bne"')),
     "line 15, steps[1].items[1].text.en", "control character U+009B"),
    ("newline-in-a-one-line-title", HEAD + step("a").replace('{ nl = "Stap"', '{ nl = "St\\nap"'),
     "line 9, steps[1].title.nl", "control character U+000A"),
    ("delete-in-description", head(description='"oeps\\u007f"') + step("a"), "line 5, guide.description.nl",
     "control character U+007F"),
    # the stated duration
    ("duration-shorter-than-the-steps", head(duration="5") + step("a"), "line 5, guide.duration", "more than the stated"),
    ("duration-not-a-number", head(duration='"2 uur"') + step("a"), "guide.duration", "whole number from 0"),
    # an open step's levels (typed as 'Organisatie: …')
    ("levels-on-a-statement", HEAD + step("a", "statement", 'levels = []\n'), "steps[1].levels",
     "only to open steps"),
    ("levels-not-a-list", HEAD + step("a", "open", 'levels = "persoonlijk"\n'), "line 11, steps[1].levels",
     "expected a list of tables"),
    ("only-one-level", HEAD + step("a", "open", LEVEL("person", "Persoonlijk")), "steps[1]", "at least two"),
    ("level-without-text", HEAD + step("a", "open", LEVEL("person", "Persoonlijk") + '\n[[steps.levels]]\nid = "x"\n'),
     "steps[1].levels[2]", "missing 'text'"),
    ("level-with-a-colon", HEAD + step("a", "open", LEVEL("person", "Persoonlijk") + LEVEL("org", "Org: intern")),
     "line 18, steps[1].levels[2].text.nl", "no ':'"),
    ("level-called-position", HEAD + step("a", "open", LEVEL("person", "Persoonlijk") + LEVEL("position", "Iets")),
     "line 17, steps[1].levels[2].id", "kept for positions"),
    ("level-text-standpunt", HEAD + step("a", "open", LEVEL("person", "Persoonlijk") + LEVEL("pos", "Standpunt")),
     "steps[1].levels[2].text.nl", "kept for positions"),
    ("two-levels-one-text", HEAD + step("a", "open", LEVEL("person", "Persoonlijk") + LEVEL("self", "persoonlijk")),
     "steps[1].levels[2].text.nl", "already that of level 'person'"),
    ("level-id-is-another-levels-text", HEAD + step("a", "open", LEVEL("person", "Samen") + LEVEL("samen", "Samenwerking")),
     "steps[1].levels[2].id", "already that of level 'person'"),
    ("level-unknown-field", HEAD + step("a", "open", LEVEL("person", "Persoonlijk") + LEVEL("org", "Org")
                                       + 'perspective = "belangen"\n'), "steps[1].levels[2].perspective",
     "unknown field 'perspective'"),
]


def test_there_are_at_least_thirty_malformed_guide_cases_with_distinct_names() -> None:
    names = [case[0] for case in CASES]
    assert len(names) >= 30
    assert len(names) == len(set(names))


def test_the_minimal_guide_the_cases_start_from_is_itself_valid(tmp_path: Path) -> None:
    path = tmp_path / "valid.toml"
    path.write_text(valid_guide(), encoding="utf-8")
    guide = load_guide_file(path)
    assert [s.id for s in guide.steps] == ["a", "b"]
    assert guide.source == str(path)
    for extra, kind in ((SCALE_OK, "scale"), (OPTIONS_OK, "choice"), ("", "statement"), ("", "assign"), ("", "review")):
        load_guide_text(HEAD + step("a", kind, extra))


@pytest.mark.parametrize(("name", "text", "where", "expected"), CASES, ids=[case[0] for case in CASES])
def test_malformed_guide_file_raises_a_one_line_guide_error_naming_file_place_and_expectation(
    tmp_path: Path, name: str, text: str, where: str, expected: str
) -> None:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        load_guide_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: "), message
    assert "\n" not in message, message
    rest = message[len(f"{path}: "):]
    assert re.match(r"line \d+|(guide|steps|author|meta)\b", rest), message
    assert where in message, message
    assert expected in message, message


# --- problems with the file rather than its contents --------------------------------------


def test_guide_file_that_is_not_utf8_names_the_file_the_line_and_the_expected_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(HEAD.encode() + '# co\u00f6peratie\n'.encode("latin-1"))
    with pytest.raises(GuideError, match=re.escape(f"{path}: line 5: not UTF-8")) as caught:
        load_guide_file(path)
    assert "expected a UTF-8" in str(caught.value)


def test_guide_path_that_is_a_directory_names_the_path_and_expects_a_toml_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    with pytest.raises(GuideError, match=re.escape(f"{folder}: is a folder, expected a .toml guide file")):
        load_guide_file(folder)


def test_guide_path_that_does_not_exist_names_the_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(GuideError, match=re.escape(f"{path}: no such file")):
        load_guide_file(path)


def test_guide_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_text(valid_guide() + "#" * MAX_GUIDE_BYTES + "\n", encoding="utf-8")
    with pytest.raises(GuideError, match=re.escape(f"{path}: the file is larger than")):
        load_guide_file(path)


def test_guide_file_over_the_size_limit_in_bytes_but_not_in_characters_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.toml"
    path.write_text(valid_guide() + "#" + "\u00eb" * (MAX_GUIDE_BYTES // 2 + 10) + "\n", encoding="utf-8")
    assert path.stat().st_size > MAX_GUIDE_BYTES
    with pytest.raises(GuideError, match=re.escape(f"{path}: the file is larger than")):
        load_guide_file(path)


def test_guide_nested_too_deeply_for_the_parser_is_a_guide_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(GuideError, match=re.escape(f"{path}: ") + ".*not valid TOML"):
        load_guide_file(path)


# --- the shelf ----------------------------------------------------------------------------


def test_shelf_reports_a_broken_own_guide_by_file_and_keeps_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text(valid_guide().replace('id = "t"', 'id = "mine"'), encoding="utf-8")
    (tmp_path / "broken.toml").write_text(HEAD + step("a", extra="timebox = 0\n"), encoding="utf-8")
    shelf = load_shelf(tmp_path)
    assert shelf.origins["mine"] == "own"
    assert {"procesregie", "pulse", "verkenning"} <= set(shelf.guides)
    assert len(shelf.problems) == 1
    assert shelf.problems[0].startswith(str(tmp_path / "broken.toml"))
    assert "steps[1].timebox" in shelf.problems[0]


def test_shelf_get_with_an_unknown_name_lists_the_known_guides() -> None:
    shelf = load_shelf()
    with pytest.raises(GuideError, match=r"no guide named 'nope' .*procesregie"):
        shelf.get("nope")


def test_shelf_get_with_a_missing_toml_path_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "gone.toml"
    with pytest.raises(GuideError, match=re.escape(f"{path}: no such file")):
        GuideShelf().get(str(path))


def test_shelf_get_with_a_name_too_long_for_the_file_system_is_a_guide_error() -> None:
    with pytest.raises(GuideError):
        GuideShelf().get("a" * 5000)
    with pytest.raises(GuideError):
        GuideShelf().get("a" * 5000 + ".toml")


# --- the built-in guides ------------------------------------------------------------------


@pytest.mark.parametrize("path", builtin_guide_paths(), ids=lambda path: path.stem)
def test_each_builtin_guide_loads_with_dutch_and_english_for_every_text(path: Path) -> None:
    guide = load_guide_file(path)
    assert guide.id == path.stem
    assert guide.languages == ("nl", "en")
    texts = [("title", guide.title), ("description", guide.description)]
    for s in guide.steps:
        texts += [(f"{s.id}.title", s.title), (f"{s.id}.prompt", s.prompt), (f"{s.id}.hint", s.hint)]
        for choice in s.items + s.options + s.bodies + s.rows:
            texts.append((f"{s.id}.{choice.id}", choice.text))
    for where, text in texts:
        assert set(text.values) == {"nl", "en"}, where
        assert all(value.strip() for value in text.values.values()), where


def test_builtin_guides_are_found_and_have_distinct_ids() -> None:
    ids = [load_guide_file(path).id for path in builtin_guide_paths()]
    assert {"procesregie", "pulse", "verkenning"} <= set(ids)
    assert len(ids) == len(set(ids))


# --- fuzzing: a Guide or a GuideError, never anything else --------------------------------

FUZZ = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
SOURCE = "fuzz.toml"
BUILTIN_TEXTS = [path.read_text(encoding="utf-8") for path in builtin_guide_paths()]
BUILTIN_DATA = [tomllib.loads(text) for text in BUILTIN_TEXTS]


def check_outcome(text: str) -> None:
    """Load `text`; it must give a sound Guide or a one-line GuideError naming the source."""
    try:
        guide = load_guide_text(text, SOURCE)
    except GuideError as error:
        message = str(error)
        assert message.startswith(f"{SOURCE}: "), message
        assert "\n" not in message, message
        return
    assert isinstance(guide, Guide)
    assert 1 <= len(guide.steps) <= MAX_STEPS
    assert len({s.id for s in guide.steps}) == len(guide.steps)
    # what a session stores of the guide reads back the same
    assert steps_from_dicts([step_to_dict(s) for s in guide.steps], SOURCE) == guide.steps


def toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value if item is not None) + "]"
    if isinstance(value, dict):
        pairs = (f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items() if v is not None)
        return "{ " + ", ".join(pairs) + " }"
    raise TypeError(type(value))


def is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def toml_table(data: dict[str, Any], name: str, header: str, lines: list[str]) -> None:
    """Write `data` under `header` ([name] / [[name]]), nested arrays of tables as [[name.key]]."""
    if header:
        lines.append(header)
    nested = []
    for key, value in data.items():
        if value is None:
            continue
        if name and is_table_array(value):
            nested.append((key, value))
        elif not name and isinstance(value, dict):
            nested.append((key, value))
        elif not name and is_table_array(value):
            nested.append((key, value))
        else:
            lines.append(f"{toml_key(key)} = {toml_value(value)}")
    for key, value in nested:
        path = f"{name}.{toml_key(key)}" if name else toml_key(key)
        if isinstance(value, dict):
            toml_table(value, path, f"\n[{path}]", lines)
        else:
            for entry in value:
                toml_table(entry, path, f"\n[[{path}]]", lines)


def dump_toml(data: dict[str, Any]) -> str:
    lines: list[str] = []
    toml_table(data, "", "", lines)
    return "\n".join(lines) + "\n"


def test_the_tiny_toml_writer_round_trips_the_builtin_guides() -> None:
    for data in BUILTIN_DATA:
        assert tomllib.loads(dump_toml(data)) == data


json_like = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["open", "vote", "scale", "choice", "review", "pains", "nl", "en", "", "a" * 70, 0, 241, 21]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["nl", "en", "id", "text", "min", "max", "x"]) | st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)


def paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a parsed guide, as a tuple of keys and indexes."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths(value, prefix + (index,))
    return found


def mutate(data: dict[str, Any], draw: Any) -> Any:
    """Pick any place in `data` and delete, replace, rename, duplicate or move what is there."""
    # not the whole file itself; and sampled_from would favour the first places ([guide])
    places = paths(data)[1:]
    if not places:  # everything was deleted already
        return data
    path = draw(st.randoms(use_true_random=True)).choice(places)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    action = draw(st.sampled_from(["delete", "replace", "replace", "rename", "duplicate"]))
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = draw(json_like)
    elif isinstance(parent, dict):  # rename a key, maybe onto another field's name
        name = draw(st.sampled_from(["id", "kind", "source", "dots", "timebox", "items", "title", "unknown"]))
        parent[name] = parent.pop(last)
    else:  # duplicate or move a list entry (a step, an item, …)
        entry = json.loads(json.dumps(parent[last])) if action == "duplicate" else parent.pop(last)
        parent.insert(draw(st.integers(0, len(parent))), entry)
    return data


@FUZZ
@given(st.text())
def test_loading_arbitrary_text_gives_a_guide_or_a_guide_error(text: str) -> None:
    check_outcome(text)


@FUZZ
@given(st.data())
def test_loading_a_structurally_mutated_builtin_guide_gives_a_guide_or_a_guide_error(data: st.DataObject) -> None:
    original = data.draw(st.sampled_from(BUILTIN_DATA))
    mutated = json.loads(json.dumps(original))  # a deep copy; the guides hold no dates
    for _ in range(data.draw(st.integers(1, 3))):
        mutated = mutate(mutated, data.draw)
    check_outcome(dump_toml(mutated))


@FUZZ
@given(st.data())
def test_loading_a_textually_mutated_builtin_guide_gives_a_guide_or_a_guide_error(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(BUILTIN_TEXTS))
    for _ in range(data.draw(st.integers(1, 4))):
        lines = text.split("\n")
        action = data.draw(st.sampled_from(["cut", "insert", "drop-line", "copy-line", "swap-lines"]))
        if action == "cut":
            start = data.draw(st.integers(0, len(text)))
            text = text[:start] + text[start + data.draw(st.integers(1, 40)):]
        elif action == "insert":
            start = data.draw(st.integers(0, len(text)))
            piece = data.draw(st.text(max_size=8) | st.sampled_from(['"', "[", "]", "=", "\n", "{", "[[steps]]\n", "'''", "#"]))
            text = text[:start] + piece + text[start:]
        else:
            index = data.draw(st.integers(0, len(lines) - 1))
            other = data.draw(st.integers(0, len(lines) - 1))
            if action == "drop-line":
                del lines[index]
            elif action == "copy-line":
                lines.insert(other, lines[index])
            else:
                lines[index], lines[other] = lines[other], lines[index]
            text = "\n".join(lines)
    check_outcome(text)


# --- control characters -------------------------------------------------------------------


def test_newlines_and_tabs_are_welcome_in_a_prompt_and_a_hint() -> None:
    guide = load_guide_text(HEAD + step("a", extra='hint = "Eerst dit.\\n\\tDan dat."\n').replace(
        'prompt = { nl = "Vraag?"', 'prompt = { nl = "Vraag?\\nEn nog een"'))
    assert guide.steps[0].hint.get("nl") == "Eerst dit.\n\tDan dat."
    assert guide.steps[0].prompt.get("nl") == "Vraag?\nEn nog een"


def test_a_lone_surrogate_handed_to_the_loader_is_refused_naming_the_field() -> None:
    with pytest.raises(GuideError, match=r"steps\[1\]\.prompt\.en: control character U\+D800"):
        load_guide_text(HEAD + step("a").replace('"Question?"', '"Quest\ud800ion?"'))


def test_a_step_typed_into_a_session_may_hold_any_text_it_is_shown_safely_later() -> None:
    (kept,) = steps_from_dicts([{"id": "extra-1", "kind": "open", "title": {"nl": "Rechts\u202elinks"},
                                 "prompt": {"nl": "\x1b[31m?"}}], "session.json")
    assert kept.title.get("nl") == "Rechts\u202elinks"


def test_guide_check_refuses_an_escape_sequence_with_exit_2_naming_file_and_line(tmp_path: Path, capsys) -> None:
    from workshop.cli.main import run

    path = tmp_path / "kwaad.toml"
    path.write_text(head(title='"Titel\\u001b]0;pwned\\u0007"') + step("a"), encoding="utf-8")
    assert run(["--lang", "en", "guide", "check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"{path}: line 4, guide.title.nl: control character U+001B" in err
    assert "\x1b" not in err


def test_an_open_step_may_say_it_collects_pain_points_and_keeps_saying_so_in_the_session() -> None:
    from workshop.core.compare.indexed import collects_pains

    guide = load_guide_text(HEAD + step("zorgen", extra="pains = true\n") + step("pains", extra="pains = false\n")
                            + step("other"))
    declared, refused, unsaid = guide.steps
    assert (declared.pains, refused.pains, unsaid.pains) == (True, False, None)
    stored = steps_from_dicts([step_to_dict(s) for s in guide.steps], "session.json")
    assert [collects_pains(s) for s in stored] == [True, False, False]
    assert "pains" not in step_to_dict(unsaid)
    with pytest.raises(GuideError, match=r"'pains' does not apply to a scale step"):
        load_guide_text(HEAD + step("a", "scale", "pains = true\n" + SCALE_OK))


def test_a_session_s_steps_are_read_once_while_the_stored_list_is_the_same() -> None:
    guide = load_guide_text(HEAD + step("one") + step("two"))
    stored = [step_to_dict(s) for s in guide.steps]
    first = steps_from_dicts(stored, "session.json")
    assert steps_from_dicts(stored, "session.json") is first  # checking the file, then its view
    again = steps_from_dicts([*stored], "session.json")  # a new list (a changed agenda): read anew
    assert again == first and again is not first
    with pytest.raises(GuideError):
        steps_from_dicts([*stored, {"id": "three", "kind": "nonsense"}], "session.json")
