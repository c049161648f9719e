"""One transaction of the views' database, as the projections read and write it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from sqlalchemy import Engine, Table
from sqlalchemy.engine import Dialect

from planner.projections.table_statements import TableStatements

# Statements are built once per table and dialect, for every transaction after.
_STATEMENTS: dict[tuple[Table, str], TableStatements] = {}


class ViewTransaction:
    """DB-API cursors inside a transaction, and the statements of each view table.

    Projections write through `cursor` and read through `reads` (see `table_statements`);
    the event store's appends run on the same connection, so events and the views they
    change commit together. Reads keep a cursor of their own: in pipeline mode, a cursor
    that has queued writes would hand their results to the next fetch.
    """

    def __init__(self, dialect: Dialect, connection: Any) -> None:
        self.dialect = dialect
        self.cursor = connection.cursor()
        self.reads = connection.cursor()
        self._connection = connection
        self._others: list[Any] = []

    @property
    def is_sqlite(self) -> bool:
        return self.dialect.name == "sqlite"

    def statements(self, table: Table) -> TableStatements:
        key = (table, self.dialect.name)
        found = _STATEMENTS.get(key)
        if found is None:
            found = _STATEMENTS[key] = TableStatements(table, self.dialect)
        return found

    def another_cursor(self) -> Any:
        """One more cursor in the same transaction, for a result fetched later (in pipeline
        mode, a cursor's result is replaced by its next statement's)."""
        cursor = self._connection.cursor()
        self._others.append(cursor)
        return cursor

    def close(self) -> None:
        for cursor in [*self._others, self.reads, self.cursor]:
            cursor.close()


class ConnectionLost(Exception):
    """The database dropped the connection before it confirmed the transaction's commit."""


@contextmanager
def view_transaction(engine: Engine) -> Iterator[ViewTransaction]:
    """A write transaction on one of the engine's pooled connections (see `transaction_on`)."""
    connection = engine.raw_connection()
    try:
        with transaction_on(connection, engine.dialect) as transaction:
            yield transaction
    finally:
        connection.close()


@contextmanager
def transaction_on(connection: Any, dialect: Dialect) -> Iterator[ViewTransaction]:
    """A write transaction on the pooled connection: commit at the end of the block, roll
    back on error. SQLite's write lock is taken up front, as writers do.

    The connection is driven through DB-API: SQLAlchemy's own transaction handling cost
    twice what SQLite spends committing to disk. A connection the server has dropped is
    invalidated and reported as `ConnectionLost`, so the caller may try again on a new one.
    """
    transaction = ViewTransaction(dialect, connection)
    run = _sqlite_transaction if transaction.is_sqlite else _pipelined_transaction
    try:
        with run(connection, transaction.cursor):
            yield transaction
    except BaseException as error:
        if _lost(error, connection):
            connection.invalidate()
            raise ConnectionLost(str(error)) from error
        try:
            connection.rollback()
        except Exception:
            connection.invalidate()  # a connection in an unknown state is not used again
        raise
    finally:
        transaction.close()


@contextmanager
def _sqlite_transaction(connection: Any, cursor: Any) -> Iterator[None]:
    cursor.execute("BEGIN IMMEDIATE")
    yield
    connection.commit()


@contextmanager
def _pipelined_transaction(connection: Any, cursor: Any) -> Iterator[None]:
    """PostgreSQL in pipeline mode: statements whose results nobody reads yet travel with
    the next read or with the commit, so a command waits for the server a few times, not
    once per statement. BEGIN and COMMIT are queued as statements too: left to the driver,
    each would wait for its own answer."""
    driver = connection.driver_connection
    driver.autocommit = True
    try:
        with driver.pipeline():
            cursor.execute("BEGIN")
            yield
            cursor.execute("COMMIT")
    finally:
        if not (driver.closed or driver.broken):
            try:
                driver.rollback()  # nothing to do after COMMIT; ends a failed transaction
            finally:
                driver.autocommit = False


def _lost(error: BaseException, connection: Any) -> bool:
    driver = connection.driver_connection
    return isinstance(error, psycopg.OperationalError) and (driver is None or driver.broken)
