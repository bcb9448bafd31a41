"""`workshop new` on a terminal: the wizard asks what the flags left out, and Ctrl-C keeps nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from workshop.cli import wizard
from workshop.cli.main import run
from workshop.core.model import Participant

WORKSHOP = str(Path(sys.executable).with_name("workshop"))
NOTHING = {"collaboration": None, "partners": [], "participants": [], "guide": None, "lang": None,
           "title": None, "date": None, "facilitator": None}


class FakePrompts:
    """Questions answered without a terminal.

    `answers` maps a piece of a question's text to its answer, or to a list of answers for a
    question asked more than once. An unanswered question takes what the wizard offers: the
    default, else the first choice, or every checked box. An answer the question's validator
    refuses is recorded in `refused` and the next one is taken, like a person retyping."""

    def __init__(self, answers: dict[str, Any] | None = None) -> None:
        self.answers = {key: list(value) if isinstance(value, list) and value and isinstance(value[0], tuple)
                        else value for key, value in (answers or {}).items()}
        self.asked: list[str] = []
        self.refused: list[str] = []
        self.offered: dict[str, list[Any]] = {}  # question → the values a select or checkbox offered

    def _answer(self, message: str, fallback: Any) -> Any:
        self.asked.append(message)
        for key in sorted(self.answers, key=len, reverse=True):  # the most specific piece wins
            answer = self.answers[key]
            if key in message:
                if isinstance(answer, tuple):  # a queue of answers for a repeated question
                    if not answer:
                        return fallback
                    self.answers[key] = answer[1:]
                    answer = answer[0]
                if isinstance(answer, BaseException):
                    raise answer
                return answer
        return fallback

    def text(self, message: str, default: str = "", validate=None) -> str | None:
        for _attempt in range(10):
            answer = self._answer(message, default)
            verdict = validate(answer) if validate and isinstance(answer, str) else True
            if verdict is True:
                return answer
            self.refused.append(str(verdict))
        raise AssertionError(f"no acceptable answer for {message!r}: {self.refused[-1]}")

    def select(self, message: str, choices: Sequence[tuple[str, Any]], default: Any = None) -> Any:
        answer = self._answer(message, default if default is not None else choices[0][1])
        values = [value for _title, value in choices]
        self.offered[message] = values
        assert answer is None or answer in values, (message, answer, values)
        return answer

    def checkbox(self, message: str, choices: Sequence[tuple[str, Any, bool]]) -> list[Any] | None:
        self.offered[message] = [value for _title, value, _checked in choices]
        return self._answer(message, [value for _title, value, checked in choices if checked])


@pytest.fixture
def on_a_terminal(monkeypatch):
    """`workshop new` believes it runs on a terminal, and its wizard asks `fake`."""

    def use(fake: FakePrompts) -> FakePrompts:
        monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
        monkeypatch.setattr(wizard, "default_prompts", lambda: fake)
        return fake

    return use


def session_files(store) -> list[Path]:
    return sorted(store.sessions_dir.glob("*.json")) if store.sessions_dir.exists() else []


def test_the_wizard_prepares_a_session_for_a_new_collaboration(on_a_terminal, capsys, store):
    fake = on_a_terminal(FakePrompts({
        "Name of the new collaboration": "Zorg Oost",
        "partner": ("Gemeente", "Zorggroep", ""),
        "participant's name": ("Anna", "Bram", ""),
        "Anna is from": "Gemeente",
        "Bram is from": "Zorggroep",
        "Role of Anna": "alliance manager",
        "Which guide": "pulse",
        "language": "nl",
        "Date": "2026-11-20",
        "Who facilitates": "Fleur",
    }))
    assert run(["new", "--json"]) == 0
    created = json.loads(capsys.readouterr().out)
    from workshop.core.session import SessionView

    view = SessionView(store.read_session(created["id"]))
    assert (view.collaboration, view.guide_id, view.lang, view.date) == ("Zorg Oost", "pulse", "nl", "2026-11-20")
    assert view.partners == ["Gemeente", "Zorggroep"]
    assert view.participants == [Participant("Anna", "Gemeente", "alliance manager"), Participant("Bram", "Zorggroep")]
    assert view.title == "Vinger aan de pols"  # the guide's title in the session's language by default
    assert view.meta["facilitator"] == "Fleur"
    assert not any("collaboration is this session for" in message for message in fake.asked)  # none exist yet


def test_the_wizard_asks_only_what_the_flags_left_out(on_a_terminal, capsys):
    fake = on_a_terminal(FakePrompts({"participant's name": ""}))
    assert run(["new", "--collaboration", "Zorg Oost", "--partner", "Gemeente", "--guide", "procesregie",
                "--lang", "en", "--date", "2026-11-20", "--title", "Kick-off", "--facilitator", "Fleur",
                "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Kick-off"
    assert len(fake.asked) == 1 and "participant" in fake.asked[0]


def test_the_wizard_reuses_a_collaborations_partners_and_people_with_changes(on_a_terminal, capsys, store,
                                                                            make_session):
    make_session(partners=("Gemeente", "Zorggroep", "Woonstede"),
                 participants=("Anna@Gemeente:alliance manager", "Bram@Zorggroep", "Cem@Woonstede"))
    anna = Participant("Anna", "Gemeente", "alliance manager")
    fake = on_a_terminal(FakePrompts({
        "Which collaboration": "Zorg Oost",
        "Which partners are at the table": ["Gemeente", "Zorggroep"],  # Woonstede stays away
        "Another partner": ("Scholen West", ""),
        "Who is at the table": [anna],
        "participant's name": ("Dewi", ""),
        "Dewi is from": "Scholen West",
        "Date": "2027-01-15",
    }))
    assert run(["new", "--json"]) == 0
    created = json.loads(capsys.readouterr().out)
    from workshop.core.session import SessionView

    view = SessionView(store.read_session(created["id"]))
    assert view.partners == ["Gemeente", "Zorggroep", "Scholen West"]
    assert view.participants == [anna, Participant("Dewi", "Scholen West")]
    assert view.guide_id == "procesregie" and view.lang == "en"  # as last time
    offered = next(values for message, values in fake.offered.items() if "Who is at the table" in message)
    assert [p.name for p in offered] == ["Anna", "Bram"]  # Cem's Woonstede is not at the table this time


def test_a_new_name_that_matches_an_existing_collaboration_is_that_collaboration(store, shelf, make_session):
    make_session(collaboration="Zorg Oost")
    fake = FakePrompts({"Which collaboration": wizard.NEW, "Name of the new collaboration": "zorg oost",
                        "participant's name": ""})
    answers = wizard.ask_missing(store, shelf, dict(NOTHING), fake)
    assert answers["collaboration"] == "Zorg Oost"
    assert answers["partners"] == ["Gemeente", "Zorggroep", "Woonstede"]


def test_a_bad_date_is_refused_and_asked_again(store, shelf):
    fake = FakePrompts({"Name of the new": "X", "partner": ("A", ""), "participant's name": "",
                        "Date": ("26-11-2026", "2026-11-26")})
    answers = wizard.ask_missing(store, shelf, dict(NOTHING), fake)
    assert answers["date"] == "2026-11-26"
    assert len(fake.refused) == 1 and "26-11-2026" in fake.refused[0]


def test_a_partner_given_twice_is_refused(store, shelf):
    fake = FakePrompts({"Name of the new": "X", "partner": ("A", "a", "B", ""), "participant's name": ""})
    assert wizard.ask_missing(store, shelf, dict(NOTHING), fake)["partners"] == ["A", "B"]
    assert fake.refused == ["'a' is already there"]


@pytest.mark.parametrize("cancel", [KeyboardInterrupt(), None], ids=["ctrl-c", "no-answer"])
@pytest.mark.parametrize("at", ["Name of the new collaboration", "Which guide", "Who facilitates"])
def test_ctrl_c_at_any_question_writes_nothing(on_a_terminal, capsys, store, cancel, at):
    on_a_terminal(FakePrompts({"Name of the new": "Zorg Oost", "partner": ("Gemeente", ""),
                               "participant's name": "", at: cancel}))
    assert run(["new"]) == 130
    captured = capsys.readouterr()
    assert len(captured.err.strip().splitlines()) == 1 and "interrupted" in captured.err
    assert session_files(store) == []


def test_ctrl_c_keeps_an_existing_store_as_it_was(on_a_terminal, capsys, store, make_session):
    make_session()
    before = {path.name: path.read_bytes() for path in session_files(store)}
    on_a_terminal(FakePrompts({"Which guide": KeyboardInterrupt()}))
    assert run(["new"]) == 130
    assert {path.name: path.read_bytes() for path in session_files(store)} == before


# --- the real questionary prompts, fed through a pipe -----------------------------------------

def piped(keys: str):
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    class Piped:
        def __enter__(self):
            self.context = create_pipe_input()
            pipe = self.context.__enter__()
            pipe.send_text(keys)
            return wizard.QuestionaryPrompts(input=pipe, output=DummyOutput())

        def __exit__(self, *exc):
            return self.context.__exit__(*exc)

    return Piped()


DOWN, ENTER, CLEAR_LINE = "\x1b[B", "\r", "\x15"


def test_questionary_prompts_answer_from_typed_keys(store, shelf):
    keys = ("Zorg Oost" + ENTER + "Gemeente" + ENTER + "Zorggroep" + ENTER + ENTER   # collaboration, partners
            + "Anna" + ENTER + DOWN + ENTER + "kwartiermaker" + ENTER + ENTER        # Anna of Zorggroep
            + ENTER + ENTER                                          # procesregie; English (the app's language)
            + CLEAR_LINE + "2026-11-20" + ENTER + ENTER + "Fleur" + ENTER)           # date, title, facilitator
    with piped(keys) as prompts:
        answers = wizard.ask_missing(store, shelf, dict(NOTHING), prompts)
    assert answers == {"collaboration": "Zorg Oost", "partners": ["Gemeente", "Zorggroep"],
                       "participants": [Participant("Anna", "Zorggroep", "kwartiermaker")],
                       "guide": "procesregie", "lang": "en", "date": "2026-11-20",
                       "title": "Steering the process: working session", "facilitator": "Fleur"}


def test_questionary_ctrl_c_raises_keyboard_interrupt(store, shelf):
    with piped("Zorg Oost" + ENTER + "\x03") as prompts, pytest.raises(KeyboardInterrupt):
        wizard.ask_missing(store, shelf, dict(NOTHING), prompts)
    assert session_files(store) == []


# --- no terminal ---------------------------------------------------------------------------------

def test_a_missing_answer_without_a_terminal_is_one_line_and_exit_2_at_once():
    started = time.monotonic()
    result = subprocess.run([WORKSHOP, "--lang", "en", "new", "--partner", "A"], stdin=subprocess.PIPE,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "missing --collaboration, --guide" in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert time.monotonic() - started < 30
