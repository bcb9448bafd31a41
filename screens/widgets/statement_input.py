"""Statement steps: one shared text the group rewrites until it is agreed; every version is kept."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screens.commands import bindings
from screens.text import literal
from screens.widgets.base import PromptInput
from screens.widgets.entry import Entry as Input
from workshop.core.outcomes.carry import CARRIED_MARK
from workshop.core.session.changes import Agree, Revise
from workshop.core.text.characters import cleaned
from workshop.core.text.i18n import N_, _, pgettext


def one_line_entry(text: str) -> str:
    """A text as the one-line entry holds it: its lines joined by " / " (a text of several lines
    is rewritten in the editor of lines, where its lines stay)."""
    if "\n" not in cleaned(text):
        return cleaned(text, lines=False)
    return " / ".join(line.strip() for line in cleaned(text).splitlines() if line.strip())


class StatementInput(PromptInput):
    FOCUS = "#entry"
    HELP_TITLE = N_("Statement step")

    PLACE = "statement"
    BINDINGS = bindings("statement")

    def compose(self) -> ComposeResult:
        yield Static(id="statement", classes="statement")
        # The entry holds the text being rewritten: Enter saves exactly what it holds then as a
        # new version and leaves it there to rewrite further.
        # A text of several lines (a pilot card, a list) is written in the editor of lines
        # (ctrl+e); a paste of lines opens it, so the lines are kept and seen before they are saved.
        yield Input(placeholder=_("Rewrite the text; Enter saves a new version; ctrl+e: several lines"), id="entry",
                    disabled=self.read_only, select_on_focus=False, paste_lines="keep")
        yield Static(Text(_("Earlier versions"), style="bold"), classes="section-title")
        yield OptionList(id="revisions", classes="revisions")

    def on_mount(self) -> None:
        self.show(self.view)
        latest = self.view.statement(self.step.id)
        self.query_one("#entry", Input).value = one_line_entry(latest.text) if latest else ""  # drawn raw

    def show(self, view) -> None:
        super().show(view)
        latest = view.statement(self.step.id)
        statement = self.query_one("#statement", Static)
        if latest is None:
            statement.update(Text(_("No text yet: type the first version below."), style="italic"))
        else:
            mark = Text(" ✔ " + pgettext("text", "agreed"), style="bold") if latest.value is True else \
                Text(" " + _("draft, not agreed yet"), style="italic")
            statement.update(Text.assemble(literal(latest.text, style="bold"), "\n", mark))
        options = []
        earlier = list(enumerate(view.revisions(self.step.id), start=1))[:-1]  # the current text is above
        for number, revision in reversed(earlier):
            line = Text(f"{number:>2}. ", style="dim")
            line.append(literal(revision.text))
            if revision.value is True:
                line.append("  ✔ " + pgettext("text", "agreed"), style="bold")
            if revision.item == CARRIED_MARK:
                line.append("  (" + _("from last session") + ")", style="italic")
            options.append(Option(line))
        self.query_one("#revisions", OptionList).set_options(options)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        latest = self.view.statement(self.step.id)
        if latest is not None and "\n" in latest.text and event.value == one_line_entry(latest.text):
            return  # the text of lines as the entry shows it, unchanged: no version without its lines
        if event.value.strip():  # the same text again makes no new version (the core checks)
            self.want(Revise(self.step.id, event.value))

    def action_lines(self, text: str | None = None) -> None:
        """ctrl+e: the text in an editor of lines (ctrl+s saves a new version, Escape cancels)."""
        if self.read_only:
            return
        if text is None:
            latest = self.view.statement(self.step.id)
            typed = self.query_one("#entry", Input).value
            text = latest.text if latest is not None and typed == one_line_entry(latest.text) else typed

        def answered(answer: str | None) -> None:
            entry = self.query_one("#entry", Input)
            if answer is not None and answer.strip():
                text = "\n".join(line.rstrip() for line in answer.strip("\n").splitlines())
                self.want(Revise(self.step.id, text))
                entry.value = one_line_entry(text)
            entry.focus()

        from screens.dialogs import TextDialog  # here: most statements never need it

        self.app.push_screen(TextDialog(self.text_of(self.step.title), text, multiline=True), answered)

    def on_entry_lines(self, event: Input.Lines) -> None:
        event.stop()
        self.action_lines(event.text)

    def action_agree(self) -> None:
        if self.view.statement(self.step.id) is None:
            self.notify(_("There is no text to agree on yet."))
        else:
            self.want(Agree(self.step.id))

    def action_clear(self) -> None:
        """Empty the entry to write a new text from scratch (nothing is saved until Enter)."""
        entry = self.query_one("#entry", Input)
        entry.value = ""
        entry.focus()

    # "Agreed" shows in the statement's box above the entry (no toast over the entry).
