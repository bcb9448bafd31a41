"""Changes are plain, frozen values (workshop/core/session/changes.py)."""

from __future__ import annotations

import dataclasses

import pytest

from workshop.core.session import changes as c


def test_a_change_made_by_keyword_equals_the_same_change_made_by_position():
    by_position = c.AddContribution("step", "text", "partner")
    by_keyword = c.AddContribution(step="step", text="text", partner="partner")
    assert by_position == by_keyword and hash(by_position) == hash(by_keyword)
    assert by_position.participant == "" and by_position.value is None


def test_changes_of_different_kinds_with_the_same_fields_differ():
    assert c.Skip("a") != c.Agree("a")


def test_a_change_cannot_be_altered_once_made():
    change = c.Vote("step", "uid", "partner")
    with pytest.raises(dataclasses.FrozenInstanceError):
        change.change = 5  # type: ignore[misc]
    assert change.change == 1


def test_a_change_missing_a_field_or_given_an_unknown_one_is_refused():
    with pytest.raises(TypeError):
        c.Agree()
    with pytest.raises(TypeError):
        c.Agree("step", colour="red")


def test_each_edit_gets_its_own_fields_when_none_are_given():
    first, second = c.EditContribution("a"), c.EditContribution("b")
    assert first.fields == {} and first.fields is not second.fields


def test_a_change_shows_its_kind_and_fields():
    assert repr(c.Link("a", "b")) == "Link(uid_a='a', uid_b='b')"


def test_a_change_matches_by_position_in_a_match_statement():
    match c.Score("step", "item", "who", 4):
        case c.Score(_step, _item, who, value):
            assert (who, value) == ("who", 4)
        case _:
            pytest.fail("no match")
