"""Every command of the app, declared once: its id, default keys, words, action and where it applies.

The key bindings (`BINDINGS = bindings("session")`), the footer, the F1 help and the command
palette are all made from this list, so a command cannot show one key in the footer and another
in the help. The id is what a user's keymap.toml remaps (workshop/core/config/keymap.py); an id names all
keys of its command, so `"app.help" = "f2"` replaces both F1 and its ctrl key.

Every F-key has a ctrl key beside it: F-keys are media keys on Mac laptops and several are taken
by terminals (docs/keys.md lists which keys each common terminal keeps for itself, and why these
were chosen). The ctrl keys that an input field also uses (ctrl+a, ctrl+d, ctrl+u, ctrl+w) are
`priority` bindings, so they work while the facilitator is typing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from workshop.core.text.i18n import N_

if TYPE_CHECKING:
    from typing import Any

    from textual.app import App
    from textual.dom import DOMNode
    from textual.screen import Screen
    from textual.widget import Widget


@dataclass(frozen=True)
class Command:
    id: str  # the binding id, remappable in keymap.toml
    keys: str  # default keys, comma-separated ("" = only in the command palette)
    description: str  # a message id: the footer's and the help's words
    action: str  # a Textual action, run on the node of `place`
    place: str  # "app", a screen ("home", "session", …) or a widget ("agenda", "scale", …)
    footer: bool = True  # shown in the footer (when its place is active)
    palette: bool = True  # offered in the command palette
    priority: bool = False  # wins over an input field's own use of the key
    title: str = ""  # a longer message id for the palette and help (default: description)
    help: str = ""  # a message id shown under the title in the palette

    @property
    def default_keys(self) -> list[str]:
        return [key for key in self.keys.split(",") if key]

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.description, show=self.footer, priority=self.priority,
                       id=self.id)

    def keys_now(self, keymap: dict[str, str]) -> list[str]:
        """The keys the user has for this command: their keymap's, else the defaults."""
        keys = keymap.get(self.id)
        return [key.strip() for key in keys.split(",") if key.strip()] if keys else self.default_keys


