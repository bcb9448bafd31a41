"""A session: what the group said, step by step, and the facilitator's moves through it.

    view.py     SessionView: every question about a session's data, read-only
    changes.py  one small dataclass per intent (AddContribution, Score, GoTo, …)
    rules.py    what each change checks and does to the model
    live.py     LiveSession.apply(change): check, update the one model, tell, save
    told.py     Changed: the record of what a change did, handed to the session's listeners
    saving.py   the one save path: a writer thread, off the event loop; retried when refused
"""

from workshop.core.session.changes import Change
from workshop.core.session.live import LiveSession, SaveFailed, SessionClosed
from workshop.core.session.rules import ID_PREFIX_EXTRA, MAX_TEXT
from workshop.core.session.told import Changed
from workshop.core.session.view import SessionView, Spread

__all__ = ["Change", "Changed", "ID_PREFIX_EXTRA", "LiveSession", "MAX_TEXT", "SaveFailed", "SessionClosed",
           "SessionView",
           "Spread"]
