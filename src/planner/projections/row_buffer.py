"""Rows touched by a batch of events, kept in memory and written back with few statements.

Catching up two million events one UPDATE at a time would take hours; loading the rows of
the aggregates in a batch at once and writing them back with executemany keeps a rebuild
close to the speed of plain batched inserts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, delete, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite

Row = dict[str, Any]
Key = tuple[Any, ...]

_CHUNK = 500


class RowBuffer:
    """The rows of one table, keyed by primary key; `None` marks a row to delete."""

    def __init__(self, table: Table, partition: str) -> None:
        self.table = table
        self.partition = partition
        self.key_columns = [c.name for c in table.primary_key.columns]
        self.rows: dict[Key, Row | None] = {}
        self._dirty: set[Key] = set()

    def key_of(self, row: Row) -> Key:
        return tuple(row[name] for name in self.key_columns)

    def load(self, connection: Connection, partitions: Iterable[Any]) -> None:
        """Read every stored row belonging to the given aggregates (say, task ids)."""
        wanted = list(dict.fromkeys(partitions))
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            self.load_where(connection, self.table.c[self.partition].in_(chunk))

    def load_where(self, connection: Connection, clause: ColumnElement[bool]) -> None:
        """Read rows matching `clause`, keeping any newer version already in the buffer."""
        for found in connection.execute(select(self.table).where(clause)).mappings():
            self.rows.setdefault(self.key_of(dict(found)), dict(found))

    def get(self, *key: Any) -> Row | None:
        return self.rows.get(key)

    def find(self, **values: Any) -> list[Row]:
        """Buffered rows whose columns equal `values`."""
        return [
            row
            for row in self.rows.values()
            if row is not None and all(row[name] == value for name, value in values.items())
        ]

    def put(self, row: Row) -> None:
        key = self.key_of(row)
        self.rows[key] = row
        self._dirty.add(key)

    def remove(self, *key: Any) -> None:
        self.rows[key] = None
        self._dirty.add(key)

    def flush(self, connection: Connection) -> None:
        """Write changed rows back: upserts in one executemany, deletes in chunks."""
        changed = [self.rows[key] for key in self._dirty]
        upserts = [row for row in changed if row is not None]
        removed = [key for key in self._dirty if self.rows[key] is None]
        if upserts:
            connection.execute(self._upsert(connection), upserts)
        key_columns = tuple(self.table.c[name] for name in self.key_columns)
        for start in range(0, len(removed), _CHUNK):
            chunk = removed[start : start + _CHUNK]
            connection.execute(delete(self.table).where(tuple_(*key_columns).in_(chunk)))
        self.clear()

    def clear(self) -> None:
        self.rows.clear()
        self._dirty.clear()

    def _upsert(self, connection: Connection) -> Any:
        dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(self.table)
        updates = {
            c.name: statement.excluded[c.name]
            for c in self.table.columns
            if c.name not in self.key_columns
        }
        return statement.on_conflict_do_update(index_elements=self.key_columns, set_=updates)
