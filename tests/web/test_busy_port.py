"""A second `planner serve --demo` started on the port a server already holds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from tests.web.server import Server

REPOSITORY = Path(__file__).resolve().parents[2]


def serve_again(server: Server, port: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLANNER_DATABASE_URL": server.database_url}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "planner.bootstrap.command_line",
            "serve",
            "--demo",
            "--port",
            str(port),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_a_second_demo_on_a_busy_port_leaves_the_running_server_alone(server: Server) -> None:
    port = urlsplit(server.url).port
    assert port is not None
    signed_in = server.headers("chuyen-vien.snv")

    second = serve_again(server, port)

    assert second.returncode == 1
    assert f"Lỗi: cổng {port} trên 127.0.0.1 đang được một chương trình khác dùng" in second.stderr
    assert "planner serve --port 8080" in second.stderr and "make run PORT=8080" in second.stderr
    assert "address already in use" not in second.stderr + second.stdout
    assert "đang chạy tại" not in second.stdout and "Mật khẩu" not in second.stdout
    # The demo passwords were not reset: the running server's sessions and logins still work.
    with server.client() as client:
        assert client.get("/api/me", headers=signed_in).status_code == 200
    assert server.token("chuyen-vien.snv")


def test_make_run_takes_the_port_the_message_suggests() -> None:
    planned = subprocess.run(
        ["make", "-n", "run", "PORT=8080"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "planner serve --demo --port 8080" in planned.stdout
