"""Participants' own voice: a small web server inside the facilitator's process (no textual here).

`Server(live).start()` on the running event loop; `Hub` turns submissions into changes, applies
them in memory and waits for the session's one save path (several in one durable write), and
pushes the session's records of a moved stage to the phones.
"""

from workshop.serve.hub import Hub, Joined, Refused
from workshop.serve.server import Server

__all__ = ["Hub", "Joined", "Refused", "Server"]
