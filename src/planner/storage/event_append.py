"""Appending stored events inside a transaction the caller owns.

A command's events and the views they change commit together: one transaction, one wait
for the disk. The statements write the library's own events table exactly as its recorders
do (same columns, same encoding, on PostgreSQL the same table lock and notification), so the
library reads these events back like any other. Each event is written only if it follows its
aggregate's last stored version, so no change is lost and no version is skipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any, cast

import psycopg
from eventsourcing.persistence import RecordConflictError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from psycopg.sql import SQL, Composable, Identifier

from planner.storage.event_store import EventStore
from planner.storage.events_table import LAST_VERSION, EventsTable


class EventAppender:
    """Appends to the event store through another connection's DB-API cursor."""

    def __init__(self, store: EventStore) -> None:
        recorder = store.recorder
        self._table = EventsTable(recorder)
        if self._table.sqlite:
            # The writer's transaction already holds SQLite's write lock (BEGIN IMMEDIATE).
            self._lock_and_last = self._table.statement("SELECT MAX(rowid) FROM {table}")
        else:
            assert isinstance(recorder, PostgresApplicationRecorder)
            # Serialise appends as the library does, so ids are issued in commit order; the
            # lock, the notification and the last id go in one round trip.
            locks = cast("list[Composable]", recorder.lock_table_statements)
            notify = SQL("NOTIFY {0}").format(Identifier(recorder.channel_name))
            last = self._table.statement("SELECT MAX(notification_id) FROM {table}")
            self._lock_and_last = SQL("; ").join([*locks, notify, last])
        self._insert = self._table.statement(
            "INSERT INTO {table} (originator_id, originator_version, topic, state) "
            f"SELECT %s, %s, %s, %s WHERE ({LAST_VERSION}) = %s"
            + ("" if self._table.sqlite else " RETURNING notification_id")
        )

    def lock_and_last_id(self, cursor: Any) -> int:
        """Hold the events table for writing until the transaction ends; return the id of the
        last event recorded (0 for an empty store)."""
        cursor.execute(self._lock_and_last)
        while not self._table.sqlite and cursor.nextset():  # to the last statement's rows
            pass
        found = cursor.fetchone()
        return int(found[0] or 0)

    def append(self, cursor: Any, stored_events: Sequence[StoredEvent]) -> list[int]:
        """Insert the events, each only if it follows its aggregate's last stored version.

        A version already taken (someone else's change) or one that skips a version (an
        aggregate changed but never saved) is a conflict, and nothing is written.
        """
        try:
            return [self._append_one(cursor, stored) for stored in stored_events]
        except (sqlite3.IntegrityError, psycopg.errors.UniqueViolation) as error:
            raise RecordConflictError(error) from error

    def _append_one(self, cursor: Any, stored: StoredEvent) -> int:
        key, version = self._table.key(stored.originator_id), stored.originator_version
        cursor.execute(self._insert, (key, version, stored.topic, stored.state, key, version - 1))
        if self._table.sqlite:
            appended = cursor.lastrowid if cursor.rowcount == 1 else None
        else:
            found = cursor.fetchone()
            appended = found[0] if found else None
        if appended is None:
            raise RecordConflictError(f"{stored.originator_id}: version {version - 1} not last")
        return int(appended)
