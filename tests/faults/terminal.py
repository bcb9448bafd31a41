"""Drive the real `workshop` command in a pseudo-terminal and read its screen with pyte.

Used by the whole-app fault suites: the app runs as a user would run it (its own process,
a real terminal), so kill -9 hits it at a real moment.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pyte

WORKSHOP = str(Path(sys.executable).with_name("workshop"))


class Terminal:
    def __init__(self, *args: str, columns: int = 100, lines: int = 30, env: dict | None = None) -> None:
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the app
            environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(lines),
                           "TEXTUAL_ANIMATIONS": "none", **(env or {})}
            os.execve(WORKSHOP, [WORKSHOP, *args], environment)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.alive = True
        self.output = bytearray()

    def pump(self, seconds: float = 0.05) -> None:
        """Read whatever the app drew in the next `seconds`."""
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                return
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                self.alive = False
                return
            if not data:
                self.alive = False
                return
            self.output += data
            self.stream.feed(data)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, check: Callable[[], bool], timeout: float = 20.0, what: str = "") -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.05)
            if check():
                return
        raise AssertionError(f"timed out waiting for {what or check}; screen:\n{self.text()}")

    def wait_for_text(self, needle: str, timeout: float = 20.0) -> None:
        self.wait_for(lambda: needle in self.text(), timeout, repr(needle))

    def type(self, text: str, settle: float = 0.15) -> None:
        """Type like a person: the text, then a moment before the next key (bursts are tested
        on their own, by writing many keys at once to `fd`)."""
        os.write(self.fd, text.encode("utf-8", "surrogatepass"))
        self.pump(settle)

    def press(self, key: str, settle: float = 0.1) -> None:
        keys = {"enter": "\r", "escape": "\x1b", "tab": "\t", "ctrl+q": "\x11", "ctrl+c": "\x03",
                "down": "\x1b[B", "up": "\x1b[A", "f1": "\x1bOP"}
        os.write(self.fd, keys.get(key, key).encode())
        self.pump(settle)

    def kill9(self) -> None:
        if self.alive:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.close()

    def close(self, timeout: float = 10.0) -> int | None:
        end = time.monotonic() + timeout
        status = None
        while time.monotonic() < end:
            self.pump(0.02)
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                break
        else:
            os.kill(self.pid, signal.SIGKILL)
            _, status = os.waitpid(self.pid, 0)
        try:
            os.close(self.fd)
        except OSError:
            pass
        self.alive = False
        return os.waitstatus_to_exitcode(status) if status is not None else None
