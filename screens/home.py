"""Home: the collaborations and their sessions; start a new one, resume one, or try the demo."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from screens.commands import bindings
from screens.text import literal, one_line
from screens.widgets.footer import TranslatedFooter
from screens.widgets.session_list import ListRow, SessionList
from workshop.core.model import SessionInfo
from workshop.core.text.i18n import _, day, ngettext

if TYPE_CHECKING:
    from screens.app import WorkshopApp

MORE = "more:"  # the key of a row that stands for a collaboration's earlier sessions
NO_TEXT = Text("")
QUICK_REREADS = 20  # session files the home may re-read before its first frame
RECENT = 3  # sessions shown per collaboration before "… N earlier sessions"
SHOWN_PROBLEMS = 8  # damaged files named on the home; `workshop list` names every one
GUIDE_CHECK_DELAY = 1.0  # seconds after the home appears that the guides are checked


@dataclass
class HomeRow:
    collaboration: str
    info: SessionInfo | None  # None: the row stands for `hidden` earlier sessions
    hidden: int = 0


def home_rows(sessions: list[SessionInfo], expanded: AbstractSet[str] = frozenset(),
              recent: int = RECENT) -> list[HomeRow]:
    """Collaborations A-Z, each with its newest sessions first. Of a long history only the newest few
    and every open one are shown, then one row for the rest: the facilitator resumes or opens a
    recent session; earlier ones are one Enter away (and a list of 1,000 stays quick to draw)."""
    by_collaboration: dict[str, list[SessionInfo]] = {}
    for info in sorted(sessions, key=lambda s: (s.date, s.created, s.id), reverse=True):
        by_collaboration.setdefault(info.collaboration, []).append(info)
    rows: list[HomeRow] = []
    for collaboration in sorted(by_collaboration, key=lambda c: (c.casefold(), c)):
        group = by_collaboration[collaboration]
        if collaboration in expanded or len(group) <= recent + 1:
            rows += [HomeRow(collaboration, info) for info in group]
            continue
        shown = [info for number, info in enumerate(group) if number < recent or info.status != "closed"]
        rows += [HomeRow(collaboration, info) for info in shown]
        rows.append(HomeRow(collaboration, None, len(group) - len(shown)))
    return rows


class HomeScreen(Screen):
    if TYPE_CHECKING:
        app = getters.app(WorkshopApp)
    PLACE = "home"
    BINDINGS = bindings("home")

    @dataclass
    class Loaded(Message):
        sessions: list[SessionInfo]
        problems: list[str]

    AUTO_FOCUS = "#sessions"

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[SessionInfo] = []
        self.expanded: set[str] = set()  # collaborations whose earlier sessions are shown
        self.store_problems: list[str] = []
        self.guide_problems: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(_("Workshop companion"), style="bold"), id="home-title")
        yield Static(id="problems")
        yield Static(id="empty")
        yield SessionList(id="sessions")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#problems").display = False
        self.query_one("#empty").display = False
        # The first list is read before the first frame when the catalogue is up to date (1,000
        # sessions take ~12 ms), so the home appears complete at once. When many session files
        # must be read again (a restored backup), and for reloads, a worker reads it instead.
        store = self.app.store
        try:
            sessions = store.quick_catalogue(QUICK_REREADS)
        except Exception:  # noqa: BLE001 - the worker reads it again and names the problem
            sessions = None
        if sessions is None:
            self.load()
        else:
            self.show_sessions(self.Loaded(sessions, list(store.problems)))
        # Reading and checking every guide (~60 ms) would hold up the first frame: the worker
        # shares the interpreter with the drawing. Its problems can wait a moment.
        self.set_timer(GUIDE_CHECK_DELAY, self.check_guides)

    @work(thread=True, exclusive=True, exit_on_error=False, group="catalogue")
    def load(self) -> None:
        store = self.app.store
        try:
            sessions = store.catalogue()
        except Exception as error:  # noqa: BLE001 - never a blank list without a word: name it
            sessions = []
            store.note_problem(str(error) or type(error).__name__)
        self.post_message(self.Loaded(sessions, list(store.problems)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="guides")
    def check_guides(self) -> None:
        problems = list(self.app.shelf.problems)
        if problems:
            self.app.call_from_thread(self.show_problems, guide_problems=problems)

    def show_problems(self, store_problems: list[str] | None = None, guide_problems: list[str] | None = None) -> None:
        if store_problems is not None:
            self.store_problems = store_problems
        if guide_problems is not None:
            self.guide_problems = guide_problems
        every = self.store_problems + self.guide_problems
        panel = self.query_one("#problems", Static)
        if every:
            text = Text("⚠ " + _("Some files could not be read:"), style="bold")
            for line in every[:SHOWN_PROBLEMS]:
                text.append("\n  " + one_line(line, 300))
            if len(every) > SHOWN_PROBLEMS:
                text.append("\n  " + _("… and {count} more (`workshop list` names them all)").format(
                    count=len(every) - SHOWN_PROBLEMS))
            panel.update(text)
        panel.display = bool(every)

    @on(Loaded)
    def show_sessions(self, event: Loaded) -> None:
        self.show_problems(store_problems=event.problems)
        empty = self.query_one("#empty", Static)
        empty.update(Text(_("No sessions yet. Press n to prepare a new session, or d to explore a demo "
                            "collaboration: two earlier sessions and the next one, ready to run.")))
        empty.display = not event.sessions
        self.sessions = event.sessions
        self.fill_table()

    def fill_table(self) -> None:
        rows = []
        previous = None
        for row in home_rows(self.sessions, self.expanded):
            collaboration = row.collaboration
            name = literal(one_line(collaboration, 32), style="bold") if collaboration != previous else NO_TEXT
            previous = collaboration
            info = row.info
            if info is None:
                more = ngettext("… {count} earlier session", "… {count} earlier sessions", row.hidden)
                rows.append(ListRow(MORE + collaboration, (name, NO_TEXT, NO_TEXT, Text(
                    more.format(count=row.hidden), style="italic dim"), NO_TEXT, NO_TEXT, NO_TEXT)))
                continue
            status = Text(_("closed"), style="dim") if info.status == "closed" else Text(_("open"), style="bold")
            # Text cells, not str: what people typed is never read as markup.
            rows.append(ListRow(info.id, (name, Text(day(info.date)), status, literal(one_line(info.title, 32)),
                                          Text(f"{info.steps_done}/{info.steps_total} · {info.contributions}"),
                                          Text(info.guide), Text(info.id))))
        table = self.query_one("#sessions", SessionList)
        # Short, telling columns first: at 80 columns the date and whether a session is open
        # still show; the guide and id come last.
        table.show([_("Collaboration"), _("Date"), _("Status"), _("Title"), _("Progress"), _("Guide"), _("Id")], rows)
        if self.focused is None:
            table.focus()

    def chosen_row(self) -> str | None:
        return self.query_one("#sessions", SessionList).cursor_key

    def chosen_session(self) -> str | None:
        key = self.chosen_row()
        return None if key is None or key.startswith(MORE) else key

    def on_session_list_selected(self, event: SessionList.Selected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        key = self.chosen_row()
        if key is not None and key.startswith(MORE):
            self.expanded.add(key[len(MORE):])
            self.fill_table()
        elif key is not None:
            self.app.open_session(key)

    def action_new_session(self) -> None:
        from screens.new_session import NewSessionScreen

        def prepared(session_id: str | None) -> None:
            if session_id:
                self.load()
                self.app.open_session(session_id)

        self.app.push_screen(NewSessionScreen(), prepared)

    def action_demo(self) -> None:
        self.notify(_("Preparing the demo collaboration…"))
        self.make_demo()

    @work(thread=True, exclusive=True, exit_on_error=False, group="demo")
    def make_demo(self) -> None:
        from workshop.core.making.demo import make_demo

        try:
            made = make_demo(self.app.store)
        except Exception as problem:  # noqa: BLE001 - shown as one line; the store stays usable
            self.app.call_from_thread(self.notify, str(problem), severity="error")
            return
        self.app.call_from_thread(self.demo_ready, len(made))
        self.load()

    def demo_ready(self, count: int) -> None:
        if count > 2:  # the next meeting, prepared for today, is listed first: the cursor is on it
            from screens.commands import BY_ID, key_display

            self.notify(_("Demo ready: two meetings held, and the next one prepared for today: Enter opens it, "
                          "{keys} lets phones join.").format(keys=key_display(self.app, BY_ID["session.serve"])),
                        timeout=10)
        else:
            self.notify(_("Demo ready: {count} sessions.").format(count=count))

    def action_compare(self) -> None:
        self.app.action_compare()

    def action_export(self) -> None:
        self.app.action_export()

    def action_reload(self) -> None:
        self.load()

    def action_quit(self) -> None:
        self.app.exit(0)
