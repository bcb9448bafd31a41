"""Kill the real `workshop` command with SIGKILL mid-session; start it again: nothing saved is lost."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from workshop.core.session import SessionView

WORKSHOP = Path(sys.executable).parent / "workshop"
pytestmark = pytest.mark.skipif(not WORKSHOP.exists() or sys.platform == "win32", reason="needs the workshop script and a pty")


class Terminal:
    """The app running in a pseudo-terminal of 100x30; its output is read (and dropped) by a thread."""

    def __init__(self, *args: str) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
        self.process = subprocess.Popen([str(WORKSHOP), *args], stdin=slave, stdout=slave, stderr=slave,
                                        env=env, start_new_session=True, close_fds=True)
        os.close(slave)
        self.output = bytearray()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        try:
            os.close(self.master)
        except OSError:
            pass


def wait_for(condition, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = condition()
        except Exception:  # noqa: BLE001 - the file may be mid-replace; look again
            found = None
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("timed out waiting for the app")


def test_saved_contributions_survive_kill_and_the_meeting_resumes_at_its_step(store, make_session):
    session_id = make_session()
    read = lambda: SessionView(store.read_session(session_id))  # noqa: E731
    args = ("--store", str(store.root), "open", session_id)

    first = Terminal(*args)
    try:
        wait_for(lambda: read().meta.get("visited"))  # the app is up: opening the meeting started the timer
        agenda = [step.id for step in read().agenda]
        for step_id in agenda[1:agenda.index("pains") + 1]:
            first.send("\x0e")  # ctrl+n: next step, one at a time up to the pain points
            wait_for(lambda: read().current.id == step_id)
        wait_for(lambda: b"What gets in the way" in first.output)  # its prompt is drawn: the entry is there
        typed = []
        for number in range(1, 4):
            text = f"pain point {number} [b]literal[/b]"
            first.send(text + "\r")
            typed.append(text)
            wait_for(lambda: [c.text for c in read().contributions("pains")] == typed)
    finally:
        first.kill()

    second = Terminal(*args)
    try:
        wait_for(lambda: b"pain point 3" in second.output)  # drawn: resumed at the same step
        time.sleep(0.3)
        second.send("resumed here\r")
        wait_for(lambda: len(read().contributions("pains")) == 4)
        view = read()
        assert [c.text for c in view.contributions("pains")] == [*typed, "resumed here"]
        assert view.current.id == "pains"
        second.send("\x11")  # ctrl+q: quit
        second.process.wait(timeout=10)
    finally:
        second.kill()
