"""Rows as the database driver returns them, for answers of thousands of rows.

On a nationwide answer, SQLAlchemy's result rows cost about as much as the database's own
work. The queries that use this select only columns the driver already returns as wanted
(text, numbers, ids cast to text), so its tuples are used as they are; parameters still go
through their column types, as SQLAlchemy would bind them.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection, Select


def driver_rows(connection: Connection, query: Select[Any]) -> list[tuple[Any, ...]]:
    dialect = connection.dialect
    compiled = query.compile(dialect=dialect)
    values = {}
    for name, value in compiled.construct_params().items():
        bind = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
        values[name] = bind(value) if bind else value
    parameters: Any = (
        [values[name] for name in compiled.positiontup or ()] if compiled.positional else values
    )
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled), parameters)
        rows = cast("list[tuple[Any, ...]]", cursor.fetchall())
    finally:
        cursor.close()
    return rows
