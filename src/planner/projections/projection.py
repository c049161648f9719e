"""What every view has in common: its tables, and a handler per event type."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from sqlalchemy import Connection, Table

from planner.projections.row_buffer import RowBuffer


class Projection:
    """A read model. Subclasses register `apply` handlers for the events they care about."""

    tables: ClassVar[tuple[Table, ...]] = ()

    def __init__(self) -> None:
        self.buffers: list[RowBuffer] = []

    def buffer(self, table: Table, partition: str) -> RowBuffer:
        created = RowBuffer(table, partition)
        self.buffers.append(created)
        return created

    def project(self, connection: Connection, events: Sequence[Any]) -> None:
        """Apply a batch of events: load the rows they touch, change them, write them back."""
        try:
            self.prepare(connection, events)
            for domain_event in events:
                self.apply(domain_event)
            for buffer in self.buffers:
                buffer.flush(connection)
        finally:
            for buffer in self.buffers:
                buffer.clear()

    def prepare(self, connection: Connection, events: Sequence[Any]) -> None:
        """Load the stored rows of the batch's aggregates (partitioned by aggregate id)."""
        ids = [e.originator_id for e in events]
        for buffer in self.buffers:
            buffer.load(connection, ids)

    def apply(self, domain_event: object) -> None:
        """Change the buffered rows for one event; each view dispatches on the event's type."""
        raise NotImplementedError
