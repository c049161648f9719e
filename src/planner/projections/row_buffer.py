"""Rows touched by a batch of events, kept in memory and written back with few statements.

Catching up two million events one UPDATE at a time would take hours; loading the rows of
the aggregates in a batch at once and writing them back with executemany keeps a rebuild
close to the speed of plain batched inserts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Result,
    Table,
    bindparam,
    delete,
    insert,
    select,
    tuple_,
)
from sqlalchemy.dialects import postgresql, sqlite

Row = dict[str, Any]
Key = tuple[Any, ...]

_CHUNK = 500


class AppendBuffer:
    """Rows only ever added (history): written with a plain INSERT, nothing loaded first."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.rows: list[Row] = []

    def load(self, connection: Connection, partitions: Iterable[Any]) -> None:
        """Nothing to load: appended rows never change."""

    def put(self, row: Row) -> None:
        self.rows.append(row)

    def flush(self, connection: Connection) -> None:
        if self.rows:
            connection.execute(insert(self.table), self.rows)
        self.clear()

    def clear(self) -> None:
        self.rows = []


class RowBuffer:
    """The rows of one table, keyed by primary key; `None` marks a row to delete."""

    def __init__(self, table: Table, partition: str) -> None:
        self.table = table
        self.partition = partition
        self.key_columns = [c.name for c in table.primary_key.columns]
        self.rows: dict[Key, Row | None] = {}
        self._dirty: set[Key] = set()
        self._pending: tuple[Connection, list[Any]] | None = None
        # Statements are built once: building them per batch costs more than running them.
        self._select_partitions = select(table).where(
            table.c[partition].in_(bindparam("partitions", expanding=True))
        )
        self._upserts = {name: _upsert(dialect, table) for name, dialect in _DIALECTS.items()}

    def key_of(self, row: Row) -> Key:
        return tuple(row[name] for name in self.key_columns)

    def load(self, connection: Connection, partitions: Iterable[Any]) -> None:
        """Read the stored rows of the given aggregates (say, task ids) when first needed.

        A batch often never reads some tables (a progress report does not touch the task's
        agencies), so the query waits for the first `get` or `find`, then fetches them all.
        """
        self._pending = (connection, list(dict.fromkeys(partitions)))

    def _load_pending(self) -> None:
        if self._pending is None:
            return
        connection, wanted = self._pending
        self._pending = None
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            self._keep(connection.execute(self._select_partitions, {"partitions": chunk}))

    def load_where(self, connection: Connection, clause: ColumnElement[bool]) -> None:
        """Read rows matching `clause`, keeping any newer version already in the buffer."""
        self._keep(connection.execute(select(self.table).where(clause)))

    def _keep(self, result: Result[Any]) -> None:
        for found in result.mappings():
            row = dict(found)
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
            connection.execute(self._upserts[connection.dialect.name], upserts)
        key_columns = tuple(self.table.c[name] for name in self.key_columns)
        for start in range(0, len(removed), _CHUNK):
            chunk = removed[start : start + _CHUNK]
            connection.execute(delete(self.table).where(tuple_(*key_columns).in_(chunk)))
        self.clear()

    def clear(self) -> None:
        self.rows.clear()
        self._dirty.clear()
        self._pending = None


_DIALECTS = {"postgresql": postgresql, "sqlite": sqlite}


def _upsert(dialect: Any, table: Table) -> Any:
    """INSERT ... ON CONFLICT (primary key) DO UPDATE every other column."""
    statement = dialect.insert(table)
    keys = [c.name for c in table.primary_key.columns]
    updates = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys}
    return statement.on_conflict_do_update(index_elements=keys, set_=updates)
