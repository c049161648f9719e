"""The library's native SQLite recorder, making each aggregate's id a UUID once."""

from __future__ import annotations

from functools import lru_cache
from uuid import UUID

from eventsourcing.sqlite import SQLiteApplicationRecorder

TOPIC = "planner.storage.sqlite_recorder:SQLiteEventRecorder"


class SQLiteEventRecorder(SQLiteApplicationRecorder):
    """SQLite keeps ids as text, and reading the log into the views parsed one for every
    event; an aggregate's events lie close together, so recent ids are remembered."""

    def convert_originator_id(self, originator_id: str) -> UUID | str:
        if self.datastore.originator_id_type == "uuid":
            return _uuid(originator_id)
        return originator_id


@lru_cache(maxsize=65536)
def _uuid(text: str) -> UUID:
    return UUID(text)
