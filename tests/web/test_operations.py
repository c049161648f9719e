"""What the province's IT department monitors: liveness, readiness, and Prometheus metrics."""

from __future__ import annotations

import re

from tests.web.server import Server


def test_the_load_balancer_asks_whether_the_server_lives_and_is_ready(server: Server) -> None:
    with server.client() as client:
        assert client.get("/health").json()["status"] == "ok"
        assert client.get("/ready").json() == {"status": "ready", "lag_events": 0}


def test_monitoring_reads_requests_conflicts_and_failed_sign_ins_from_the_metrics(
    server: Server,
) -> None:
    admin = server.headers("quan-tri")
    monitor = server.headers("chuyen-vien.snv")
    with server.client() as client:
        client.post("/api/token", json={"username": "chuyen-vien.snv", "password": "sai-roi"})
        task = client.get("/api/tasks", headers=monitor).json()["tasks"][0]
        stale = {"note": "Đã họp", "expected_version": task["version"] - 1}
        conflict = client.post(
            f"/api/tasks/{task['task_id']}/progress", json=stale, headers=monitor
        )
        assert conflict.status_code == 409, conflict.text
        assert client.get("/metrics", headers=monitor).status_code == 403
        assert client.get("/metrics").status_code == 401
        text = client.get("/metrics", headers=admin).text

    assert _value(text, 'planner_requests_total{method="GET",route="/api/tasks",status="200"}') >= 1
    assert _value(text, "planner_failed_logins_total") >= 1
    assert _value(text, "planner_conflicts_total") >= 1
    assert _value(text, "planner_projector_lag_events") == 0
    assert 'planner_request_seconds_bucket{le="0.005",method="GET",route="/api/tasks"}' in text


def _value(text: str, name: str) -> float:
    found = re.search(rf"^{re.escape(name)} (\S+)$", text, re.MULTILINE)
    assert found, f"{name} not in the metrics"
    return float(found.group(1))


def test_every_answer_carries_the_security_headers_and_a_browser_its_csrf_cookie(
    server: Server,
) -> None:
    with server.client() as client:
        login = client.get("/login")
        answer = client.get("/api/tasks", headers=server.headers("chuyen-vien.snv"))
        refused = client.get("/api/tasks")
        docs = client.get("/docs")
    for sent in (login, answer, refused):
        assert sent.headers["x-content-type-options"] == "nosniff"
        assert sent.headers["referrer-policy"] == "same-origin"
        assert sent.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in sent.headers["content-security-policy"]
    assert refused.status_code == 401
    assert login.headers["set-cookie"].startswith("planner_csrf=")
    assert "httponly" in login.headers["set-cookie"].lower()
    assert docs.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in docs.headers  # Swagger UI starts with an inline script
