"""Which of several planner processes runs the scheduler: the one holding the leader's lock.

On PostgreSQL the lock is a session advisory lock, released by the server if the process dies;
on SQLite, whose processes share one machine, it is an exclusive lock on a file beside the
database, released by the operating system the same way.
"""

from __future__ import annotations

import fcntl
import zlib
from contextlib import suppress
from pathlib import Path
from typing import IO, Protocol

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from planner.storage.database import Database

_TRY_LOCK = text("SELECT pg_try_advisory_lock(:key)")
_UNLOCK = text("SELECT pg_advisory_unlock(:key)")


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
        # One lock per store: several planner schemas may share one PostgreSQL database.
        self.key = zlib.crc32(f"planner-scheduler:{database.schema or ''}".encode())
        self.engine = database.engine().execution_options(isolation_level="AUTOCOMMIT")
        self.connection: Connection | None = None

    def try_acquire(self) -> bool:
        try:
            connection = self.engine.connect()
            taken = connection.execute(_TRY_LOCK, {"key": self.key}).scalar()
        except SQLAlchemyError:
            return False
        if not taken:
            connection.close()
            return False
        self.connection = connection
        return True

    def holds(self) -> bool:
        if self.connection is None:
            return False
        try:
            self.connection.execute(text("SELECT 1"))
        except SQLAlchemyError:
            self.release()
            return False
        return True

    def release(self) -> None:
        connection, self.connection = self.connection, None
        if connection is None:
            return
        # The pooled session outlives close(), so the lock is given back explicitly; if the
        # session is gone, the server has released it already.
        with suppress(SQLAlchemyError):
            connection.execute(_UNLOCK, {"key": self.key})
        connection.close()
        self.engine.dispose()


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
