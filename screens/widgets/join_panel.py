"""Beside the step while participants can join: the address, the join code and its QR code
(shown in presentation mode too), who has joined, who has answered this step, and the step's
own state (blind scores hidden or revealed, input open or closed, contributions waiting)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from screens.commands import bindings
from screens.text import literal
from screens.widgets.steady import update_steadily
from workshop.core.model import PromptKind
from workshop.core.text.i18n import _, ngettext, number
from workshop.serve import Server
from workshop.serve.qr import qr_lines


class JoinPanel(Static, can_focus=True):
    """Focus it (tab) for its keys: show or hide the next waiting contribution, reveal, close."""

    PLACE = "join"
    BINDINGS = bindings("join")
    DEFAULT_CSS = """
    JoinPanel { width: auto; max-width: 60; height: auto; padding: 0 1; border: round $primary; }
    JoinPanel:focus { border: round $accent; }
    JoinPanel.-folded { dock: bottom; width: 100%; max-width: 100%; height: 1; border: none;
                        background: $primary 30%; }
    JoinPanel.-folded:focus { background: $accent 40%; }
    """

    FOLD_BELOW = 100  # columns: narrower, the panel is one line under the step (the QR code on q)

    def __init__(self, server: Server, **kwargs) -> None:
        super().__init__(**kwargs)
        self.server = server
        self.qr_link = ""
        self.qr = ""
        self.qr_open = False  # below FOLD_BELOW columns: the whole panel with its QR code, asked for with q

    def on_mount(self) -> None:
        self.show()

    def on_resize(self) -> None:
        if self.folded() != self.has_class("-folded"):
            self.show()

    def folded(self) -> bool:
        return self.app.size.width < self.FOLD_BELOW and not self.qr_open

    def action_toggle_qr(self) -> None:
        """q: at a narrow terminal, the QR code and the whole panel, or back to one line."""
        self.qr_open = not self.qr_open if self.app.size.width < self.FOLD_BELOW else False
        self.show()

    def show(self) -> None:
        server, hub = self.server, self.server.hub
        if hub is None:
            return
        live = hub.live
        step = live.current
        self.set_class(self.folded(), "-folded")
        if self.folded():
            update_steadily(self, self.one_line(live))
            return
        if self.qr_link != server.join_link:  # made once per code: drawing it costs a frame
            self.qr_link, self.qr = server.join_link, "\n".join(qr_lines(server.join_link))
        text = Text(self.qr + "\n", no_wrap=True)
        text.append(server.address + "\n", style="bold")
        text.append(_("Join code: {code}").format(code=server.code), style="bold")
        if not self.screen.has_class("presenting"):
            text.append("  (" + _("n: new code") + ")", style="dim")
        text.append("\n")
        if not self.screen.has_class("presenting"):  # the scribe code is for the co-facilitator only
            text.append(_("Scribe code: {code}").format(code=server.scribe_code) + "\n", style="dim")
        joined = list(hub.joined.values())
        text.append(ngettext("{count} joined", "{count} joined", len(joined)).format(count=len(joined)))
        if joined and not self.screen.has_class("presenting"):  # names are for the facilitator's eyes
            text.append(" (" + _("f: seats") + ")", style="dim")
        text.append("\n")
        budget = hub.budget
        text.append(_("From phones: {used} of {room} MB used; "
                      "a device sends {per_step} per step, {per_device} KB in all").format(
            used=number(budget.room_used / 2**20, 1), room=number(budget.room / 2**20, 0), per_step=budget.per_step,
            per_device=budget.per_device // 1024) + "\n", style="dim")
        answered = hub.answered_now()
        text.append(ngettext("{count} answered this step", "{count} answered this step",
                             len(answered)).format(count=len(answered)))
        if step.answered == "names" and not step.anonymous and answered:
            text.append(": ")
            text.append(literal(", ".join(sorted(person.name for person in answered))))
        text.append("\n")
        if step.kind is PromptKind.SCALE and live.blind(step.id):
            text.append((_("Scores revealed: phones can no longer change theirs") if live.revealed(step.id)
                         else _("Scores hidden until you reveal them"))
                        + "\n", style="italic")
        if live.input_closed(step.id):
            text.append(_("Closed to input") + "\n", style="bold red")
        held = [] if self.screen.has_class("presenting") else live.held()  # moderation is not the room's to read
        if held:
            text.append(ngettext("{count} contribution waits to be shown", "{count} contributions wait to be shown",
                                 len(held)).format(count=len(held)) + "\n", style="yellow")
            text.append("› ")
            text.append(literal(held[0].text[:200]))
        update_steadily(self, text)

    def one_line(self, live) -> Text:
        """The folded panel: the join code and the counts, and how to open the QR code."""
        server, hub = self.server, self.server.hub
        assert hub is not None  # show() draws only with a hub
        presenting = self.screen.has_class("presenting")
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(_("Join code: {code}").format(code=server.code), style="bold")
        text.append(" · " + ngettext("{count} joined", "{count} joined", len(hub.joined)).format(count=len(hub.joined)))
        text.append(" · " + ngettext("{count} answered", "{count} answered", len(hub.answered_now())).format(
            count=len(hub.answered_now())))
        if live.input_closed(live.current.id):
            text.append(" · " + _("Closed to input"), style="bold red")
        if not presenting and (held := live.held()):
            text.append(" · " + ngettext("{count} waits", "{count} wait", len(held)).format(count=len(held)),
                        style="yellow")
        text.append("  " + _("Tab, q: QR code"), style="dim")
        return text
