"""Stores loaded once per test session and copied for each test (or server) that starts from them.

Loading a seed costs seconds (events appended, views built, passwords hashed); copying what it
left costs a fraction of one. A SQLite store is copied with SQLite's backup API. A PostgreSQL
schema is copied row by row into a schema that planner has just opened, so that the tables,
sequence and functions are planner's own; the copy is the same store, with its own sequence.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from planner.bootstrap.store import open_planner
from planner.settings import Settings
from planner.storage.database import Database

Seed = Callable[[str], Any]  # loads a store at the URL given, returns what the tests need of it


class SeededStores:
    """Each seed is loaded at most once per database kind; `copy` makes a store like it."""

    def __init__(self, folder: Path, schemas: Callable[[], str]) -> None:
        self.folder = folder
        self.schemas = schemas  # makes a PostgreSQL schema, dropped at the session's end
        self.loaded: dict[tuple[Seed, bool], tuple[str, Any]] = {}

    def copy(self, seed: Seed, database_url: str) -> Any:
        """Make the empty store at DATABASE_URL a copy of SEED's; returns what SEED returned."""
        sqlite = Database.from_url(database_url).is_sqlite
        if (seed, sqlite) not in self.loaded:
            source = self._new_store(sqlite)
            self.loaded[seed, sqlite] = (source, seed(source))
        source, returned = self.loaded[seed, sqlite]
        if sqlite:
            _copy_sqlite(Database.from_url(source), Database.from_url(database_url))
        else:
            _copy_postgres(source, database_url)
        return returned

    def _new_store(self, sqlite: bool) -> str:
        if sqlite:
            return f"sqlite:///{self.folder / f'seed-{uuid.uuid4().hex[:8]}.db'}"
        return self.schemas()


def _copy_sqlite(source: Database, target: Database) -> None:
    target.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    with (
        closing(sqlite3.connect(source.sqlite_path)) as reading,
        closing(sqlite3.connect(target.sqlite_path)) as writing,
    ):
        reading.backup(writing)


def _copy_postgres(source_url: str, target_url: str) -> None:
    with open_planner(Settings(database_url=target_url)):
        pass  # planner creates its tables, sequence and functions in the new schema
    source, target = Database.from_url(source_url), Database.from_url(target_url)
    server = target_url.split("?", 1)[0]
    with psycopg.connect(server) as connection:
        tables = _tables(connection, source.schema or "")
        missing = set(tables) - set(_tables(connection, target.schema or ""))
        assert not missing, f"opening planner did not create {sorted(missing)}"
        connection.execute(
            sql.SQL("TRUNCATE {}").format(
                sql.SQL(", ").join(sql.Identifier(target.schema or "", t) for t in tables)
            )
        )
        for table, columns in tables.items():
            names = sql.SQL(", ").join(sql.Identifier(c) for c in columns)
            connection.execute(
                sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {}").format(
                    sql.Identifier(target.schema or "", table),
                    names,
                    names,
                    sql.Identifier(source.schema or "", table),
                )
            )
        _advance_sequences(connection, target.schema or "")


def _tables(connection: psycopg.Connection[Any], schema: str) -> dict[str, list[str]]:
    rows = connection.execute(
        "SELECT c.table_name, c.column_name FROM information_schema.columns c "
        "JOIN information_schema.tables t USING (table_schema, table_name) "
        "WHERE c.table_schema = %s AND t.table_type = 'BASE TABLE' "
        "ORDER BY c.table_name, c.ordinal_position",
        (schema,),
    ).fetchall()
    found: dict[str, list[str]] = {}
    for table, column in rows:
        found.setdefault(table, []).append(column)
    return found


def _advance_sequences(connection: psycopg.Connection[Any], schema: str) -> None:
    """Each serial column's sequence continues after the rows copied into its table."""
    serials = connection.execute(
        "SELECT table_name, column_name, "
        "pg_get_serial_sequence(format('%%I.%%I', table_schema, table_name), column_name) "
        "FROM information_schema.columns WHERE table_schema = %s",
        (schema,),
    ).fetchall()
    for table, column, sequence in serials:
        if sequence is None:
            continue
        connection.execute(
            sql.SQL("SELECT setval(%s, greatest((SELECT max({}) FROM {}), 1))").format(
                sql.Identifier(column), sql.Identifier(schema, table)
            ),
            (sequence,),
        )
