"""argparse's own words in the user's language, given by a parser and a help formatter of our
own: the argparse module itself is left as the standard library has it."""

from __future__ import annotations

import argparse
import gettext

import pytest

from workshop.cli.argparse_words import translated
from workshop.cli.main import UserError, build_parser
from workshop.core.text.i18n import language


def test_building_the_parser_leaves_argparse_as_it_was():
    with language("nl"):
        build_parser().format_help()
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]
    plain = argparse.ArgumentParser(prog="other")
    with language("nl"):
        assert plain.format_help().startswith("usage: other") and "options:" in plain.format_help()


def test_the_dutch_help_reads_dutch(capsys):
    with language("nl"):
        shown = build_parser().format_help()
        with pytest.raises(SystemExit):
            build_parser(["serve"]).parse_args(["serve", "--help"])
    serve = capsys.readouterr().out
    assert shown.startswith("gebruik: workshop") and "\nopties:\n" in shown
    assert "deze hulptekst tonen en stoppen" in shown and "usage:" not in shown and "show this help" not in shown
    assert "\nargumenten:\n" in serve and "positional arguments" not in serve


@pytest.mark.parametrize(("argv", "dutch"), [
    (["list", "--status", "maybe"], "argument --status: ongeldige keuze: 'maybe' (kies uit 'open', 'closed')"),
    (["serve"], "deze argumenten ontbreken: SESSION"),
    (["list", "--bogus"], "onbekende argumenten: --bogus"),
    (["--store"], "argument --store: één argument verwacht"),
])
def test_argparse_errors_read_dutch(argv, dutch):
    with language("nl"), pytest.raises(UserError) as raised:
        build_parser(argv).parse_args(argv)
    assert str(raised.value).startswith(dutch)


def test_a_message_argparse_words_otherwise_stays_as_it_is():
    with language("nl"):
        assert translated("something argparse never said") == "something argparse never said"
        assert translated("expected 2 arguments") == "2 argumenten verwacht"
