"""The database goes away, or hangs, under a running server: people and programs get 503 with a
retry hint instead of an error page or a wait without end, the log says so once per kind of
failure, and the server takes requests again as soon as the database answers."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pytest
from sqlalchemy import make_url

from tests.seeded_stores import SeededStores
from tests.web.server import Server, prepare_store, running
from tests.web.tcp_proxy import TcpProxy

TIMEOUT_SECONDS = 2


@dataclass
class Outage:
    server: Server
    proxy: TcpProxy
    direct_url: str  # the same schema, not through the proxy
    log: Path


@pytest.fixture(scope="module")
def outage(
    postgres_server: str, tmp_path_factory: pytest.TempPathFactory, seeded_stores: SeededStores
) -> Iterator[Outage]:
    """A server whose PostgreSQL connections all pass through a proxy the test can cut."""
    folder = tmp_path_factory.mktemp("outage")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    database = make_url(postgres_server)
    proxy = TcpProxy(database.host or "127.0.0.1", database.port or 5432)
    direct = f"{postgres_server}?schema={schema}"
    via_proxy = database.set(host="127.0.0.1", port=proxy.port).render_as_string(False)
    passwords = seeded_stores.copy(prepare_store, direct)
    env = {"PLANNER_DB_TIMEOUT": str(TIMEOUT_SECONDS), "PLANNER_SCHEDULER": "off"}
    try:
        with running(f"{via_proxy}?schema={schema}", folder / "files", passwords, env) as server:
            port = server.url.rsplit(":", 1)[1]
            yield Outage(server, proxy, direct, folder / f"serve-{port}.log")
    finally:
        proxy.close()
        with psycopg.connect(postgres_server, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


def test_a_lost_database_gives_503_with_retry_after_and_service_resumes_by_itself(
    outage: Outage,
) -> None:
    server = outage.server
    monitor = server.headers("chuyen-vien.snv")
    with server.client() as client:
        assert client.get("/api/tasks", headers=monitor).status_code == 200

        outage.proxy.cut()
        refused = [client.get("/api/tasks", headers=monitor) for _ in range(5)]
        assert {answer.status_code for answer in refused} == {503}
        body = refused[0].json()
        assert body["code"] == "database_unavailable"
        assert "chưa có gì được ghi nhận" in body["message"]
        assert refused[0].headers["retry-after"] == "5"
        client.cookies.set("planner_session", server.token("chuyen-vien.snv"))
        page = client.get("/dashboard")
        assert page.status_code == 503
        assert "cơ sở dữ liệu tạm thời không trả lời" in page.text
        assert client.get("/health").status_code == 200  # the process itself is alive
        assert client.get("/ready").status_code == 503

        outage.proxy.restore()
        assert _answers_again(client, "/api/tasks", monitor) == 200
        assert client.get("/ready").json() == {"status": "ready", "lag_events": 0}
        task = client.get("/api/tasks", headers=monitor).json()["tasks"][0]["task_id"]
        note = {"note": "Đã họp giao ban"}
        changed = client.post(f"/api/tasks/{task}/progress", json=note, headers=monitor)
        assert changed.status_code in (200, 422), changed.text  # answered, not 503

    log = outage.log.read_text()
    assert "Traceback" not in log
    failures = [line for line in log.splitlines() if "cơ sở dữ liệu không trả lời" in line]
    assert 1 <= len(failures) <= 3, failures  # once per kind of failure, not per request
    assert "cơ sở dữ liệu đã trả lời lại sau" in log


def test_a_database_that_hangs_answers_503_within_the_set_time(outage: Outage) -> None:
    server = outage.server
    monitor = server.headers("chuyen-vien.snv")
    with psycopg.connect(outage.direct_url.split("?")[0]) as blocker:
        schema = outage.direct_url.split("schema=")[1]
        blocker.execute(f'LOCK TABLE "{schema}".view_tasks IN ACCESS EXCLUSIVE MODE')
        with server.client() as client:
            start = time.monotonic()
            answer = client.get("/api/tasks", headers=monitor)
            waited = time.monotonic() - start
        blocker.rollback()
    assert answer.status_code == 503, answer.text
    assert waited < TIMEOUT_SECONDS + 5
    with server.client() as client:
        assert client.get("/api/tasks", headers=monitor).status_code == 200


def _answers_again(client: httpx.Client, path: str, headers: dict[str, str]) -> int:
    """The first status other than 503 within fifteen seconds of the database coming back."""
    deadline = time.monotonic() + 15
    status = 503
    while status == 503 and time.monotonic() < deadline:
        status = client.get(path, headers=headers).status_code
        if status == 503:
            time.sleep(0.2)
    return status
