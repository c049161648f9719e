"""Rows touched by a batch of events, kept in memory and written back with few statements.

Catching up two million events one UPDATE at a time would take hours; loading the rows of
the aggregates in a batch at once and writing them back with executemany keeps a rebuild
close to the speed of plain batched inserts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any

from sqlalchemy import Table

from planner.projections.view_transaction import ViewTransaction

Row = dict[str, Any]
Key = tuple[Any, ...]


class AppendBuffer:
    """Rows only ever added (history): written with a plain INSERT, nothing loaded first."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.rows: list[Row] = []

    def load(self, transaction: ViewTransaction, partitions: Iterable[Any]) -> None:
        """Nothing to load: appended rows never change."""

    def put(self, row: Row) -> None:
        self.rows.append(row)

    def flush(self, transaction: ViewTransaction) -> None:
        if self.rows:
            transaction.statements(self.table).insert(transaction.cursor, self.rows)
        self.clear()

    def clear(self) -> None:
        self.rows = []


class RowBuffer:
    """The rows of one table, keyed by primary key; `None` marks a row to delete."""

    def __init__(self, table: Table, partition: str) -> None:
        self.table = table
        self.partition = partition
        self.key_columns = [c.name for c in table.primary_key.columns]
        self.key_of = _key_getter(self.key_columns)
        self.rows: dict[Key, Row | None] = {}
        self._dirty: set[Key] = set()
        self._pending: tuple[ViewTransaction, list[Any]] | None = None

    def load(self, transaction: ViewTransaction, partitions: Iterable[Any]) -> None:
        """Read the stored rows of the given aggregates (say, task ids) when first needed.

        A batch often never reads some tables (a progress report does not touch the task's
        agencies), so the query waits for the first `get` or `find`, then fetches them all.
        """
        self._pending = (transaction, list(dict.fromkeys(partitions)))

    def _load_pending(self) -> None:
        if self._pending is None:
            return
        transaction, wanted = self._pending
        self._pending = None
        statements = transaction.statements(self.table)
        self._keep(statements.select_by(transaction.cursor, self.partition, wanted))

    def load_all(self, transaction: ViewTransaction) -> None:
        """Read every row, keeping any newer version already in the buffer."""
        self._keep(transaction.statements(self.table).select_all(transaction.cursor))

    def _keep(self, found: list[Row]) -> None:
        for row in found:
            self.rows.setdefault(self.key_of(row), row)

    def get(self, *key: Any) -> Row | None:
        self._load_pending()
        return self.rows.get(key)

    def find(self, **values: Any) -> list[Row]:
        """Buffered rows whose columns equal `values`."""
        self._load_pending()
        return [
            row
            for row in self.rows.values()
            if row is not None and all(row[name] == value for name, value in values.items())
        ]

    def changed(self) -> list[Row]:
        """The rows put since the buffer was last written (not those removed)."""
        return [row for key in self._dirty if (row := self.rows[key]) is not None]

    def put(self, row: Row) -> None:
        key = self.key_of(row)
        self.rows[key] = row
        self._dirty.add(key)

    def remove(self, *key: Any) -> None:
        self.rows[key] = None
        self._dirty.add(key)

    def flush(self, transaction: ViewTransaction) -> None:
        """Write changed rows back: upserts in one batch, then deletes."""
        changed = [self.rows[key] for key in self._dirty]
        upserts = [row for row in changed if row is not None]
        removed = [key for key in self._dirty if self.rows[key] is None]
        statements = transaction.statements(self.table)
        statements.upsert(transaction.cursor, upserts)
        statements.delete(transaction.cursor, removed)
        self.clear()

    def clear(self) -> None:
        self.rows.clear()
        self._dirty.clear()
        self._pending = None


def _key_getter(columns: list[str]) -> Callable[[Row], Key]:
    """A row's primary key as a tuple, however many columns it has."""
    if len(columns) == 1:
        (column,) = columns
        return lambda row: (row[column],)
    getter = itemgetter(*columns)
    return lambda row: tuple(getter(row))
