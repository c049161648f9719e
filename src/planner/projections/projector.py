"""Keeps the views caught up with the event store, exactly once.

Each batch of events is applied, and the position of its last event recorded, in one
transaction of the views' database; a batch is never half applied nor applied twice. The
native SQLite recorder cannot push new events, so the projector reads the notification log
from its last position — the same code then serves PostgreSQL.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from uuid import UUID

from eventsourcing.persistence import Recording
from sqlalchemy import Connection, select, update
from sqlalchemy.dialects import postgresql, sqlite

from planner.projections import view_shape
from planner.projections.projection import Projection
from planner.projections.schema import metadata, positions
from planner.projections.view_shape import fingerprint
from planner.storage.database import Database
from planner.storage.event_store import EventStore

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
        self.reader = database.engine()
        self._lock = threading.RLock()

    def create_tables(self) -> None:
        """Create the view tables and the position row; views of an older shape start over."""
        shape = fingerprint(metadata)
        with self.database.schema_lock(), self.writer.begin() as connection:
            if view_shape.built_with(connection) != shape:
                metadata.drop_all(connection)
            metadata.create_all(connection)
            self._ensure_position(connection)
            view_shape.record(connection, shape)

    def position(self) -> int:
        with self.reader.connect() as connection:
            found = connection.execute(
                select(positions.c.position).where(positions.c.projection == VIEWS)
            ).scalar()
        return int(found or 0)

    def catch_up(self, progress: Progress | None = None) -> int:
        """Apply every event recorded since the views' position; return the new position."""
        with self._lock:
            while True:
                position, count = self._apply_next_batch()
                if progress is not None:
                    progress(position, self.store.position)
                if count < self.batch_size:
                    return position

    def apply_recorded(self, recordings: Sequence[Recording[UUID]]) -> int:
        """Apply events this process has just recorded, without reading them back.

        When the views stand right before them (the usual case after a command), the events
        in hand are applied in one transaction; otherwise the log is read from the views'
        position, so nothing recorded by another process is skipped.
        """
        if not recordings:
            return self.catch_up()
        first, last = recordings[0].notification.id, recordings[-1].notification.id
        with self._lock:
            if last - first + 1 == len(recordings) and self._apply_if_next(recordings, first, last):
                return last
            return self.catch_up()

    def _apply_if_next(self, recordings: Sequence[Recording[UUID]], first: int, last: int) -> bool:
        with self.writer.begin() as connection:
            if self._locked_position(connection) != first - 1:
                return False
            events = [recording.domain_event for recording in recordings]
            for projection in self.projections:
                projection.project(connection, events)
            self._record_position(connection, last)
        return True

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
            metadata.drop_all(connection)
            metadata.create_all(connection)
            self._ensure_position(connection)
            view_shape.record(connection, fingerprint(metadata))
        return self.catch_up(progress)

    def close(self) -> None:
        self.writer.dispose()
        self.reader.dispose()

    def _apply_next_batch(self) -> tuple[int, int]:
        with self.writer.begin() as connection:
            position = self._locked_position(connection)
            notifications = self.store.recorder.select_notifications(
                start=position, limit=self.batch_size, inclusive_of_start=False
            )
            if not notifications:
                return position, 0
            events = [self.store.mapper.to_domain_event(n) for n in notifications]
            for projection in self.projections:
                projection.project(connection, events)
            position = notifications[-1].id
            self._record_position(connection, position)
        return position, len(notifications)

    @staticmethod
    def _record_position(connection: Connection, position: int) -> None:
        connection.execute(
            update(positions).where(positions.c.projection == VIEWS).values(position=position)
        )

    @staticmethod
    def _locked_position(connection: Connection) -> int:
        # SQLite's writer transactions already hold the write lock (BEGIN IMMEDIATE);
        # PostgreSQL needs the position row locked so two processes never apply one batch.
        query = select(positions.c.position).where(positions.c.projection == VIEWS)
        if connection.dialect.name == "postgresql":
            # Views can always be rebuilt from the events, so their commits need not wait for
            # the disk: a crash loses at most the last batches, and their position with them.
            connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
            query = query.with_for_update()
        return int(connection.execute(query).scalar_one())

    @staticmethod
    def _ensure_position(connection: Connection) -> None:
        dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
        connection.execute(
            dialect.insert(positions).values(projection=VIEWS, position=0).on_conflict_do_nothing()
        )
