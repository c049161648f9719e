"""Keeps the views caught up with the event store, exactly once.

Each batch of events is applied, and the position of its last event recorded, in one
transaction of the views' database; a batch is never half applied nor applied twice. A
command's own events are appended in that same transaction, so they and the views they
change commit together. Events recorded elsewhere (another process, a restore) are read from
the notification log from the views' last position: the native SQLite recorder cannot push
new events, and the same code then serves PostgreSQL.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any
from uuid import UUID

from eventsourcing.domain import DomainEventProtocol
from eventsourcing.persistence import StoredEvent
from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from planner.projections import view_shape
from planner.projections.projection import Projection
from planner.projections.schema import metadata, positions
from planner.projections.view_shape import fingerprint
from planner.projections.view_transaction import ConnectionLost, ViewTransaction, transaction_on
from planner.storage.database import Database
from planner.storage.event_append import Appended, EventAppender
from planner.storage.event_store import EventStore
from planner.storage.held_connection import HeldConnection

VIEWS = "views"

Progress = Callable[[int, int], None]


class Projector:
    def __init__(
        self,
        store: EventStore,
        database: Database,
        projections: Sequence[Projection],
        batch_size: int = 5000,
    ) -> None:
        self.store = store
        self.database = database
        self.projections = projections
        self.batch_size = batch_size
        self.writer = database.engine(writer=True)
        self._writing = HeldConnection(self.writer)  # commands and batches hold self._lock
        self.reader = database.engine()
        self.appender = EventAppender(store)
        self._lock = threading.RLock()
        store.versions.ask_on_writer(self._writing, self._lock)

    def create_tables(self) -> None:
        """Create the view tables and the position row; views of an older shape start over."""
        shape = fingerprint(metadata)
        with self.database.schema_lock(), self.writer.begin() as connection:
            if view_shape.built_with(connection) != shape:
                view_shape.drop_views(connection, metadata)
            metadata.create_all(connection)
            _ensure_position(connection)
            view_shape.record(connection, shape)

    def position(self) -> int:
        with self.reader.connect() as connection:
            found = connection.execute(
                select(positions.c.position).where(positions.c.projection == VIEWS)
            ).scalar()
        return int(found or 0)

    def record(self, events: Sequence[DomainEventProtocol[UUID]], *, project: bool = True) -> int:
        """Append the events and return the last one's id; views show them when this returns.

        When the views already include every earlier event (the usual case), the events are
        applied in the transaction that appends them. Otherwise, or without `project`, the
        views are left to `catch_up`, which reads the log from their position.
        """
        stored = [self.store.mapper.to_stored_event(e) for e in events]
        if not stored:
            return self.store.position
        with self._lock:
            try:
                position, caught_up = self._record(events, stored, project)
            except ConnectionLost:
                # The pool's connection had been dropped (a server restart), so the command
                # runs again on a fresh one. Had its commit gone through after all, its events
                # are stored and the second try is refused as a conflict, never written twice.
                position, caught_up = self._record(events, stored, project)
            if project and not caught_up:
                self.catch_up()
        return position

    def catch_up(self, progress: Progress | None = None) -> int:
        """Apply every event recorded since the views' position; return the new position."""
        with self._lock:
            while True:
                position, count = self._apply_next_batch()
                if progress is not None:
                    progress(position, self.store.position)
                if count < self.batch_size:
                    return position

    def wait(self, position: int, timeout: float = 10.0) -> None:
        """Block until the views include the event at `position` (another process projecting)."""
        deadline = time.monotonic() + timeout
        interval = 0.02
        while self.position() < position:
            if time.monotonic() > deadline:
                raise TimeoutError(f"các bảng tổng hợp chưa cập nhật tới sự kiện {position}")
            time.sleep(interval)
            interval = min(interval * 2, 0.5)

    def rebuild(self, progress: Progress | None = None) -> int:
        """Drop every view and build it again from the first event."""
        with self._lock, self.writer.begin() as connection:
            view_shape.drop_views(connection, metadata)
            metadata.create_all(connection)
            _ensure_position(connection)
            view_shape.record(connection, fingerprint(metadata))
        return self.catch_up(progress)

    def close(self) -> None:
        self._writing.release()
        self.writer.dispose()
        self.reader.dispose()

    def _record(
        self, events: Sequence[object], stored: Sequence[StoredEvent], project: bool
    ) -> tuple[int, bool]:
        """Append in one transaction, applying the events there if the views are caught up;
        return the last event's id and whether they were."""
        with self._transaction() as transaction:
            views_at = self._locked_position(transaction) if project else None
            last_id = self.appender.lock_and_last_id(transaction.cursor)
            caught_up = views_at is not None and views_at.fetchone()[0] == last_id
            appended = self.appender.append(transaction.another_cursor, stored)
            if caught_up:
                self._project(transaction, events, appended)
            position = appended.ids()[-1]
            if caught_up:
                self._record_position(transaction, position)
        return position, caught_up

    def _transaction(self) -> AbstractContextManager[ViewTransaction]:
        return transaction_on(self._writing.take(), self.writer.dialect)

    def _apply_next_batch(self) -> tuple[int, int]:
        with self._transaction() as transaction:
            position = int(self._locked_position(transaction).fetchone()[0])
            if not transaction.is_sqlite:
                # Views can always be rebuilt from the events, so a batch that carries no
                # events need not wait for the disk: a crash loses at most the last batches,
                # and their position with them.
                transaction.cursor.execute("SET LOCAL synchronous_commit TO OFF")
                # Catching up serves no waiting request: its batches may take their time.
                transaction.cursor.execute("SET LOCAL statement_timeout TO 0")
            notifications = self.store.recorder.select_notifications(
                start=position, limit=self.batch_size, inclusive_of_start=False
            )
            if not notifications:
                return position, 0
            events = [self.store.mapper.to_domain_event(n) for n in notifications]
            for projection in self.projections:
                projection.project(transaction, events)
            self._record_position(transaction, notifications[-1].id)
        return notifications[-1].id, len(notifications)

    def _project(
        self, transaction: ViewTransaction, events: Sequence[object], appended: Appended
    ) -> None:
        """Apply a command's events to every view; if that fails because the events did not
        go in (a conflict), the conflict is the error to report."""
        try:
            for projection in self.projections:
                projection.project(transaction, events)
        except Exception:
            appended.ids()
            raise

    @staticmethod
    def _record_position(transaction: ViewTransaction, position: int) -> None:
        transaction.cursor.execute(_sql(transaction, _RECORD_POSITION), (position, VIEWS))

    @staticmethod
    def _locked_position(transaction: ViewTransaction) -> Any:
        """The cursor that will give the views' position, its row locked for this transaction.

        SQLite's writer transactions already hold the write lock (BEGIN IMMEDIATE);
        PostgreSQL needs the row locked so two processes never apply one batch. The row is
        read on a cursor of its own, so in pipeline mode the query travels with the next.
        """
        query = _READ_POSITION if transaction.is_sqlite else f"{_READ_POSITION} FOR UPDATE"
        cursor = transaction.another_cursor()
        cursor.execute(_sql(transaction, query), (VIEWS,))
        return cursor


_READ_POSITION = 'SELECT "position" FROM view_positions WHERE projection = ?'
_RECORD_POSITION = 'UPDATE view_positions SET "position" = ? WHERE projection = ?'


def _sql(transaction: ViewTransaction, statement: str) -> str:
    return statement if transaction.is_sqlite else statement.replace("?", "%s")


def _ensure_position(connection: Connection) -> None:
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    connection.execute(
        dialect.insert(positions).values(projection=VIEWS, position=0).on_conflict_do_nothing()
    )
