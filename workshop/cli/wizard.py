"""The questions `workshop new` asks on a terminal, for whatever the flags left out.

`ask_missing(store, shelf, answers)` fills in the answers and returns them; it writes nothing,
so Ctrl-C at any question leaves the store as it was (the KeyboardInterrupt goes up to
`workshop.cli.main`, which says so in one line and exits 130). The questions go through a
`Prompts` object: questionary on a real terminal, a fake in tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from workshop.core.guides import GuideShelf
from workshop.core.machine import clock
from workshop.core.making.prepare import PrepareError, check_date, clean_name, collaboration_details, collaborations
from workshop.core.model import LANGUAGES, Participant
from workshop.core.store import Store
from workshop.core.text.i18n import _, current_language

Validator = Callable[[str], "bool | str"]
NEW = object()  # the "create a new collaboration" choice
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


class Prompts(Protocol):
    """One question at a time; each returns the answer, or None (or raises KeyboardInterrupt) on Ctrl-C."""

    def text(self, message: str, default: str = "", validate: Validator | None = None) -> str | None: ...

    def select(self, message: str, choices: Sequence[tuple[str, Any]], default: Any = None) -> Any: ...

    def checkbox(self, message: str, choices: Sequence[tuple[str, Any, bool]]) -> list[Any] | None: ...


class QuestionaryPrompts:
    """The real questions, with questionary. `options` go to prompt_toolkit (tests pass a pipe input)."""

    def __init__(self, **options: Any) -> None:
        self.options = options

    def text(self, message: str, default: str = "", validate: Validator | None = None) -> str | None:
        import questionary

        return questionary.text(message, default=default, validate=validate, **self.options).unsafe_ask()

    def select(self, message: str, choices: Sequence[tuple[str, Any]], default: Any = None) -> Any:
        import questionary

        made = [questionary.Choice(title, value) for title, value in choices]
        chosen = next((c for c in made if c.value is default or c.value == default), None)
        return questionary.select(message, made, default=chosen, instruction=_("(arrow keys, Enter chooses)"),
                                  **self.options).unsafe_ask()

    def checkbox(self, message: str, choices: Sequence[tuple[str, Any, bool]]) -> list[Any] | None:
        import questionary

        made = [questionary.Choice(title, value, checked=checked) for title, value, checked in choices]
        return questionary.checkbox(message, made, instruction=_("(arrow keys, space ticks, Enter when done)"),
                                    **self.options).unsafe_ask()


def default_prompts() -> Prompts:
    """The prompts `ask_missing` uses when none are given (tests may replace this function)."""
    return QuestionaryPrompts()


def ask_missing(store: Store, shelf: GuideShelf, answers: dict[str, Any],
                prompts: Prompts | None = None) -> dict[str, Any]:
    """Ask for every answer the flags left out; returns the answers, complete. Writes nothing."""
    ask = _Asker(prompts or default_prompts())
    answers = dict(answers)
    known = collaborations(store)

    if not answers.get("collaboration"):
        answers["collaboration"] = _ask_collaboration(ask, list(known))
    name = _known_spelling(answers["collaboration"], list(known))
    details = collaboration_details(store, name) if name in known else None
    latest = known[name][0] if name in known else None

    if not answers.get("partners"):
        answers["partners"] = _ask_partners(ask, details.partners if details else [])
    if not answers.get("participants"):
        names = [spec.partition("=")[0].strip() for spec in answers["partners"]]  # "NAME=SHORT" typed
        answers["participants"] = _ask_participants(ask, names, details.participants if details else [])

    if not answers.get("guide"):
        default_guide = latest.guide if latest and latest.guide in shelf.guides else "procesregie"
        choices = [(f"{guide.title.get(current_language())} ({guide.id}, "
                    + _("{count} steps, about {minutes} minutes").format(count=len(guide.steps), minutes=guide.minutes)
                    + ")", guide.id) for guide in shelf.guides.values()]
        answers["guide"] = ask.select(_("Which guide do you run?"), choices, default=default_guide)

    if not answers.get("lang"):
        default_lang = latest.lang if latest and latest.lang in LANGUAGES else current_language()
        answers["lang"] = ask.select(_("In which language is the session?"),
                                     [(LANGUAGE_NAMES[lang], lang) for lang in LANGUAGES], default=default_lang)

    if not answers.get("date"):
        answers["date"] = check_date(ask.text(_("Date of the meeting (YYYY-MM-DD):"),
                                              default=clock.today().isoformat(), validate=_valid_date))

    if not answers.get("title"):
        guide = shelf.guides.get(answers["guide"])
        default_title = guide.title.get(answers["lang"]) if guide else ""
        answers["title"] = ask.text(_("Title of the session:"), default=default_title,
                                    validate=_valid_name(_("the title"))).strip()

    if not answers.get("facilitator"):
        default_facilitator = latest.facilitator if latest else ""
        answers["facilitator"] = ask.text(_("Who facilitates? (may stay empty)"), default=default_facilitator,
                                          validate=_valid_name(_("the facilitator's name"), optional=True)).strip()
    return answers


class _Asker:
    """Prompts that never answer None: a cancelled question is a KeyboardInterrupt."""

    def __init__(self, prompts: Prompts) -> None:
        self.prompts = prompts

    @staticmethod
    def _given(answer: Any) -> Any:
        if answer is None:
            raise KeyboardInterrupt
        return answer

    def text(self, message: str, default: str = "", validate: Validator | None = None) -> str:
        return self._given(self.prompts.text(message, default=default, validate=validate))

    def select(self, message: str, choices: Sequence[tuple[str, Any]], default: Any = None) -> Any:
        return self._given(self.prompts.select(message, choices, default=default))

    def checkbox(self, message: str, choices: Sequence[tuple[str, Any, bool]]) -> list[Any]:
        return list(self._given(self.prompts.checkbox(message, choices)))


# --- the questions -----------------------------------------------------------------------------


def _ask_collaboration(ask: _Asker, known: list[str]) -> str:
    if known:
        choices = [(name, name) for name in known] + [(_("A new collaboration…"), NEW)]
        chosen = ask.select(_("Which collaboration is this session for?"), choices, default=known[0])
        if chosen is not NEW:
            return chosen
    typed = ask.text(_("Name of the new collaboration:"), validate=_valid_name(_("the collaboration's name")))
    return _known_spelling(clean_name(typed, _("the collaboration's name")), known)


def _ask_partners(ask: _Asker, earlier: list[str]) -> list[str]:
    partners: list[str] = []
    if earlier:
        partners = ask.checkbox(_("Which partners are at the table? (space to leave one out)"),
                                [(name, name, True) for name in earlier])
    while True:
        # "Gemeente Arnhem=Arnhem" gives a short name, as --partner does
        message = _("Another partner (empty when done):") if partners else \
            _("A partner organisation (NAME, or NAME=SHORT NAME):")
        typed = ask.text(message, validate=_valid_new_name(_("a partner's name"), partners, optional=bool(partners)))
        if not typed.strip():
            return partners
        partners.append(clean_name(typed, _("a partner's name")))


def _ask_participants(ask: _Asker, partners: list[str], earlier: list[Participant]) -> list[Participant]:
    folded = {p.casefold(): p for p in partners}
    people: list[Participant] = []
    reusable = [p for p in earlier if p.partner.casefold() in folded]
    if reusable:
        people = ask.checkbox(_("Who is at the table? (space to leave someone out)"),
                              [(_label(p), p, True) for p in reusable])
    while True:
        message = (_("Another participant's name (empty when done):") if people
                   else _("A participant's name (empty when done):"))
        name = ask.text(message, validate=_valid_name(_("a participant's name"), optional=True)).strip()
        if not name:
            return people
        partner = ask.select(_("{name} is from which partner?").format(name=name), [(p, p) for p in partners],
                             default=partners[0])
        role = ask.text(_("Role of {name} (may stay empty):").format(name=name),
                        validate=_valid_name(_("the role"), optional=True)).strip()
        people.append(Participant(name=clean_name(name, _("a participant's name")), partner=partner, role=role))


def _label(person: Participant) -> str:
    return f"{person.name} ({person.partner}, {person.role})" if person.role else person.label()


def _known_spelling(name: str, known: list[str]) -> str:
    """`zorg oost` typed for the existing `Zorg Oost` is the same collaboration."""
    return next((other for other in known if other.casefold() == name.strip().casefold()), name.strip())


# --- validation (True, or the line to show under the question) ------------------------------------


def _valid_name(what: str, optional: bool = False) -> Validator:
    def check(value: str) -> bool | str:
        if optional and not value.strip():
            return True
        try:
            clean_name(value, what)
        except PrepareError as error:
            return str(error)
        return True

    return check


def _valid_new_name(what: str, taken: list[str], optional: bool) -> Validator:
    def check(value: str) -> bool | str:
        verdict = _valid_name(what, optional)(value)
        if verdict is True and value.strip().casefold() in {t.casefold() for t in taken}:
            return _("'{name}' is already there").format(name=value.strip())
        return verdict

    return check


def _valid_date(value: str) -> bool | str:
    try:
        check_date(value.strip() or "x")
    except PrepareError as error:
        return str(error)
    return True