C = Command
COMMANDS: tuple[Command, ...] = (
    # --- everywhere ---
    C("app.help", "f1,ctrl+l", N_("Help"), "help", "app", title=N_("Help: every key")),  # again: closes it
    C("app.contrast", "f3,ctrl+a", N_("High contrast"), "contrast", "app", footer=False, priority=True,
      title=N_("High-contrast theme on/off")),
    C("app.palette", "ctrl+p", N_("All actions"), "command_palette", "app", palette=False, priority=True,
      title=N_("Command palette: every action")),
    C("app.quit", "", N_("Quit"), "quit", "app"),
    # --- home ---
    C("home.new", "n", N_("New session"), "new_session", "home"),
    C("home.open", "enter", N_("Open"), "open", "home"),
    C("home.demo", "d", N_("Demo"), "demo", "home"),
    C("home.compare", "c", N_("Compare"), "compare", "home", title=N_("Compare sessions"),
      help=N_("this collaboration over time")),
    C("home.export", "x", N_("Export minutes"), "export", "home",
      help=N_("Markdown, HTML and Word in the store's exports folder")),
    C("home.reload", "r", N_("Reload"), "reload", "home", footer=False),
    C("home.quit", "q", N_("Quit"), "quit", "home"),
    # --- the live session ---
    C("session.next", "ctrl+n", N_("Next step"), "next_step", "session"),
    C("session.previous", "ctrl+b", N_("Previous step"), "previous_step", "session"),
    C("session.agenda", "ctrl+g", N_("Agenda"), "agenda", "session"),
    C("session.timer", "ctrl+t", N_("Start/pause timer"), "timer", "session"),
    C("session.add_minutes", "ctrl+y", N_("+5 min"), "add_minutes(5)", "session"),
    C("session.note", "ctrl+o", N_("Note"), "note", "session"),
    C("session.presentation", "ctrl+f", N_("Presentation"), "presentation", "session"),
    C("session.compare", "f6,ctrl+d", N_("Compare"), "app.compare", "session", priority=True,
      title=N_("Compare sessions"), help=N_("this collaboration over time")),
    C("session.export", "f7,ctrl+u", N_("Export minutes"), "app.export", "session", footer=False, priority=True,
      help=N_("Markdown, HTML and Word in the store's exports folder")),
    C("session.close", "f10,ctrl+w", N_("Summary and close"), "close_session", "session", priority=True,
      title=N_("Summary of what was agreed; the session closes when the group confirms")),
    C("session.back", "escape", N_("Back"), "back", "session"),
    C("session.skip", "", N_("Skip the current step"), "skip_step", "session", help=N_("or bring it back")),
    C("session.add_step", "", N_("Add an extra step"), "add_step", "session", help=N_("an open step after this one")),
    C("session.next_meeting", "", N_("Next meeting"), "next_meeting", "session",
      title=N_("Set the date of the next meeting"), help=N_("its date, place and theme go into the minutes")),
    C("session.minutes_taker", "", N_("Minutes taker"), "minutes_taker", "session",
      title=N_("Who takes the minutes (the notulist)"), help=N_("named in the minutes' header")),
    C("session.less_time", "", N_("Take 1 minute off the timer"), "add_minutes(-1)", "session"),
    # --- participants join from their phones (screens/session_serve.py) ---
    C("session.serve", "f8,ctrl+x", N_("Participants join"), "serve", "session", footer=False,
      title=N_("Let participants join from their phones"), help=N_("again: they can no longer join or send")),
    C("session.reveal", "", N_("Reveal the scores"), "reveal", "session", help=N_("a blind scale's distribution")),
    C("session.close_input", "", N_("Close the step to participants' input"), "close_input", "session",
      help=N_("again: open it")),
    C("session.show_held", "", N_("Show the next waiting contribution"), "show_held", "session"),
    C("session.hide_shown", "", N_("Hold back the latest shown contribution"), "hide_last_shown", "session"),
    C("join.show", "s", N_("Show next"), "screen.show_held", "join"),
    C("join.hide", "h", N_("Hold back"), "screen.hide_last_shown", "join"),
    C("join.reveal", "r", N_("Reveal"), "screen.reveal", "join"),
    C("join.close", "c", N_("Close/open input"), "screen.close_input", "join"),
    C("join.qr", "q", N_("QR code"), "toggle_qr", "join",
      title=N_("The QR code on a narrow terminal (again: one line)")),
    C("join.seats", "f", N_("Seats"), "screen.seats", "join", title=N_("Seats: who joined from a device; free one")),
    C("session.seats", "", N_("Seats: who joined from a device; free one"), "seats", "session"),
    C("join.new_code", "n", N_("New code"), "screen.new_code", "join",
      title=N_("A new join code (who joined stays in)")),
    C("session.new_code", "", N_("A new join code (who joined stays in)"), "new_code", "session"),
    C("join.organisation", "o", N_("Organisation"), "screen.move_participant", "join",
      title=N_("Put a listed person with another organisation")),
    C("session.organisation", "", N_("Put a listed person with another organisation"), "move_participant", "session"),
    C("seats.free", "delete,backspace", N_("Free the seat"), "free", "seats"),
    C("seats.cancel", "escape", N_("Close"), "cancel", "seats"),
    C("session.more_time", "", N_("Add 1 minute to the timer"), "add_minutes(1)", "session"),
    # --- compare, summary, a new session, the help ---
    C("compare.close", "escape,q", N_("Close"), "close", "compare"),
    C("compare.per_partner", "p", N_("Per partner"), "per_partner", "compare"),
    C("compare.matches", "m", N_("Matches and links"), "matches", "compare",
      title=N_("Pain points that may be the same: confirm, reject, undo")),
    C("compare.link", "l", N_("Link pain points"), "link", "compare"),
    C("compare.write_page", "w", N_("Page for the board"), "write_page", "compare",
      title=N_("Write the comparison as one html page for the board")),
    C("compare.reload", "r", N_("Reload"), "reload", "compare", footer=False),
    C("compare_matches.confirm", "y", N_("Same: confirm"), "decide('link')", "compare_matches"),
    C("compare_matches.reject", "n", N_("Not the same"), "decide('not_same')", "compare_matches"),
    C("compare_matches.undo", "u", N_("Undo the link"), "decide('unlink')", "compare_matches"),
    C("compare_matches.solved", "s", N_("Solved, or not after all"), "decide('solved')", "compare_matches"),
    C("compare_matches.cancel", "escape", N_("Close"), "cancel", "compare_matches"),
    C("compare_link.cancel", "escape", N_("Cancel"), "cancel", "compare_link"),
    C("compare_link.link", "ctrl+s", N_("Link the two"), "link", "compare_link"),
    C("summary.back", "escape", N_("Back to the session"), "back", "summary"),
    C("summary.confirm", "ctrl+s", N_("Group confirms: close"), "confirm", "summary"),
    C("new.start", "ctrl+s", N_("Prepare and open"), "start", "new"),
    C("new.cancel", "escape", N_("Cancel"), "cancel", "new"),
    C("help.close", "escape,q", N_("Close help"), "dismiss", "help", palette=False),
    # --- dialogs: a line of text, yes or no, attendance (screens/dialogs.py), pick a partner (widgets/who.py) ---
    C("dialog.cancel", "escape", N_("Cancel"), "cancel", "dialog", palette=False),
    C("dialog.save", "ctrl+s", N_("Save"), "save", "dialog", palette=False),
    C("confirm.yes", "y,j", N_("Yes"), "answer(True)", "confirm", palette=False),
    C("confirm.no", "n,escape", N_("No"), "answer(False)", "confirm", palette=False),
    C("attendance.close", "escape", N_("Close"), "close", "attendance", palette=False),
    C("attendance.present", "p", N_("Present"), "mark('present')", "attendance", palette=False),
    C("attendance.absent", "a", N_("Absent"), "mark('absent')", "attendance", palette=False),
    C("attendance.excused", "e", N_("Excused"), "mark('excused')", "attendance", palette=False),
    C("attendance.cycle", "space", N_("Next status"), "cycle", "attendance", palette=False),
    C("attendance.everyone", "ctrl+y", N_("Everyone present"), "everyone", "attendance", palette=False),
    C("attendance.card", "n", N_("Short name and group"), "card", "attendance", palette=False),
    C("partner.cancel", "escape", N_("Cancel"), "cancel", "partner", palette=False),
    # --- the home's list of sessions (screens/widgets/session_list.py) ---
    C("sessions.select", "enter", N_("Open"), "select", "sessions", footer=False, palette=False),
    C("sessions.up", "up", N_("Previous session"), "cursor(-1)", "sessions", footer=False, palette=False),
    C("sessions.down", "down", N_("Next session"), "cursor(1)", "sessions", footer=False, palette=False),
    C("sessions.page_up", "pageup", N_("Page up"), "page(-1)", "sessions", footer=False, palette=False),
    C("sessions.page_down", "pagedown", N_("Page down"), "page(1)", "sessions", footer=False, palette=False),
    C("sessions.first", "home,ctrl+home", N_("First session"), "cursor_to(0)", "sessions", footer=False, palette=False),
    C("sessions.last", "end,ctrl+end", N_("Last session"), "cursor_to(-1)", "sessions", footer=False, palette=False),
    C("sessions.scroll_left", "left", N_("Scroll left"), "scroll_left", "sessions", footer=False, palette=False),
    C("sessions.scroll_right", "right", N_("Scroll right"), "scroll_right", "sessions", footer=False, palette=False),
    # --- the lists drawn line by line (screens/widgets/lines.py: the agenda, the contributions) ---
    C("lines.up", "up", N_("Previous line"), "cursor(-1)", "lines", footer=False, palette=False),
    C("lines.down", "down", N_("Next line"), "cursor(1)", "lines", footer=False, palette=False),
    C("lines.first", "home", N_("First line"), "first", "lines", footer=False, palette=False),
    C("lines.last", "end", N_("Last line"), "last", "lines", footer=False, palette=False),
    C("lines.page_down", "pagedown", N_("Page down"), "page(1)", "lines", footer=False, palette=False),
    C("lines.page_up", "pageup", N_("Page up"), "page(-1)", "lines", footer=False, palette=False),
    # --- the agenda and the list of contributions ---
    C("agenda.go", "enter", N_("Go to step"), "go", "agenda"),
    C("agenda.skip", "s", N_("Skip / unskip"), "skip", "agenda"),
    C("agenda.up", "shift+up,left_square_bracket", N_("Move step up"), "move(-1)", "agenda"),
    C("agenda.down", "shift+down,right_square_bracket", N_("Move step down"), "move(1)", "agenda"),
    C("agenda.add", "a", N_("Add a step"), "add", "agenda"),
    C("agenda.attendance", "p", N_("Attendance"), "attendance", "agenda",
      title=N_("Attendance: who is present, absent or excused")),
    C("contribution.edit", "enter,e", N_("Edit"), "edit", "contributions"),
    C("contribution.remove", "delete,backspace", N_("Remove"), "remove", "contributions"),
    C("contribution.undo", "u", N_("Undo remove"), "undo", "contributions", title=N_("Bring back what was removed")),
    C("contribution.up", "shift+up,left_square_bracket", N_("Move up"), "move(-1)", "contributions"),
    C("contribution.down", "shift+down,right_square_bracket", N_("Move down"), "move(1)", "contributions"),
    # --- one input per prompt kind ---
    C("open.who_previous", "up", N_("Previous partner"), "cycle_who(-1)", "open"),
    C("open.who_next", "down", N_("Next partner"), "cycle_who(1)", "open"),
    C("open.pick_who", "f2,shift+down", N_("Pick a partner"), "pick_who", "open", footer=False,
      title=N_("Pick a partner by typing part of its name")),
    C("open.level", "f4,shift+up", N_("Level"), "cycle_level", "open", footer=False,
      title=N_("Next level of an interest"), help=N_("for the next contribution, or the one chosen in the list")),
    C("statement.agree", "ctrl+r", N_("Agree on this text"), "agree", "statement"),
    C("statement.lines", "ctrl+e", N_("Several lines"), "lines", "statement", footer=False,
      title=N_("Write the text as several lines (a card, a list)"), help=N_("ctrl+s saves a new version")),
    C("statement.clear", "f9,shift+delete", N_("Empty the entry"), "clear", "statement", priority=True,
      title=N_("Empty the entry to write the text anew")),
    C("scale.comment", "enter", N_("Score with comment"), "comment", "scale"),
    C("scale.clear", "delete,backspace", N_("Clear score"), "clear", "scale"),
    *(C(f"scale.score_{digit}", str(digit), N_("Score"), f"score({digit})", "scale", footer=False, palette=False)
      for digit in range(10)),
    C("vote.add", "plus,space,enter,equals_sign", N_("Add a dot"), "dot(1)", "vote"),
    C("vote.remove", "minus,backspace,delete", N_("Take a dot back"), "dot(-1)", "vote"),
    C("assign.adopt", "ctrl+r", N_("Adopt as it stands"), "adopt", "assign",
      title=N_("Adopt these roles as they stand (vaststellen)"), help=N_("the next session starts from them")),
    C("consent.adopt", "ctrl+r", N_("Adopt as it stands"), "adopt", "consent",
      title=N_("Adopt this grid as it stands (vaststellen)"), help=N_("the next session starts from it")),
    C("consent.cycle", "space", N_("Next status"), "cycle", "consent"),
    C("consent.date", "d", N_("Date"), "date", "consent"),
    C("consent.add_body", "a", N_("Add a body"), "add_body", "consent", title=N_("Add a formal body to this step"),
      help=N_("e.g. a GMR, a tenants' organisation, the municipal council")),
    C("consent.rename_body", "e", N_("Rename body"), "rename_body", "consent", footer=False,
      title=N_("Rename a body added in a session")),
    C("consent.remove_body", "delete", N_("Remove body"), "remove_body", "consent", footer=False,
      title=N_("Remove a body added in a session"), help=N_("with its statuses, after you confirm")),
    # consent.status_1 … are made from the consent statuses: see consent_statuses()
    C("choice.cycle", "space", N_("Next option"), "cycle", "choice", footer=False),
    *(C(f"choice.pick_{digit}", str(digit), N_("Pick"), f"pick({digit})", "choice", footer=False, palette=False)
      for digit in range(1, 10)),
    C("review.cycle", "space", N_("Next status"), "cycle", "review"),
    C("review.done", "d", N_("Done"), "mark('done')", "review"),
    C("review.open", "o", N_("Still open"), "mark('open')", "review"),
    C("review.dropped", "x", N_("Dropped"), "mark('dropped')", "review"),
    # a pilot: d, o and x mean finished, running and stopped (see review_input.PILOT_KEYS)
    C("review.adjusted", "a", N_("Pilot adjusted"), "mark('adjusted')", "review"),
)


