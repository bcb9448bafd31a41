"""Compare: how the collaboration of a session developed, over that session and its earlier ones.

The sessions are read and compared in a thread (`workshop.compare`), so the screen stays
responsive; the sections are drawn by `workshop.present.compare`, as `workshop compare` draws
them, so what people typed looks the same in both and is never read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.commands import bindings
from screens.text import literal, one_line
from screens.widgets.footer import TranslatedFooter
from workshop.compare import Comparison, compare_sessions, link_pains, select_sessions
from workshop.i18n import _, current_language, day, ngettext
from workshop.present.compare import (
    actions_table,
    open_actions_text,
    pains_renderable,
    progress_renderable,
    sessions_table,
    statements_renderable,
    trends_table,
)
from workshop.session import SessionView
from workshop.store import Store, StoreError

MAX_SESSIONS = 12  # the newest this many; more would not fit side by side


class CompareScreen(Screen):
    CSS_PATH = "compare.tcss"
    PLACE = "compare"
    BINDINGS = bindings("compare")

    @dataclass
    class Loaded(Message):
        comparison: Comparison
        views: list[SessionView]

    @dataclass
    class Failed(Message):
        problem: str

    def __init__(self, store: Store, session_id: str | None = None, collaboration: str | None = None,
                 last: int = MAX_SESSIONS) -> None:
        super().__init__()
        self.store = store
        self.session_id = session_id
        self.collaboration = collaboration
        self.last = last
        self.per_partner = False
        self.comparison: Comparison | None = None
        self.views: list[SessionView] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(_("Compare sessions"), style="bold"), id="compare-title")
        with VerticalScroll(id="compare-body"):
            yield Static(Text(_("Reading the sessions…"), style="italic"), id="compare-status")
            for section in ("sessions", "trends", "statements", "pains", "progress", "actions"):
                yield Static(classes="compare-heading", id=f"heading-{section}")
                yield Static(classes="compare-section", id=f"compare-{section}")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#compare-body").focus()
        self.load()

    # --- reading ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="compare")
    def load(self) -> None:
        names = [self.session_id] if self.session_id else None
        try:
            if not names and not self.collaboration:
                raise StoreError(_("Choose a session to compare first."))
            views = select_sessions(self.store, names, None if names else self.collaboration, self.last)
            comparison = compare_sessions(views, lang=current_language())
        except (StoreError, OSError, ValueError) as problem:
            self.post_message(self.Failed(str(problem)))
            return
        self.post_message(self.Loaded(comparison, views))

    @on(Failed)
    def show_problem(self, event: Failed) -> None:
        status = self.query_one("#compare-status", Static)
        status.update(Text("⚠ ").append(literal(one_line(event.problem, 300))))
        status.display = True

    @on(Loaded)
    def show_comparison(self, event: Loaded) -> None:
        self.comparison, self.views = event.comparison, event.views
        comparison = event.comparison
        self.query_one("#compare-status").display = False
        names = ", ".join(dict.fromkeys(s.collaboration for s in comparison.sessions))
        title = Text(_("Compare sessions") + " · ", style="bold")
        title.append(literal(one_line(names, 80), style="bold"))
        count = len(comparison.sessions)
        title.append(" · ")
        title.append(literal(ngettext("{count} session, {first} to {last}", "{count} sessions, {first} to {last}",
                                       count).format(count=count, first=day(comparison.sessions[0].date),
                                                     last=day(comparison.sessions[-1].date))))
        self.query_one("#compare-title", Static).update(title)
        headings = {
            "sessions": _("Sessions and the phase the group chose"),
            "trends": _("Communication and interaction: the threshold question first"),
            "statements": _("Ambition and other carried statements, with what changed"),
            "pains": _("Pain points: recurring, came back, new and resolved"),
            "progress": _("Roles and consent as they progressed"),
            "actions": _("Actions per session"),
        }
        for section, words in headings.items():
            self.query_one(f"#heading-{section}", Static).update(Text(words, style="bold"))
        self.query_one("#compare-sessions", Static).update(sessions_table(comparison))
        self.show_trends()
        self.query_one("#compare-statements", Static).update(statements_renderable(comparison))
        self.query_one("#compare-pains", Static).update(pains_renderable(comparison))
        self.query_one("#compare-progress", Static).update(progress_renderable(comparison))
        self.query_one("#compare-actions", Static).update(
            Group(actions_table(comparison), Text(""), open_actions_text(comparison)))

    def show_trends(self) -> None:
        if self.comparison is None:
            return
        target = self.query_one("#compare-trends", Static)
        if self.comparison.trends:
            width = target.size.width or self.size.width - 4
            target.update(trends_table(self.comparison, self.per_partner, width=width))
        else:
            target.update(Text(_("No scale was scored in these sessions."), style="dim"))

    def on_resize(self) -> None:
        self.show_trends()  # as many session columns as fit

    # --- keys ---------------------------------------------------------------------------------

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_per_partner(self) -> None:
        self.per_partner = not self.per_partner
        self.show_trends()

    def action_reload(self) -> None:
        self.load()

    def action_link(self) -> None:
        """Declare a newer pain point the same as an earlier, apparently resolved one."""
        if self.comparison is None:
            return
        later, earlier = [], []
        for pain_round in self.comparison.pains:
            date = self.comparison.session(pain_round.session).date
            for point in pain_round.new if pain_round.previous else ():
                later.append(Option(Text(f"{date}  ").append(literal(one_line(point.text, 100))), id=point.uid))
            if pain_round.previous:
                before = self.comparison.session(pain_round.previous).date
                for point in pain_round.resolved:
                    earlier.append(Option(Text(f"{before}  ").append(literal(one_line(point.text, 100))),
                                          id=point.uid))
        if not later or not earlier:
            self.notify(_("Nothing to link: no new pain point next to an earlier one that went away."), markup=False)
            return
        self.app.push_screen(LinkPainsDialog(later, earlier), self.save_link)

    def save_link(self, pair: tuple[str, str] | None) -> None:
        if not pair:
            return
        live = next((s.live for s in self.app.screen_stack if getattr(s, "live", None) is not None), None)
        try:
            saved_in = link_pains(self.store, self.views, pair[0], pair[1], live=live)
        except (StoreError, ValueError) as problem:
            self.notify(str(problem), severity="error", timeout=8, markup=False)
            return
        self.notify(_("Linked; saved in session {id}.").format(id=saved_in), markup=False)
        self.load()


class LinkPainsDialog(ModalScreen[tuple[str, str] | None]):
    """Pick a newer pain point, then the earlier one it is the same as."""

    PLACE = "compare_link"
    BINDINGS = bindings("compare_link")

    def __init__(self, later: list[Option], earlier: list[Option]) -> None:
        super().__init__()
        self.later, self.earlier = later, earlier

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="link-pains"):
            yield Label(Text(_("Link two pain points as the same"), style="bold"), classes="dialog-title")
            yield Label(Text(_("A pain point raised later:")))
            yield OptionList(*self.later, id="later", markup=False)
            yield Label(Text(_("is the same as this earlier one:")))
            yield OptionList(*self.earlier, id="earlier", markup=False)
            yield Label(Text(_("Tab switches lists · Enter or ctrl+s links · Escape cancels"), style="dim"))

    def on_mount(self) -> None:
        for option_list in self.query(OptionList):
            option_list.highlighted = 0
        self.query_one("#later").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "later":
            self.query_one("#earlier").focus()
        else:
            self.action_link()

    def action_link(self) -> None:
        later, earlier = self.query_one("#later", OptionList), self.query_one("#earlier", OptionList)
        if later.highlighted is None or earlier.highlighted is None:
            return
        self.dismiss((later.get_option_at_index(later.highlighted).id,
                      earlier.get_option_at_index(earlier.highlighted).id))

    def action_cancel(self) -> None:
        self.dismiss(None)
