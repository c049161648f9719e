"""Rows touched by a batch of events, kept in memory and written back with few statements.

Catching up two million events one UPDATE at a time would take hours; loading the rows of
the aggregates in a batch at once and writing them back with executemany keeps a rebuild
close to the speed of plain batched inserts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any

from sqlalchemy import Table

from planner.projections.view_transaction import ViewTransaction

Row = dict[str, Any]
Key = tuple[Any, ...]

# A command's few changed rows are written back column by column: SQLite then rewrites no
# index whose columns did not change, and no JSON is encoded again. A batch's thousands go
# in one upsert each, which costs less than grouping them by the columns they changed.
COLUMN_BY_COLUMN_UP_TO = 50


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
        self._values = [c.name for c in table.columns if not c.primary_key]
        self.rows: dict[Key, Row | None] = {}
        self._stored: dict[Key, Row] = {}  # rows as read from the table, to write back only changes
        self._patches: dict[Key, Row] = {}  # columns set on rows not read (yet)
        self._dirty: set[Key] = set()
        self._pending: tuple[ViewTransaction, list[Any]] | None = None
        # Rows by all their key columns but the last, so the rows of one (task, occurrence)
        # are found without scanning the batch's rows or hashing their keys again.
        self._siblings: dict[Key, dict[Key, Row | None]] = defaultdict(dict)

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
        self._keep(statements.select_by(transaction.reads, self.partition, wanted))

    def load_all(self, transaction: ViewTransaction) -> None:
        """Read every row, keeping any newer version already in the buffer."""
        self._keep(transaction.statements(self.table).select_all(transaction.reads))

    def _keep(self, found: list[Row]) -> None:
        for row in found:
            key = self.key_of(row)
            self._stored.setdefault(key, row)
            if key in self.rows:
                continue
            patch = self._patches.pop(key, None) if self._patches else None
            kept = self.rows[key] = row if patch is None else {**row, **patch}
            self._siblings[key[:-1]][key] = kept
            if patch is not None:
                self._dirty.add(key)

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

    def siblings(self, *prefix: Any) -> list[Row]:
        """The rows whose key starts with `prefix` (every key column but the last)."""
        self._load_pending()
        found = self._siblings.get(prefix)
        return [row for row in found.values() if row is not None] if found else []

    def changed(self) -> list[Row]:
        """The rows put since the buffer was last written (not those removed)."""
        return [row for key in self._dirty if (row := self.rows[key]) is not None]

    def put(self, row: Row) -> None:
        key = self.key_of(row)
        self.rows[key] = row
        self._siblings[key[:-1]][key] = row
        if self._patches:  # most batches patch nothing: spare hashing the key again
            self._patches.pop(key, None)
        self._dirty.add(key)

    def patch(self, values: Row) -> None:
        """Set some columns of a stored row (`values` holds its key), reading it only if
        the batch reads it anyway: a progress report need not load the task to bump its
        version."""
        key = self.key_of(values)
        row = self.rows.get(key)
        if row is not None:
            self.put({**row, **values})
        else:
            self._patches[key] = {**self._patches.get(key, {}), **values}

    def remove(self, *key: Any) -> None:
        self.rows[key] = None
        if key[:-1] in self._siblings:
            self._siblings[key[:-1]][key] = None
        self._dirty.add(key)

    def flush(self, transaction: ViewTransaction) -> None:
        """Write changed rows back, then delete removed ones. New rows are upserted; stored
        rows too, or, in a small batch, updated in only the columns that changed."""
        upserts: list[Row] = []
        updates: dict[tuple[str, ...], list[Row]] = defaultdict(list)
        removed: list[Key] = []
        column_by_column = len(self._dirty) <= COLUMN_BY_COLUMN_UP_TO
        for key in self._dirty:
            row, stored = self.rows[key], self._stored.get(key)
            if row is None:
                removed.append(key)
            elif stored is None or stored is row or not column_by_column:
                upserts.append(row)
            elif changed := tuple(c for c in self._values if row[c] != stored[c]):
                updates[changed].append(row)
        for patch in self._patches.values():
            updates[tuple(c for c in self._values if c in patch)].append(patch)
        statements = transaction.statements(self.table)
        statements.upsert(transaction.cursor, upserts)
        for columns, rows in updates.items():
            statements.update(transaction.cursor, columns, rows)
        statements.delete(transaction.cursor, removed)
        self.clear()

    def clear(self) -> None:
        self.rows.clear()
        self._stored.clear()
        self._patches.clear()
        self._dirty.clear()
        self._siblings.clear()
        self._pending = None


def _key_getter(columns: list[str]) -> Callable[[Row], Key]:
    """A row's primary key as a tuple, however many columns it has."""
    if len(columns) == 1:
        (column,) = columns
        return lambda row: (row[column],)
    getter = itemgetter(*columns)
    return lambda row: tuple(getter(row))
