"""Small questions asked over the current screen: a line of text or a note."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, TextArea

from screens.commands import bindings
from screens.widgets.entry import Entry
from workshop.core.text.characters import cleaned
from workshop.core.text.i18n import _


class TextDialog(ModalScreen[str | None]):
    """Ask for one line (Enter saves) or a longer text (ctrl+s saves); Escape cancels."""

    PLACE = "dialog"
    BINDINGS = bindings("dialog")

    def __init__(self, title: str, value: str = "", multiline: bool = False, placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        # A stored text may hold what a phone or an imported file sent: an editable field draws its
        # value raw, so nothing in it may steer the terminal (an OSC could retitle it or fill the clipboard).
        self.value = cleaned(value, lines=multiline)
        self.multiline = multiline
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text, style="bold"), classes="dialog-title")
            if self.multiline:
                area = TextArea(self.value, id="value", soft_wrap=True, show_line_numbers=False)
                area.cursor_blink = not self.app.is_headless
                yield area
                yield Label(Text(_("ctrl+s saves · Escape cancels"), style="dim"))
            else:
                field = Entry(self.value, placeholder=self.placeholder, id="value", select_on_focus=False)
                field.cursor_blink = not self.app.is_headless
                yield field
                if len(self.placeholder) > 30:  # a narrow entry cuts a long example: it is shown whole here
                    yield Label(Text(self.placeholder, style="dim italic"))
                yield Label(Text(_("Enter saves · Escape cancels"), style="dim"))

    def on_mount(self) -> None:
        self.query_one("#value").focus()

    answered = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.answered:  # a second Enter in the same burst finds the answer given
            self.answered = True
            self.dismiss(event.value)

    def action_save(self) -> None:
        if self.multiline:
            self.dismiss(self.query_one("#value", TextArea).text)
        else:
            self.dismiss(self.query_one("#value", Input).value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes-or-no question before something that cannot be undone: y (or j) yes, n or Escape no."""

    PLACE = "confirm"
    BINDINGS = bindings("confirm")

    def __init__(self, question: Text) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm"):
            yield Label(self.question, classes="dialog-title")
            yield Label(Text(_("y yes · n or Escape no"), style="dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class AttendanceDialog(ModalScreen[None]):
    """Who is at the table: per partner present, absent or excused. Each key is saved at once
    (through `write`, the session's one change path); Escape closes."""

    PLACE = "attendance"
    BINDINGS = bindings("attendance")

    def __init__(self, view, write) -> None:
        super().__init__()
        self.view, self.write = view, write

    def compose(self) -> ComposeResult:
        from textual.widgets import OptionList

        with Vertical(classes="dialog", id="attendance"):
            yield Label(Text(_("Who is at the table?"), style="bold"), classes="dialog-title")
            yield OptionList(id="attendance-list")
            yield Label(Text(_("p present · a absent · e excused · space next · "
                               "ctrl+y everyone not yet marked present · "
                               "n short name and group · "
                               "Escape closes"), style="dim"), id="attendance-keys")

    def on_mount(self) -> None:
        self.redraw()
        self.query_one("#attendance-list").focus()

    def statuses(self) -> dict[str, str]:
        recorded = self.view.meta.get("attendance", {}) or {}
        return {p: str(recorded.get(p, "")) for p in self.view.partners}

    def redraw(self) -> None:
        from textual.widgets import OptionList
        from textual.widgets.option_list import Option

        from screens.text import literal

        words = {"present": _("present"), "absent": _("absent"), "excused": _("excused"), "": "·"}
        listing = self.query_one("#attendance-list", OptionList)
        keep = listing.highlighted or 0
        statuses = self.statuses()
        from workshop.core.typed.attribution import cards_of

        cards = cards_of(self.view.meta)

        def line(partner: str, status: str) -> Text:
            shown = Text.assemble((f"{words[status]:<12}", "bold"), literal(partner))
            extra = ", ".join(x for x in (cards[partner].short, cards[partner].group) if x)
            if extra:
                shown.append_text(literal(f"  ({extra})", style="dim"))
            return shown

        listing.set_options([Option(line(p, s), id=p) for p, s in statuses.items()])
        listing.highlighted = min(keep, max(0, len(statuses) - 1))
        counts = {s: list(statuses.values()).count(s) for s in ("present", "absent", "excused")}
        self.query_one(".dialog-title", Label).update(Text(_(
            "Who is at the table? {present} present, {absent} absent, {excused} excused").format(**counts),
            style="bold"))

    def _partner(self) -> str | None:
        from textual.widgets import OptionList

        option = self.query_one("#attendance-list", OptionList).highlighted_option
        return str(option.id) if option is not None else None

    def action_mark(self, status: str) -> None:
        from textual.widgets import OptionList

        from workshop.core.session.changes import SetAttendance

        if (partner := self._partner()) is not None and self.write(SetAttendance(partner, status)):
            listing = self.query_one("#attendance-list", OptionList)
            self.redraw()
            listing.action_cursor_down()

    def action_cycle(self) -> None:
        from workshop.core.session.changes import SetAttendance

        order = ["present", "absent", "excused", ""]
        if (partner := self._partner()) is not None:
            now = self.statuses()[partner]
            if self.write(SetAttendance(partner, order[(order.index(now) + 1) % len(order)])):
                self.redraw()

    def action_everyone(self) -> None:
        from workshop.core.session.changes import SetAttendance

        for partner, status in self.statuses().items():
            if not status:
                self.write(SetAttendance(partner, "present"))
        self.redraw()

    def action_card(self) -> None:
        """A partner's short name (typed as 'Arnhem: …') and group (a mean per group), as 'short, group'."""
        from workshop.core.session.changes import SetPartnerCard
        from workshop.core.typed.attribution import cards_of

        if (partner := self._partner()) is None:
            return
        card = cards_of(self.view.meta)[partner]

        def answered(answer: str | None) -> None:
            if answer is not None:
                short, _comma, group = answer.partition(",")
                self.write(SetPartnerCard(partner, short.strip(), group.strip()))
                self.redraw()

        self.app.push_screen(TextDialog(_("Short name and group of {partner}, as: short name, group").format(
            partner=partner), f"{card.short}, {card.group}" if card.group else card.short,
            placeholder=_("e.g. Arnhem, gemeenten")), answered)

    def action_close(self) -> None:
        self.dismiss(None)


def ask(app, title: str, start: str, placeholder: str, accept: Callable[[str], bool]) -> None:
    """A line of text in a dialog. When `accept` refuses it (it says why), the dialog opens again
    with what was typed, so nothing typed is lost; Escape gives up."""

    def answered(answer: str | None) -> None:
        if answer is not None and not accept(answer):
            ask(app, title, answer, placeholder, accept)

    app.push_screen(TextDialog(title, start, placeholder=placeholder), answered)
