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


def test_mypy_checks_each_change_as_a_dataclass_and_the_union_as_a_type(tmp_path):
    """Frozen is a dataclass_transform: a wrong construction of a change, or a value that is no
    change where a Change is asked, is a type error (`make lint` runs mypy over the package)."""
    from mypy import api

    snippet = (
        "from workshop.core.session import changes as c\n"
        "def apply(change: c.Change) -> None: ...\n"
        "apply(c.SetNextMeeting('1 december', where='stadhuis'))\n"  # right: no error
        "c.SetNextMeeting()\n"  # line 4: `when` is missing
        "c.Score('scan', 'item', 'Anna', value='four')\n"  # line 5: a score is a number
        "apply('GoTo')\n"  # line 6: a string is no change
    )
    config = tmp_path / "mypy.ini"  # not pyproject's: its `packages` and a snippet exclude each other
    config.write_text("[mypy]\npython_version = 3.11\n")
    out, err, _status = api.run(["--config-file", str(config), "--cache-dir", str(tmp_path / "cache"),
                                 "--no-error-summary", "-c", snippet])
    lines = {line.split(":")[1] for line in out.splitlines() if line.startswith("<string>:") and ": error:" in line}
    assert lines == {"4", "5", "6"}, out + err
