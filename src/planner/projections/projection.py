"""What every view has in common: its tables, and a handler per event type."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from sqlalchemy import Table

from planner.projections.counter_buffer import CounterBuffer
from planner.projections.row_buffer import AppendBuffer, RowBuffer
from planner.projections.schema import stamps
from planner.projections.view_transaction import ViewTransaction


class Projection:
    """A read model. Subclasses register `apply` handlers for the events they care about."""

    tables: ClassVar[tuple[Table, ...]] = ()
    events: ClassVar[tuple[type, ...]] = (object,)  # the event base classes this view reads
    # A view whose answers readers keep (`queries/kept_answers.py`) counts its changes here.
    stamp: ClassVar[str] = ""

    def __init__(self) -> None:
        self.buffers: list[RowBuffer | AppendBuffer | CounterBuffer] = []
        # Bound once: binding the dispatcher costs more than most handlers.
        self._apply: Callable[[Any], None] = self.apply
        self._stamps = self.counter(stamps, "stamp") if self.stamp else None

    def buffer(self, table: Table, partition: str) -> RowBuffer:
        created = RowBuffer(table, partition)
        self.buffers.append(created)
        return created

    def append_buffer(self, table: Table) -> AppendBuffer:
        created = AppendBuffer(table)
        self.buffers.append(created)
        return created

    def counter(self, table: Table, *count_columns: str) -> CounterBuffer:
        created = CounterBuffer(table, count_columns)
        self.buffers.append(created)
        return created

    def project(self, transaction: ViewTransaction, events: Sequence[Any]) -> None:
        """Apply a batch of events: load the rows they touch, change them, write them back."""
        relevant = [e for e in events if isinstance(e, self.events)]
        if not relevant:
            return
        try:
            self.prepare(transaction, relevant)
            for domain_event in relevant:
                self._apply(domain_event)
            self.settle(transaction)
            if self._stamps is not None:
                self._stamps.add((self.stamp,), "stamp", len(relevant))
            for buffer in self.buffers:
                buffer.flush(transaction)
        finally:
            for buffer in self.buffers:
                buffer.clear()

    def prepare(self, transaction: ViewTransaction, events: Sequence[Any]) -> None:
        """Load the stored rows of the batch's aggregates (partitioned by aggregate id)."""
        ids = list(dict.fromkeys(e.originator_id for e in events))  # hashed once, not per buffer
        for buffer in self.buffers:
            buffer.load(transaction, ids)

    def settle(self, transaction: ViewTransaction) -> None:
        """Derive rows from the batch's changes before they are written (most views need not)."""

    def apply(self, domain_event: object) -> None:
        """Change the buffered rows for one event; each view dispatches on the event's type."""
        raise NotImplementedError
