"""Requests per second through HTTP, beside a bare FastAPI endpoint served the same way.

Run alone with `python -m benchmarks.http_rate` (rewrites its section of RESULTS.md);
`make bench` runs it with the others.

What users feel is the request, not the command: `planner serve` (one process, as deployed)
answers a task's JSON and takes progress reports from agency staff signed in with a bearer
token, while `benchmarks.bare_endpoint` answers the same shapes doing nothing. `wrk` keeps its
connections alive at 1, 16 and 64 at a time; planner and the floor take turns in rounds, and
each figure is the median of the rounds. The in-process command rate on the same store is the
second floor of an update.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from benchmarks.command_rate import TASKS, seed_tasks
from benchmarks.results_file import replace_section
from benchmarks.stores import BACKENDS, fresh_store
from planner.bootstrap.store import open_planner
from planner.domain.actor import Role
from planner.settings import Settings

CONCURRENCY = (1, 16, 64)
ROUNDS = 3
SECONDS = 3
LONG_HISTORY = 5000  # changes on one task, for its page
WORKERS = 2  # this machine's cores
WORKERS_GAIN = 1.6
USER = "can-bo.stp"
WRK = shutil.which("wrk") or "/usr/bin/wrk"


@dataclass(frozen=True)
class HttpRate:
    backend: str
    request: str
    concurrency: int
    planner_per_second: float
    bare_per_second: float
    errors: int

    @property
    def ratio(self) -> float:
        return self.planner_per_second / self.bare_per_second


@dataclass(frozen=True)
class TaskPage:
    """The page of a task with LONG_HISTORY changes, one connection."""

    kib: float
    median_ms: float
    p95_ms: float


@dataclass(frozen=True)
class WorkersRate:
    """Requests a second with WORKERS server processes, beside one (issue 21)."""

    request: str
    concurrency: int
    one_worker: float
    workers: float

    @property
    def gain(self) -> float:
        return self.workers / self.one_worker


@dataclass(frozen=True)
class HttpRun:
    backend: str
    commands_per_second: float  # in process, on the same store
    rates: list[HttpRate]
    page: TaskPage
    workers: list[WorkersRate]


def measure(backend: str, url: str) -> HttpRun:
    password = secrets.token_urlsafe(12) + "-Aa1"
    tasks, in_process = _seed(url, password)
    environment = _planner_environment(url)
    with tempfile.TemporaryDirectory() as directory:
        with _serving(_planner_command(1), environment) as planner_port:
            token = _sign_in(planner_port, password)
            scripts = _scripts(Path(directory), tasks, token)
            with _serving(_bare_command, {}) as bare_port:
                rates = _rounds(backend, planner_port, bare_port, scripts)
            page = _task_page(planner_port, token, tasks[-1])
        workers = []
        if backend != "sqlite":  # several workers are refused on SQLite, as they must be
            with _serving(_planner_command(WORKERS), environment) as port:
                workers = _with_workers(port, scripts, rates)
    return HttpRun(backend, in_process, rates, page, workers)


def _seed(url: str, password: str) -> tuple[list[UUID], float]:
    """A plan of tasks led by Sở Tư pháp, its staff account, and the in-process rate of
    progress reports on them."""
    with open_planner(Settings(database_url=url)) as planner:
        tasks = seed_tasks(planner)
        planner.users.add(USER, "STP", Role.AGENCY, password, planner.system)
        staff = planner.actor(USER, "STP", Role.AGENCY)
        start = time.perf_counter()
        for number in range(1000):
            planner.tasks.report_progress(
                tasks[number % TASKS], None, staff, percent=number % 100, note="Đang thực hiện"
            )
        rate = 1000 / (time.perf_counter() - start)
        with planner.workspace.bulk():  # the long-lived task of the page benchmark
            for week in range(LONG_HISTORY):
                planner.tasks.report_progress(
                    tasks[-1], None, staff, percent=week % 90, note=f"Tuần {week + 1}: đang làm"
                )
        return tasks, rate


def _planner_command(workers: int) -> Callable[[int], list[str]]:
    planner = str(Path(sys.executable).with_name("planner"))
    serve = [planner, "serve", "--no-scheduler", "--workers", str(workers)]
    return lambda port: [*serve, "--port", str(port)]


def _bare_command(port: int) -> list[str]:
    return [sys.executable, "-m", "benchmarks.bare_endpoint", str(port)]


def _planner_environment(url: str) -> dict[str, str]:
    return {
        "PLANNER_DATABASE_URL": url,
        "PLANNER_SESSION_SECRET": secrets.token_urlsafe(32),
        "PLANNER_SCHEDULER": "off",
    }


@contextmanager
def _serving(command: Callable[[int], list[str]], environment: dict[str, str]) -> Iterator[int]:
    """A server process on a free port, stopped afterwards."""
    port = _free_port()
    process = subprocess.Popen(
        command(port),
        env={**os.environ, **environment},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server on port {port} stopped (exit {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port} within a minute")


def _sign_in(port: int, password: str) -> str:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/token",
        data=json.dumps({"username": USER, "password": password}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        token: str = json.load(answer)["access_token"]
        return token


REQUESTS = {
    "GET /api/tasks/{id}": ("GET", "/api/tasks/{}", "/bare/{}"),
    "POST /api/tasks/{id}/progress": ("POST", "/api/tasks/{}/progress", "/bare/{}"),
}
Scripts = dict[tuple[str, str], Path]


def _scripts(directory: Path, tasks: list[UUID], token: str) -> Scripts:
    """wrk's scripts for each request, against planner and against the bare endpoint."""
    return {
        (name, target): _script(directory, method, path, tasks, token)
        for name, (method, planner_path, bare_path) in REQUESTS.items()
        for target, path in (("planner", planner_path), ("bare", bare_path))
    }