@cache
def consent_statuses() -> tuple[Command, ...]:
    """A number key per consent status, in the order the consent step shows them."""
    # Read when the consent step is first needed: the labels' module is not needed to start.
    from workshop.core.model import ConsentStatus
    from workshop.core.outcomes.summary import CONSENT_LABELS

    return tuple(C(f"consent.status_{number}", str(number % 10), CONSENT_LABELS[status], f"status({number})",
                   "consent", footer=False, palette=False)
                 for number, status in enumerate(ConsentStatus.offered(), start=1))


BY_ID: dict[str, Command] = {command.id: command for command in COMMANDS}  # without consent_statuses()
ORDER: dict[str, int] = {command.id: number for number, command in enumerate(COMMANDS)}


def every_command() -> tuple[Command, ...]:
    return COMMANDS + consent_statuses()


def commands_in(place: str) -> list[Command]:
    listed = [command for command in COMMANDS if command.place == place]
    return listed + list(consent_statuses()) if place == "consent" else listed


def bindings(place: str) -> list[BindingType]:
    """The BINDINGS of the screen or widget that is `place`."""
    return [command.binding() for command in commands_in(place) if command.keys]


def place_of(node: DOMNode) -> str | None:
    """The place a screen or widget declares (`PLACE = "session"`), if it has commands."""
    return getattr(type(node), "PLACE", None)


def places_on(screen: Screen) -> Iterator[tuple[App[Any] | Widget, str]]:
    """The app, the screen and each kind of widget on it that has commands, with their place."""
    yield screen.app, "app"
    own = place_of(screen)
    if own:
        yield screen, own
    seen: set[type] = set()
    for node in screen.query("*"):
        place = place_of(node)
        if place and type(node) not in seen:
            seen.add(type(node))
            yield node, place


def key_display(app: App, command: Command) -> str:
    """The command's keys as the user has them (their keymap applied), e.g. "F1 ^l"."""
    keymap = getattr(app, "user_keys", {})
    return " ".join(app.get_key_display(Binding(key, command.action)) for key in command.keys_now(keymap))
