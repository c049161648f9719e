"""Appending stored events inside a transaction the caller owns.

A command's events and the views they change commit together: one transaction, one wait
for the disk. The statements write the library's own events table exactly as its recorders
do (same columns, same encoding, on PostgreSQL the same table lock and notification), so the
library reads these events back like any other. Each event is written only if it follows its
aggregate's last stored version, so no change is lost and no version is skipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, cast

import psycopg
from eventsourcing.persistence import RecordConflictError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from psycopg.sql import Composable, Literal

from planner.storage.event_store import EventStore
from planner.storage.events_table import LAST_VERSION, EventsTable


class EventAppender:
    """Appends to the event store through another connection's DB-API cursors."""

    def __init__(self, store: EventStore) -> None:
        recorder = store.recorder
        self._table = EventsTable(recorder)
        self._lock: list[str] = []
        last = "SELECT MAX(rowid) FROM {table}"
        if not self._table.sqlite:
            # The writer's transaction on SQLite already holds the write lock (BEGIN
            # IMMEDIATE). On PostgreSQL, appends are serialised as the library does, so ids
            # are issued in commit order, and listeners are notified (pg_notify is NOTIFY).
            assert isinstance(recorder, PostgresApplicationRecorder)
            locks = cast("list[Composable]", recorder.lock_table_statements)
            self._lock = [lock.as_string(None) for lock in locks]
            channel = Literal(recorder.channel_name).as_string(None)
            last = f"SELECT (SELECT MAX(notification_id) FROM {{table}}), pg_notify({channel}, '')"
        self._last_id = self._table.statement(last)
        self._insert = self._table.statement(
            "INSERT INTO {table} (originator_id, originator_version, topic, state) "
            f"SELECT %s, %s, %s, %s WHERE ({LAST_VERSION}) = %s"
            + ("" if self._table.sqlite else " RETURNING notification_id")
        )

    def lock_and_last_id(self, cursor: Any) -> int:
        """Hold the events table for writing until the transaction ends; return the id of the
        last event recorded (0 for an empty store)."""
        for statement in self._lock:
            cursor.execute(statement)
        cursor.execute(self._last_id)
        found = cursor.fetchone()
        return int(found[0] or 0)

    def append(self, new_cursor: Callable[[], Any], stored: Sequence[StoredEvent]) -> Appended:
        """Insert the events, each only if it follows its aggregate's last stored version.

        A version already taken (someone else's change) or one that skips a version (an
        aggregate changed but never saved) is a conflict, and nothing is written. On
        PostgreSQL each insert gets a cursor of its own and its id is read only when
        `Appended.ids` is asked, so in pipeline mode the inserts travel with what follows.
        """
        names = [event.originator_id for event in stored]
        if not self._table.sqlite:
            cursors = [new_cursor() for _ in stored]
            for cursor, event in zip(cursors, stored, strict=True):
                cursor.execute(self._insert, self._params(event))
            return Appended(names, cursors=cursors)
        cursor, found = new_cursor(), []
        try:
            for event in stored:
                cursor.execute(self._insert, self._params(event))
                found.append(cursor.lastrowid if cursor.rowcount == 1 else None)
        except sqlite3.IntegrityError as error:
            raise RecordConflictError(error) from error
        appended = Appended(names, found=found)
        appended.ids()  # a conflict stops the command here, before any view is touched
        return appended

    def _params(self, stored: StoredEvent) -> tuple[Any, ...]:
        key, version = self._table.key(stored.originator_id), stored.originator_version
        return key, version, stored.topic, stored.state, key, version - 1


class Appended:
    """The ids the events were recorded with, or the conflict that kept one out."""

    def __init__(
        self,
        names: list[Any],
        *,
        cursors: Sequence[Any] = (),
        found: list[int | None] | None = None,
    ) -> None:
        self._names = names
        self._cursors = cursors
        self._found = found

    def ids(self) -> list[int]:
        found = self._found if self._found is not None else self._fetch()
        self._found = found
        for name, appended in zip(self._names, found, strict=True):
            if appended is None:
                raise RecordConflictError(f"{name}: not the version after the last one stored")
        return cast("list[int]", found)

    def _fetch(self) -> list[int | None]:
        try:
            rows = [cursor.fetchone() for cursor in self._cursors]
        except psycopg.errors.UniqueViolation as error:
            raise RecordConflictError(error) from error
        return [int(row[0]) if row else None for row in rows]
