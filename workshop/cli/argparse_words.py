"""argparse's own words ("usage:", "options", "invalid choice …") in the user's language, without
changing the argparse module: a parser and a help formatter that translate what they show.

The help's headings and usage prefix are translated as the formatter writes them; an error
message, which argparse has already put together in English, is matched against argparse's own
message ids and put together again from their translation. An id our catalogue lacks, or a
message a newer Python words otherwise, comes back unchanged (English). The ids below are
argparse's own (Python 3.11), listed here so that `make translations` extracts them.
"""

from __future__ import annotations

import argparse
import re
from functools import cache
from typing import Any

from workshop.core.text.i18n import N_, _, ngettext

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
PLURAL_WORDS = ("expected %s argument", "expected %s arguments")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sr]|%[sr]")


def _plural_words(count: int) -> str:  # never called: marks argparse's plural for extraction
    return ngettext("expected %s argument", "expected %s arguments", count)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each message id with a pattern that finds its parts in the English message; the ids
    with the most fixed words first, so that the general `argument …: …` is tried last."""
    found = []
    for template in (*ARGPARSE_WORDS, *PLURAL_WORDS):
        if not PLACEHOLDER.search(template):
            found.append((template, re.compile(re.escape(template))))
            continue
        pattern, start = "", 0
        for number, match in enumerate(PLACEHOLDER.finditer(template)):
            pattern += re.escape(template[start:match.start()]) + f"(?P<{match.group(1) or f'_{number}'}>.+?)"
            start = match.end()
        found.append((template, re.compile(pattern + re.escape(template[start:]), re.DOTALL)))
    return tuple(sorted(found, key=lambda item: -len(PLACEHOLDER.sub("", item[0]))))


def translated(message: str) -> str:
    """An argparse message in the current language: its id's translation with the same parts."""
    for template, pattern in _patterns():
        match = pattern.fullmatch(message)
        if match is None:
            continue
        parts = match.groupdict()
        if "message" in parts:
            parts["message"] = translated(parts["message"])
        if template in PLURAL_WORDS:
            count = parts["_0"]
            words = ngettext(*PLURAL_WORDS, int(count) if count.isdigit() else 2)
        else:
            words = _(template)
        numbered = iter(value for name, value in parts.items() if name.startswith("_"))
        return PLACEHOLDER.sub(lambda found: parts[found.group(1)] if found.group(1) else next(numbered, ""),  # noqa: B023
                               words)  # (called here, in this iteration)
    return message


class TranslatedHelp(argparse.HelpFormatter):
    """A help text whose usage prefix and section headings are in the user's language."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_(heading) if heading else heading)  # "options"; ours are translated already


class TranslatedParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks the user's language in its help and in its errors."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", TranslatedHelp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=_("show this help message and exit"))

    def error(self, message: str) -> Any:
        super().error(translated(message))
