"""The workshop app: the home screen, and the live session a facilitator runs on a projector."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.screen import Screen

from screens.commands import bindings, every_command
from screens.themes import DEFAULT_THEME, HIGH_CONTRAST
from workshop.core.config.locations import exports_folder
from workshop.core.config.settings import Config, SettingError, load
from workshop.core.store import SessionBusy, Store, StoreError
from workshop.core.text.i18n import _, use_language
from workshop.present.text import visible

if TYPE_CHECKING:  # the guides and the session service are imported when first used: a faster start
    from textual.app import SystemCommand
    from textual.notifications import SeverityLevel

    from workshop.core.guides import GuideShelf


class WorkshopApp(App[int]):
    TITLE = "workshop"
    CSS_PATH = "app.tcss"
    BINDINGS = bindings("app")  # the command palette's key is one of them (screens/commands.py)

    def __init__(self, store: Store, shelf: GuideShelf | Callable[[], GuideShelf], lang: str = "nl",
                 session_id: str | None = None, clock: Callable[[], float] = time.time,
                 config: Config | None = None) -> None:
        super().__init__()
        self.start_notices: list[tuple[str, SeverityLevel]] = []
        if config is None:  # started without the command line (tests, the bench): the environment's
            try:
                config = load(read_keys=True)
            except SettingError as problem:  # one line on screen; the defaults hold
                config = Config()
                self.start_notices.append((str(problem), "error"))
        self.config = config  # keys, serve host and port, folders: workshop/core/config/settings.py
        self.store = store
        self._shelf = shelf
        self._shelf_lock = threading.Lock()
        self.lang = lang
        self.start_session = session_id
        self.start_screen: Screen | None = None
        self.clock = clock
        self.user_keys: dict[str, str] = {}  # binding id → keys, from the user's keymap.toml
        use_language(lang)

    @property
    def shelf(self) -> GuideShelf:
        """The guides, read when first needed (by the home's worker, or preparing a session), so
        reading and checking every guide file does not delay the first screen."""
        with self._shelf_lock:
            if callable(self._shelf):
                self._shelf = self._shelf()
            return self._shelf

    def get_default_screen(self) -> Screen:
        """The home; or, started on a session, an empty screen that the session covers at once.

        The home is then only built when the facilitator leaves the session, so the meeting's
        screen is the first one drawn, with nothing composed beneath it."""
        if self.start_session:
            self.start_screen, notices = self.session_screen(self.start_session)
            self.start_notices += notices
            if self.start_screen is not None:
                return Screen()
        from screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self.apply_keymap()
        self.tell(self.start_notices)
        if self.start_screen is not None:
            self.push_screen(self.start_screen)
            self.start_screen = None

    def apply_keymap(self) -> None:
        """The user's own keys (keymap.toml, read with the configuration: workshop/core/config/keymap.py);
        ids no command has are named, the others apply."""
        keymap = dict(self.config.keys)
        if not keymap:
            return
        unknown = sorted(set(keymap) - {command.id for command in every_command()})
        if unknown:
            self.notify(_("{file}: no command has the id {ids} (F1 lists them)").format(
                file=self.config.keymap_file(), ids=", ".join(unknown)), severity="warning", timeout=10)
        self.user_keys = keymap
        self.set_keymap(keymap)

    # --- sessions -----------------------------------------------------------------------------

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every toast shows its text literally: messages carry names, file names and typed text,
        so markup is off and control characters are escaped (widgets' notify lands here too)."""
        kwargs = {} if timeout is None else {"timeout": timeout}
        super().notify(visible(message), title=visible(title), severity=severity, markup=markup, **kwargs)

    def open_session(self, session_id: str) -> bool:
        """Open a session for the meeting; read-only (with the reason) when it is open elsewhere."""
        screen, notices = self.session_screen(session_id)
        self.tell(notices)
        if screen is None:
            return False
        self.push_screen(screen)
        return True

    def tell(self, notices: list[tuple[str, SeverityLevel]]) -> None:
        for message, severity in notices:
            self.notify(message, severity=severity, timeout=8)

    def session_screen(self, session_id: str) -> tuple[Screen | None, list[tuple[str, SeverityLevel]]]:
        """The screen of a session and what to tell the facilitator (why it is read-only, or why
        it cannot be opened: then no screen)."""
        from screens.session import SessionScreen
        from workshop.core.session import LiveSession
        from workshop.core.session.view import is_closed
        from workshop.core.store.store import META

        reason = ""
        try:
            try:
                file = self.store.open_session(session_id)
                # A closed session is only read: its lock is let go, so others can read it too.
                # Only its meta says whether it is closed: the view of the rest is built once, below.
                if is_closed(file.tables()[META]["1"]):
                    file = file.as_read_only()
            except SessionBusy as busy:
                reason = str(busy)
                file = self.store.open_session(session_id, write=False)
            live = LiveSession(file, clock=self.clock)
        except StoreError as problem:
            return None, [(str(problem), "error")]
        use_language(live.lang)
        return SessionScreen(live, reason), [(reason, "warning")] if reason else []

    def live_session(self):  # -> LiveSession | None
        """The session open for the meeting, if any: a comparison writes its links through it."""
        from screens.session import SessionScreen

        return next((s.live for s in self.screen_stack if isinstance(s, SessionScreen) and not s.released), None)

    def leave_session(self) -> None:
        from screens.home import HomeScreen
        from screens.session import SessionScreen

        screen = self.screen
        if isinstance(screen, SessionScreen):
            if self.typed_but_not_saved(screen):
                return
            screen.release()
        use_language(self.lang)
        self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            self.refresh_home()
        else:  # the app was started on this session: the home is made now (and reads the list)
            self.push_screen(HomeScreen())

    warned_about: tuple[str, ...] = ()

    def typed_but_not_saved(self, screen) -> bool:
        """Text typed in the step but not yet entered is named once before leaving: a second
        Escape leaves without it (it was never saved), Enter saves it."""
        from textual.widgets import Input

        typed = () if screen.live.read_only else tuple(
            field.value for field in screen.prompt_input.query(Input) if field.value.strip())
        if not typed or typed == self.warned_about:
            self.warned_about = ()
            return False
        self.warned_about = typed
        self.notify(_("What is typed is not saved yet: Enter saves it; Escape again leaves without it."),
                    severity="warning", timeout=6)
        return True

    def refresh_home(self) -> None:
        from screens.home import HomeScreen

        if isinstance(self.screen, HomeScreen):
            self.screen.load()

    def on_unmount(self) -> None:
        from screens.session import SessionScreen

        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.release()

    # --- app-wide actions ---------------------------------------------------------------------

    def action_command_palette(self) -> None:
        """The palette with its placeholder in the app's language (Textual's is English)."""
        from textual.command import CommandPalette

        # Textual types is_open's app App[object], which an App[int] is not (its type parameter is invariant).
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for an action…")))

    def action_help(self) -> None:
        from screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen(self.screen))

    def action_contrast(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    def current_session_id(self) -> str | None:
        live = getattr(self.screen, "live", None)
        if live is not None:
            return live.id
        chosen = getattr(self.screen, "chosen_session", None)
        return chosen() if chosen is not None else None

    def action_compare(self) -> None:
        from screens.compare import CompareScreen

        session_id = self.current_session_id()
        if session_id is None:
            self.notify(_("Choose a session to compare first."))
            return
        self.push_screen(CompareScreen(self.store, session_id))

    def action_export(self) -> None:
        session_id = self.current_session_id()
        if session_id is None:
            self.notify(_("Choose a session to export first."))
            return
        self.export_minutes(session_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def export_minutes(self, session_id: str) -> None:
        """Write the minutes as Markdown, HTML and a Word document into the store's exports/ folder."""
        from workshop.core.session import SessionView
        from workshop.present.export import save_export

        try:
            view = SessionView(self.store.read_session(session_id))
            folder = exports_folder(self.store.root)
            written = [str(save_export(view, fmt, folder / f"{session_id}.{fmt}")) for fmt in ("md", "html", "docx")]
        except (OSError, StoreError, ValueError) as problem:
            self.call_from_thread(self.notify, _("Export failed: {problem}").format(problem=problem),
                                  severity="error")
            return
        self.call_from_thread(self.notify, _("Minutes written to {paths}").format(paths=", ".join(written)),
                              timeout=10)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette: the commands of this screen and its widgets, in the user's language
        (Textual's own English-only commands are left out)."""
        from screens.providers import screen_commands

        return screen_commands(screen)
