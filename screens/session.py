"""The live session: agenda, the current prompt large, its input, the timer and the saved state.

Widgets post what the facilitator wants; this screen makes the change through `LiveSession`
(which saves it durably before returning) and redraws.
"""

from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from screens.commands import bindings
from screens.dialogs import TextDialog
from screens.text import literal
from screens.widgets.agenda import Agenda
from screens.widgets.assign_input import AssignInput
from screens.widgets.base import PromptInput
from screens.widgets.choice_input import ChoiceInput
from screens.widgets.consent_input import ConsentInput
from screens.widgets.contributions import ContributionList
from screens.widgets.footer import TranslatedFooter
from screens.widgets.kinds import INPUTS
from screens.widgets.open_input import OpenInput
from screens.widgets.review_input import ReviewInput
from screens.widgets.save_state import SaveState
from screens.widgets.scale_input import ScaleInput
from screens.widgets.statement_input import StatementInput
from screens.widgets.who import split_prefix
from screens.widgets.step_timer import StepTimer
from screens.widgets.vote_input import VoteInput
from workshop.i18n import _
from workshop.session import LiveSession, SaveFailed, SessionClosed
from workshop.timer import TimeLeft

RETRY_SECONDS = 2.0
AGENDA_EVERY = 5  # seconds between redraws of the agenda's times


