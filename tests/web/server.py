"""A real `planner serve` process on a free port, over a store loaded with the Bắc Kạn sample.
It is forked with its imports done (tests/python_processes.py)."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from planner.application.clock import FixedClock, SystemClock
from planner.demo.loader import load_demo
from planner.domain.actor import Actor, Role
from tests.conftest import composed
from tests.python_processes import PythonProcess

ACCOUNTS = {
    "chuyen-vien.snv": ("SNV", Role.MONITOR),
    "quan-tri": ("SNV", Role.ADMIN),
    "can-bo.vpubnd": ("VPUBND", Role.AGENCY),
    "can-bo.stc": ("STC", Role.AGENCY),
    "can-bo.stttt": ("STTTT", Role.AGENCY),
}


@dataclass
class Server:
    url: str
    database_url: str
    files_dir: Path
    passwords: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)

    def token(self, username: str) -> str:
        """A bearer token of a test account, signed in once per server: the accounts are never
        closed or reset, and each sign-in costs an Argon2 check (the sign-in tests sign in
        themselves)."""
        if username not in self.tokens:
            with self.client() as client:
                answer = client.post(
                    "/api/token", json={"username": username, "password": self.passwords[username]}
                )
            assert answer.status_code == 200, answer.text
            self.tokens[username] = answer.json()["access_token"]
        return self.tokens[username]

    def headers(self, username: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(username)}"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def prepare_store(database_url: str) -> dict[str, str]:
    """Load the demo plan and add the test accounts; returns their (fresh) passwords.
    Done once per test session and database (`seeded_stores`): each server gets a copy."""
    clock = FixedClock(SystemClock().now())
    passwords = {name: secrets.token_urlsafe(12) for name in ACCOUNTS}
    with composed(database_url, clock).open_planner() as planner:
        load_demo(planner, clock)
        admin = Actor("kiem-thu", "SNV", Role.ADMIN)
        for name, (agency, role) in ACCOUNTS.items():
            planner.users.add(name, agency, role, passwords[name], admin)
    return passwords


@contextmanager
def running(
    database_url: str,
    files_dir: Path,
    passwords: dict[str, str],
    extra_env: dict[str, str] | None = None,
    serve_options: tuple[str, ...] = (),
) -> Iterator[Server]:
    """Start the server on a prepared store, wait until it answers, stop it afterwards."""
    port = free_port()
    env = {
        **os.environ,
        **(extra_env or {}),
        "PLANNER_DATABASE_URL": database_url,
        "PLANNER_SESSION_SECRET": secrets.token_urlsafe(32),
        "PLANNER_FILES_DIR": str(files_dir),
    }
    log = files_dir.parent / f"serve-{port}.log"
    process = PythonProcess(
        "planner.bootstrap.command_line", ["serve", "--port", str(port), *serve_options], env, log
    )
    server = Server(f"http://127.0.0.1:{port}", database_url, files_dir, passwords)
    try:
        wait_until_up(server, process)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_until_up(server: Server, process: PythonProcess) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.output()
            raise RuntimeError(f"planner serve exited with {process.returncode}:\n{output}")
        try:
            if httpx.get(f"{server.url}/login", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"planner serve did not answer at {server.url} within 60 s")
