"""What the session screen's mixins (screens/session_notes.py, session_serve.py, session_told.py) use
of the screen they are mixed into, SessionScreen (screens/session.py), for the type checker: each
mixin's methods take it as their self-type. Nothing here runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from textual.message import Message
    from textual.notifications import SeverityLevel
    from textual.widget import Widget
    from textual.worker import Worker, WorkType

    from screens.app import WorkshopApp
    from screens.widgets.base import PromptInput
    from workshop.core.session import Change, Changed, LiveSession
    from workshop.serve import Server


class SessionLike(Protocol):
    # the screen's session, its step, its server (ServesParticipants keeps it)
    live: LiveSession
    step_id: str
    server: Server | None

    @property
    def app(self) -> WorkshopApp: ...

    @property
    def prompt_input(self) -> PromptInput: ...

    # the screen's own (screens/session.py)
    def write(self, change: Change) -> bool: ...

    async def open_step(self, step_id: str) -> None: ...

    def show_session(self) -> None: ...

    def show_step(self) -> None: ...

    def tick(self, agenda: bool = False) -> None: ...

    def show_save_state(self, record: Changed) -> None: ...

    # what one mixin asks of another (screens/session_serve.py)
    def show_panels(self) -> None: ...

    def stop_accepting(self) -> None: ...

    async def stop_serving(self, pause: bool = False) -> None: ...

    # Textual's (as its Screen has them; the parts used here)
    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None: ...

    def query_one(self, selector: str) -> Widget: ...

    def run_worker(self, work: WorkType[None]) -> Worker[None]: ...

    def post_message(self, message: Message) -> bool: ...

    def call_later(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> bool: ...
