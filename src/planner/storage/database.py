"""One database URL configures both the event store and the SQL views beside it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

from planner.storage import sqlite_recorder

SQLITE_LOCK_TIMEOUT_SECONDS = 30
SCHEMA_LOCK_KEY = 7_146_801_332  # any constant shared by planner processes
POOL_SIZE = 3  # connections per pool kept open; four workers, a scheduler and a CLI fit in 100
TIMEOUT_SECONDS = 10  # the longest any statement, or a silent network, may keep a request


class DatabaseUrlError(ValueError):
    """PLANNER_DATABASE_URL names a database planner cannot use."""


@dataclass(frozen=True)
class Database:
    """A SQLite file or a PostgreSQL database (optionally one schema of it)."""

    url: URL
    pool_size: int = POOL_SIZE
    timeout_seconds: int = TIMEOUT_SECONDS

    @classmethod
    def from_url(
        cls, text: str, pool_size: int = POOL_SIZE, timeout_seconds: int = TIMEOUT_SECONDS
    ) -> Database:
        try:
            url = make_url(text)
        except Exception as error:
            raise DatabaseUrlError(
                f"PLANNER_DATABASE_URL '{text}' không phải URL hợp lệ"
            ) from error
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise DatabaseUrlError(
                f"PLANNER_DATABASE_URL: chỉ hỗ trợ sqlite:/// hoặc postgresql:// (nhận '{text}')"
            )
        if url.get_backend_name() == "sqlite" and (not url.database or url.database == ":memory:"):
            raise DatabaseUrlError(
                "PLANNER_DATABASE_URL: SQLite cần một tệp, ví dụ sqlite:///var/planner.db"
            )
        return cls(url, pool_size, timeout_seconds)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def schema(self) -> str | None:
        value = self.url.query.get("schema")
        return value if isinstance(value, str) else None

    @property
    def sqlite_path(self) -> Path:
        return Path(self.url.database or "")

    def event_store_env(self) -> dict[str, str]:
        """Settings for the eventsourcing library's native recorders."""
        if self.is_sqlite:
            self.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
            return {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "APPLICATION_RECORDER_TOPIC": sqlite_recorder.TOPIC,
                "SQLITE_DBNAME": str(self.sqlite_path),
                "SQLITE_LOCK_TIMEOUT": str(SQLITE_LOCK_TIMEOUT_SECONDS),
            }
        return {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": self.url.database or "",
            "POSTGRES_HOST": self.url.host or "127.0.0.1",
            "POSTGRES_PORT": str(self.url.port or 5432),
            "POSTGRES_USER": self.url.username or "postgres",
            "POSTGRES_PASSWORD": self.url.password or "",
            "POSTGRES_SCHEMA": self.schema or "",
            "POSTGRES_CONNECT_TIMEOUT": "5",
            "POSTGRES_POOL_SIZE": str(self.pool_size),
            "POSTGRES_MAX_OVERFLOW": str(self.pool_size),
            "POSTGRES_PRE_PING": "y",
        }

    def connection_limits(self) -> dict[str, Any]:
        """libpq settings so that nothing waits longer than `timeout_seconds`: a statement
        running too long is cancelled by the server, and a network that went silent is given
        up by the client (no acknowledgement, no keepalive answer)."""
        timeout_ms = self.timeout_seconds * 1000
        # Given here, `options` replaces libpq's PGOPTIONS: what that sets is kept first.
        inherited = os.environ.get("PGOPTIONS", "").strip()
        options = [inherited, f"-c statement_timeout={timeout_ms}"]
        if self.schema:
            options.append(f"-csearch_path={self.schema}")
        return {
            "options": " ".join(o for o in options if o),
            "tcp_user_timeout": timeout_ms,
            "keepalives": 1,
            "keepalives_idle": max(1, self.timeout_seconds // 2),
            "keepalives_interval": 1,
            "keepalives_count": 3,
        }

    @contextmanager
    def schema_lock(self) -> Iterator[None]:
        """Held while creating tables, so processes starting together do not collide.

        PostgreSQL refuses concurrent CREATE TABLE/TYPE of the same name ("tuple concurrently
        updated"); an advisory lock makes the second process wait and find the tables made.
        SQLite already serialises schema changes with its file lock.
        """
        if self.is_sqlite:
            yield
            return
        env = self.event_store_env()
        with psycopg.connect(
            dbname=env["POSTGRES_DBNAME"],
            host=env["POSTGRES_HOST"],
            port=env["POSTGRES_PORT"],
            user=env["POSTGRES_USER"],
            password=env["POSTGRES_PASSWORD"],
            connect_timeout=5,
            autocommit=True,
        ) as connection:
            connection.execute("SELECT pg_advisory_lock(%s)", (SCHEMA_LOCK_KEY,))
            try:
                yield
            finally:
                connection.execute("SELECT pg_advisory_unlock(%s)", (SCHEMA_LOCK_KEY,))

    def engine(self, *, writer: bool = False, probe: bool = False) -> Engine:
        """A SQLAlchemy engine for the views; a writer takes SQLite's write lock up front.

        A probe's single reads run outside transactions and skip the pool's ping, one round
        trip each; its caller copes with a connection that has gone away.
        """
        if self.is_sqlite:
            return _sqlite_engine(self.url, writer=writer)
        url = self.url.set(drivername="postgresql+psycopg").difference_update_query(["schema"])
        connect_args: dict[str, Any] = {"connect_timeout": 5, **self.connection_limits()}
        pool = {"pool_size": self.pool_size, "max_overflow": self.pool_size, "pool_timeout": 5}
        if probe:
            return create_engine(
                url, connect_args=connect_args, isolation_level="AUTOCOMMIT", **pool
            )
        # Readers ping each connection they take from the pool. The writer does not spend
        # that round trip on every command; it tries again when a connection has gone.
        return create_engine(url, connect_args=connect_args, pool_pre_ping=not writer, **pool)


def _sqlite_engine(url: URL, *, writer: bool) -> Engine:
    engine = create_engine(url, connect_args={"timeout": SQLITE_LOCK_TIMEOUT_SECONDS})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # A writer's transactions carry events, the source of truth: each commit waits for
        # the disk, as the library's own recorder does. Readers never commit anything.
        cursor.execute(f"PRAGMA synchronous={'FULL' if writer else 'NORMAL'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

    return engine
