"""The live session: agenda, the current prompt large, its input, the timer and the saved state.

The step's input posts what the facilitator wants as a change (`PromptInput.Wants`); this screen
applies it through `LiveSession.apply`: one handler. What to redraw is not decided here: the
session tells what changed, whoever changed it, and the screen redraws that (screens/session_told.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from screens.commands import BY_ID, bindings, key_display
from screens.session_notes import AsksForNotes
from screens.session_serve import ServesParticipants
from screens.session_told import HearsChanges
from screens.text import literal
from screens.widgets.agenda import Agenda
from screens.widgets.base import PromptInput
from screens.widgets.footer import TranslatedFooter
from screens.widgets.kinds import INPUTS
from screens.widgets.save_state import SaveState
from screens.widgets.step_timer import StepTimer
from workshop.core.model import PromptKind
from workshop.core.session import Change, Changed, LiveSession, SessionClosed
from workshop.core.session.changes import (
    AddMinutes,
    AddStep,
    Close,
    GoTo,
    MoveStep,
    PauseTimer,
    Skip,
    StartTimer,
)
from workshop.core.session.timer import TimeLeft
from workshop.core.text.i18n import _, day

if TYPE_CHECKING:
    from screens.app import WorkshopApp

GRID_KINDS = (PromptKind.SCALE, PromptKind.VOTE, PromptKind.CONSENT)
AGENDA_EVERY = 5  # seconds between redraws of the agenda's times


class SessionScreen(AsksForNotes, ServesParticipants, HearsChanges, Screen):
    if TYPE_CHECKING:
        app = getters.app(WorkshopApp)  # the type checker reads the app's own attributes
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    PLACE = "session"
    BINDINGS = bindings("session")

    def __init__(self, live: LiveSession, read_only_reason: str = "") -> None:
        super().__init__()
        self.live = live
        self.read_only_reason = read_only_reason
        self.step_id = live.current.id
        self.warned: dict[str, TimeLeft] = {}
        self.released = False
        self.ticks = 0
        self.swapping = asyncio.Lock()  # held while the step's input is replaced (open_step)

    # --- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The breakpoint class the first resize would add, added now: else that resize restyles
        # every widget of the screen once more before its first complete frame.
        width = self.app.size.width
        for threshold, name in sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True):
            if width >= threshold:
                self.set_class(True, name, update=False)
                break
        with Horizontal(id="top-bar"):
            yield Static(id="session-title")
            yield SaveState(id="save-state")
        yield Static(id="banner")
        with Horizontal(id="body"):
            yield Agenda(id="agenda")
            with Vertical(id="main"):
                with Horizontal(id="prompt-row"):
                    with Vertical(id="prompt-box"):
                        yield Static(id="step-title")
                        yield Static(id="prompt")
                    yield StepTimer(id="timer")
                with VerticalScroll(id="facilitator"):
                    yield Static(id="note")
                    yield Static(id="hint")
                yield self.make_input()
        yield TranslatedFooter()

    def make_input(self) -> PromptInput:
        step = self.live.step(self.step_id)
        # Focus lands in the step's input as the screen first shows (no detour via the agenda).
        # Textual declares AUTO_FOCUS a ClassVar; it is read on the instance, and set per screen here.
        self.AUTO_FOCUS = f"#prompt-input {INPUTS[step.kind].FOCUS}"  # type: ignore[misc]
        return INPUTS[step.kind](self.live, step, read_only=self.live.read_only, id="prompt-input")

    @property
    def prompt_input(self) -> PromptInput:
        return self.query_one("#prompt-input", PromptInput)

    def on_mount(self) -> None:
        self.listen_to_session()
        if not self.live.read_only and not self.live.meta.get("visited"):
            self.write(GoTo(self.step_id))  # the meeting starts: the timer runs
        self.show_session()
        self.set_interval(1.0, self.tick)
        self.serve_again()

    def show_session(self) -> None:
        live = self.live
        self.query_one("#session-title", Static).update(Text.assemble(
            literal(live.collaboration, style="bold"), " · ", literal(live.title), " · ", day(live.date)))
        banner = self.query_one("#banner", Static)
        if live.closed:
            reason = _("This session is closed; it can be read but not changed.")
        else:
            reason = self.read_only_reason if live.file.read_only else ""
        banner.update(Text("🔒 " + reason) if reason else "")
        banner.set_class(not reason, "-empty")
        state = self.query_one(SaveState)
        if reason:
            state.show_read_only(_("read-only"))
        elif not live.pending:
            state.show_saved(0)
        self.show_step()

    def show_step(self) -> None:
        live, step = self.live, self.live.step(self.step_id)
        # A grid of 27 partners needs the width: on a narrow terminal the agenda steps aside (ctrl+g)
        self.set_class(step.kind in GRID_KINDS, "grid-step")
        number = [s.id for s in live.agenda].index(step.id) + 1
        heading = Text(f"{number}/{len(live.agenda)}  ", style="dim")
        heading.append(literal(live.text(step.title), style="bold"))
        if live.is_skipped(step.id):
            heading.append("  (" + _("skipped") + ")", style="italic")
        self.query_one("#step-title", Static).update(heading)
        self.query_one("#prompt", Static).update(literal(live.text(step.prompt), style="bold"))
        hint = live.text(step.hint)
        if step.id == live.agenda[0].id and not live.meta.get("attendance") and not live.read_only:
            keys = " ".join(key_display(self.app, BY_ID[i]) for i in ("session.agenda", "agenda.attendance"))
            said = _("{keys}: record who is present, absent or excused.").format(keys=keys)
            hint = (hint + "\n" if hint else "") + said
        self.query_one("#hint", Static).update(Text("💡 ", style="bold") + literal(hint) if hint else "")
        note = live.note(step.id)
        note_widget = self.query_one("#note", Static)
        note_widget.update(Text(_("Note") + ": ", style="bold") + literal(note) if note else "")
        note_widget.set_class(not note, "-empty")
        self.query_one("#facilitator").set_class(not (hint or note), "-empty")
        self.prompt_input.show(live)
        self.tick(agenda=True)

    def tick(self, agenda: bool = False) -> None:
        """Every second: the timer and a warning as time runs out; every few seconds the agenda's times."""
        now = self.app.clock()
        box = self.live.timebox(self.step_id)
        warning = self.query_one(StepTimer).show(box, now)
        self.ticks += 1
        if agenda or self.ticks % AGENDA_EVERY == 0:
            self.query_one(Agenda).show(self.live, self.step_id, now)
        if self.ticks == 1:  # a step that ran out before the session opened: its timer shows it
            self.warned[self.step_id] = warning
        if warning is not TimeLeft.PLENTY and self.warned.get(self.step_id) != warning and \
                self.step_id == self.live.current.id and not self.live.read_only:
            self.warned[self.step_id] = warning
            if warning is TimeLeft.NEARLY_UP:
                self.notify(_("Time is nearly up for this step."), severity="warning")
            else:
                self.notify(_("Time is up for this step."), severity="error")

    # --- saving -------------------------------------------------------------------------------

    def write(self, change: Change) -> bool:
        """Apply one change; True when it was accepted (it is saved, or waits to be: the saved
        state says which when the session tells it)."""
        try:
            self.live.apply(change)
        except SessionClosed as problem:
            self.notify(str(problem), severity="warning")
            return False
        except ValueError as problem:
            self.notify(str(problem).splitlines()[0] if str(problem) else _("That did not work."), severity="error")
            return False
        return True

    def show_save_state(self, record: Changed) -> None:
        """Saved, or not (yet): as the session told after its last write."""
        state = self.query_one(SaveState)
        if record.saved:
            if state.has_class("failed"):
                self.notify(_("Everything is saved now."))
            if self.live.read_only:  # closed (saved): read-only from now on
                state.show_read_only(_("read-only"))
            else:
                state.show_saved(self.live.count())
        else:
            if not state.has_class("failed"):
                self.notify(record.problem, severity="error", timeout=6)
            state.show_failed(record.waiting)

    def retry_saving(self) -> None:
        """Try the waiting changes again now (the session retries by itself every few seconds)."""
        self.live.save_soon()

    # --- moving through the agenda --------------------------------------------------------------

    async def open_step(self, step_id: str) -> None:
        """Go to a step (the meeting moves there too, unless the session is read-only)."""
        if not self.live.read_only:
            self.write(GoTo(step_id))
            step_id = self.live.current.id
        self.step_id = step_id
        self.remove_class("agenda-open")
        async with self.swapping:  # one input at a time: two step changes in a row wait their turn
            await self.prompt_input.remove()
            widget = self.make_input()
            await self.query_one("#main").mount(widget)
            self.show_step()  # the session as it is now: what was told while the input was away too
            widget.focus_input()

    async def action_next_step(self) -> None:
        await self._neighbour(+1)

    async def action_previous_step(self) -> None:
        await self._neighbour(-1)

    async def _neighbour(self, direction: int) -> None:
        target = self.live.neighbour(self.step_id, direction)
        if target is not None:
            await self.open_step(target.id)
        else:
            self.notify(_("This is the last step.") if direction > 0 else _("This is the first step."))

    def action_agenda(self) -> None:
        self.set_class(False, "presenting")
        self.add_class("agenda-open")
        agenda = self.query_one(Agenda)
        agenda.point_at(self.step_id)
        agenda.focus()

    @on(Agenda.Jump)
    async def jump(self, event: Agenda.Jump) -> None:
        await self.open_step(event.step_id)

    @on(Agenda.Skip)
    async def skip(self, event: Agenda.Skip) -> None:
        self.write(Skip(event.step_id))  # the meeting moves on if it was the current step (session_told.py)

    async def action_skip_step(self) -> None:
        await self.skip(Agenda.Skip(self.step_id))

    @on(Agenda.MoveStep)
    def move_step(self, event: Agenda.MoveStep) -> None:
        self.write(MoveStep(event.step_id, event.offset))

    @on(Agenda.AddStep)
    def action_add_step(self) -> None:
        from screens.dialogs import TextDialog  # where a dialog opens: not needed to open a session

        async def added(title: str | None) -> None:
            if title and title.strip():
                if self.write(AddStep(title, after=self.step_id)):
                    await self.open_step(self.live.agenda[[s.id for s in self.live.agenda].index(self.step_id) + 1].id)

        self.app.push_screen(TextDialog(_("Title of the extra step"), placeholder=_("e.g. Follow-up on the budget")),
                             added)

    # --- timer and notes ----------------------------------------------------------------------

    def action_timer(self) -> None:
        box = self.live.timebox(self.step_id)
        self.write(StartTimer(self.step_id) if box.since is None else PauseTimer(self.step_id))

    def action_add_minutes(self, minutes: int) -> None:
        self.warned.pop(self.step_id, None)
        self.write(AddMinutes(self.step_id, minutes))

    @on(Agenda.Attendance)
    def action_attendance(self) -> None:
        from screens.dialogs import AttendanceDialog

        if self.live.read_only:
            return
        def back_to_typing(_none: None) -> None:
            # left with the agenda, a typed line became the title of a new step
            self.show_step()
            self.prompt_input.focus_input()

        self.app.push_screen(AttendanceDialog(self.live, self.write), back_to_typing)

    def action_presentation(self) -> None:
        self.toggle_class("presenting")
        self.show_panels()  # at once: what waits for moderation leaves the projector with the switch
        if self.has_class("presenting"):
            self.prompt_input.focus_input()

    def action_back(self) -> None:
        if self.has_class("presenting"):
            self.action_presentation()
        elif not self.live.read_only and not self.typing_in_step():
            self.remove_class("agenda-open")
            self.prompt_input.focus_input()  # from the agenda or the list: back to typing first
        else:
            self.app.leave_session()

    def typing_in_step(self) -> bool:
        """Is the focus where focus_input puts it: an entry, or, in a step without one (choice,
        vote …), anywhere in the step's input?"""
        from textual.widgets import TextArea  # here, not at load: opening a session does not need it

        focused = self.focused
        if isinstance(focused, (Input, TextArea)):
            return True
        step_input = self.prompt_input
        return focused is not None and step_input in focused.ancestors and \
            not step_input.query("Input, TextArea")

    def action_close_session(self) -> None:
        from screens.summary import SummaryScreen

        async def confirmed(yes: bool | None) -> None:
            if yes:
                self.write(Close())  # the screen turns read-only when the session tells it closed

        self.app.push_screen(SummaryScreen(self.live, can_close=not self.live.read_only), confirmed)

    def release(self) -> None:
        if not self.released:
            self.released = True
            self.stop_accepting()
            self.stop_listening()
            self.live.release()

    # --- what the inputs ask for --------------------------------------------------------------

    @on(PromptInput.Wants)
    def wants(self, event: PromptInput.Wants) -> None:
        if self.write(event.change):
            self.prompt_input.saved(event.change)
        elif event.typed:
            self.prompt_input.refused(event.typed)

    @on(PromptInput.Asks)
    def asks(self, event: PromptInput.Asks) -> None:
        """A change that needs a line of text first (an edit, a comment with a score, a date)."""
        from screens.dialogs import ask  # where a dialog opens: not needed to open a session

        def accepted(answer: str) -> bool:  # refused: asked again with the text (see `ask`)
            try:
                change = event.change_for(answer)
            except ValueError as problem:
                self.notify(str(problem), severity="error")
                return False
            return change is None or self.write(change)

        ask(self.app, event.title, event.start, event.placeholder, accepted)

    # --- the command palette ------------------------------------------------------------------

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """The steps of this agenda, to jump to by name; every other command is in screens/commands.py."""
        def go_to(step_id: str) -> Callable[[], object]:
            return lambda: self.run_worker(self.open_step(step_id))

        return [(_("Go to step {number}: {title}").format(number=number, title=self.live.text(step.title)), "",
                 go_to(step.id)) for number, step in enumerate(self.live.agenda, start=1)]
