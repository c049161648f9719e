"""Counters changed by a batch of events, written back as increments.

A counter row is shared by many aggregates (every task of a plan and agency), so it is never
loaded: the batch adds up its increments in memory and writes `count = count + increment`,
then removes rows whose counts all fell to zero, so a view built in one batch equals the same
view built event by event.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table

from planner.projections.view_transaction import ViewTransaction

Key = tuple[Any, ...]


class CounterBuffer:
    """Increments to the count columns of a table keyed by its other columns."""

    def __init__(self, table: Table, count_columns: tuple[str, ...]) -> None:
        self.table = table
        self.count_columns = count_columns
        self.key_columns = [c.name for c in table.primary_key.columns]
        self.increments: dict[Key, dict[str, int]] = {}

    def load(self, transaction: ViewTransaction, partitions: Iterable[Any]) -> None:
        """Nothing to load: increments are written without reading the counters."""

    def add(self, key: Key, column: str, amount: int) -> None:
        counts = self.increments.get(key)
        if counts is None:
            counts = self.increments[key] = dict.fromkeys(self.count_columns, 0)
        counts[column] += amount

    def flush(self, transaction: ViewTransaction) -> None:
        changed = {key: counts for key, counts in self.increments.items() if any(counts.values())}
        if changed:
            statements = transaction.statements(self.table)
            rows = [
                {**dict(zip(self.key_columns, key, strict=True)), **counts}
                for key, counts in changed.items()
            ]
            statements.add_to(transaction.cursor, self.count_columns, rows)
            fallen = [key for key, counts in changed.items() if min(counts.values()) < 0]
            statements.delete_if_zero(transaction.cursor, self.count_columns, fallen)
        self.clear()

    def clear(self) -> None:
        self.increments.clear()
