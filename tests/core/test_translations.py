"""The Dutch catalogue: every string a user sees is translated, compiled, and used.

Source strings are English and marked with `_()`, `N_()` or `ngettext()`; `make translations`
extracts them into workshop/locale/nl/LC_MESSAGES/workshop.po and compiles workshop.mo (which
ships in the wheel). A string added to the code without a Dutch translation fails here, with
the list of what is missing.
"""

from __future__ import annotations

import gettext
import io
import os
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from workshop.core.text.i18n import locale_folder

ROOT = Path(__file__).parents[2]
SOURCES = ("workshop", "screens")
# The same keywords as `pybabel extract -k _ -k N_ -k ngettext:1,2` in the Makefile.
KEYWORDS = {**DEFAULT_KEYWORDS, "_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
CONTEXT = "\x04"  # a message with a context is found as "<context>\x04<message>", as gettext keeps it
PO = locale_folder() / "nl" / "LC_MESSAGES" / "workshop.po"
MO = locale_folder() / "nl" / "LC_MESSAGES" / "workshop.mo"


def read_catalogue():
    with PO.open("rb") as handle:
        return read_po(handle, locale="nl", domain="workshop")


def extracted() -> dict[str | tuple[str, ...], list[str]]:
    """Every message marked in the source, with where it is (file:line)."""
    found: dict[str | tuple[str, ...], list[str]] = {}
    for folder in SOURCES:
        for filename, lineno, message, _comments, context in extract_from_dir(
                ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS):
            if isinstance(message, (list, tuple)):
                message = tuple(message)
            if context:
                message = f"{context}{CONTEXT}{message}"
            found.setdefault(message, []).append(f"{folder}/{filename}:{lineno}")
    return found


def forms(text: str | tuple[str, ...]) -> tuple[str, ...]:
    return (text,) if isinstance(text, str) else tuple(text)


def fields(text: str) -> set[tuple[str, str]]:
    """The {placeholders} of a str.format pattern, with their format spec."""
    return {(name, spec or "") for _literal, name, spec, _conversion in string.Formatter().parse(text)
            if name is not None}


def catalogue_in(mo_bytes: bytes) -> dict:
    return gettext.GNUTranslations(io.BytesIO(mo_bytes))._catalog  # type: ignore[attr-defined]


# --- (a) everything marked in the code has a Dutch translation ------------------------------------

def test_extraction_finds_the_strings_of_the_core_and_of_the_screens():
    found = extracted()
    places = {place.split("/")[0] for where in found.values() for place in where}
    assert places == {"workshop", "screens"}
    # a Binding description (N_), a plural (ngettext) and a plain _() are all caught
    assert "Next step" in found
    assert ("{count} dot", "{count} dots") in found
    assert "No sessions yet. Prepare one with `workshop new`, or start `workshop` for a demo." in found
    assert len(found) > 300


def test_every_marked_string_has_a_dutch_translation():
    catalogue = read_catalogue()
    missing = []
    for msgid, where in sorted(extracted().items(), key=lambda item: forms(item[0])):
        context, _sep, bare = msgid.rpartition(CONTEXT) if isinstance(msgid, str) else (None, "", msgid)
        entry = catalogue.get(bare, context=context or None)
        if entry is None or forms(entry.id) != forms(bare):
            missing.append(f"{msgid!r} (not in the .po; from {where[0]})")
        elif entry.fuzzy:
            missing.append(f"{msgid!r} (fuzzy)")
        elif not all(form.strip() for form in forms(entry.string)):
            missing.append(f"{msgid!r} (empty; from {where[0]})")
    assert not missing, ("Run `make translations` and translate these in " + str(PO.relative_to(ROOT))
                         + ":\n  " + "\n  ".join(missing))


def test_the_catalogue_has_no_leftovers():
    catalogue = read_catalogue()
    assert not catalogue.obsolete, "obsolete entries: run `make translations`"
    assert not [m.id for m in catalogue if m.id and m.fuzzy], "fuzzy entries must be checked and unmarked"
    assert catalogue.num_plurals == 2
    assert catalogue.plural_expr.replace(" ", "") in ("(n!=1)", "n!=1")


# --- (b) the compiled .mo is the .po ----------------------------------------------------------------

def test_the_compiled_catalogue_matches_the_po():
    assert MO.is_file(), "run `make translations` (pybabel compile) and commit workshop.mo"
    expected = io.BytesIO()
    write_mo(expected, read_catalogue())
    shipped = catalogue_in(MO.read_bytes())
    wanted = catalogue_in(expected.getvalue())
    shipped.pop("", None), wanted.pop("", None)  # the header
    stale = sorted({str(key) for key in set(shipped) ^ set(wanted)}
                   | {str(key) for key in set(shipped) & set(wanted) if shipped[key] != wanted[key]})
    assert not stale, "workshop.mo is older than workshop.po; run `make translations`:\n  " + "\n  ".join(stale[:20])


def test_gettext_loads_the_dutch_catalogue_from_the_locale_folder():
    loaded = gettext.translation("workshop", locale_folder(), languages=["nl"])  # raises if missing
    for entry in read_catalogue():
        if not entry.id:
            continue
        if entry.pluralizable:
            singular, plural = entry.id[:2]
            assert loaded.ngettext(singular, plural, 1) == entry.string[0]
            assert loaded.ngettext(singular, plural, 2) == entry.string[1]
        elif entry.context:
            assert loaded.pgettext(entry.context, entry.id) == entry.string
        else:
            assert loaded.gettext(entry.id) == entry.string


# --- (c) the translations keep the placeholders and the shape of the source ---------------------------

def test_placeholders_are_the_same_in_msgid_and_msgstr():
    wrong = []
    for entry in read_catalogue():
        if not entry.id:
            continue
        ids, strings = forms(entry.id), forms(entry.string)
        for number, translated in enumerate(strings):
            source = ids[min(number, len(ids) - 1)]
            if fields(source) != fields(translated):
                wrong.append(f"{source!r} -> {translated!r}")
    assert not wrong, "placeholders differ:\n  " + "\n  ".join(wrong)


def test_translations_format_like_their_source():
    """Filled in as the code fills them in, a translation neither raises nor loses a value."""
    for entry in read_catalogue():
        if not entry.id:
            continue
        for source, translated in zip(forms(entry.id) * 2, forms(entry.string)):
            values = {name: 1.5 if spec else f"<{name}>" for name, spec in fields(source)}
            result = translated.format(**values)
            for name, spec in fields(source):
                if not spec:
                    assert f"<{name}>" in result, (entry.id, translated)


def test_one_line_messages_stay_one_line_and_keep_their_edges():
    for entry in read_catalogue():
        if not entry.id:
            continue
        for source, translated in zip(forms(entry.id) * 2, forms(entry.string)):
            assert translated.count("\n") == source.count("\n"), (source, translated)
            # text that is glued to more text ("Comparing 3 sessions of " + name) keeps its space
            assert translated.endswith(" ") == source.endswith(" "), (source, translated)
            assert translated.startswith(" ") == source.startswith(" "), (source, translated)


def test_key_names_are_not_translated():
    for entry in read_catalogue():
        if not entry.id:
            continue
        for source, translated in zip(forms(entry.id) * 2, forms(entry.string)):
            for key in ("ctrl+", "F1", "Enter", "Escape", "Tab", "--"):
                assert source.count(key) <= translated.count(key), (key, source, translated)


# --- (d) the language switch ------------------------------------------------------------------------

def test_use_language_switches_between_dutch_and_english():
    from workshop.core.text.i18n import _, language, ngettext, use_language

    use_language("nl")
    assert _("Compare sessions") == "Sessies vergelijken"
    assert _("Next step") == "Volgende stap"
    assert _("consent given") == "instemming gegeven"
    assert ngettext("{count} dot", "{count} dots", 1).format(count=1) == "1 stip"
    assert ngettext("{count} dot", "{count} dots", 3).format(count=3) == "3 stippen"
    use_language("en")
    assert _("Compare sessions") == "Compare sessions"
    assert ngettext("{count} dot", "{count} dots", 3).format(count=3) == "3 dots"
    with language("nl"):
        assert _("still open") == "nog open"
    assert _("still open") == "still open"


def test_binding_descriptions_are_translated_when_shown():
    """Bindings hold the English (N_); the footer and the help translate them at display time."""
    from screens.session import SessionScreen
    from workshop.core.text.i18n import _, use_language

    descriptions = [binding.description for binding in SessionScreen.BINDINGS if binding.description]
    assert "Next step" in descriptions
    use_language("nl")
    assert [_(words) for words in descriptions] != descriptions
    assert _("Next step") == "Volgende stap"


# --- (e) the command line in Dutch --------------------------------------------------------------------

def test_the_command_line_speaks_dutch_with_lang_nl(capsys: pytest.CaptureFixture[str]):
    from workshop.cli.main import run

    assert run(["--lang", "nl", "list"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Nog geen sessies" in out
    assert "workshop new" in out  # the command itself is not translated
    assert "No sessions yet" not in out


def test_the_command_line_stays_english_with_lang_en(capsys: pytest.CaptureFixture[str]):
    from workshop.cli.main import run

    assert run(["--lang", "en", "list"]) == 0
    assert "No sessions yet" in " ".join(capsys.readouterr().out.split())


def test_the_guide_list_has_dutch_headings(capsys: pytest.CaptureFixture[str]):
    from workshop.cli.main import run

    assert run(["--lang", "nl", "guide", "list"]) == 0
    out = capsys.readouterr().out
    assert "Draaiboeken" in out and "stappen" in out and "ingebouwd" in out


# --- (f) errors of the store and of the guide checker, through the real command ------------------------

WORKSHOP = str(Path(sys.executable).with_name("workshop"))


def real_command(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed `workshop` command, without $WORKSHOP_LANG: only --lang picks the language."""
    env = {name: value for name, value in os.environ.items() if name != "WORKSHOP_LANG"}
    return subprocess.run([WORKSHOP, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=60, env=env, cwd=cwd)


BROKEN_GUIDE = """\
[guide]
id = "broken"
title = { nl = "Kapot", en = "Broken" }

[[steps]]
id = "first"
kind = "open"
title = "Eerste"
prompt = "Wat speelt er?"
timebox = "tien"
"""


@pytest.mark.parametrize("lang, expected", [
    ("nl", "workshop: geen sessie '20990101-zzzzzz' in {store} (zie `workshop list`)"),
    ("en", "workshop: no session '20990101-zzzzzz' in {store} (see `workshop list`)"),
])
def test_a_store_error_speaks_the_language_of_the_command_line(tmp_path: Path, lang: str, expected: str):
    store = tmp_path / "store"
    result = real_command("--lang", lang, "--store", str(store), "show", "20990101-zzzzzz")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == expected.format(store=store)


@pytest.mark.parametrize("lang, expected", [
    ("nl", "workshop: BROKEN.toml: regel 10, steps[1].timebox: een geheel getal van 1 tot en met 240 verwacht, "
           "gevonden: 'tien'"),
    ("en", "workshop: BROKEN.toml: line 10, steps[1].timebox: expected a whole number from 1 to 240, got 'tien'"),
])
def test_a_guide_check_error_speaks_the_language_of_the_command_line(tmp_path: Path, lang: str, expected: str):
    (tmp_path / "BROKEN.toml").write_text(BROKEN_GUIDE)
    result = real_command("--lang", lang, "guide", "check", "BROKEN.toml", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == expected


def test_without_lang_the_command_line_errors_are_dutch(tmp_path: Path):
    result = real_command("--store", str(tmp_path / "store"), "show", "20990101-zzzzzz")
    assert result.returncode == 2
    assert "geen sessie '20990101-zzzzzz'" in result.stderr and "no session" not in result.stderr


@pytest.mark.parametrize("lang, expected", [
    ("nl", "workshop: argument --status: ongeldige keuze: 'maybe' (kies uit 'open', 'closed') "
           "(zie `workshop list --help`)"),
    ("en", "workshop: argument --status: invalid choice: 'maybe' (choose from 'open', 'closed') "
           "(see `workshop list --help`)"),
])
def test_argparse_own_words_speak_the_language_of_the_command_line(tmp_path: Path, lang: str, expected: str):
    result = real_command("--lang", lang, "--store", str(tmp_path / "store"), "list", "--status", "maybe")
    assert result.returncode == 2 and result.stderr.strip() == expected
    usage = real_command("--lang", lang, "--help").stdout
    assert usage.startswith("gebruik: workshop" if lang == "nl" else "usage: workshop")


def test_every_argparse_message_we_translate_is_one_argparse_uses():
    """If a Python version rewords one, it falls back to English; this says which to update."""
    import argparse
    import inspect

    from workshop.cli.argparse_words import ARGPARSE_WORDS

    source = inspect.getsource(argparse)
    assert [word for word in ARGPARSE_WORDS if repr(word)[1:-1] not in source] == []


def test_a_message_context_gives_one_english_word_two_dutch_ones():
    from workshop.core.text.i18n import _, language, pgettext

    with language("nl"):
        assert pgettext("text", "agreed") == "vastgesteld"  # an agreed text
        assert _("agreed") == "afgesproken"  # agreed actions
    with language("en"):
        assert pgettext("text", "agreed") == "agreed"


def test_extraction_finds_messages_with_a_context():
    assert f"text{CONTEXT}agreed" in extracted()
