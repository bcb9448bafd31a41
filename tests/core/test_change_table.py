"""Every kind of change is declared once and agreed on in three places: its class in
workshop.core.session.changes, the `Change` union that names what `apply` takes, and the rule table
that makes it. A class missing from one of them is a change nobody can type-check or apply."""

from __future__ import annotations

import inspect
from typing import get_args

from workshop.core.session import changes as c
from workshop.core.session.rules import APPLY


def declared() -> set[type]:
    return {cls for _name, cls in inspect.getmembers(c, inspect.isclass)
            if issubclass(cls, c.Frozen) and cls is not c.Frozen and cls.__module__ == c.__name__}


def test_every_change_class_is_in_the_union_and_the_rule_table():
    assert declared() - set(get_args(c.Change)) == set(), "missing from the Change union"
    assert declared() - set(APPLY) == set(), "missing from the rule table (rules.APPLY)"


def test_the_union_and_the_rule_table_name_only_change_classes():
    assert set(get_args(c.Change)) == set(APPLY) == declared()
