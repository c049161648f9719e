"""A view table's reads and writes as plain DB-API statements, built once per dialect.

Views are written on every command and in batches of thousands during a rebuild. Going
through SQLAlchemy's statement execution cost several times what SQLite spends running the
statements, so the SQL is generated here from the table's metadata, values pass through the
column types' own bind and result processors (stored exactly as SQLAlchemy would store them,
so queries read them back unchanged), and the statements run on the DB-API cursor. Many
rows go in one `executemany` on SQLite and in multi-row INSERTs on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import cache, lru_cache
from operator import itemgetter
from typing import Any

import psycopg
from sqlalchemy import Date, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

Row = dict[str, Any]
Key = tuple[Any, ...]
Processor = Callable[[Any], Any]

# Values per SELECT ... IN (...), within what SQLite accepts in one statement.
_CHUNK = 500
# Rows per INSERT on PostgreSQL, whose statements take at most 65,535 parameters.
_ROWS_PER_INSERT = 1000
_MAX_PARAMETERS = 65535


class TableStatements:
    """Select, upsert, insert and delete rows of one table on a DB-API cursor."""

    def __init__(self, table: Table, dialect: Dialect) -> None:
        self.table = table
        self.sqlite = dialect.name == "sqlite"
        self.placeholder = "?" if self.sqlite else "%s"
        quote = dialect.identifier_preparer.quote
        self.name = quote(table.name)
        self.columns = [c.name for c in table.columns]
        self.keys = [c.name for c in table.primary_key.columns]
        self.quoted = {name: quote(name) for name in self.columns}
        self.binds = {c.name: _bind_processor(c.type, dialect) for c in table.columns}
        self._values = itemgetter(*self.columns)
        self._bound = [(i, bind) for i, bind in enumerate(self.binds.values()) if bind is not None]
        self._read = [
            (c.name, process)
            for c in table.columns
            if (process := _result_processor(c.type, dialect)) is not None
        ]
        self._select = f"SELECT {', '.join(self.quoted.values())} FROM {self.name}"
        self._insert = f"INSERT INTO {self.name} ({', '.join(self.quoted.values())}) VALUES "
        self._row_values = f"({', '.join([self.placeholder] * len(self.columns))})"
        others = [name for name in self.columns if name not in self.keys]
        self._upsert = self._on_conflict({name: f"excluded.{self.quoted[name]}" for name in others})
        self._key_match = " AND ".join(f"{self.quoted[k]} = {self.placeholder}" for k in self.keys)
        self._updates: dict[tuple[str, ...], str] = {}
        self._rows_per_statement = min(_ROWS_PER_INSERT, _MAX_PARAMETERS // len(self.columns))

    def select_all(self, cursor: Any) -> list[Row]:
        cursor.execute(self._select)
        return self._rows(cursor.fetchall())

    def select_by(self, cursor: Any, column: str, values: Sequence[Any]) -> list[Row]:
        """Rows whose `column` is one of `values`."""
        bind = self.binds[column]
        wanted = [bind(v) for v in values] if bind else list(values)
        found: list[Row] = []
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            if self.sqlite:
                cursor.execute(self._select_in(column, len(chunk)), chunk)
            else:
                cursor.execute(self._select_in(column, 0), (chunk,))
            found.extend(self._rows(cursor.fetchall()))
        return found

    def upsert(self, cursor: Any, rows: Sequence[Row]) -> None:
        """Insert the rows, replacing every column of those whose key is already stored."""
        self._write(cursor, self._upsert, rows)

    def insert(self, cursor: Any, rows: Sequence[Row]) -> None:
        self._write(cursor, "", rows)

    def update(self, cursor: Any, columns: tuple[str, ...], rows: Sequence[Row]) -> None:
        """Set only these columns of stored rows: on SQLite, an index whose columns are not
        set is not rewritten, so a command dirties fewer pages."""
        names = [*columns, *self.keys]  # at least one column and one key
        binds, values = [self.binds[name] for name in names], itemgetter(*names)
        params = [
            [b(v) if b else v for b, v in zip(binds, values(row), strict=True)] for row in rows
        ]
        cursor.executemany(self._update(columns), params)

    def add_to(self, cursor: Any, count_columns: Sequence[str], rows: Sequence[Row]) -> None:
        """Insert the rows, or add their count columns to the stored counts of the same key."""
        added = self._on_conflict(
            {c: f"{self.name}.{self.quoted[c]} + excluded.{self.quoted[c]}" for c in count_columns}
        )
        self._write(cursor, added, rows)

    def delete(self, cursor: Any, keys: Sequence[Key]) -> None:
        """Delete the rows with these primary keys."""
        self._delete(cursor, self._key_match, keys)

    def delete_if_zero(
        self, cursor: Any, count_columns: Sequence[str], keys: Sequence[Key]
    ) -> None:
        """Delete the rows with these keys whose count columns have all fallen to zero."""
        zeros = " AND ".join(f"{self.quoted[c]} = 0" for c in count_columns)
        self._delete(cursor, f"{zeros} AND {self._key_match}", keys)

    def _update(self, columns: tuple[str, ...]) -> str:
        found = self._updates.get(columns)
        if found is None:
            assignments = ", ".join(f"{self.quoted[c]} = {self.placeholder}" for c in columns)
            found = self._updates[columns] = (
                f"UPDATE {self.name} SET {assignments} WHERE {self._key_match}"
            )
        return found

    def _select_in(self, column: str, count: int) -> str:
        """SELECT ... WHERE column IN (?, ...) for `count` values; = ANY(%s) on PostgreSQL."""
        return _select_in(self._select, self.quoted[column], count)

    def _delete(self, cursor: Any, condition: str, keys: Sequence[Key]) -> None:
        if not keys:
            return
        binds = [self.binds[k] for k in self.keys]
        params = [tuple(b(v) if b else v for b, v in zip(binds, key, strict=True)) for key in keys]
        cursor.executemany(f"DELETE FROM {self.name} WHERE {condition}", params)

    def _on_conflict(self, updates: dict[str, str]) -> str:
        target = ", ".join(self.quoted[k] for k in self.keys)
        if not updates:
            return f" ON CONFLICT ({target}) DO NOTHING"
        assignments = ", ".join(f"{self.quoted[name]} = {value}" for name, value in updates.items())
        return f" ON CONFLICT ({target}) DO UPDATE SET {assignments}"

    def _write(self, cursor: Any, conflict: str, rows: Sequence[Row]) -> None:
        params = [self._params(row) for row in rows]
        if not params:
            return
        if not self.sqlite and len(params) > 1:
            self._insert_rows_at_once(cursor, conflict, params)
            return
        statement = f"{self._insert}{self._row_values}{conflict}"
        if len(params) == 1:
            cursor.execute(statement, params[0])
        else:
            cursor.executemany(statement, params)

    def _insert_rows_at_once(self, cursor: Any, conflict: str, params: list[list[Any]]) -> None:
        """PostgreSQL: up to a thousand rows per INSERT, with numbered parameters.

        psycopg's executemany spends Python time on every row, more than the server's work on
        it; and a statement with %s placeholders is parsed again on each run once it has
        more than 50. A batch's keys are distinct, so ON CONFLICT meets each row once.
        """
        step = self._rows_per_statement
        raw = psycopg.RawCursor(cursor.connection)
        try:
            for first in range(0, len(params), step):
                chunk = params[first : first + step]
                values = _numbered_rows(len(self.columns), len(chunk))
                raw.execute(f"{self._insert}{values}{conflict}", [v for row in chunk for v in row])
        finally:
            raw.close()

    def _params(self, row: Row) -> list[Any]:
        values = list(self._values(row))
        for position, bind in self._bound:
            values[position] = bind(values[position])
        return values

    def _rows(self, fetched: Sequence[Sequence[Any]]) -> list[Row]:
        columns, read = self.columns, self._read
        rows = [dict(zip(columns, stored, strict=True)) for stored in fetched]
        for row in rows:
            for name, process in read:
                value = row[name]
                if value is not None:
                    row[name] = process(value)
        return rows


@lru_cache(maxsize=64)  # full chunks repeat; a batch's last one rarely does
def _numbered_rows(columns: int, rows: int) -> str:
    """($1, $2), ($3, $4), ... for `rows` rows of `columns` values."""
    numbers = iter(range(1, columns * rows + 1))
    return ", ".join(
        f"({', '.join(f'${next(numbers)}' for _ in range(columns))})" for _ in range(rows)
    )


@cache
def _select_in(select: str, column: str, count: int) -> str:
    if count == 0:
        return f"{select} WHERE {column} = ANY(%s)"
    if count == 1:
        return f"{select} WHERE {column} = ?"
    return f"{select} WHERE {column} IN ({', '.join('?' * count)})"


def _bind_processor(kind: Any, dialect: Dialect) -> Processor | None:
    if dialect.name == "sqlite" and type(kind) is Date:
        return _sqlite_date
    processor: Processor | None = kind.dialect_impl(dialect).bind_processor(dialect)
    return processor


def _sqlite_date(value: date | None) -> str | None:
    """The text SQLAlchemy stores for a date on SQLite, without building its format's dict
    for each of the millions of dates a rebuild writes."""
    return None if value is None else date.isoformat(value)


def _result_processor(kind: Any, dialect: Dialect) -> Processor | None:
    # psycopg itself returns UUIDs, dates, Decimals and parsed JSON; only our own types
    # (time-zone normalisation) add a step there.
    if dialect.name == "postgresql" and not isinstance(kind, TypeDecorator):
        return None
    processor: Processor | None = kind.dialect_impl(dialect).result_processor(dialect, None)
    return processor