class SessionScreen(Screen):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    PLACE = "session"
    BINDINGS = bindings("session")

    def __init__(self, live: LiveSession, read_only_reason: str = "") -> None:
        super().__init__()
        self.live = live
        self.read_only_reason = read_only_reason
        self.step_id = live.current.id
        self.warned: dict[str, TimeLeft] = {}
        self.retrying = None
        self.released = False
        self.ticks = 0

    # --- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
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
        self.AUTO_FOCUS = f"#prompt-input {INPUTS[step.kind].FOCUS}"
        return INPUTS[step.kind](self.live, step, read_only=self.live.read_only, id="prompt-input")

    @property
    def prompt_input(self) -> PromptInput:
        return self.query_one("#prompt-input", PromptInput)

    def on_mount(self) -> None:
        if not self.live.read_only and not self.live.meta.get("visited"):
            self.write(lambda: self.live.go_to(self.step_id))  # the meeting starts: the timer runs
        self.show_session()
        self.set_interval(1.0, self.tick)

    def show_session(self) -> None:
        live = self.live
        title = Text.assemble(literal(live.collaboration, style="bold"), " · ", literal(live.title), " · ", live.date)
        self.query_one("#session-title", Static).update(title)
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
        number = [s.id for s in live.agenda].index(step.id) + 1
        heading = Text(f"{number}/{len(live.agenda)}  ", style="dim")
        heading.append(literal(live.text(step.title), style="bold"))
        if live.is_skipped(step.id):
            heading.append("  (" + _("skipped") + ")", style="italic")
        self.query_one("#step-title", Static).update(heading)
        self.query_one("#prompt", Static).update(literal(live.text(step.prompt), style="bold"))
        hint = live.text(step.hint)
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
        if warning is not TimeLeft.PLENTY and self.warned.get(self.step_id) != warning and \
                self.step_id == self.live.current.id and not self.live.read_only:
            self.warned[self.step_id] = warning
            if warning is TimeLeft.NEARLY_UP:
                self.notify(_("Time is nearly up for this step."), severity="warning")
            else:
                self.notify(_("Time is up for this step."), severity="error")

    # --- saving -------------------------------------------------------------------------------

    def write(self, change: Callable[[], object]) -> bool:
        """Make one change through LiveSession; True when it was accepted (saved or queued)."""
        state = self.query_one(SaveState)
        try:
            change()
        except SaveFailed as problem:
            state.show_failed(len(self.live.pending))
            self.notify(str(problem), severity="error", timeout=6)
            if self.retrying is None:
                self.retrying = self.set_interval(RETRY_SECONDS, self.retry_saving)
            return True
        except SessionClosed as problem:
            self.notify(str(problem), severity="warning")
            return False
        except ValueError as problem:
            self.notify(str(problem).splitlines()[0] if str(problem) else _("That did not work."), severity="error")
            return False
        if self.live.pending:
            state.show_failed(len(self.live.pending))
        else:
            state.show_saved(self.live.count())
        return True

    def retry_saving(self) -> None:
        try:
            self.live.retry()
        except SaveFailed:
            self.query_one(SaveState).show_failed(len(self.live.pending))
            return
        if self.retrying is not None:
            self.retrying.stop()
            self.retrying = None
        self.query_one(SaveState).show_saved(self.live.count())
        self.notify(_("Everything is saved now."))

    def change(self, change: Callable[[], object], agenda: bool = False) -> bool:
        """Write, then redraw the step's input (and the agenda when the steps changed)."""
        accepted = self.write(change)
        if agenda:
            self.show_step()
        else:
            self.prompt_input.show(self.live)
            self.tick()
        return accepted

    # --- moving through the agenda --------------------------------------------------------------

    async def open_step(self, step_id: str) -> None:
        """Go to a step (the meeting moves there too, unless the session is read-only)."""
        if not self.live.read_only:
            self.write(lambda: self.live.go_to(step_id))
            step_id = self.live.current.id
        self.step_id = step_id
        await self.prompt_input.remove()
        widget = self.make_input()
        await self.query_one("#main").mount(widget)
        self.show_step()
        widget.focus_input()

    async def action_next_step(self) -> None:
        await self._neighbour(+1)

    async def action_previous_step(self) -> None:
        await self._neighbour(-1)

    async def _neighbour(self, direction: int) -> None:
        agenda = self.live.agenda
        index = [s.id for s in agenda].index(self.step_id) + direction
        while 0 <= index < len(agenda) and self.live.is_skipped(agenda[index].id):
            index += direction
        if 0 <= index < len(agenda):
            await self.open_step(agenda[index].id)
        else:
            self.notify(_("This is the last step.") if direction > 0 else _("This is the first step."))

    def action_agenda(self) -> None:
        self.set_class(False, "presenting")
        self.query_one(Agenda).focus()

    @on(Agenda.Jump)
    async def jump(self, event: Agenda.Jump) -> None:
        await self.open_step(event.step_id)

    @on(Agenda.Skip)
    async def skip(self, event: Agenda.Skip) -> None:
        was_current = event.step_id == self.step_id
        if self.write(lambda: self.live.skip(event.step_id)) and was_current and self.live.current.id != self.step_id:
            await self.open_step(self.live.current.id)
        self.show_step()

    async def action_skip_step(self) -> None:
        await self.skip(Agenda.Skip(self.step_id))

    @on(Agenda.MoveStep)
    def move_step(self, event: Agenda.MoveStep) -> None:
        self.change(lambda: self.live.move_step(event.step_id, event.offset), agenda=True)

    @on(Agenda.AddStep)
    def action_add_step(self) -> None:
        async def added(title: str | None) -> None:
            if title and title.strip():
                if self.write(lambda: self.live.add_step(title, after=self.step_id)):
                    new = self.live.agenda[[s.id for s in self.live.agenda].index(self.step_id) + 1]
                    await self.open_step(new.id)

        self.app.push_screen(TextDialog(_("Title of the extra step"), placeholder=_("e.g. Follow-up on the budget")),
                             added)

    # --- timer and notes ----------------------------------------------------------------------

    def action_timer(self) -> None:
        box = self.live.timebox(self.step_id)
        if box.since is None:
            self.change(lambda: self.live.start_timer(self.step_id))
        else:
            self.change(lambda: self.live.pause_timer(self.step_id))

    def action_add_minutes(self, minutes: int) -> None:
        self.warned.pop(self.step_id, None)
        self.change(lambda: self.live.add_minutes(self.step_id, minutes))

    def action_note(self) -> None:
        def noted(text: str | None) -> None:
            if text is not None:
                self.change(lambda: self.live.set_note(self.step_id, text), agenda=True)

        self.app.push_screen(TextDialog(_("Private note for this step (never shown in presentation mode)"),
                                        self.live.note(self.step_id), multiline=True), noted)

    def action_presentation(self) -> None:
        self.toggle_class("presenting")
        if self.has_class("presenting"):
            self.prompt_input.focus_input()

    def action_back(self) -> None:
        if self.has_class("presenting"):
            self.remove_class("presenting")
        elif not self.live.read_only and not self.typing_in_step():
            self.prompt_input.focus_input()  # from the agenda or the list: back to typing first
        else:
            self.app.leave_session()

    def typing_in_step(self) -> bool:
        """Is the focus where focus_input puts it: an entry, or, in a step without one (choice,
        vote …), anywhere in the step's input?"""
        focused = self.focused
        if isinstance(focused, (Input, TextArea)):
            return True
        step_input = self.prompt_input
        return focused is not None and step_input in focused.ancestors and \
            not step_input.query("Input, TextArea")

    def action_close_session(self) -> None:
        from screens.summary import SummaryScreen

        async def confirmed(yes: bool | None) -> None:
            if yes and self.write(self.live.close):
                await self.app.session_closed(self)

        self.app.push_screen(SummaryScreen(self.live, can_close=not self.live.read_only), confirmed)

    def release(self) -> None:
        if not self.released:
            self.released = True
            if self.retrying is not None:
                self.retrying.stop()
            self.live.release()

    # --- what the inputs ask for --------------------------------------------------------------

    @on(OpenInput.Added)
    def open_added(self, event: OpenInput.Added) -> None:
        if not self.change(lambda: self.live.add(self.step_id, event.text, event.partner, event.participant)):
            self.prompt_input.refused(event.typed)

    @on(ContributionList.Edit)
    def edit_contribution(self, event: ContributionList.Edit) -> None:
        anonymous = self.live.step(self.step_id).anonymous

        def edited(text: str | None) -> None:
            if text is None or not text.strip():
                return
            changes: dict[str, str] = {"text": text}
            if not anonymous:  # 'Bram: …' says it was Bram after all, as when typing it
                who, rest = split_prefix(text, self.live.partners, self.live.participants)
                if who is not None:
                    changes = {"text": rest, "partner": who.partner, "participant": who.participant}
            self.change(lambda: self.live.edit(event.uid, **changes))

        title = _("Edit the contribution") if anonymous else \
            _("Edit the contribution (start with 'Name: ' to change who said it)")
        self.app.push_screen(TextDialog(title, self.live.contribution(event.uid).text), edited)

    @on(ContributionList.Remove)
    def remove_contribution(self, event: ContributionList.Remove) -> None:
        self.change(lambda: self.live.remove(event.uid))

    @on(ContributionList.Move)
    def move_contribution(self, event: ContributionList.Move) -> None:
        self.change(lambda: self.live.move(event.uid, event.offset))

    @on(StatementInput.Revised)
    def revised(self, event: StatementInput.Revised) -> None:
        self.change(lambda: self.live.revise(self.step_id, event.text))

    @on(StatementInput.Agreed)
    def agreed(self) -> None:
        if self.live.statement(self.step_id) is None:
            self.notify(_("There is no text to agree on yet."))
            return
        if self.change(lambda: self.live.agree(self.step_id)):
            self.notify(_("Agreed."))

    @on(ScaleInput.Scored)
    def scored(self, event: ScaleInput.Scored) -> None:
        self.change(lambda: self.live.score(self.step_id, event.item, event.who, event.value))

    @on(ScaleInput.CommentWanted)
    def score_with_comment(self, event: ScaleInput.CommentWanted) -> None:
        given = self.live.scores(self.step_id, event.item).get(event.who)
        start = f"{given.value} {given.text}".strip() if given else ""

        def answered(answer: str | None) -> None:
            if not answer or not answer.strip():
                return
            number, _space, comment = answer.strip().partition(" ")
            try:
                value = int(number)
            except ValueError:
                self.notify(_("Start with the score, e.g. '4 we listen better now'."), severity="error")
                return
            self.change(lambda: self.live.score(self.step_id, event.item, event.who, value, comment.strip()))

        self.app.push_screen(TextDialog(_("Score for {who}, then a comment if you like").format(who=event.who),
                                        start, placeholder="4 …"), answered)

    @on(ScaleInput.Cleared)
    def score_cleared(self, event: ScaleInput.Cleared) -> None:
        given = self.live.scores(self.step_id, event.item).get(event.who)
        if given is not None:
            self.change(lambda: self.live.remove(given.uid))

    @on(VoteInput.Voted)
    def voted(self, event: VoteInput.Voted) -> None:
        self.change(lambda: self.live.vote(self.step_id, event.target, event.partner, event.change))

    @on(AssignInput.Assigned)
    def assigned(self, event: AssignInput.Assigned) -> None:
        if event.uid:
            write = lambda: self.live.edit(event.uid, text=event.text, value=event.who, when=event.when)  # noqa: E731
        else:
            write = lambda: self.live.assign(self.step_id, event.text, event.who, event.when, event.row)  # noqa: E731
        if self.change(write):
            self.prompt_input.saved()

    @on(ConsentInput.StatusSet)
    def consent_set(self, event: ConsentInput.StatusSet) -> None:
        self.change(lambda: self.live.set_consent(self.step_id, event.partner, event.body, event.status, event.when))

    @on(ConsentInput.DateWanted)
    def consent_date(self, event: ConsentInput.DateWanted) -> None:
        def answered(when: str | None) -> None:
            if when is not None:
                self.change(lambda: self.live.set_consent(self.step_id, event.partner, event.body, event.status,
                                                          when.strip()))

        self.app.push_screen(TextDialog(_("Date for {partner}").format(partner=event.partner), event.when,
                                        placeholder="2026-12-01"), answered)

    @on(ChoiceInput.Chosen)
    def chosen(self, event: ChoiceInput.Chosen) -> None:
        self.change(lambda: self.live.choose(self.step_id, event.option))

    @on(ReviewInput.Marked)
    def marked(self, event: ReviewInput.Marked) -> None:
        self.change(lambda: self.live.mark(self.step_id, event.carried, event.status))

    # --- the command palette ------------------------------------------------------------------

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """The steps of this agenda, to jump to by name; every other command is in screens/commands.py."""
        commands = []
        for number, step in enumerate(self.live.agenda, start=1):
            title = _("Go to step {number}: {title}").format(number=number, title=self.live.text(step.title))
            commands.append((title, "", lambda step_id=step.id: self.run_worker(self.open_step(step_id))))
        return commands
