"""A province runs planner in several worker processes on PostgreSQL: requests are shared
among them, a change made through one is seen through all, and a worker killed outright is
replaced while the others go on answering, with nothing acknowledged lost."""

from __future__ import annotations

import os
import signal
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import psycopg
import pytest

from tests.command_line import run_planner
from tests.seeded_stores import SeededStores
from tests.web.server import Server, free_port, prepare_store, running


@pytest.fixture(scope="module")
def workers(
    postgres_server: str, tmp_path_factory: pytest.TempPathFactory, seeded_stores: SeededStores
) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("workers")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{postgres_server}?schema={schema}"
    passwords = seeded_stores.copy(prepare_store, url)
    env = {"PLANNER_SCHEDULER": "off"}
    try:
        with running(url, folder / "files", passwords, env, ("--workers", "2")) as server:
            yield server
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


def test_two_workers_share_the_requests_and_see_each_other_s_changes(workers: Server) -> None:
    assert len(_processes(workers)) == 2
    monitor = workers.headers("chuyen-vien.snv")
    with workers.client() as client:
        task = _task(client, monitor, "PL2 III.1")
        note = {"note": "Đã họp giao ban", "expected_version": task["version"]}
        changed = client.post(f"/api/tasks/{task['task_id']}/progress", json=note, headers=monitor)
        assert changed.status_code == 200, changed.text
    versions = {
        httpx.get(f"{workers.url}/api/tasks/{task['task_id']}", headers=monitor).json()["task"][
            "version"
        ]
        for _ in range(10)
    }
    assert versions == {task["version"] + 1}


def test_a_worker_killed_outright_is_replaced_and_nothing_acknowledged_is_lost(
    workers: Server,
) -> None:
    monitor = workers.headers("chuyen-vien.snv")
    with workers.client() as client:
        task = _task(client, monitor, "PL2 VI.1")
        done = {"note": "Trước khi một tiến trình dừng đột ngột"}
        changed = client.post(f"/api/tasks/{task['task_id']}/progress", json=done, headers=monitor)
        assert changed.status_code == 200, changed.text
    victim = next(iter(_processes(workers)))
    os.kill(victim, signal.SIGKILL)

    answers = [httpx.get(f"{workers.url}/health").status_code for _ in range(20)]
    assert answers == [200] * 20  # the other worker answers meanwhile
    deadline = time.monotonic() + 30
    while victim in _processes(workers) or len(_processes(workers)) < 2:
        assert time.monotonic() < deadline, "the killed worker was not replaced"
        time.sleep(0.2)
    found = httpx.get(f"{workers.url}/api/tasks/{task['task_id']}", headers=monitor).json()
    assert found["task"]["version"] == changed.json()["task"]["version"]


def test_several_workers_on_sqlite_are_refused_with_the_reason(tmp_path: object) -> None:
    url = f"sqlite:///{tmp_path}/planner.db"
    port = str(free_port())
    refused = run_planner(url, "serve", "--workers", "2", "--port", port, ok=False)
    assert refused.returncode == 1
    assert "SQLite chỉ phục vụ một tiến trình" in refused.stderr


def _task(client: httpx.Client, headers: dict[str, str], reference: str) -> dict[str, Any]:
    tasks = client.get("/api/tasks", headers=headers).json()["tasks"]
    found: dict[str, Any] = next(t for t in tasks if t["reference"] == reference)
    return found


def _processes(server: Server) -> set[int]:
    """The worker processes that answer fresh connections."""
    return {httpx.get(f"{server.url}/health").json()["process"] for _ in range(40)}
