"""A text that came from a phone or an imported file and holds terminal escapes never reaches the
facilitator's terminal raw, also when it is opened for editing (an editable field draws its value
as it is): asserted on the bytes the real `workshop` writes to its pseudo-terminal."""

from __future__ import annotations

from tests.faults.test_app_faults import open_app, session_at_pains
from workshop.core.session import LiveSession, SessionView

RETITLE = "\x1b]0;PWNED\x07"  # OSC 0: sets the terminal's title
CLIPBOARD = "\x1b]52;c;SGFjaw==\x07"  # OSC 52: writes the clipboard


def test_an_escape_sequence_in_a_contribution_never_reaches_the_terminal_when_it_is_edited(store, make_session):
    session_id = session_at_pains(store, make_session)
    live = LiveSession(store.open_session(session_id))
    live.add("pains", f"van de telefoon {RETITLE} en {CLIPBOARD} klaar", "Gemeente")
    live.release()
    app = open_app(store, session_id)
    try:
        app.wait_for_text("van de telefoon", timeout=30)
        app.press("\x1b[Z", settle=0.4)  # shift+tab: from the entry to the list of contributions
        app.press("down", settle=0.3)
        app.press("enter", settle=2.0)  # edit it: the dialog's field holds the text
        written = bytes(app.output)
        assert b"\x1b]0;" not in written and b"\x1b]52;" not in written
        app.wait_for_text("Escape cancels", timeout=10)
        app.press("enter")  # and save it as it is shown
        app.wait_for(lambda: "Escape cancels" not in app.text(), timeout=10, what="the dialog closed")
    finally:
        app.kill9()
    assert b"\x1b]0;" not in bytes(app.output) and b"\x1b]52;" not in bytes(app.output)
    saved = [x.text for x in SessionView(store.read_session(session_id)).contributions("pains")]
    assert saved == ["van de telefoon ]0;PWNED en ]52;c;SGFjaw== klaar"]  # what the field showed is what was saved
