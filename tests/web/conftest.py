"""Web tests run against a real server process, once on SQLite and once on PostgreSQL,
and in Debian's Chromium."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.seeded_stores import SeededStores
from tests.web.server import Server, prepare_store, running

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    seeded_stores: SeededStores,
) -> Iterator[Server]:
    """One server per test module and database, over a copy of the Bắc Kạn sample with the
    test accounts: each module starts from the same store and changes only its own."""
    with serving(request, tmp_path_factory, seeded_stores) as started:
        yield started


@contextmanager
def serving(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    seeded_stores: SeededStores,
    env: dict[str, str] | None = None,
) -> Iterator[Server]:
    """A server on the database `request.param` names, with `env` added to its environment."""
    folder = tmp_path_factory.mktemp("web")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'planner.db'}"
        passwords = seeded_stores.copy(prepare_store, url)
        with running(url, folder / "files", passwords, env) as started:
            yield started
        return
    postgres = request.getfixturevalue("postgres_server")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        url = f"{postgres}?schema={schema}"
        passwords = seeded_stores.copy(prepare_store, url)
        with running(url, folder / "files", passwords, env) as started:
            yield started
    finally:
        with psycopg.connect(postgres, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright; required, so its absence fails loudly."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Debian's chromium at {CHROMIUM} "
            f"(found on PATH: {shutil.which('chromium')}); `make install` installs it.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()
