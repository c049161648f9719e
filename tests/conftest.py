"""Every storage-backed test runs twice: on a SQLite file and on the local PostgreSQL server.

PostgreSQL is required, not optional: if it cannot be reached the tests fail and say so.
Set PLANNER_TEST_POSTGRES_URL to use another server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from datetime import UTC, date, datetime, time
from pathlib import Path

import psycopg
import pytest
from xdist.remote import Producer

from planner.application.clock import Clock, FixedClock
from planner.application.planner import Planner
from planner.bootstrap.container import Container
from planner.bootstrap.settings import read_settings
from planner.domain.vietnam_time import VIETNAM
from tests.seeded_stores import SeededStores
from tests.work_units import ServerUnits, web_first

POSTGRES_URL = os.environ.get(
    "PLANNER_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
# The tests' commits do not wait for PostgreSQL to flush its log to disk: what a transaction
# sees of another is unchanged, only a crash of the server could lose the last commits, which
# a test database can afford. libpq reads PGOPTIONS in every process the tests start, too.
os.environ.setdefault("PGOPTIONS", "-c synchronous_commit=off")


def vietnam_time(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), VIETNAM).astimezone(UTC)


def composed(
    database_url: str, clock: Clock | None = None, env: Mapping[str, str] | None = None
) -> Container:
    """The composition root as a test starts it: on DATABASE_URL, with these PLANNER_* settings
    before the environment's."""
    return Container(read_settings({**(env or {}), "PLANNER_DATABASE_URL": database_url}), clock)


@pytest.fixture(scope="session")
def postgres_server() -> str:
    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=5) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        pytest.fail(
            f"PostgreSQL is required for the test suite but {POSTGRES_URL} is unreachable: "
            f"{error}. Start it (pg_ctlcluster ... main start) or set PLANNER_TEST_POSTGRES_URL.",
            pytrace=False,
        )
    return POSTGRES_URL


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'planner.db'}"
        return
    with _schema(request.getfixturevalue("postgres_server")) as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new schema on the PostgreSQL server, for what only a database server does."""
    with _schema(postgres_server) as url:
        yield url


@contextmanager
def _schema(server: str) -> Iterator[str]:
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{server}?schema={schema}"
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="session")
def seeded_stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeededStores]:
    """Seeds loaded once per session (and worker), copied into each test's empty store."""
    with ExitStack() as schemas:
        yield SeededStores(
            tmp_path_factory.mktemp("seeds"), lambda: schemas.enter_context(_schema(POSTGRES_URL))
        )


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(vietnam_time(date(2023, 6, 8)))


@pytest.fixture
def planner(database_url: str, clock: FixedClock) -> Iterator[Planner]:
    """Planner on an empty store with the default agency registry."""
    with composed(database_url, clock).open_planner() as opened:
        opened.agencies.register_defaults(opened.system)
        yield opened


def pytest_xdist_make_scheduler(config: pytest.Config, log: Producer) -> ServerUnits | None:
    """`make test`'s units of work (`--dist loadscope`): see tests/work_units.py."""
    if config.getvalue("dist") != "loadscope":
        return None
    return ServerUnits(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    web_first(items)