def _rounds(backend: str, planner_port: int, bare_port: int, scripts: Scripts) -> list[HttpRate]:
    found: dict[tuple[str, int], list[tuple[float, float, int]]] = {}
    for name in REQUESTS:  # warm both servers up: imports, caches, the pool
        _wrk(planner_port, scripts[(name, "planner")], 4, 1)
        _wrk(bare_port, scripts[(name, "bare")], 4, 1)
    for _ in range(ROUNDS):
        for concurrency in CONCURRENCY:
            for name in REQUESTS:
                real, errors = _wrk(planner_port, scripts[(name, "planner")], concurrency, SECONDS)
                bare, _ = _wrk(bare_port, scripts[(name, "bare")], concurrency, SECONDS)
                found.setdefault((name, concurrency), []).append((real, bare, errors))
    return [
        HttpRate(
            backend,
            name,
            concurrency,
            statistics.median(r for r, _, _ in runs),
            statistics.median(b for _, b, _ in runs),
            sum(e for _, _, e in runs),
        )
        for (name, concurrency), runs in found.items()
    ]


def _with_workers(port: int, scripts: Scripts, alone: list[HttpRate]) -> list[WorkersRate]:
    """The same requests at 16 and 64 connections served by WORKERS processes, beside one."""
    for name in REQUESTS:
        _wrk(port, scripts[(name, "planner")], 4, 1)
    found: dict[tuple[str, int], list[float]] = {}
    for _ in range(ROUNDS):
        for concurrency in (16, 64):
            for name in REQUESTS:
                rate, _ = _wrk(port, scripts[(name, "planner")], concurrency, SECONDS)
                found.setdefault((name, concurrency), []).append(rate)
    one = {(r.request, r.concurrency): r.planner_per_second for r in alone}
    return [
        WorkersRate(name, concurrency, one[(name, concurrency)], statistics.median(rates))
        for (name, concurrency), rates in found.items()
    ]


def _task_page(port: int, token: str, task: UUID) -> TaskPage:
    """Its size, and its latency under wrk at one connection (p95 from wrk's histogram)."""
    path = f"/tasks/{task}"
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Cookie": f"planner_session={token}"}
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        size = len(answer.read())
    with tempfile.TemporaryDirectory() as directory:
        script = Path(directory) / "page.lua"
        script.write_text(
            f"""
request = function()
  return wrk.format("GET", "{path}", {{["Cookie"] = "planner_session={token}"}})
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %d p95 %d\\n", latency:percentile(50), latency:percentile(95)))
end
""",
            encoding="utf-8",
        )
        done = subprocess.run(
            [WRK, "-t1", "-c1", f"-d{SECONDS}s", "-s", str(script), f"http://127.0.0.1:{port}/"],
            capture_output=True,
            text=True,
            check=True,
        )
    found = re.search(r"p50 (\d+) p95 (\d+)", done.stdout)
    if found is None:
        raise RuntimeError(f"wrk gave no latency:\n{done.stdout}{done.stderr}")
    return TaskPage(size / 1024, int(found.group(1)) / 1000, int(found.group(2)) / 1000)


def _script(directory: Path, method: str, path: str, tasks: list[UUID], token: str) -> Path:
    """A wrk script that walks through the tasks, one request each, with the token."""
    paths = ", ".join(f'"{path.format(task)}"' for task in tasks)
    if method == "POST":
        body = '[[{"percent": 40, "note": "Đang thực hiện"}]]'
        kind = '["Content-Type"] = "application/json", '
    else:
        body, kind = "nil", ""
    script = directory / f"{secrets.token_hex(4)}.lua"
    script.write_text(
        f"""
local paths = {{{paths}}}
local n = 0
local headers = {{{kind}["Authorization"] = "Bearer {token}"}}
request = function()
  n = n + 1
  return wrk.format("{method}", paths[(n % #paths) + 1], headers, {body})
end
""",
        encoding="utf-8",
    )
    return script


