"""A provincial IT department reads the server's log: one JSON line per answered request, with
who asked, the outcome and a request id that the answer carries too; the client's address is
taken from X-Forwarded-For only when a trusted proxy sends it."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.seeded_stores import SeededStores
from tests.web.server import Server, prepare_store, running


@pytest.fixture(scope="module", params=["127.0.0.1", "10.9.9.9"], ids=["proxy", "no-proxy"])
def logged(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    seeded_stores: SeededStores,
) -> Iterator[tuple[Server, Path, bool]]:
    """A server logging JSON; the local peer is its trusted proxy, or not."""
    folder = tmp_path_factory.mktemp("logged")
    url = f"sqlite:///{folder / 'planner.db'}"
    passwords = seeded_stores.copy(prepare_store, url)
    env = {
        "PLANNER_LOG_FORMAT": "json",
        "PLANNER_TRUSTED_PROXIES": request.param,
        "PLANNER_SCHEDULER": "off",
    }
    with running(url, folder / "files", passwords, env) as server:
        port = server.url.rsplit(":", 1)[1]
        yield server, folder / f"serve-{port}.log", request.param == "127.0.0.1"


def entries(log: Path, request_id: str, count: int = 1) -> list[dict[str, Any]]:
    """The request's log lines; the access line is written just after the answer is sent."""
    deadline = time.monotonic() + 10
    while True:
        lines = log.read_text(encoding="utf-8").splitlines()
        found = [e for e in map(_entry, lines) if e and e.get("request_id") == request_id]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.02)


def _entry(line: str) -> dict[str, Any] | None:
    return json.loads(line) if line.startswith("{") else None


def test_each_answer_is_a_json_line_with_the_user_and_the_id_the_answer_carries(
    logged: tuple[Server, Path, bool],
) -> None:
    server, log, _ = logged
    with server.client() as client:
        answer = client.get("/api/tasks?limit=1", headers=server.headers("can-bo.stc"))
    assert answer.status_code == 200
    request_id = answer.headers["X-Request-ID"]
    [line] = entries(log, request_id)
    assert line["logger"] == "planner.access"
    assert (line["method"], line["path"], line["status"], line["user"]) == (
        "GET",
        "/api/tasks",
        200,
        "can-bo.stc",
    )
    assert line["ms"] >= 0


def test_a_request_id_given_by_the_caller_is_kept_and_a_malformed_one_replaced(
    logged: tuple[Server, Path, bool],
) -> None:
    server, log, _ = logged
    with server.client() as client:
        kept = client.get("/health", headers={"X-Request-ID": "proxy-42.a"})
        replaced = client.get("/health", headers={"X-Request-ID": "bad id\twith spaces"})
    assert kept.headers["X-Request-ID"] == "proxy-42.a"
    assert len(replaced.headers["X-Request-ID"]) == 32
    assert len(entries(log, "proxy-42.a")) == 1


def test_a_failed_sign_in_is_logged_under_its_request(logged: tuple[Server, Path, bool]) -> None:
    server, log, _ = logged
    with server.client() as client:
        answer = client.post("/api/token", json={"username": "khong-co", "password": "sai"})
    assert answer.status_code == 401
    request_id = answer.headers["X-Request-ID"]
    lines = entries(log, request_id, count=2)
    assert {e["logger"] for e in lines} == {"planner.sign_in", "planner.access"}
    assert any("khong-co" in e["message"] for e in lines)


def test_the_client_address_comes_from_x_forwarded_for_only_through_a_trusted_proxy(
    logged: tuple[Server, Path, bool],
) -> None:
    server, log, trusted = logged
    with server.client() as client:
        answer = client.get("/health", headers={"X-Forwarded-For": "203.0.113.7"})
    request_id = answer.headers["X-Request-ID"]
    [line] = entries(log, request_id)
    assert line["client"] == ("203.0.113.7" if trusted else "127.0.0.1")
