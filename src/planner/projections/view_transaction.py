"""One transaction of the views' database, as the projections read and write it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, Table
from sqlalchemy.engine import Dialect

from planner.projections.table_statements import TableStatements

# Statements are built once per table and dialect, for every transaction after.
_STATEMENTS: dict[tuple[Table, str], TableStatements] = {}


class ViewTransaction:
    """A DB-API cursor inside a transaction, and the statements of each view table.

    Projections write through it (see `table_statements`); the event store's appends can run
    on the same cursor, so events and the views they change commit together.
    """

    def __init__(self, dialect: Dialect, cursor: Any) -> None:
        self.dialect = dialect
        self.cursor = cursor

    @property
    def is_sqlite(self) -> bool:
        return self.dialect.name == "sqlite"

    def statements(self, table: Table) -> TableStatements:
        key = (table, self.dialect.name)
        found = _STATEMENTS.get(key)
        if found is None:
            found = _STATEMENTS[key] = TableStatements(table, self.dialect)
        return found


@contextmanager
def view_transaction(engine: Engine) -> Iterator[ViewTransaction]:
    """A write transaction on one of the engine's pooled connections: commit at the end of
    the block, roll back on error. SQLite's write lock is taken up front, as writers do.

    The connection is driven through DB-API: SQLAlchemy's own transaction handling cost
    twice what SQLite spends committing to disk.
    """
    connection = engine.raw_connection()
    cursor = connection.cursor()
    try:
        if engine.dialect.name == "sqlite":
            cursor.execute("BEGIN IMMEDIATE")
        yield ViewTransaction(engine.dialect, cursor)
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    finally:
        cursor.close()
        connection.close()
