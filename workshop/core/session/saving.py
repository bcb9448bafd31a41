"""Saving a live session: one path for every change, the facilitator's keys and the phones' alike.

A change is made in memory by `apply` and waits in `pending`; `_save` then puts what waits on
disk through `SessionFile.save` (encode, temporary file, fsync, rename: workshop/core/store), one
write at a time, in the order they were asked (a newer session is never overwritten by an older
one):

- on an event loop (the app, `workshop serve`) a writer task copies the session there (each
  record one level deep: the rules replace records and meta values, they never change them
  inside), and the JSON encoding and the write run in the writer thread, so neither a key press
  nor a phone waits for the disk. Whatever arrives meanwhile goes with the next write (a group
  commit). The outcome is told as a record: saved once nothing waits, or not saved, with what
  waits and why; a refused write is tried again after RETRY_SECONDS, or at once when asked.
  `await save_pending()` returns once the changes made so far are durably on disk.
- without a loop (the command line, scripts, the core's tests) `retry()` makes the same write in
  the caller's thread, after any write on its way, and raises SaveFailed when the disk refuses.

A change is shown as saved only after the write that carried it returned; a refused one stays
pending, in order, and is retried.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from workshop.core.model import now_iso
from workshop.core.session.told import Changed, Listener, Listeners
from workshop.core.store import StoreError
from workshop.core.text.i18n import _

if TYPE_CHECKING:
    from workshop.core.session import changes as c
    from workshop.core.store import SessionFile

RETRY_SECONDS = 2.0


def _writer_thread() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="workshop-save")


_WRITER = _writer_thread()
if hasattr(os, "register_at_fork"):  # a forked child has no writer thread: it gets its own
    os.register_at_fork(after_in_child=lambda: globals().update(_WRITER=_writer_thread()))


class SaveFailed(StoreError):
    """The disk refused a change; it is kept in memory and retried."""


class Saves:
    """Mixed into LiveSession: `file`, `pending` and `tables()` are the session's."""

    file: SessionFile
    pending: list[c.Change]
    if TYPE_CHECKING:
        def tables(self) -> dict[str, Any]: ...  # SessionView's

    def _start_saving(self) -> None:
        self.listeners = Listeners()
        self.saved_at = ""
        self.problem = ""  # why the last write failed; "" once one succeeded
        self._made = 0  # changes made so far: a write carries those made before it started
        self._waiters: list[tuple[int, asyncio.Future]] = []
        self._writer: asyncio.Task | None = None
        self._job: Future | None = None  # the write in the writer thread now
        self._now = asyncio.Event()  # a retry waiting for its time goes at once
        self._let_go = False

    # --- who hears of it --------------------------------------------------------------------

    def listen(self, listener: Listener) -> None:
        """Call `listener(record)` with every record of what changed (workshop/core/session/told.py),
        on the thread that made the change (the event loop's, when there is one)."""
        self.listeners.listen(listener)

    def unlisten(self, listener: Listener) -> None:
        self.listeners.unlisten(listener)

    def tell(self, record: Changed) -> None:
        """Hand a record to every listener (the core's own parts tell what they keep beside the
        model this way: the server who answered)."""
        self.listeners.tell(record)

    # --- the one save path -----------------------------------------------------------------------

    def _pend(self, change: c.Change) -> None:
        self.pending.append(change)
        self._made += 1

    def _save(self) -> None:
        """Put what is pending on disk: by the writer task on an event loop, or now without one."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.retry()
            return
        self._write_soon(loop)

    def _write_soon(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._let_go:
            return
        if self._writer is None or self._writer.done():
            self._now = asyncio.Event()
            self._writer = loop.create_task(self._write_while_pending())
        else:
            self._now.set()

    def save_soon(self) -> None:
        """Try what waits again now, not after the retry's time."""
        if self.pending:
            self._save()

    async def save_pending(self) -> None:
        """Return once every change made so far is durably on disk (by the write that carries it,
        or a later one). SaveFailed when that write failed: the changes stay pending and are
        retried. Call it on the loop that applies changes."""
        if not self.pending:
            return
        if self._let_go:  # let go of: written here, or refused
            self.retry()
            return
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        self._waiters.append((self._made, done))
        self._write_soon(loop)
        await done

    def retry(self) -> bool:
        """Write every pending change now, after any write on its way, and wait for it: True when
        nothing is pending; SaveFailed when the disk refuses (the changes wait, in order)."""
        if not self.pending:
            return True
        if self._job is not None:  # the writer thread's write goes first
            concurrent.futures.wait([self._job])
        number, waiting, copy = self._copy()
        try:
            self.file.save(copy)
        except (OSError, StoreError) as error:
            raise self._refused(number, error) from None
        self._wrote(number, waiting)
        return True

    async def _write_while_pending(self) -> None:
        while self.pending and not self._let_go:
            number, waiting, copy = self._copy()
            self._job = _WRITER.submit(self.file.save, copy)
            try:
                await asyncio.wrap_future(self._job)
            except (OSError, StoreError) as error:
                self._refused(number, error)
                self._now.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._now.wait(), RETRY_SECONDS)
                continue
            self._wrote(number, waiting)

    def _copy(self) -> tuple[int, list[c.Change], dict]:
        """The session as it is now, what it carries, and how many changes were made before it."""
        copy = {name: {key: dict(record) for key, record in table.items()} for name, table in self.tables().items()}
        return self._made, list(self.pending), copy

    def _wrote(self, number: int, waiting: list[c.Change]) -> None:
        written = {id(change) for change in waiting}
        self.pending = [change for change in self.pending if id(change) not in written]
        self.saved_at, self.problem = now_iso(), ""
        self._settle(number, None)
        if not self.pending:
            self.tell(Changed(saved=True))

    def _refused(self, number: int, error: Exception) -> SaveFailed:
        why = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        problem = SaveFailed(_("Not saved yet: {problem}. It will be retried.").format(problem=why))
        self.problem = str(problem)
        self._settle(number, problem)
        self.tell(Changed(saved=False, waiting=len(self.pending), problem=self.problem))
        return problem

    def _settle(self, number: int, problem: SaveFailed | None) -> None:
        """Answer those waiting for changes this write carried."""
        still = []
        for made, done in self._waiters:
            if made > number:
                still.append((made, done))
            elif not done.done():
                done.set_exception(problem) if problem is not None else done.set_result(None)
        self._waiters = still

    def _stop_saving(self) -> None:
        """The session is let go: what waits is written now if the disk takes it, then no more."""
        with contextlib.suppress(SaveFailed):
            self.retry()
        self._let_go = True
        if self._writer is not None:
            self._writer.cancel()
            self._writer = None
