"""Saving sessions: the only package that touches the store's files."""

from workshop.core.store.store import SCHEMA, SessionBusy, SessionFile, Store, StoreError

__all__ = ["SCHEMA", "SessionBusy", "SessionFile", "Store", "StoreError"]
