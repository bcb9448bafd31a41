"""Compare: how the collaboration of a session developed, over that session and its earlier ones.

The sessions are read and compared in a thread (`workshop.core.compare`), so the screen stays
responsive; the sections are drawn by `workshop.present.compare`, as `workshop compare` draws
them, so what people typed looks the same in both and is never read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.widgets.option_list import Option

from screens.commands import bindings
from screens.compare_links import LinkPainsDialog, MatchesDialog, match_options
from screens.text import literal, one_line
from screens.widgets.footer import TranslatedFooter
from workshop.core.compare import (
    Comparison,
    compare_sessions,
    link_pains,
    mark_solved,
    reject_match,
    select_sessions,
    unlink_pains,
)
from workshop.core.session import SessionView
from workshop.core.store import Store, StoreError
from workshop.core.text.i18n import _, current_language, day, ngettext
from workshop.present.compare import (
    actions_table,
    headline_text,
    interests_table,
    late_renderable,
    open_actions_text,
    pains_renderable,
    progress_renderable,
    session_labels,
    sessions_table,
    statements_renderable,
    trends_table,
)
from workshop.present.compare_attendance import attendance_table
from workshop.present.compare_html import save_comparison_page
from workshop.present.compare_phases import phases_table

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
            yield Static(classes="compare-section", id="compare-headline")
            for section in ("sessions", "attendance", "phases", "trends", "statements", "interests", "pains",
                            "progress", "actions", "late"):
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
            comparison = compare_sessions(views, lang=current_language(), from_session=bool(names))
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
            "attendance": _("Who was at the table: the partners away at least once"),
            "phases": _("Phase per partner: who is ready for the next phase"),
            "trends": _("Communication and interaction: the threshold question first"),
            "statements": _("Ambition and other carried statements, with what changed"),
            "interests": _("Interests per partner and level"),
            "pains": _("Pain points: recurring, came back, new, no longer mentioned or solved · m: matches and links"),
            "progress": _("Roles and consent as they progressed"),
            "actions": _("Actions per session"),
            "late": _("Late actions, by owner"),
        }
        for section, words in headings.items():
            self.query_one(f"#heading-{section}", Static).update(Text(words, style="bold"))
        self.query_one("#compare-headline", Static).update(headline_text(comparison))
        self.query_one("#compare-sessions", Static).update(sessions_table(comparison))
        self.query_one("#compare-attendance", Static).update(attendance_table(comparison, session_labels(comparison)))
        for shown in self.query("#heading-phases, #compare-phases"):  # only where a partner was asked its phase
            shown.display = bool(comparison.phases)
        self.query_one("#compare-phases", Static).update(phases_table(comparison, session_labels(comparison)))
        self.show_trends()
        self.query_one("#compare-statements", Static).update(statements_renderable(comparison))
        for shown in self.query("#heading-interests, #compare-interests"):  # only where a step has levels
            shown.display = bool(comparison.interests)
        self.query_one("#compare-interests", Static).update(interests_table(comparison))
        self.query_one("#compare-pains", Static).update(pains_renderable(comparison))
        self.query_one("#compare-progress", Static).update(progress_renderable(comparison))
        self.query_one("#compare-actions", Static).update(
            Group(actions_table(comparison), Text(""), open_actions_text(comparison)))
        self.query_one("#compare-late", Static).update(late_renderable(comparison))

    def show_trends(self) -> None:
        if self.comparison is None:
            return
        target = self.query_one("#compare-trends", Static)
        if self.comparison.trends:
            width = target.size.width or self.size.width - 4
            target.update(Group(trends_table(self.comparison, self.per_partner, width=width),
                                literal(self.comparison.trend_rule, style="dim")))
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

    def action_write_page(self) -> None:
        if self.comparison is not None:
            self.write_page(self.comparison)

    @work(thread=True, exclusive=True, exit_on_error=False, group="compare-page")
    def write_page(self, comparison: Comparison) -> None:
        """The comparison as one html page in the store's exports folder (as `compare --format html`)."""
        try:
            path = save_comparison_page(self.store.root, comparison)
        except OSError as problem:
            words = _("Not written: {problem}").format(problem=problem.strerror or problem)
            self.app.call_from_thread(self.notify, words, severity="error", markup=False)
            return
        self.app.call_from_thread(self.notify, _("Page written to {path}").format(path=path), timeout=10,
                                  markup=False)

    def action_matches(self) -> None:
        """The suggested matches to confirm or reject, and the links made, to undo."""
        if self.comparison is None:
            return
        options, pairs = match_options(self.comparison)
        if not options:
            self.notify(_("No suggested matches and no links in these sessions."), markup=False)
            return
        self.app.push_screen(MatchesDialog(options, pairs), self.save_intent)

    def action_link(self) -> None:
        """Declare a newer pain point the same as an earlier one, by hand."""
        if self.comparison is None:
            return
        later, gone, rest = [], [], []
        seen: set[str] = set()
        for pain_round in self.comparison.pains:
            date = day(self.comparison.session(pain_round.session).date)
            for point in pain_round.new + pain_round.alike if pain_round.previous else ():
                later.append(Option(Text(f"{date}  ").append(literal(one_line(point.text, 100))), id=point.uid))
            for point in pain_round.gone:  # what went away first: the likeliest to be reworded
                if point.uid not in seen:
                    seen.add(point.uid)
                    when = day(self.comparison.session(pain_round.previous or pain_round.session).date)
                    gone.append(Option(Text(f"{when}  ").append(literal(one_line(point.text, 100))), id=point.uid))
        latest = self.comparison.pains[-1].session if self.comparison.pains else ""
        for trail in self.comparison.pain_trails:
            for ref in trail.wordings:
                if ref.uid not in seen and ref.session != latest:
                    seen.add(ref.uid)
                    when = day(self.comparison.session(ref.session).date)
                    rest.append(Option(Text(f"{when}  ").append(literal(one_line(ref.text, 100))), id=ref.uid))
        if not later or not gone + rest:
            self.notify(_("Nothing to link: no new pain point next to an earlier one."), markup=False)
            return
        self.app.push_screen(LinkPainsDialog(later, gone + rest), self.save_link)

    async def save_link(self, pair: tuple[str, str] | None) -> None:
        if pair:
            await self.save_intent(("link", *pair))

    async def save_intent(self, intent: tuple[str, str, str] | None) -> None:
        if not intent:
            return
        verb, first, second = intent
        annotate, done = {
            "link": (link_pains, _("Linked; saved in session {id}.")),
            "unlink": (unlink_pains, _("Link undone in session {id}.")),
            "not_same": (reject_match, _("Marked not the same; saved in session {id}.")),
            "solved": (lambda store, views, uid, _none, live: mark_solved(store, views, uid, True, live),
                       _("Marked solved; saved in session {id}.")),
            "unsolved": (lambda store, views, uid, _none, live: mark_solved(store, views, uid, False, live),
                         _("No longer marked solved; saved in session {id}.")),
        }[verb]
        # The session open for the meeting (WorkshopApp.live_session) writes it, and its screen
        # hears it from the session; an app without meetings (a test's host) has none open.
        live = getattr(self.app, "live_session", lambda: None)()
        try:
            saved_in = annotate(self.store, self.views, first, second, live=live)
            if live is not None:
                await live.save_pending()  # on disk before the comparison is read again
        except (StoreError, ValueError) as problem:
            self.notify(str(problem), severity="error", timeout=8, markup=False)
            return
        self.notify(done.format(id=saved_in), markup=False)
        self.load()
