"""The library's events table as planner's own statements address it.

Appending in the views' transaction and checking a cached aggregate's version both run SQL
on the table the library's recorder keeps; this is the one place that knows its name, how
its ids are stored and which placeholders the store takes.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder
from psycopg.sql import SQL, Identifier

# The aggregate's last stored version, 0 before its first event.
LAST_VERSION = "SELECT COALESCE(MAX(originator_version), 0) FROM {table} WHERE originator_id = %s"


class EventsTable:
    def __init__(self, recorder: Any) -> None:
        self.sqlite = isinstance(recorder, SQLiteApplicationRecorder)
        if self.sqlite:
            self._name = recorder.events_table_name
        else:
            assert isinstance(recorder, PostgresApplicationRecorder)
            self._identifier = Identifier(recorder.datastore.schema, recorder.events_table_name)

    def statement(self, template: str) -> str:
        """`template` with `{table}` for the table and `%s` for each value, for this store.

        Rendered to text once: psycopg would compose it again on every execute."""
        if self.sqlite:
            return template.format(table=self._name).replace("%s", "?")
        return SQL(template).format(table=self._identifier).as_string(None)

    def key(self, originator_id: Any) -> Any:
        """An aggregate id as the table stores it: hex text on SQLite, a UUID on PostgreSQL."""
        if self.sqlite and isinstance(originator_id, UUID):
            return originator_id.hex
        return originator_id
