"""The last version stored of an aggregate, read with one plain statement.

A cached aggregate is checked against the store before each command. Through the library's
recorder that check cost as much as a command's whole append on SQLite; one prepared SELECT
on a connection kept for it costs a tenth of it.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import AbstractContextManager
from typing import Any
from uuid import UUID

import psycopg

from planner.storage.database import Database
from planner.storage.events_table import LAST_VERSION, EventsTable
from planner.storage.held_connection import HeldConnection


class StoredVersions:
    def __init__(self, database: Database, recorder: Any) -> None:
        self._connection = HeldConnection(database.engine(probe=True))
        self._own = self._connection
        self._lock: AbstractContextManager[Any] = threading.Lock()  # shared by request threads
        self._table = EventsTable(recorder)
        self._query = self._table.statement(LAST_VERSION)

    def ask_on_writer(self, writer: HeldConnection, lock: AbstractContextManager[Any]) -> None:
        """On SQLite, ask on the connection that writes the events, under its lock: its page
        cache holds what the last command wrote, where a connection of its own read the index
        again after every commit. PostgreSQL keeps its own connection, outside transactions."""
        if self._table.sqlite:
            self._connection, self._lock = writer, lock

    def last(self, aggregate_id: UUID) -> int | None:
        """The version of the aggregate's last stored event (0 if it has none); None when the
        database could not be asked, so the caller replays the aggregate instead."""
        with self._lock:
            connection = self._connection.take()
            try:
                cursor = connection.cursor()
                cursor.execute(self._query, (self._table.key(aggregate_id),))
                found = cursor.fetchone()
                cursor.close()
            except (sqlite3.Error, psycopg.Error):
                connection.invalidate()  # a connection gone away is not used again
                return None
        return int(found[0]) if found else 0

    def close(self) -> None:
        self._own.release()
        self._own.engine.dispose()
