"""The summary: everything agreed, large enough to read out; the group confirms and the session closes."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from screens.commands import bindings
from screens.text import literal
from screens.widgets.footer import TranslatedFooter
from workshop.core.model import ConsentStatus
from workshop.core.outcomes.summary import ACTIONS_KEY, SummaryLine, SummarySection, consent_label, summarise
from workshop.core.session import SessionView
from workshop.core.text.i18n import _, ngettext
from workshop.present.room import attendance
from workshop.present.summary import section_text


def fold(section: SummarySection) -> SummarySection:
    """A table of 27 partners gives long sections: 'not needed' consents become one line per body,
    and a scale item's scores are left to the minutes (its mean and spread stay)."""
    not_needed = consent_label(str(ConsentStatus.NOT_NEEDED))
    folded: dict[str, list[str]] = {}
    lines: list[SummaryLine] = []
    for line in section.lines:
        if line.status == not_needed:
            folded.setdefault(line.text, []).append(line.who)
        elif len(line.who) > 80 and line.status and section.key != ACTIONS_KEY:
            lines.append(replace(line, who=""))
        else:
            lines.append(line)
    for body, partners in folded.items():
        lines.append(SummaryLine(body, ngettext("{count} partner", "{count} partners", len(partners)).format(
            count=len(partners)), status=not_needed))
    return replace(section, lines=tuple(lines))


def attendance_text(view: SessionView) -> Text | None:
    """'Present 24 of 27 · absent: … · excused: …', when attendance was recorded."""
    status = attendance(view)
    if not any(status.values()):
        return None
    present = sum(1 for s in status.values() if s == "present")
    line = Text(_("Attendance"), style="bold")
    line.append("\n" + _("{present} of {total} partners present").format(present=present, total=len(status)))
    for key, label in (("absent", _("absent")), ("excused", _("excused"))):
        names = [p for p, s in status.items() if s == key]
        if names:
            line.append(" · " + label + ": ")
            line.append_text(literal(", ".join(names)))
    return line


class SummaryScreen(ModalScreen[bool]):
    """Dismisses with True when the group confirms (and the session may be closed)."""

    PLACE = "summary"
    BINDINGS = bindings("summary")

    def __init__(self, view: SessionView, can_close: bool = True) -> None:
        super().__init__()
        self.view = view
        self.can_close = can_close

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            yield Static(literal(_("Summary: {title}").format(title=self.view.title), style="bold"),
                         classes="summary-title")
            sections = [fold(section) for section in summarise(self.view)]
            if not sections:
                yield Static(Text(_("Nothing was agreed in this session yet."), style="italic"))
            for section in sections:
                yield Static(section_text(section), classes="summary-section")
            if (present := attendance_text(self.view)) is not None:  # after what was decided
                yield Static(present, classes="summary-section")
        with Horizontal(classes="buttons"):
            if self.can_close:
                yield Button(_("The group confirms: close the session"), variant="success", id="confirm")
            yield Button(_("Back"), id="back")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#summary").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "confirm":
            self.action_confirm()
        else:
            self.action_back()

    def action_confirm(self) -> None:
        if self.can_close:
            self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