def _wrk(port: int, script: Path, concurrency: int, seconds: int) -> tuple[float, int]:
    """Requests per second and the count of failed ones (non-2xx, socket errors)."""
    done = subprocess.run(
        [
            WRK,
            "-t1",
            f"-c{concurrency}",
            f"-d{seconds}s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}/",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rate = re.search(r"Requests/sec:\s+([\d.]+)", done.stdout)
    if rate is None:
        raise RuntimeError(f"wrk gave no rate:\n{done.stdout}{done.stderr}")
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", done.stdout))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", done.stdout))
    return float(rate.group(1)), errors


HEADING = "## Through HTTP (issue 20)"
GET_RATIO = 0.5
UPDATE_RATIO = 0.3
UPDATE_TO_COMMAND = 0.5
PAGE_KIB = 100
PAGE_P95_MS = 50.0


def section(runs: list[HttpRun]) -> str:
    lines = [
        HEADING,
        "",
        "One `planner serve` process (uvicorn, as deployed) beside a bare FastAPI `def` endpoint",
        "served by the same uvicorn; `wrk` with keep-alive, one thread, "
        f"{SECONDS} s per figure, median of {ROUNDS} interleaved rounds. Agency staff signed in",
        "with a bearer token read a task's JSON and report progress on 200 tasks in turn.",
        "",
        "| store | request | concurrent | planner req/s | bare req/s | planner / bare | failed |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        lines += [
            f"| {r.backend} | {r.request} | {r.concurrency} | {r.planner_per_second:,.0f} | "
            f"{r.bare_per_second:,.0f} | {r.ratio:.2f}× | {r.errors} |"
            for r in run.rates
        ]
    lines += [
        "",
        f"The page of a task with {LONG_HISTORY:,} changes, signed in, one connection:",
        "",
        "| store | page KiB | median ms | p95 ms |",
        "| --- | ---: | ---: | ---: |",
        *[
            f"| {run.backend} | {run.page.kib:,.0f} | {run.page.median_ms:,.1f} | "
            f"{run.page.p95_ms:,.1f} |"
            for run in runs
        ],
    ]
    with_workers = [(run.backend, w) for run in runs for w in run.workers]
    if with_workers:
        lines += [
            "",
            f"`planner serve --workers {WORKERS}` beside one process (issue 21), same requests:",
            "",
            f"| store | request | concurrent | 1 worker req/s | {WORKERS} workers req/s | gain |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
            *[
                f"| {backend} | {w.request} | {w.concurrency} | {w.one_worker:,.0f} | "
                f"{w.workers:,.0f} | {w.gain:.2f}× |"
                for backend, w in with_workers
            ],
        ]
    lines += ["", "Against the targets:", ""]
    for run in runs:
        lines += _verdicts(run)
    return "\n".join(lines) + "\n"


def _verdicts(run: HttpRun) -> list[str]:
    reads = {r.concurrency: r for r in run.rates if r.request.startswith("GET")}
    updates = {r.concurrency: r for r in run.rates if r.request.startswith("POST")}
    alone = reads[1]
    holds = all(reads[c].planner_per_second >= alone.planner_per_second for c in reads)
    update = updates[1]
    to_command = update.planner_per_second / run.commands_per_second
    return [
        f"- {run.backend}: GET {alone.ratio:.2f}× the bare endpoint at c=1 — "
        f"{_met(alone.ratio >= GET_RATIO)} (≥ {GET_RATIO}×); at c=16 and c=64 "
        + ("no lower than at c=1 — met" if holds else "lower than at c=1 — **not met**"),
        f"- {run.backend}: update {update.ratio:.2f}× the bare endpoint at c=1 — "
        f"{_met(update.ratio >= UPDATE_RATIO)} (≥ {UPDATE_RATIO}×); {to_command:.2f}× the "
        f"in-process command rate ({run.commands_per_second:,.0f}/s) — "
        f"{_met(to_command >= UPDATE_TO_COMMAND)} (≥ {UPDATE_TO_COMMAND}×)",
        f"- {run.backend}: task page with {LONG_HISTORY:,} changes {run.page.kib:,.0f} KiB, "
        f"p95 {run.page.p95_ms:,.1f} ms — "
        f"{_met(run.page.kib < PAGE_KIB and run.page.p95_ms < PAGE_P95_MS)} "
        f"(< {PAGE_KIB} KB, p95 < {PAGE_P95_MS:.0f} ms)",
        *[
            f"- {run.backend}: {WORKERS} workers, {w.request} at c={w.concurrency}: "
            f"{w.gain:.2f}× one — {_met(w.gain >= WORKERS_GAIN)} (≥ {WORKERS_GAIN}×)"
            for w in run.workers
        ],
    ]


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def write(text: str) -> None:
    replace_section(HEADING, text)


def run(backends: tuple[str, ...] = BACKENDS) -> str:
    runs = []
    for backend in backends:
        with fresh_store(backend) as url:
            runs.append(measure(backend, url))
    return section(runs)


if __name__ == "__main__":
    write(run())
