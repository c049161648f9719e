"""Which of several planner processes runs the scheduler: the one holding the leader's lock.

On PostgreSQL the lock is a session advisory lock, released by the server if the process dies;
on SQLite, whose processes share one machine, it is an exclusive lock on a file beside the
database, released by the operating system the same way.
"""

from __future__ import annotations

import fcntl
import zlib
from pathlib import Path
from typing import IO, Protocol

import psycopg

from planner.storage.database import Database


class Leadership(Protocol):
    def try_acquire(self) -> bool: ...

    def holds(self) -> bool:
        """Still the leader (the lock's connection is alive)."""
        ...

    def release(self) -> None: ...


def leadership_for(database: Database) -> Leadership:
    if database.is_sqlite:
        return FileLeadership(database.sqlite_path.with_name(database.sqlite_path.name + ".lead"))
    return PostgresLeadership(database)


class PostgresLeadership:
    def __init__(self, database: Database) -> None:
        self.database = database
        # One lock per store: several planner schemas may share one PostgreSQL database.
        self.key = zlib.crc32(f"planner-scheduler:{database.schema or ''}".encode())
        self.connection: psycopg.Connection[tuple[object, ...]] | None = None

    def try_acquire(self) -> bool:
        env = self.database.event_store_env()
        try:
            connection = psycopg.connect(
                dbname=env["POSTGRES_DBNAME"],
                host=env["POSTGRES_HOST"],
                port=env["POSTGRES_PORT"],
                user=env["POSTGRES_USER"],
                password=env["POSTGRES_PASSWORD"],
                connect_timeout=5,
                autocommit=True,
            )
        except psycopg.Error:
            return False
        row = connection.execute("SELECT pg_try_advisory_lock(%s)", (self.key,)).fetchone()
        if not (row and row[0]):
            connection.close()
            return False
        self.connection = connection
        return True

    def holds(self) -> bool:
        if self.connection is None:
            return False
        try:
            self.connection.execute("SELECT 1")
        except psycopg.Error:
            self.release()
            return False
        return True

    def release(self) -> None:
        if self.connection is not None:
            self.connection.close()  # closing the session releases its advisory locks
            self.connection = None


class FileLeadership:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.file: IO[bytes] | None = None

    def try_acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        file = self.path.open("ab")
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            file.close()
            return False
        self.file = file
        return True

    def holds(self) -> bool:
        return self.file is not None

    def release(self) -> None:
        if self.file is not None:
            fcntl.flock(self.file, fcntl.LOCK_UN)
            self.file.close()
            self.file = None
