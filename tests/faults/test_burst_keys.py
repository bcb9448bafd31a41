"""Twenty contributions written to the real app's terminal in one burst: all saved, in order."""

from __future__ import annotations

import os

from tests.faults.test_app_faults import STEP_TITLE, on_disk, open_app, session_at_pains

BURST = [f"w{number:03d}-{number:03d} [b]x[/b]" for number in range(20)]


def test_twenty_contributions_in_one_write_to_the_terminal_are_saved_exactly_in_order(store, make_session):
    session_id = session_at_pains(store, make_session)
    path = store.session_path(session_id)
    app = open_app(store, session_id)
    try:
        app.wait_for_text(STEP_TITLE, timeout=30)
        os.write(app.fd, b"a\rb\r" + "".join(text + "\r" for text in BURST).encode())
        app.wait_for(lambda: len(on_disk(path)) >= 22, timeout=30, what="22 contributions saved")
        app.pump(0.5)  # anything saved twice would show up now
    finally:
        app.kill9()
    assert on_disk(path) == ["a", "b", *BURST]
