"""argparse's own words ("usage:", "invalid choice …") in the user's language.

argparse looks its messages up through its module-level `_` and `ngettext` each time it uses
them, so pointing those at our catalogue translates them; an id our catalogue lacks comes back
unchanged. The ids below are argparse's own (Python 3.11), listed here so that
`make translations` extracts them.
"""

from __future__ import annotations

import argparse

from workshop.i18n import N_, _, ngettext

ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def _plural_words(count: int) -> str:  # never called: marks argparse's plural for extraction
    return ngettext("expected %s argument", "expected %s arguments", count)


def install() -> None:
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
