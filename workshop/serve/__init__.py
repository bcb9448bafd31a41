"""Participants' own voice: a small web server inside the facilitator's process (no textual here).

`Server(live).start()` on the running event loop; `Hub` turns submissions into changes and
writes them through `LiveSession.apply_all`, one durable write per group.
"""

from workshop.serve.hub import Hub, Joined, Refused
from workshop.serve.server import Server

__all__ = ["Hub", "Joined", "Refused", "Server"]
