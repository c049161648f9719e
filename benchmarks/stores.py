"""Fresh stores for a benchmark run: a SQLite file, or a new schema on the PostgreSQL server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

POSTGRES_URL = os.environ.get(
    "PLANNER_BENCH_POSTGRES_URL",
    os.environ.get("PLANNER_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"),
)
DATA = Path(__file__).parent / ".data"

BACKENDS = ("sqlite", "postgresql")


@contextmanager
def fresh_store(backend: str) -> Iterator[str]:
    """A database URL for an empty store, removed afterwards."""
    name = f"bench_{uuid.uuid4().hex[:10]}"
    if backend == "sqlite":
        DATA.mkdir(exist_ok=True)
        path = DATA / f"{name}.db"
        try:
            yield f"sqlite:///{path}"
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{name}"')
    try:
        yield f"{POSTGRES_URL}?schema={name}"
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{name}" CASCADE')
