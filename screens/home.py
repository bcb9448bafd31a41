"""Home: the collaborations and their sessions; start a new one, resume one, or try the demo."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from screens.text import literal, one_line
from screens.widgets.footer import TranslatedFooter
from workshop.i18n import N_, _
from workshop.model import SessionInfo


class HomeScreen(Screen):
    BINDINGS = [
        Binding("n", "new_session", N_("New session"), id="home.new"),
        Binding("enter", "open", N_("Open"), id="home.open"),
        Binding("d", "demo", N_("Demo"), id="home.demo"),
        Binding("c", "compare", N_("Compare"), id="home.compare"),
        Binding("x", "export", N_("Export minutes"), id="home.export"),
        Binding("r", "reload", N_("Reload"), show=False, id="home.reload"),
        Binding("q", "quit", N_("Quit"), id="home.quit"),
    ]

    @dataclass
    class Loaded(Message):
        sessions: list[SessionInfo]
        problems: list[str]

    def compose(self) -> ComposeResult:
        yield Static(Text(_("Workshop companion"), style="bold"), id="home-title")
        yield Static(id="problems")
        yield Static(id="empty")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#problems").display = False
        self.query_one("#empty").display = False
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="catalogue")
    def load(self) -> None:
        store = self.app.store
        sessions = store.catalogue()
        self.post_message(self.Loaded(sessions, list(store.problems) + list(self.app.shelf.problems)))

    @on(Loaded)
    def show_sessions(self, event: Loaded) -> None:
        problems = self.query_one("#problems", Static)
        if event.problems:
            text = Text("⚠ " + _("Some files could not be read and were set aside:"), style="bold")
            for line in event.problems[-5:]:
                text.append("\n  " + one_line(line, 300))
            problems.update(text)
        problems.display = bool(event.problems)
        empty = self.query_one("#empty", Static)
        empty.update(Text(_("No sessions yet. Press n to prepare a new session, or d to explore a demo "
                            "collaboration with two earlier sessions.")))
        empty.display = not event.sessions
        table = self.query_one("#sessions", DataTable)
        keep = table.cursor_row
        table.clear(columns=True)
        for label in (_("Collaboration"), _("Date"), _("Title"), _("Guide"), _("Progress"), _("Status"), _("Id")):
            table.add_column(label)
        newest_first = sorted(event.sessions, key=lambda s: s.date, reverse=True)
        ordered = sorted(newest_first, key=lambda s: s.collaboration.casefold())
        previous = None
        for info in ordered:
            name = literal(one_line(info.collaboration, 40), style="bold") if info.collaboration != previous else ""
            previous = info.collaboration
            status = Text(_("closed"), style="dim") if info.status == "closed" else Text(_("open"), style="bold")
            table.add_row(name, info.date, literal(one_line(info.title, 40)), info.guide,
                          f"{info.steps_done}/{info.steps_total} · {info.contributions}", status, info.id,
                          key=info.id)
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))
        table.focus()

    def chosen_session(self) -> str | None:
        table = self.query_one("#sessions", DataTable)
        if not table.row_count:
            return None
        row_key, _column = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        session_id = self.chosen_session()
        if session_id is not None:
            self.app.open_session(session_id)

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
        from workshop.demo import make_demo

        try:
            made = make_demo(self.app.store)
        except Exception as problem:  # noqa: BLE001 - shown as one line; the store stays usable
            self.app.call_from_thread(self.notify, str(problem), severity="error")
            return
        self.app.call_from_thread(self.notify, _("Demo ready: {count} sessions.").format(count=len(made)))
        self.load()

    def action_compare(self) -> None:
        self.app.action_compare()

    def action_export(self) -> None:
        self.app.action_export()

    def action_reload(self) -> None:
        self.load()

    def action_quit(self) -> None:
        self.app.exit(0)
